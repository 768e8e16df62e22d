//! `GET /organisations/{id}/iati-activities.xml`: an organisation's IATI activity file, downloaded
//! from the interventions list.

use actix_web::{HttpRequest, HttpResponse, web};
use uuid::Uuid;

use super::error::WebError;
use super::session::Visitor;
use crate::export::file_name;
use crate::export::iati::to_xml;
use crate::http::error::ApiError;
use crate::http::negotiation::attachment;
use crate::http::{AppState, origin};
use crate::usecases::iati::iati_activities;

pub async fn download(
    _visitor: Visitor,
    request: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, WebError> {
    let mut connection = state.connection().await?;
    let activities = iati_activities(&mut connection, id.into_inner()).await?;
    let recommendations = origin::api_address(&request, "/recommendations");
    let xml =
        to_xml(&activities, state.clock.now(), &recommendations).map_err(ApiError::internal)?;
    let name = file_name::iati_activities(&activities.organisation_name);
    Ok(attachment("application/xml; charset=utf-8", &name, xml))
}
