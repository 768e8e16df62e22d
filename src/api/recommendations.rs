//! `/recommendations`: the report's recommendations to each country.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::auth::Caller;
use super::countries::country_from_filter;
use super::links::LinkedInterventionDto;
use super::pagination::{CursorKey, Page, PageRequest};
use super::preconditions::{IfMatch, tagged};
use crate::domain::{Pillar, Refusal};
use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::json::JsonBody;
use crate::usecases;
pub use crate::usecases::recommendations::{CreateRecommendation, UpdateRecommendation};
use crate::usecases::recommendations::{
    RecommendationFilter, RecommendationKey, RecommendationRow,
};

/// A recommendation of one report to one country.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecommendationDto {
    pub id: Uuid,
    /// ISO 3166-1 alpha-3 code.
    #[schema(example = "SLE")]
    pub country: String,
    #[schema(example = 2023)]
    pub year: i32,
    /// Its place in the country's list of recommendations, from 1.
    pub position: i32,
    /// The recommendation, verbatim.
    pub text: String,
    pub pillar: Pillar,
    pub prioritized: bool,
    pub source_url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The earlier recommendation (same country, an earlier year) that this one continues.
    pub continues: Option<Uuid>,
}

impl From<RecommendationRow> for RecommendationDto {
    fn from(row: RecommendationRow) -> Self {
        Self {
            id: row.id,
            country: row.country_code,
            year: row.year,
            position: row.position,
            text: row.text,
            pillar: row.pillar,
            prioritized: row.prioritized,
            source_url: row.source_url,
            created_at: row.created_at,
            updated_at: row.updated_at,
            continues: row.continues,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RecommendationListQuery {
    /// Only this country's (an ISO code or a country name).
    pub country: Option<String>,
    /// Only this report year's.
    pub year: Option<i32>,
    /// Only this pillar's.
    pub pillar: Option<Pillar>,
    /// Only recommendations that say this (a piece of a word, any case, accents aside), in the
    /// report's English or in a translation; at most 200 characters.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// `year.country.position`: the `next_cursor` of the previous page.
    #[param(pattern = "^-?[0-9]{1,9}\\.[A-Z]{3}\\.-?[0-9]{1,9}$")]
    pub cursor: Option<String>,
}

/// `2023.SLE.3`: year, country, position.
impl CursorKey for RecommendationKey {
    fn to_cursor(&self) -> String {
        format!("{}.{}.{}", self.year, self.country, self.position)
    }

    fn from_cursor(text: &str) -> Option<Self> {
        let mut parts = text.split('.');
        let (year, country, position) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        Some(Self {
            year: year.parse().ok()?,
            country: String::from_cursor(country)?,
            position: position.parse().ok()?,
        })
    }
}

/// Lists recommendations, newest year first, then by country and position.
#[utoipa::path(tag = "recommendations", params(RecommendationListQuery), responses(
    (status = 200, body = Page<RecommendationDto>),
    (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "The `country` filter names no country, or several", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid limit, or a search text over 200 characters", body = Problem, content_type = "application/problem+json"),
))]
#[get("/recommendations")]
pub async fn list_recommendations(
    state: web::Data<AppState>,
    query: web::Query<RecommendationListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = PageRequest::<RecommendationKey>::new(query.limit, query.cursor.as_deref())?;
    let mut connection = state.connection().await?;
    let country = match &query.country {
        Some(code) => Some(country_from_filter(&mut connection, "country", code).await?),
        None => None,
    };
    let filter = RecommendationFilter {
        country,
        year: query.year,
        pillar: query.pillar,
        text: crate::domain::search_text("q", query.q.as_deref())?,
    };
    let rows = usecases::recommendations::page(
        &mut connection,
        &filter,
        page.after.as_ref(),
        page.fetch(),
    )
    .await?;
    let key = |row: &RecommendationRow| RecommendationKey {
        year: row.year,
        country: row.country_code.clone(),
        position: row.position,
    };
    Ok(HttpResponse::Ok().json(page.page(rows, key, RecommendationDto::from)))
}

/// Records a recommendation.
#[utoipa::path(tag = "recommendations", request_body = CreateRecommendation, responses(
    (status = 201, body = RecommendationDto),
    (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "The position is taken", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields, unknown country or report year", body = Problem, content_type = "application/problem+json"),
))]
#[post("/recommendations")]
pub async fn create_recommendation(
    caller: Caller,
    state: web::Data<AppState>,
    body: JsonBody<CreateRecommendation>,
) -> Result<HttpResponse, ApiError> {
    let row = usecases::recommendations::create(state.get_ref(), &caller, &body.0).await?;
    let mut response = HttpResponse::Created();
    response.insert_header((
        "Location",
        format!("{}/recommendations/{}", super::API_PREFIX, row.id),
    ));
    Ok(tagged(response, &row, RecommendationDto::from(row.clone())))
}

/// One recommendation.
#[utoipa::path(tag = "recommendations", params(("id" = Uuid, Path)), responses(
    (status = 200, body = RecommendationDto),
    (status = 400, description = "Malformed id", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such recommendation", body = Problem, content_type = "application/problem+json"),
))]
#[get("/recommendations/{id}")]
pub async fn get_recommendation(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = usecases::recommendations::find(state.get_ref(), id).await?;
    Ok(tagged(
        HttpResponse::Ok(),
        &row,
        RecommendationDto::from(row.clone()),
    ))
}

/// Changes a recommendation's position, text, pillar, priority or source.
#[utoipa::path(tag = "recommendations", params(("id" = Uuid, Path)), request_body = UpdateRecommendation, responses(
    (status = 200, body = RecommendationDto),
    (status = 400, description = "Malformed id or JSON", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such recommendation", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "The position is taken", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
))]
#[patch("/recommendations/{id}")]
pub async fn update_recommendation(
    caller: Caller,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: JsonBody<UpdateRecommendation>,
    // After the body, so that a missing or malformed body is answered first.
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    let row = usecases::recommendations::update(
        state.get_ref(),
        &caller,
        id.into_inner(),
        &if_match.0,
        body.0,
    )
    .await?;
    Ok(tagged(
        HttpResponse::Ok(),
        &row,
        RecommendationDto::from(row.clone()),
    ))
}

/// An earlier recommendation that a recommendation probably continues.
#[derive(Debug, Serialize, ToSchema)]
pub struct LineageCandidateDto {
    pub recommendation: RecommendationDto,
    /// How alike the two texts are, from 0 to 1 (trigram similarity).
    pub similarity: f32,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CandidateQuery {
    /// How many candidates, 1 to 50 (default 5).
    #[param(minimum = 1, maximum = 50)]
    pub limit: Option<u32>,
}

/// Suggests earlier recommendations of the same country that this one probably continues, most
/// alike first, for a person to confirm with `PATCH {"continues": <id>}`.
#[utoipa::path(tag = "recommendations", params(("id" = Uuid, Path), CandidateQuery), responses(
    (status = 200, body = Page<LineageCandidateDto>),
    (status = 400, description = "Malformed id or query", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such recommendation", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid limit", body = Problem, content_type = "application/problem+json"),
))]
#[get("/recommendations/{id}/lineage-candidates")]
pub async fn list_lineage_candidates(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<CandidateQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let limit = query.limit.unwrap_or(5);
    if !(1..=50).contains(&limit) {
        return Err(ApiError::invalid(
            "limit",
            Refusal::new("invalid-between")
                .with("least", 1)
                .with("most", 50),
        ));
    }
    let candidates =
        usecases::recommendations::lineage_candidates(state.get_ref(), id, i64::from(limit))
            .await?;
    let items = candidates
        .into_iter()
        .map(|candidate| LineageCandidateDto {
            recommendation: candidate.recommendation.into(),
            similarity: candidate.similarity,
        })
        .collect();
    Ok(HttpResponse::Ok().json(Page::whole(items)))
}

/// Deletes a recommendation that no intervention is linked to.
#[utoipa::path(tag = "recommendations", params(("id" = Uuid, Path)), responses(
    (status = 204, description = "Deleted"),
    (status = 400, description = "Malformed id", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such recommendation", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "Interventions are linked to it, or later recommendations continue it", body = Problem, content_type = "application/problem+json"),
))]
#[delete("/recommendations/{id}")]
pub async fn delete_recommendation(
    caller: Caller,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    usecases::recommendations::delete(state.get_ref(), &caller, id.into_inner(), &if_match.0)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct LinkedInterventionQuery {
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// An intervention id: the `next_cursor` of the previous page.
    #[param(
        pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    )]
    pub cursor: Option<String>,
}

/// Every intervention linked to a recommendation, whatever its status, page by page: the full
/// list behind a gap report's strongest few.
#[utoipa::path(tag = "recommendations", params(("id" = Uuid, Path), LinkedInterventionQuery), responses(
    (status = 200, body = Page<LinkedInterventionDto>),
    (status = 400, description = "Malformed id or query", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such recommendation", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid limit", body = Problem, content_type = "application/problem+json"),
))]
#[get("/recommendations/{id}/interventions")]
pub async fn list_recommendation_interventions(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<LinkedInterventionQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let page = PageRequest::<Uuid>::new(query.limit, query.cursor.as_deref())?;
    let rows =
        usecases::links::of_recommendation(state.get_ref(), id, page.after, page.fetch()).await?;
    Ok(HttpResponse::Ok().json(page.page(
        rows,
        |(_, intervention)| intervention.id,
        LinkedInterventionDto::from,
    )))
}
