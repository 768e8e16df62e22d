//! `GET /coverage`: the gap summary of every country, as JSON or CSV.

use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::api::auth::Caller;
use crate::domain::Region;
use crate::export::coverage_csv::to_csv;
use crate::export::provenance::Provenance;
use crate::export::{coverage_xlsx, file_name};
use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::negotiation::{
    CSV_MEDIA_TYPE, Formats, JSON_MEDIA_TYPE, XLSX_MEDIA_TYPE, csv_response, document_locale,
    negotiate, xlsx_response,
};
pub use crate::usecases::coverage::{CoverageReport, CoverageRow, coverage_report};

/// The formats coverage answers in: a table has no printable page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum CoverageFormat {
    Json,
    Csv,
    Xlsx,
}

impl Formats for CoverageFormat {
    const OFFERED: &'static [Self] = &[Self::Json, Self::Csv, Self::Xlsx];

    fn media_type(self) -> &'static str {
        match self {
            Self::Json => JSON_MEDIA_TYPE,
            Self::Csv => CSV_MEDIA_TYPE,
            Self::Xlsx => XLSX_MEDIA_TYPE,
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
    /// `json`, `csv` or `xlsx` (a workbook); overrides the `Accept` header.
    pub format: Option<CoverageFormat>,
}

/// The gap summary of every country that has recommendations in the year.
///
/// Statuses follow the rule of the gap report (see `get_gaps`): only interventions that are not
/// cancelled count; `addressed` needs an active or completed intervention contributing `full`.
/// Send `Accept: text/csv` (or `?format=csv`) for the same rows as CSV, with a header row and the
/// columns always in the same order;
/// `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (or
/// `?format=xlsx`) for a workbook: the rows with labels and names, the totals below, and a sheet
/// that says what the file is, with which filters, when it was made and by whom.
#[utoipa::path(tag = "gaps", params(CoverageQuery), responses(
    (status = 200, description = "Coverage per country, as JSON, as CSV rows or as a workbook", content(
        (CoverageReport = "application/json"),
        (String = "text/csv"),
        (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    )),
    (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No report for the year, or no such organisation", body = Problem, content_type = "application/problem+json"),
    (status = 406, description = "Neither JSON, CSV nor a workbook is acceptable", body = Problem, content_type = "application/problem+json"),
))]
#[get("/coverage")]
pub async fn get_coverage(
    request: HttpRequest,
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<CoverageQuery>,
) -> Result<HttpResponse, ApiError> {
    let format = negotiate(&request, query.format)?;
    let mut connection = state.connection().await?;
    let report = coverage_report(
        &mut connection,
        query.year,
        query.organisation,
        query.region,
    )
    .await?;
    match format {
        CoverageFormat::Csv => {
            let csv = to_csv(&report).map_err(ApiError::internal)?;
            Ok(csv_response(&file_name::coverage(&report, "csv"), csv))
        }
        CoverageFormat::Xlsx => {
            let workbook = coverage_xlsx::to_xlsx(
                document_locale(&request),
                &report,
                &Provenance::at(&caller.name, state.clock.now()),
            )
            .map_err(ApiError::internal)?;
            Ok(xlsx_response(
                &file_name::coverage(&report, "xlsx"),
                workbook,
            ))
        }
        CoverageFormat::Json => Ok(HttpResponse::Ok().json(report)),
    }
}
