//! `GET /organisations/{id}/iati-activities`: an organisation's interventions as an IATI activity
//! file, for donors.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use uuid::Uuid;

use crate::export::iati;
use crate::http::error::{ApiError, Problem};
use crate::http::negotiation::streamed;
use crate::http::{AppState, origin};
use crate::usecases::iati::iati_file;

/// An organisation's interventions as an IATI activity file (version 2.03).
///
/// One `iati-activity` per intervention, identified as the organisation's `iati_identifier`
/// followed by the intervention's id, with its status, dates, recipient countries (equal shares),
/// one OECD DAC sector chosen by its kind, its description, and each TIP recommendation it answers
/// as a `tag` of vocabulary 99 whose `vocabulary-uri` is this API's `/recommendations` and whose
/// `code` is the recommendation's id; each link's evidence is a `document-link`. The
/// organisation must have an `iati_identifier` (409 otherwise).
#[utoipa::path(tag = "organisations", params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The IATI activity file", content_type = "application/xml", body = String),
    (status = 400, description = "Malformed id", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "The organisation has no IATI identifier yet", body = Problem, content_type = "application/problem+json"),
))]
#[get("/organisations/{id}/iati-activities")]
pub async fn get_iati_activities(
    request: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let file = iati_file(&mut *state.connection().await?, id.into_inner()).await?;
    let recommendations = origin::api_address(&request, "/recommendations");
    let made_at = state.clock.now();
    let parts = iati::stream(
        state.into_inner(),
        file,
        made_at,
        recommendations,
        iati::PAGE,
    );
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/xml; charset=utf-8"))
        .body(streamed(parts)))
}
