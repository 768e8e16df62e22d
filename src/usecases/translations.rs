//! A recommendation's text in another language than the report's English: admins add and
//! correct it, with its source; everyone reads it. The report's own text stays the one the
//! rules read; a translation is for people to read in their language.

use std::collections::HashMap;

use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::call_for_information::CallForInformation;
use super::gap_report::GapReport;
use super::recommendations::not_found;
pub use crate::db::translations::TranslationRow;
use crate::db::translations::{self, NewTranslation};
use crate::db::{Connection, Connections, Constrained, recommendations};
use crate::domain::{Caller, Failure, Language, Validator};

/// A translation as an admin gives it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"text": "Accroître les efforts pour enquêter sur les cas de traite et poursuivre les trafiquants.", "source_url": "https://sn.usembassy.gov/fr/"}))]
pub struct SetTranslation {
    /// The recommendation's text in the language, as published or as translated.
    #[schema(min_length = 1, max_length = 20000)]
    pub text: String,
    /// Where this text comes from: a web address.
    #[schema(
        pattern = "^\\s*(https?://[A-Za-z0-9.-]+(:[0-9]{1,4})?([/?#][^\\s\\u0000-\\u001f\\u007f-\\u009f]*)?)?\\s*$"
    )]
    pub source_url: Option<String>,
}

/// The language a translation may be in: one gaptrack speaks, other than the report's English.
fn translated_language(code: &str) -> Result<Language, Failure> {
    code.parse::<Language>()
        .ok()
        .filter(|language| *language != Language::English)
        .ok_or_else(|| Failure::invalid("language", "invalid-translation-language"))
}

/// Adds or corrects the translation of recommendation `id` into `language`, for `caller`, who
/// must be an admin; they are named as who added it.
pub async fn set(
    db: &impl Connections,
    caller: &Caller,
    id: Uuid,
    language: &str,
    given: &SetTranslation,
) -> Result<TranslationRow, Failure> {
    caller.require_admin()?;
    let language = translated_language(language)?;
    let mut check = Validator::default();
    let text = check.required_text("text", &given.text);
    let source_url = check.optional_url("source_url", given.source_url.as_deref());
    check.finish()?;
    let mut connection = db.connect().await?;
    let row = NewTranslation {
        recommendation_id: id,
        language: language.as_str(),
        text: &text,
        source_url: source_url.as_deref(),
        added_by: &caller.name,
    };
    // The recommendation's existence is the foreign key's to say, in the write itself.
    match translations::put(&mut connection, &caller.actor(), &row).await? {
        Constrained::Done(row) => Ok(row),
        Constrained::MissingReference(_) | Constrained::Duplicate(_) => Err(not_found(id)),
    }
}

/// Every translation of recommendation `id`.
pub async fn of(db: &impl Connections, id: Uuid) -> Result<Vec<TranslationRow>, Failure> {
    let mut connection = db.connect().await?;
    if recommendations::find(&mut connection, id).await?.is_none() {
        return Err(not_found(id));
    }
    Ok(translations::of(&mut connection, id).await?)
}

/// The language whose translations a reader in `language` reads: none for English, the
/// report's own language.
pub(super) fn translated_into(language: Language) -> Option<&'static str> {
    (language != Language::English).then_some(language.as_str())
}

/// The translations into `language` of the recommendations `ids`, by recommendation: none for
/// English, the report's own language.
pub async fn in_language(
    connection: &mut Connection,
    ids: &[Uuid],
    language: Language,
) -> Result<HashMap<Uuid, TranslationRow>, Failure> {
    let Some(language) = translated_into(language) else {
        return Ok(HashMap::new());
    };
    let rows = translations::in_language(connection, ids, language).await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.recommendation_id, row))
        .collect())
}

/// The translations into `language` of the recommendations a report lists, for its documents.
pub async fn of_report(
    db: &impl Connections,
    report: &GapReport,
    language: Language,
) -> Result<HashMap<Uuid, TranslationRow>, Failure> {
    if language == Language::English {
        return Ok(HashMap::new());
    }
    let ids: Vec<Uuid> = report.recommendations.iter().map(|r| r.id).collect();
    let mut connection = db.connect().await?;
    in_language(&mut connection, &ids, language).await
}

/// The translations into `language` of the recommendations a call-for-information pack cites
/// (those its actions answer, and those nothing answers), for its documents.
pub async fn of_pack(
    db: &impl Connections,
    pack: &CallForInformation,
    language: Language,
) -> Result<HashMap<Uuid, TranslationRow>, Failure> {
    if language == Language::English {
        return Ok(HashMap::new());
    }
    let actions = pack
        .pillars
        .iter()
        .flat_map(|pillar| &pillar.actions)
        .chain(&pack.other_actions)
        .chain(&pack.to_check);
    let ids: Vec<Uuid> = actions
        .flat_map(|action| action.answers.iter().map(|answer| answer.recommendation_id))
        .chain(
            pack.unanswered
                .iter()
                .map(|recommendation| recommendation.id),
        )
        .collect();
    let mut connection = db.connect().await?;
    in_language(&mut connection, &ids, language).await
}
