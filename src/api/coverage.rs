//! `GET /coverage`: the gap summary of every country, as JSON or CSV.

use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::Region;
use crate::export::coverage_csv::to_csv;
use crate::export::file_name;
use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::negotiation::{Format, csv_response, negotiate};
pub use crate::usecases::coverage::{CoverageReport, CoverageRow, coverage_report};

/// The formats coverage answers in: a table has no printable page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum CoverageFormat {
    Json,
    Csv,
}

impl From<CoverageFormat> for Format {
    fn from(format: CoverageFormat) -> Self {
        match format {
            CoverageFormat::Json => Self::Json,
            CoverageFormat::Csv => Self::Csv,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CoverageQuery {
    /// The report year; by default the latest with recommendations.
    pub year: Option<i32>,
    /// Count only this organisation's interventions.
    pub organisation: Option<Uuid>,
    /// Only countries of this region.
    pub region: Option<Region>,
    /// `json` or `csv`; overrides the `Accept` header.
    pub format: Option<CoverageFormat>,
}

/// The gap summary of every country that has recommendations in the year.
///
/// Statuses follow the rule of the gap report (see `get_gaps`): only interventions that are not
/// cancelled count; `addressed` needs an active or completed intervention contributing `full`.
/// Send `Accept: text/csv` (or `?format=csv`) for the same rows as CSV, with a header row and the
/// columns always in the same order.
#[utoipa::path(tag = "gaps", params(CoverageQuery), responses(
    (status = 200, description = "Coverage per country, as JSON or as CSV rows", content(
        (CoverageReport = "application/json"),
        (String = "text/csv"),
    )),
    (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No report for the year, or no such organisation", body = Problem, content_type = "application/problem+json"),
    (status = 406, description = "Neither JSON nor CSV is acceptable", body = Problem, content_type = "application/problem+json"),
))]
#[get("/coverage")]
pub async fn get_coverage(
    request: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<CoverageQuery>,
) -> Result<HttpResponse, ApiError> {
    let format = negotiate(
        &request,
        query.format.map(Format::from),
        &[Format::Json, Format::Csv],
    )?;
    let mut connection = state.connection().await?;
    let report = coverage_report(
        &mut connection,
        query.year,
        query.organisation,
        query.region,
    )
    .await?;
    match format {
        Format::Csv => {
            let csv = to_csv(&report).map_err(ApiError::internal)?;
            Ok(csv_response(&file_name::coverage(&report, "csv"), csv))
        }
        _ => Ok(HttpResponse::Ok().json(report)),
    }
}
