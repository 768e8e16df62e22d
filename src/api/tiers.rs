//! `GET /countries/{code}/tiers`, `PUT /countries/{code}/tiers/{year}`.

use actix_web::{HttpResponse, get, put, web};
use serde::Serialize;
use utoipa::ToSchema;

use super::auth::Caller;
use super::pagination::Page;
use super::path_year::PathYear;
use crate::domain::{Movement, Tier, movement};
use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::json::JsonBody;
use crate::usecases;
use crate::usecases::tiers::TierRow;
pub use crate::usecases::tiers::{Placed, PutTier};

/// A country's placement in one report year.
#[derive(Debug, Serialize, ToSchema)]
pub struct TierDto {
    #[schema(example = 2023)]
    pub year: i32,
    pub tier: Tier,
    /// Compared with the placement of the year before.
    pub movement: Movement,
    /// Whether the country was spared a downgrade by a waiver.
    pub waiver: bool,
    pub note: Option<String>,
}

impl TierDto {
    fn new(row: TierRow, previous: Option<Tier>) -> Self {
        Self {
            year: row.year,
            tier: row.tier,
            movement: movement(previous, row.tier),
            waiver: row.waiver,
            note: row.note,
        }
    }
}

/// A country's tier history, oldest first, with each year's movement.
#[utoipa::path(tag = "tiers",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-3 or alpha-2 code, or a country name", example = "SEN")),
    responses(
        (status = 200, body = Page<TierDto>),
        (status = 400, description = "Malformed code", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such country", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/countries/{code}/tiers")]
pub async fn list_tiers(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let rows = usecases::tiers::history(state.get_ref(), &code).await?;
    let mut items = Vec::with_capacity(rows.len());
    let mut previous: Option<&TierRow> = None;
    for row in &rows {
        let previous_tier = previous.filter(|p| p.year == row.year - 1).map(|p| p.tier);
        items.push(TierDto::new(row.clone(), previous_tier));
        previous = Some(row);
    }
    Ok(HttpResponse::Ok().json(Page::whole(items)))
}

/// Records or replaces a country's placement in a report year.
#[utoipa::path(tag = "tiers",
    params(
        ("code" = String, Path, description = "ISO 3166-1 alpha-3 or alpha-2 code, or a country name", example = "SEN"),
        ("year" = i32, Path, description = "The report year, which must exist", example = 2023, minimum = 2000, maximum = 2100),
    ),
    request_body = PutTier,
    responses(
        (status = 200, description = "Replaced", body = TierDto),
        (status = 201, description = "Created", body = TierDto),
        (status = 400, description = "Malformed path or JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such country, or no report for this year", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ))]
#[put("/countries/{code}/tiers/{year}")]
pub async fn put_tier(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(String, PathYear)>,
    body: JsonBody<PutTier>,
) -> Result<HttpResponse, ApiError> {
    let (code, PathYear(year)) = path.into_inner();
    let Placed {
        row,
        previous,
        created,
    } = usecases::tiers::place(state.get_ref(), &caller, &code, year, &body.0).await?;
    let dto = TierDto::new(row, previous);
    Ok(if created {
        HttpResponse::Created().json(dto)
    } else {
        HttpResponse::Ok().json(dto)
    })
}
