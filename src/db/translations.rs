//! The `recommendation_translations` table: a recommendation's text in another language, with
//! its source and who added it.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::upsert::excluded;
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde::Serialize;
use uuid::Uuid;

use super::audit::{self, Actor, Change};
use super::schema::recommendation_translations as translations;
use super::{Connection, Constrained, DbError, constrained};
use crate::domain::{AuditAction, ResourceType};

#[derive(Debug, Clone, Queryable, Selectable, Serialize, serde::Deserialize)]
#[diesel(table_name = translations, check_for_backend(diesel::pg::Pg))]
pub struct TranslationRow {
    pub recommendation_id: Uuid,
    pub language: String,
    pub text: String,
    pub source_url: Option<String>,
    pub added_by: String,
    pub updated_at: DateTime<Utc>,
}

/// A translation as given, for [`put`].
#[derive(Debug, Insertable)]
#[diesel(table_name = translations)]
pub struct NewTranslation<'a> {
    pub recommendation_id: Uuid,
    pub language: &'a str,
    pub text: &'a str,
    pub source_url: Option<&'a str>,
    pub added_by: &'a str,
}

/// What the audit trail says of a recommendation's translation: its text and source, named by
/// language (`translation_fr`), as a change to the recommendation.
fn snapshot(row: Option<&TranslationRow>, language: &str) -> serde_json::Value {
    let mut fields = serde_json::Map::new();
    if let Some(row) = row {
        fields.insert(format!("translation_{language}"), row.text.clone().into());
        fields.insert(
            format!("translation_{language}_source"),
            row.source_url.clone().into(),
        );
    }
    serde_json::Value::Object(fields)
}

/// Adds or replaces the translation of a recommendation in one language, and audits it, in one
/// transaction; a recommendation that does not exist is a `Constrained::MissingReference`.
pub async fn put(
    connection: &mut Connection,
    actor: &Actor,
    translation: &NewTranslation<'_>,
) -> Result<Constrained<TranslationRow>, DbError> {
    constrained(
        connection
            .transaction::<_, DbError, _>(async |connection| {
                let before = translations::table
                    .find((translation.recommendation_id, translation.language))
                    .select(TranslationRow::as_select())
                    .for_update()
                    .first(connection)
                    .await
                    .optional()?;
                let row = diesel::insert_into(translations::table)
                    .values(translation)
                    .on_conflict((translations::recommendation_id, translations::language))
                    .do_update()
                    .set((
                        translations::text.eq(excluded(translations::text)),
                        translations::source_url.eq(excluded(translations::source_url)),
                        translations::added_by.eq(excluded(translations::added_by)),
                        translations::updated_at.eq(diesel::dsl::now),
                    ))
                    .returning(TranslationRow::as_returning())
                    .get_result(connection)
                    .await?;
                let change = Change::updated(
                    ResourceType::Recommendation,
                    row.recommendation_id,
                    &snapshot(before.as_ref(), translation.language),
                    &snapshot(Some(&row), translation.language),
                );
                audit::record(connection, actor, AuditAction::Update, change).await?;
                Ok(row)
            })
            .await,
    )
}

/// Every translation of a recommendation, by language.
pub async fn of(connection: &mut Connection, id: Uuid) -> Result<Vec<TranslationRow>, DbError> {
    Ok(translations::table
        .filter(translations::recommendation_id.eq(id))
        .order(translations::language)
        .select(TranslationRow::as_select())
        .load(connection)
        .await?)
}

/// The translations into `language` of the recommendations `ids`.
pub async fn in_language(
    connection: &mut Connection,
    ids: &[Uuid],
    language: &str,
) -> Result<Vec<TranslationRow>, DbError> {
    Ok(translations::table
        .filter(translations::recommendation_id.eq_any(ids))
        .filter(translations::language.eq(language))
        .select(TranslationRow::as_select())
        .load(connection)
        .await?)
}
