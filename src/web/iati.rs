//! `GET /organisations/{id}/iati-activities.xml`: an organisation's IATI activity file, downloaded
//! from the interventions list.

use actix_web::{HttpRequest, HttpResponse, web};
use uuid::Uuid;

use super::error::WebError;
use super::session::Visitor;
use crate::export::{file_name, iati};
use crate::http::negotiation::{attachment, streamed};
use crate::http::{AppState, origin};
use crate::usecases::iati::iati_file;

pub async fn download(
    _visitor: Visitor,
    request: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, WebError> {
    let file = iati_file(&mut *state.connection().await?, id.into_inner()).await?;
    let recommendations = origin::api_address(&request, "/recommendations");
    let name = file_name::iati_activities(&file.organisation_name);
    let made_at = state.clock.now();
    let parts = iati::stream(
        state.into_inner(),
        file,
        made_at,
        recommendations,
        iati::PAGE,
    );
    Ok(attachment(
        "application/xml; charset=utf-8",
        &name,
        streamed(parts),
    ))
}
