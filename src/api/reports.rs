//! `GET|POST /reports`, `GET /reports/{year}`.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::auth::Caller;
use super::pagination::{Page, PageRequest};
use super::path_year::PathYear;
use crate::db::DbError;
use crate::db::reports::{self, NewReport, ReportRow};
use crate::domain::Validator;
use crate::domain::{ReportingPeriod, reporting_period};
use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::json::JsonBody;

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

/// A new report.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"year": 2023, "title": "2023 Trafficking in Persons Report", "published_on": "2023-06-15"}))]
pub struct CreateReport {
    #[schema(example = 2023)]
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: i32,
    #[schema(example = "2023 Trafficking in Persons Report")]
    #[schema(min_length = 1, pattern = "^[^\\u0000]*\\S[^\\u0000]*$")]
    pub title: String,
    pub published_on: Option<NaiveDate>,
    #[schema(
        pattern = "^\\s*(https?://[A-Za-z0-9.-]+(:[0-9]{1,4})?([/?#][^\\s\\u0000-\\u001f\\u007f-\\u009f]*)?)?\\s*$"
    )]
    pub source_url: Option<String>,
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
    let mut connection = state.connection().await?;
    let rows = reports::list(&mut connection, page.after, page.fetch()).await?;
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
    caller.require_admin()?;
    let body = body.0;
    let mut check = Validator::default();
    check.year("year", body.year);
    let title = check.required_text("title", &body.title);
    let source_url = check.optional_url("source_url", body.source_url.as_deref());
    check.finish()?;

    let mut connection = state.connection().await?;
    let new = NewReport {
        year: body.year,
        title: &title,
        published_on: body.published_on,
        source_url: source_url.as_deref(),
    };
    match reports::insert(&mut connection, &caller.actor(), &new).await {
        Ok(row) => Ok(HttpResponse::Created()
            .insert_header((
                "Location",
                format!("{}/reports/{}", super::API_PREFIX, row.year),
            ))
            .json(ReportDto::from(row))),
        Err(DbError::UniqueViolation(_)) => Err(ApiError::Conflict(format!(
            "a report for {} already exists",
            body.year
        ))),
        Err(other) => Err(other.into()),
    }
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
    let mut connection = state.connection().await?;
    let row = reports::find(&mut connection, year)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("there is no report for {year}")))?;
    Ok(HttpResponse::Ok().json(ReportDto::from(row)))
}
