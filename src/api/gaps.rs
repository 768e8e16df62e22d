//! `GET /countries/{code}/gaps`: which of a country's recommendations remain unaddressed.

use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::api::auth::Caller;
use crate::domain::{RecommendationStatus, Refusal};
use crate::export::provenance::Provenance;
use crate::export::read_texts::GapDocument;
use crate::export::{file_name, gaps_csv, gaps_summary, gaps_xlsx};
use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::negotiation::{
    CSV_MEDIA_TYPE, Formats, HTML_MEDIA_TYPE, JSON_MEDIA_TYPE, XLSX_MEDIA_TYPE, csv_response,
    document_locale, html_response, negotiate, xlsx_response,
};
pub use crate::usecases::gap_report::{
    CountingInterventionDto, GapFilters, GapReport, LineDto, PillarCounts, RecommendationGapDto,
    TierSummary, gap_report,
};
use crate::usecases::translations;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct GapQuery {
    /// The report year; by default the latest with recommendations for this country.
    pub year: Option<i32>,
    /// Count only this organisation's interventions.
    pub organisation: Option<Uuid>,
    /// List only recommendations with this status (the summary still counts all).
    pub status: Option<RecommendationStatus>,
    /// List only persistent gaps: unaddressed now, never addressed along their line, and standing
    /// for two or more consecutive reports.
    #[serde(default)]
    pub persistent_only: bool,
    /// How many interventions to list per recommendation, 0 to 100 (default 10), strongest first.
    #[param(minimum = 0, maximum = 100)]
    pub interventions_limit: Option<u32>,
    /// `json`, `csv`, `xlsx` (a workbook) or `html` (a printable summary); overrides the `Accept`
    /// header.
    pub format: Option<GapFormat>,
}

/// The formats the gap report answers in (published as `Format`, its name before the other
/// reports had formats of their own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
#[schema(as = Format)]
pub enum GapFormat {
    Json,
    Csv,
    Html,
    Xlsx,
}

impl Formats for GapFormat {
    const OFFERED: &'static [Self] = &[Self::Json, Self::Csv, Self::Html, Self::Xlsx];

    fn media_type(self) -> &'static str {
        match self {
            Self::Json => JSON_MEDIA_TYPE,
            Self::Csv => CSV_MEDIA_TYPE,
            Self::Html => HTML_MEDIA_TYPE,
            Self::Xlsx => XLSX_MEDIA_TYPE,
        }
    }
}

impl GapQuery {
    /// The filters of the report this query asks for.
    pub fn filters(&self) -> GapFilters {
        GapFilters {
            year: self.year,
            organisation: self.organisation,
            status: self.status,
            persistent_only: self.persistent_only,
        }
    }
}

/// The default of `interventions_limit`: enough to show what makes each status, few enough that a
/// recommendation many organisations work on keeps the report readable and quick.
const DEFAULT_INTERVENTIONS_LIMIT: u32 = 10;
const MAX_INTERVENTIONS_LIMIT: u32 = 100;

/// Which of a country's recommendations remain unaddressed.
///
/// For a country and report year, each recommendation has a status, counting only linked
/// interventions that are not `cancelled` (and, with `organisation`, only that organisation's):
/// `addressed` when at least one linked `active` or `completed` intervention contributes `full`;
/// `partially_addressed` when linked `active`/`completed` interventions exist but all contribute
/// `partial`; `planned` when only `planned` interventions are linked; `unaddressed` when nothing
/// counts. `coverage_ratio` is addressed / total (0 when there are none).
///
/// Each recommendation lists the interventions that count for it, strongest first, at most
/// `interventions_limit` (default 10; `more_interventions` says when more count, and
/// `GET /recommendations/{id}/interventions` lists them all), so that a recommendation hundreds of
/// interventions answer keeps the report readable and fast.
///
/// Each recommendation also shows its `line`: how many consecutive reports it has stood in through
/// `continues` links, since which year, and whether it was ever addressed along the way.
/// `persistent_only=true` keeps the gaps that have outlasted reports.
///
/// `Accept: text/csv` (or `?format=csv`) gives one row per recommendation, with the same filters;
/// `Accept: text/html` (or `?format=html`) a printable summary for a grant proposal;
/// `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (or
/// `?format=xlsx`) a workbook with the same filters: a sheet of recommendations, one of answers
/// (each counting intervention with its rationale and evidence), one per pillar, and one that says
/// what the file is, with which filters, when it was made and by whom.
#[utoipa::path(tag = "gaps",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-3 or alpha-2 code, or a country name", example = "SLE"), GapQuery),
    responses(
        (status = 200, description = "The gap report as JSON, as CSV (one row per recommendation), as a printable HTML summary or as a workbook", content(
            (GapReport = "application/json"),
            (String = "text/csv"),
            (String = "text/html"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, description = "Malformed code or query", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such country or organisation, or no report for the year", body = Problem, content_type = "application/problem+json"),
        (status = 406, description = "Neither JSON, CSV, HTML nor a workbook is acceptable", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "interventions_limit out of range", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/countries/{code}/gaps")]
pub async fn get_gaps(
    request: HttpRequest,
    caller: Caller,
    state: web::Data<AppState>,
    code: web::Path<String>,
    query: web::Query<GapQuery>,
) -> Result<HttpResponse, ApiError> {
    let format = negotiate(&request, query.format)?;
    let interventions_limit = query
        .interventions_limit
        .unwrap_or(DEFAULT_INTERVENTIONS_LIMIT);
    if interventions_limit > MAX_INTERVENTIONS_LIMIT {
        return Err(ApiError::invalid(
            "interventions_limit",
            Refusal::new("invalid-between")
                .with("least", 0)
                .with("most", i64::from(MAX_INTERVENTIONS_LIMIT)),
        ));
    }
    let report = gap_report(
        state.get_ref(),
        &code,
        &query.filters(),
        interventions_limit,
    )
    .await?;
    Ok(match format {
        GapFormat::Json => HttpResponse::Ok().json(report),
        GapFormat::Csv => {
            let csv = gaps_csv::to_csv(&report).map_err(ApiError::internal)?;
            let name = file_name::gaps(&report, query.status, query.persistent_only, "csv");
            csv_response(&name, csv)
        }
        GapFormat::Html => {
            let locale = document_locale(&request);
            let translations =
                translations::of_report(state.get_ref(), &report, locale.language()).await?;
            html_response(gaps_summary::to_html(
                locale,
                &report,
                &Provenance::at(&caller.name, state.clock.now()),
                gaps_summary::View {
                    translations: Some(&translations),
                    ..gaps_summary::View::default()
                },
            ))
        }
        GapFormat::Xlsx => {
            let filters = query.filters();
            let locale = document_locale(&request);
            let translations =
                translations::of_report(state.get_ref(), &report, locale.language()).await?;
            let document = GapDocument {
                report,
                translations,
            };
            let report = &document.report;
            let workbook = gaps_xlsx::to_xlsx(
                locale,
                &document,
                &filters,
                &Provenance::at(&caller.name, state.clock.now()),
            )
            .map_err(ApiError::internal)?;
            let name = file_name::gaps(report, filters.status, filters.persistent_only, "xlsx");
            xlsx_response(&name, workbook)
        }
    })
}
