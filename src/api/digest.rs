//! `GET /countries/{code}/digest`: what a new TIP edition changed for a country, and for an
//! organisation's work there.

use actix_web::{HttpResponse, get, web};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::api::auth::Caller;
use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
pub use crate::usecases::edition_digest::{EditionDigest, TierChange, digest};

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DigestQuery {
    /// The new edition; by default the latest with recommendations for this country.
    pub year: Option<i32>,
    /// List only this organisation's work.
    pub organisation: Option<Uuid>,
}

/// What a new edition changed for a country.
///
/// What the `year` edition changed since the edition before it that gaptrack holds for the
/// country: the tier's move; the recommendations that continue an earlier one (`continues`), with
/// the words that changed; the new ones; and the earlier edition's that were dropped, often because
/// they were met, with the interventions that answered them. `ongoing_work` lists the active and
/// planned interventions linked to an earlier recommendation that continues, each saying whether
/// it is linked to the new one yet (`linked_to_current`): an editor carries such links forward on
/// the digest page. With `organisation`, only that organisation's work is listed, and
/// `dropped_answered` says how many of the dropped recommendations it answered.
#[utoipa::path(tag = "gaps",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-3 or alpha-2 code, or a country name", example = "SEN"), DigestQuery),
    responses(
        (status = 200, description = "What the edition changed", body = EditionDigest),
        (status = 400, description = "Malformed code or query", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such country or organisation, no report for the year, or no recommendation for the country", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/countries/{code}/digest")]
pub async fn get_digest(
    _caller: Caller,
    state: web::Data<AppState>,
    code: web::Path<String>,
    query: web::Query<DigestQuery>,
) -> Result<HttpResponse, ApiError> {
    let digest = digest(state.get_ref(), &code, query.year, query.organisation).await?;
    Ok(HttpResponse::Ok().json(digest))
}
