//! `/interventions/{id}/recommendations`: which recommendations an intervention answers.

use actix_web::{HttpResponse, delete, get, put, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::auth::Caller;
use super::pagination::{Page, PageRequest};
use super::preconditions::{IfMatch, tagged};
use crate::domain::{Contribution, InterventionKind, InterventionStatus};
use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::json::JsonBody;
use crate::usecases;
use crate::usecases::links::{InterventionRow, LinkRow};
pub use crate::usecases::links::{PutLink, link, not_linked, unlink};

/// A link from an intervention to a recommendation it answers.
#[derive(Debug, Serialize, ToSchema)]
pub struct LinkDto {
    pub intervention_id: Uuid,
    pub recommendation_id: Uuid,
    pub contribution: Contribution,
    /// Why the intervention answers the recommendation.
    pub rationale: Option<String>,
    /// Where the evidence is.
    pub evidence_url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The earlier edition's recommendation this link was carried forward from, when an editor
    /// carried it from the digest of a new edition.
    pub carried_from: Option<Uuid>,
}

impl From<LinkRow> for LinkDto {
    fn from(row: LinkRow) -> Self {
        Self {
            intervention_id: row.intervention_id,
            recommendation_id: row.recommendation_id,
            contribution: row.contribution,
            rationale: row.rationale,
            evidence_url: row.evidence_url,
            created_at: row.created_at,
            updated_at: row.updated_at,
            carried_from: row.carried_from,
        }
    }
}

/// An intervention linked to a recommendation, with the link.
#[derive(Debug, Serialize, ToSchema)]
pub struct LinkedInterventionDto {
    pub intervention_id: Uuid,
    pub organisation_id: Uuid,
    pub title: String,
    pub kind: InterventionKind,
    pub status: InterventionStatus,
    pub contribution: Contribution,
    pub rationale: Option<String>,
    pub evidence_url: Option<String>,
    pub linked_at: DateTime<Utc>,
}

impl From<(LinkRow, InterventionRow)> for LinkedInterventionDto {
    fn from((link, intervention): (LinkRow, InterventionRow)) -> Self {
        Self {
            intervention_id: intervention.id,
            organisation_id: intervention.organisation_id,
            title: intervention.title,
            kind: intervention.kind,
            status: intervention.status,
            contribution: link.contribution,
            rationale: link.rationale,
            evidence_url: link.evidence_url,
            linked_at: link.created_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct LinkListQuery {
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// A recommendation id: the `next_cursor` of the previous page.
    #[param(
        pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    )]
    pub cursor: Option<String>,
}

/// The recommendations an intervention is linked to, in recommendation order, a page at a time.
#[utoipa::path(tag = "links", params(("id" = Uuid, Path, description = "The intervention"), LinkListQuery), responses(
    (status = 200, body = Page<LinkDto>),
    (status = 400, description = "Malformed id or cursor", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such intervention", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid limit", body = Problem, content_type = "application/problem+json"),
))]
#[get("/interventions/{id}/recommendations")]
pub async fn list_intervention_recommendations(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<LinkListQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let page = PageRequest::<Uuid>::new(query.limit, query.cursor.as_deref())?;
    let rows =
        usecases::links::of_intervention(state.get_ref(), id, page.after, page.fetch()).await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |row| row.recommendation_id, LinkDto::from)))
}

/// Links an intervention to a recommendation of a country it works in, or changes the link.
#[utoipa::path(tag = "links",
    params(("id" = Uuid, Path, description = "The intervention"), ("recommendation_id" = Uuid, Path)),
    request_body = PutLink,
    responses(
        (status = 200, description = "Changed", body = LinkDto),
        (status = 201, description = "Created", body = LinkDto),
        (status = 400, description = "Malformed id or JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such intervention or recommendation", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or the recommendation is of a country the intervention does not work in", body = Problem, content_type = "application/problem+json"),
    ))]
#[put("/interventions/{id}/recommendations/{recommendation_id}")]
pub async fn link_recommendation(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    body: JsonBody<PutLink>,
    // After the body, so that a missing or malformed body is answered first.
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    let (intervention_id, recommendation_id) = path.into_inner();
    let (row, created) = link(
        state.get_ref(),
        &caller,
        intervention_id,
        recommendation_id,
        &if_match.0,
        body.0,
    )
    .await?;
    let status = if created {
        HttpResponse::Created()
    } else {
        HttpResponse::Ok()
    };
    Ok(tagged(status, &row, LinkDto::from(row.clone())))
}

/// Removes a link.
#[utoipa::path(tag = "links",
    params(("id" = Uuid, Path, description = "The intervention"), ("recommendation_id" = Uuid, Path)),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, description = "Malformed id", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such link", body = Problem, content_type = "application/problem+json"),
    ))]
#[delete("/interventions/{id}/recommendations/{recommendation_id}")]
pub async fn unlink_recommendation(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    let (intervention_id, recommendation_id) = path.into_inner();
    unlink(
        state.get_ref(),
        &caller,
        intervention_id,
        recommendation_id,
        &if_match.0,
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// One link of an intervention to a recommendation, with its ETag.
#[utoipa::path(tag = "links",
    params(("id" = Uuid, Path, description = "The intervention"), ("recommendation_id" = Uuid, Path)),
    responses(
        (status = 200, body = LinkDto),
        (status = 400, description = "Malformed id", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such link", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/interventions/{id}/recommendations/{recommendation_id}")]
pub async fn get_link(
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (intervention_id, recommendation_id) = path.into_inner();
    let row = usecases::links::find(state.get_ref(), intervention_id, recommendation_id).await?;
    Ok(tagged(HttpResponse::Ok(), &row, LinkDto::from(row.clone())))
}
