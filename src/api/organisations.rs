//! `/organisations`: who runs interventions.

use actix_web::{HttpResponse, get, patch, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::auth::Caller;
use super::pagination::{Page, PageRequest};
use super::preconditions::{IfMatch, tagged};
use crate::domain::IatiOrganisationType;
use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::json::JsonBody;
use crate::usecases;
use crate::usecases::organisations::OrganisationRow;

/// An organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationDto {
    pub id: Uuid,
    #[schema(example = "CenHTRO")]
    pub name: String,
    pub created_at: DateTime<Utc>,
    /// Its IATI organisation identifier, which its IATI activity files report under.
    #[schema(example = "GB-COH-01234567")]
    pub iati_identifier: Option<String>,
    /// Its IATI organisation type (IATI's OrganisationType code: `22` national NGO, `80`
    /// academic, training and research, ...).
    pub iati_organisation_type: Option<IatiOrganisationType>,
    /// When it was archived (`null` while it is active): an archived organisation keeps its
    /// history and gets no new interventions.
    pub archived_at: Option<DateTime<Utc>>,
}

impl From<OrganisationRow> for OrganisationDto {
    fn from(row: OrganisationRow) -> Self {
        Self {
            id: row.id,
            name: row.name,
            created_at: row.created_at,
            iati_identifier: row.iati_identifier,
            iati_organisation_type: row.iati_organisation_type,
            archived_at: row.archived_at,
        }
    }
}

/// An organisation to create. Names are unique, ignoring case, and so are IATI identifiers.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Centre on Human Trafficking Research & Outreach"}))]
pub struct OrganisationBody {
    #[schema(example = "CenHTRO")]
    #[schema(
        max_length = 300,
        min_length = 1,
        pattern = "^[^\\u0000]*\\S[^\\u0000]*$"
    )]
    pub name: String,
    /// Its IATI organisation identifier (a registration agency's prefix and its number there);
    /// blank is none.
    #[schema(
        example = "GB-COH-01234567",
        pattern = "^(\\s*|\\s*[A-Za-z0-9][A-Za-z0-9._:-]{2,99}\\s*)$"
    )]
    pub iati_identifier: Option<String>,
    /// Its IATI organisation type.
    pub iati_organisation_type: Option<IatiOrganisationType>,
}

/// What to change of an organisation: any of its name, its IATI identifier and its IATI type
/// (`null`, or a blank identifier, clears one); what is left out is kept, and `{}` changes
/// nothing.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"iati_identifier": "GB-COH-01234567"}))]
pub struct OrganisationChangesBody {
    #[schema(
        max_length = 300,
        min_length = 1,
        pattern = "^[^\\u0000]*\\S[^\\u0000]*$"
    )]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "crate::domain::double_option")]
    #[schema(pattern = "^(\\s*|\\s*[A-Za-z0-9][A-Za-z0-9._:-]{2,99}\\s*)$")]
    pub iati_identifier: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::domain::double_option")]
    pub iati_organisation_type: Option<Option<IatiOrganisationType>>,
    /// `true` archives it (it keeps its history and gets no new interventions), `false` makes
    /// it active again.
    pub archived: Option<bool>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct OrganisationListQuery {
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// An organisation id: the `next_cursor` of the previous page.
    #[param(
        pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    )]
    pub cursor: Option<String>,
}

/// Lists organisations, oldest first.
#[utoipa::path(tag = "organisations", params(OrganisationListQuery), responses(
    (status = 200, body = Page<OrganisationDto>),
    (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid limit", body = Problem, content_type = "application/problem+json"),
))]
#[get("/organisations")]
pub async fn list_organisations(
    state: web::Data<AppState>,
    query: web::Query<OrganisationListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = PageRequest::<Uuid>::new(query.limit, query.cursor.as_deref())?;
    let rows = usecases::organisations::page(state.get_ref(), page.after, page.fetch()).await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |row| row.id, OrganisationDto::from)))
}

/// Registers an organisation.
#[utoipa::path(tag = "organisations", request_body = OrganisationBody, responses(
    (status = 201, body = OrganisationDto),
    (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "The name or the IATI identifier is taken", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
))]
#[post("/organisations")]
pub async fn create_organisation(
    caller: Caller,
    state: web::Data<AppState>,
    body: JsonBody<OrganisationBody>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let row = usecases::organisations::create(
        state.get_ref(),
        &caller,
        &body.name,
        body.iati_identifier.as_deref(),
        body.iati_organisation_type,
    )
    .await?;
    let mut response = HttpResponse::Created();
    response.insert_header((
        "Location",
        format!("{}/organisations/{}", super::API_PREFIX, row.id),
    ));
    Ok(tagged(response, &row, OrganisationDto::from(row.clone())))
}

/// One organisation.
#[utoipa::path(tag = "organisations", params(("id" = Uuid, Path)), responses(
    (status = 200, body = OrganisationDto),
    (status = 400, description = "Malformed id", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json"),
))]
#[get("/organisations/{id}")]
pub async fn get_organisation(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = usecases::organisations::find(state.get_ref(), id).await?;
    Ok(tagged(
        HttpResponse::Ok(),
        &row,
        OrganisationDto::from(row.clone()),
    ))
}

/// Changes an organisation: its name, its IATI identifier or its IATI type, or archives it.
#[utoipa::path(tag = "organisations", params(("id" = Uuid, Path)), request_body = OrganisationChangesBody, responses(
    (status = 200, body = OrganisationDto),
    (status = 400, description = "Malformed id or JSON", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "The name or the IATI identifier is taken", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
))]
#[patch("/organisations/{id}")]
pub async fn update_organisation(
    caller: Caller,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: JsonBody<OrganisationChangesBody>,
    // After the body, so that a missing or malformed body is answered first.
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let row = usecases::organisations::update(
        state.get_ref(),
        &caller,
        id.into_inner(),
        &if_match.0,
        &usecases::organisations::OrganisationUpdate {
            name: body.name.as_deref(),
            iati_identifier: body.iati_identifier.as_ref().map(Option::as_deref),
            iati_organisation_type: body.iati_organisation_type,
            archived: body.archived,
        },
    )
    .await?;
    Ok(tagged(
        HttpResponse::Ok(),
        &row,
        OrganisationDto::from(row.clone()),
    ))
}
