//! `GET|POST /reports`, `GET /reports/{year}`.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::auth::Caller;
use super::pagination::{Page, PageRequest};
use super::path_year::PathYear;
use crate::domain::{ReportingPeriod, reporting_period};
use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::json::JsonBody;
use crate::usecases;
pub use crate::usecases::reports::CreateReport;
use crate::usecases::reports::ReportRow;

/// A TIP Report.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportDto {
    #[schema(example = 2023)]
    pub year: i32,
    #[schema(example = "2023 Trafficking in Persons Report")]
    pub title: String,
    pub published_on: Option<NaiveDate>,
    pub source_url: Option<String>,
    /// The period the report covers: 1 April of the year before to 31 March of its year.
    pub reporting_period: ReportingPeriod,
    pub created_at: DateTime<Utc>,
}

impl From<ReportRow> for ReportDto {
    fn from(row: ReportRow) -> Self {
        Self {
            reporting_period: reporting_period(row.year),
            year: row.year,
            title: row.title,
            published_on: row.published_on,
            source_url: row.source_url,
            created_at: row.created_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ReportListQuery {
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// A report year: the `next_cursor` of the previous page.
    #[param(pattern = "^-?[0-9]{1,9}$")]
    pub cursor: Option<String>,
}

/// Lists reports, newest first.
#[utoipa::path(tag = "reports", params(ReportListQuery), responses(
    (status = 200, body = Page<ReportDto>),
    (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid limit", body = Problem, content_type = "application/problem+json"),
))]
#[get("/reports")]
pub async fn list_reports(
    state: web::Data<AppState>,
    query: web::Query<ReportListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = PageRequest::<i32>::new(query.limit, query.cursor.as_deref())?;
    let rows = usecases::reports::page(state.get_ref(), page.after, page.fetch()).await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |row| row.year, ReportDto::from)))
}

/// Records a report year.
#[utoipa::path(tag = "reports", request_body = CreateReport, responses(
    (status = 201, body = ReportDto),
    (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "A report for this year exists", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
))]
#[post("/reports")]
pub async fn create_report(
    caller: Caller,
    state: web::Data<AppState>,
    body: JsonBody<CreateReport>,
) -> Result<HttpResponse, ApiError> {
    let row = usecases::reports::create(state.get_ref(), &caller, &body.0).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!("{}/reports/{}", super::API_PREFIX, row.year),
        ))
        .json(ReportDto::from(row)))
}

/// One report.
#[utoipa::path(tag = "reports", params(("year" = i32, Path, example = 2023)), responses(
    (status = 200, body = ReportDto),
    (status = 400, description = "Malformed year", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No report for this year", body = Problem, content_type = "application/problem+json"),
))]
#[get("/reports/{year}")]
pub async fn get_report(
    state: web::Data<AppState>,
    year: web::Path<PathYear>,
) -> Result<HttpResponse, ApiError> {
    let PathYear(year) = year.into_inner();
    let row = usecases::reports::find(state.get_ref(), year).await?;
    Ok(HttpResponse::Ok().json(ReportDto::from(row)))
}
