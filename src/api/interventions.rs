//! `/interventions`: an organisation's work, in one or more countries.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::auth::Caller;
use super::countries::country_from_filter;
use super::pagination::{Page, PageRequest};
use super::preconditions::{IfMatch, tagged};
use crate::domain::{InterventionKind, InterventionStatus};
use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::json::JsonBody;
use crate::usecases;
pub use crate::usecases::interventions::{
    CreateIntervention, UpdateIntervention, create, field_errors, not_found, update,
};
use crate::usecases::interventions::{Intervention, InterventionFilter};

/// An intervention. Reach is an aggregate count: gaptrack holds no personal data of survivors.
#[derive(Debug, Serialize, ToSchema)]
pub struct InterventionDto {
    pub id: Uuid,
    pub organisation_id: Uuid,
    /// The alpha-3 codes of the countries it works in.
    #[schema(example = json!(["SEN", "SLE"]))]
    pub countries: Vec<String>,
    pub kind: InterventionKind,
    pub title: String,
    pub description: Option<String>,
    pub status: InterventionStatus,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    /// District or region, free text.
    pub location: Option<String>,
    /// How many people it reached, in aggregate.
    pub people_reached: Option<i32>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Intervention> for InterventionDto {
    fn from(intervention: Intervention) -> Self {
        let row = intervention.row;
        Self {
            id: row.id,
            organisation_id: row.organisation_id,
            countries: intervention.countries,
            kind: row.kind,
            title: row.title,
            description: row.description,
            status: row.status,
            started_on: row.started_on,
            ended_on: row.ended_on,
            location: row.location,
            people_reached: row.people_reached,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct InterventionListQuery {
    /// Only this organisation's.
    pub organisation: Option<Uuid>,
    /// Only those working in this country (an ISO code or a country name).
    pub country: Option<String>,
    pub kind: Option<InterventionKind>,
    pub status: Option<InterventionStatus>,
    /// Only those whose title, description or location contains this text, ignoring case.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// An intervention id: the `next_cursor` of the previous page.
    #[param(
        pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    )]
    pub cursor: Option<String>,
}

/// Lists interventions, oldest first.
#[utoipa::path(tag = "interventions", params(InterventionListQuery), responses(
    (status = 200, body = Page<InterventionDto>),
    (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "The `country` filter names no country, or several", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid limit, or a search text over 200 characters", body = Problem, content_type = "application/problem+json"),
))]
#[get("/interventions")]
pub async fn list_interventions(
    state: web::Data<AppState>,
    query: web::Query<InterventionListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = PageRequest::<Uuid>::new(query.limit, query.cursor.as_deref())?;
    let text = crate::domain::search_text("q", query.q.as_deref())?;
    let mut connection = state.connection().await?;
    let country = match &query.country {
        Some(code) => Some(country_from_filter(&mut connection, "country", code).await?),
        None => None,
    };
    let filter = InterventionFilter {
        organisation: query.organisation,
        country,
        kind: query.kind,
        status: query.status,
        text,
        answers: None,
    };
    let rows =
        usecases::interventions::oldest_first(&mut connection, &filter, page.after, page.fetch())
            .await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |i| i.row.id, InterventionDto::from)))
}

/// Logs an intervention.
#[utoipa::path(tag = "interventions", request_body = CreateIntervention, responses(
    (status = 201, body = InterventionDto),
    (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields, unknown organisation or country", body = Problem, content_type = "application/problem+json"),
))]
#[post("/interventions")]
pub async fn create_intervention(
    caller: Caller,
    state: web::Data<AppState>,
    body: JsonBody<CreateIntervention>,
) -> Result<HttpResponse, ApiError> {
    let intervention = create(state.get_ref(), &caller, body.0).await?;
    let mut response = HttpResponse::Created();
    response.insert_header((
        "Location",
        format!(
            "{}/interventions/{}",
            super::API_PREFIX,
            intervention.row.id
        ),
    ));
    Ok(tagged(
        response,
        &intervention,
        InterventionDto::from(intervention.clone()),
    ))
}

/// One intervention.
#[utoipa::path(tag = "interventions", params(("id" = Uuid, Path)), responses(
    (status = 200, body = InterventionDto),
    (status = 400, description = "Malformed id", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such intervention", body = Problem, content_type = "application/problem+json"),
))]
#[get("/interventions/{id}")]
pub async fn get_intervention(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let intervention = usecases::interventions::find(&mut *state.connection().await?, id).await?;
    Ok(tagged(
        HttpResponse::Ok(),
        &intervention,
        InterventionDto::from(intervention.clone()),
    ))
}

/// Changes an intervention.
#[utoipa::path(tag = "interventions", params(("id" = Uuid, Path)), request_body = UpdateIntervention, responses(
    (status = 200, body = InterventionDto),
    (status = 400, description = "Malformed id or JSON", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such intervention", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "The new country list drops countries it is linked in", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields, unknown organisation or country", body = Problem, content_type = "application/problem+json"),
))]
#[patch("/interventions/{id}")]
pub async fn update_intervention(
    caller: Caller,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: JsonBody<UpdateIntervention>,
    // After the body, so that a missing or malformed body is answered first.
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    let intervention = update(
        state.get_ref(),
        &caller,
        id.into_inner(),
        &if_match.0,
        body.0,
    )
    .await?;
    Ok(tagged(
        HttpResponse::Ok(),
        &intervention,
        InterventionDto::from(intervention.clone()),
    ))
}

/// Deletes an intervention and its links.
#[utoipa::path(tag = "interventions", params(("id" = Uuid, Path)), responses(
    (status = 204, description = "Deleted, with its links"),
    (status = 400, description = "Malformed id", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such intervention", body = Problem, content_type = "application/problem+json"),
))]
#[delete("/interventions/{id}")]
pub async fn delete_intervention(
    caller: Caller,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    crate::usecases::interventions::delete(state.get_ref(), &caller, id.into_inner(), &if_match.0)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
