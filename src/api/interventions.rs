//! `/interventions`: an organisation's work, in one or more countries.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::AppState;
use super::auth::Caller;
use super::countries::{countries_from_list, country_from_filter};
use super::json::JsonBody;
use super::pagination::{Page, PageRequest};
use super::preconditions::{IfMatch, stale, tagged};
use super::validation::{Validator, double_option};
use crate::db::interventions::{
    self, Deletion, Intervention, InterventionChanges, InterventionFilter, NewIntervention, Update,
};
use crate::db::{Connection, organisations};
use crate::domain::{InterventionKind, InterventionStatus, Precondition};
use crate::error::{ApiError, Problem};

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

/// A new intervention.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"organisation_id": "0192f5c8-6c1e-7a3b-9d2f-4e5a6b7c8d9e", "countries": ["SLE", "Malawi"], "kind": "training", "title": "Training of police and prosecutors on the 2022 anti-trafficking act", "status": "active", "started_on": "2023-09-01", "people_reached": 120}))]
pub struct CreateIntervention {
    pub organisation_id: Uuid,
    /// One or more countries, each an ISO code or a country name.
    #[schema(example = json!(["SLE"]))]
    #[schema(min_items = 1)]
    pub countries: Vec<String>,
    pub kind: InterventionKind,
    #[schema(min_length = 1, pattern = "^[^\\u0000]*\\S[^\\u0000]*$")]
    pub title: String,
    #[schema(pattern = "^[^\\u0000]*$")]
    pub description: Option<String>,
    /// Defaults to `planned`: an intervention counts towards coverage once it is active.
    #[serde(default = "planned")]
    pub status: InterventionStatus,
    pub started_on: Option<NaiveDate>,
    /// Not before `started_on`.
    pub ended_on: Option<NaiveDate>,
    #[schema(pattern = "^[^\\u0000]*$")]
    pub location: Option<String>,
    /// An aggregate count, 0 or more.
    pub people_reached: Option<i64>,
}

fn planned() -> InterventionStatus {
    InterventionStatus::Planned
}

/// Changes to an intervention: absent fields stay as they are, `null` clears an optional one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"status": "completed", "ended_on": "2024-03-31", "people_reached": 180}))]
pub struct UpdateIntervention {
    pub organisation_id: Option<Uuid>,
    /// Replaces the country list. Countries whose recommendations the intervention is linked to
    /// must stay.
    #[schema(min_items = 1)]
    pub countries: Option<Vec<String>>,
    pub kind: Option<InterventionKind>,
    #[schema(min_length = 1, pattern = "^[^\\u0000]*\\S[^\\u0000]*$")]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    #[schema(pattern = "^[^\\u0000]*$")]
    pub description: Option<Option<String>>,
    pub status: Option<InterventionStatus>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub started_on: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub ended_on: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    #[schema(pattern = "^[^\\u0000]*$")]
    pub location: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i64>)]
    pub people_reached: Option<Option<i64>>,
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
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// An intervention id: the `next_cursor` of the previous page.
    #[param(
        pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    )]
    pub cursor: Option<String>,
}

fn not_found(id: Uuid) -> ApiError {
    ApiError::NotFound(format!("there is no intervention {id}"))
}

fn people_reached(check: &mut Validator, count: Option<i64>) -> Option<i32> {
    let count = count?;
    match i32::try_from(count) {
        Ok(count) if count >= 0 => Some(count),
        _ => {
            check.error("people_reached", "must be a count between 0 and 2147483647");
            None
        }
    }
}

fn dates_in_order(
    check: &mut Validator,
    started_on: Option<NaiveDate>,
    ended_on: Option<NaiveDate>,
) {
    if let (Some(start), Some(end)) = (started_on, ended_on)
        && end < start
    {
        check.error("ended_on", "must not be before started_on");
    }
}

/// The countries an intervention works in: at least one, each resolved to its alpha-3 code.
async fn resolve_countries(
    connection: &mut Connection,
    given: &[String],
) -> Result<Vec<String>, ApiError> {
    if given.is_empty() {
        return Err(ApiError::invalid(
            "countries",
            "must name at least one country",
        ));
    }
    countries_from_list(connection, "countries", given).await
}

async fn check_organisation(connection: &mut Connection, id: Uuid) -> Result<(), ApiError> {
    if organisations::exists(connection, id).await? {
        Ok(())
    } else {
        Err(ApiError::invalid(
            "organisation_id",
            format!("there is no organisation {id}"),
        ))
    }
}

/// Lists interventions, oldest first.
#[utoipa::path(tag = "interventions", params(InterventionListQuery), responses(
    (status = 200, body = Page<InterventionDto>),
    (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "The `country` filter names no country, or several", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid limit", body = Problem, content_type = "application/problem+json"),
))]
#[get("/interventions")]
pub async fn list_interventions(
    state: web::Data<AppState>,
    query: web::Query<InterventionListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = PageRequest::<Uuid>::new(query.limit, query.cursor.as_deref())?;
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
    };
    let rows = interventions::list(&mut connection, &filter, page.after, page.fetch()).await?;
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
    let intervention = create(&state, &caller, body.0).await?;
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

/// What is wrong with a new intervention's fields, before any database check: for a form that
/// shows every error at once.
pub fn field_errors(body: &CreateIntervention) -> Vec<crate::error::FieldError> {
    let mut check = Validator::default();
    check.required_text("title", &body.title);
    check.optional_text("description", body.description.as_deref());
    check.optional_text("location", body.location.as_deref());
    people_reached(&mut check, body.people_reached);
    dates_in_order(&mut check, body.started_on, body.ended_on);
    match check.finish() {
        Err(ApiError::Validation { errors, .. }) => errors,
        _ => Vec::new(),
    }
}

/// Logs an intervention for `caller`, by the API's rules: the API's and the pages' one way in.
pub async fn create(
    state: &AppState,
    caller: &Caller,
    body: CreateIntervention,
) -> Result<Intervention, ApiError> {
    caller.require_editor_of(body.organisation_id)?;
    let mut check = Validator::default();
    let title = check.required_text("title", &body.title);
    let description = check.optional_text("description", body.description.as_deref());
    let location = check.optional_text("location", body.location.as_deref());
    let people_reached = people_reached(&mut check, body.people_reached);
    dates_in_order(&mut check, body.started_on, body.ended_on);
    check.finish()?;

    let mut connection = state.connection().await?;
    check_organisation(&mut connection, body.organisation_id).await?;
    let countries = resolve_countries(&mut connection, &body.countries).await?;
    let new = NewIntervention {
        id: Uuid::now_v7(),
        organisation_id: body.organisation_id,
        kind: body.kind,
        title,
        description,
        status: body.status,
        started_on: body.started_on,
        ended_on: body.ended_on,
        location,
        people_reached,
    };
    Ok(interventions::insert(&mut connection, &caller.actor(), new, countries).await?)
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
    let mut connection = state.connection().await?;
    let intervention = interventions::find(&mut connection, id)
        .await?
        .ok_or_else(|| not_found(id))?;
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
    let intervention = update(&state, &caller, id.into_inner(), &if_match.0, body.0).await?;
    Ok(tagged(
        HttpResponse::Ok(),
        &intervention,
        InterventionDto::from(intervention.clone()),
    ))
}

/// Changes intervention `id` for `caller`, by the API's rules, if it still meets `precondition`.
pub async fn update(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
    precondition: &Precondition,
    body: UpdateIntervention,
) -> Result<Intervention, ApiError> {
    let only_of = caller.editable_organisation()?;
    if let (Some(own), Some(new)) = (only_of, body.organisation_id)
        && own != new
    {
        return Err(caller.not_yours());
    }
    let mut check = Validator::default();
    let title = body
        .title
        .as_deref()
        .map(|t| check.required_text("title", t));
    let description = body
        .description
        .map(|d| check.optional_text("description", d.as_deref()));
    let location = body
        .location
        .map(|l| check.optional_text("location", l.as_deref()));
    let people_reached = body
        .people_reached
        .map(|count| people_reached(&mut check, count));
    dates_in_order(
        &mut check,
        body.started_on.flatten(),
        body.ended_on.flatten(),
    );
    check.finish()?;

    let mut connection = state.connection().await?;
    if let Some(organisation) = body.organisation_id {
        check_organisation(&mut connection, organisation).await?;
    }
    let countries = match &body.countries {
        Some(codes) => Some(resolve_countries(&mut connection, codes).await?),
        None => None,
    };
    let changes = InterventionChanges {
        organisation_id: body.organisation_id,
        kind: body.kind,
        title,
        description,
        status: body.status,
        started_on: body.started_on,
        ended_on: body.ended_on,
        location,
        people_reached,
    };
    match interventions::update(
        &mut connection,
        &caller.actor(),
        id,
        only_of,
        precondition,
        changes,
        countries,
    )
    .await?
    {
        Update::Updated(intervention) => Ok(intervention),
        Update::Stale(current) => Err(stale(
            precondition,
            &format!("intervention {id}"),
            Some(current),
        )),
        Update::NotFound => Err(not_found(id)),
        Update::OtherOrganisation => Err(caller.not_yours()),
        Update::EndsBeforeStart => Err(ApiError::invalid(
            "ended_on",
            "must not be before started_on",
        )),
        Update::OrphansLinks(countries) => Err(ApiError::Conflict(format!(
            "the intervention is linked to recommendations of {}; unlink them before removing \
             those countries",
            countries.join(", ")
        ))),
    }
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
    let id = id.into_inner();
    let mut connection = state.connection().await?;
    let only_of = caller.editable_organisation()?;
    match interventions::delete(&mut connection, &caller.actor(), id, only_of, &if_match.0).await? {
        Deletion::Deleted => Ok(HttpResponse::NoContent().finish()),
        Deletion::Stale(current) => Err(stale(
            &if_match.0,
            &format!("intervention {id}"),
            Some(current),
        )),
        Deletion::NotFound => Err(not_found(id)),
        Deletion::OtherOrganisation => Err(caller.not_yours()),
    }
}
