//! `/recommendations/{id}/translations`: a recommendation's text in other languages than the
//! report's English, each with its source and who added it.

use actix_web::{HttpResponse, get, put, web};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::auth::Caller;
use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::json::JsonBody;
use crate::usecases;
pub use crate::usecases::translations::SetTranslation;
use crate::usecases::translations::TranslationRow;

/// The languages a recommendation can be translated into: those gaptrack speaks, less the
/// report's English. The path takes the tag; the use case refuses any other (422).
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum TranslationLanguage {
    Fr,
}

/// A recommendation's text in one language other than the report's English.
#[derive(Debug, Serialize, ToSchema)]
pub struct TranslationDto {
    pub recommendation_id: Uuid,
    /// The language, as a BCP 47 tag.
    #[schema(example = "fr")]
    pub language: String,
    pub text: String,
    /// Where the text comes from.
    pub source_url: Option<String>,
    /// Who added or last corrected it.
    pub added_by: String,
    pub updated_at: DateTime<Utc>,
}

impl From<TranslationRow> for TranslationDto {
    fn from(row: TranslationRow) -> Self {
        Self {
            recommendation_id: row.recommendation_id,
            language: row.language,
            text: row.text,
            source_url: row.source_url,
            added_by: row.added_by,
            updated_at: row.updated_at,
        }
    }
}

/// Every translation of a recommendation.
#[derive(Debug, Serialize, ToSchema)]
pub struct TranslationList {
    pub items: Vec<TranslationDto>,
}

/// A recommendation's translations, by language.
#[utoipa::path(tag = "recommendations", params(("id" = Uuid, Path)), responses(
    (status = 200, body = TranslationList),
    (status = 400, description = "Malformed id", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such recommendation", body = Problem, content_type = "application/problem+json"),
))]
#[get("/recommendations/{id}/translations")]
pub async fn list_translations(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let rows = usecases::translations::of(state.get_ref(), id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(TranslationList {
        items: rows.into_iter().map(TranslationDto::from).collect(),
    }))
}

/// Adds or corrects a recommendation's text in a language (admins only): pages in that
/// language show it, marked as a translation with its source, the report's English beside it.
#[utoipa::path(tag = "recommendations",
    params(
        ("id" = Uuid, Path),
        ("language" = TranslationLanguage, Path, description = "A language gaptrack speaks other than English"),
    ),
    request_body = SetTranslation,
    responses(
        (status = 200, body = TranslationDto),
        (status = 400, description = "Malformed id or JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such recommendation", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No such language, or invalid fields", body = Problem, content_type = "application/problem+json"),
    ))]
#[put("/recommendations/{id}/translations/{language}")]
pub async fn put_translation(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, String)>,
    body: JsonBody<SetTranslation>,
) -> Result<HttpResponse, ApiError> {
    let (id, language) = path.into_inner();
    let row = usecases::translations::set(state.get_ref(), &caller, id, &language, &body.0).await?;
    Ok(HttpResponse::Ok().json(TranslationDto::from(row)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Language;

    /// The documented languages are exactly those a translation may be in.
    #[test]
    fn the_documented_languages_are_the_translatable_ones() {
        let documented: Vec<String> = [TranslationLanguage::Fr]
            .iter()
            .map(|language| {
                serde_json::to_value(language)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        let translatable: Vec<&str> = Language::ALL
            .iter()
            .filter(|language| **language != Language::English)
            .map(|language| language.as_str())
            .collect();
        assert_eq!(documented, translatable);
    }
}
