//! `GET /coverage`: the gap summary of every country, as JSON or CSV.

use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::AppState;
use super::csv_cells::write_row;
use super::gaps::check_organisation_filter;
use super::negotiation::{Format, csv_response, negotiate};
use crate::db::gaps::{self, CountryCoverage};
use crate::db::{Connection, reports};
use crate::domain::{Movement, Region, StatusCounts, Tier, movement};
use crate::error::{ApiError, Problem};

/// Coverage of every country with recommendations in one report year.
#[derive(Debug, Serialize, ToSchema)]
pub struct CoverageReport {
    /// The report year; `null` when no report has recommendations yet.
    pub year: Option<i32>,
    pub organisation: Option<Uuid>,
    pub region: Option<Region>,
    /// One row per country, by code.
    pub items: Vec<CoverageRow>,
    /// The counts over all rows.
    pub totals: StatusCounts,
}

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

/// One country's coverage.
#[derive(Debug, Serialize, ToSchema)]
pub struct CoverageRow {
    #[schema(example = "SLE")]
    pub code: String,
    /// The ISO 3166-1 name.
    pub name: String,
    /// The name the TIP Report uses.
    #[schema(example = "Sierra Leone")]
    pub tip_name: String,
    pub region: Option<Region>,
    pub year: i32,
    pub tier: Option<Tier>,
    /// `null` when the year's tier is not recorded.
    pub movement: Option<Movement>,
    #[serde(flatten)]
    pub counts: StatusCounts,
}

impl CoverageRow {
    fn new(year: i32, row: CountryCoverage) -> Self {
        Self {
            movement: row.tier.map(|tier| movement(row.previous_tier, tier)),
            counts: StatusCounts::new(
                row.addressed,
                row.partially_addressed,
                row.planned,
                row.unaddressed,
            ),
            code: row.code,
            name: row.name,
            tip_name: row.tip_name,
            region: row.region,
            year,
            tier: row.tier,
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

/// The columns of the CSV, in order.
const CSV_HEADER: [&str; 13] = [
    "country_code",
    "country_name",
    "region",
    "year",
    "tier",
    "movement",
    "total",
    "addressed",
    "partially_addressed",
    "planned",
    "unaddressed",
    "coverage_ratio",
    "organisation",
];

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
            Ok(csv_response(&csv_filename(&report), csv))
        }
        _ => Ok(HttpResponse::Ok().json(report)),
    }
}

/// The coverage of every country with recommendations in `year` (by default the latest), counting
/// only `organisation`'s work and only `region`'s countries when given.
pub async fn coverage_report(
    connection: &mut Connection,
    year: Option<i32>,
    organisation: Option<Uuid>,
    region: Option<Region>,
) -> Result<CoverageReport, ApiError> {
    check_organisation_filter(connection, organisation).await?;
    let year = match year {
        Some(year) if reports::exists(connection, year).await? => Some(year),
        Some(year) => return Err(ApiError::NotFound(format!("there is no report for {year}"))),
        None => gaps::latest_year(connection, None).await?,
    };
    let items: Vec<CoverageRow> = match year {
        Some(year) => gaps::coverage(connection, year, organisation, region)
            .await?
            .into_iter()
            .map(|row| CoverageRow::new(year, row))
            .collect(),
        None => Vec::new(),
    };
    Ok(CoverageReport {
        totals: StatusCounts::sum(items.iter().map(|row| row.counts)),
        year,
        organisation,
        region,
        items,
    })
}

/// What a downloaded coverage CSV is called.
pub fn csv_filename(report: &CoverageReport) -> String {
    let year = report
        .year
        .map_or_else(|| "none".to_string(), |y| y.to_string());
    format!("gaptrack-coverage-{year}.csv")
}

/// The report as CSV: a header row, then one row per country.
pub fn to_csv(report: &CoverageReport) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_HEADER)?;
    let organisation = report
        .organisation
        .map(|id| id.to_string())
        .unwrap_or_default();
    for row in &report.items {
        write_row(
            &mut writer,
            [
                row.code.as_str(),
                row.tip_name.as_str(),
                row.region.map_or("", Region::as_str),
                &row.year.to_string(),
                row.tier.map_or("", Tier::as_str),
                row.movement.map_or("", movement_text),
                &row.counts.total.to_string(),
                &row.counts.addressed.to_string(),
                &row.counts.partially_addressed.to_string(),
                &row.counts.planned.to_string(),
                &row.counts.unaddressed.to_string(),
                &format!("{:.4}", row.counts.coverage_ratio),
                &organisation,
            ],
        )?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))?;
    Ok(String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8"))
}

fn movement_text(movement: Movement) -> &'static str {
    match movement {
        Movement::Upgraded => "upgraded",
        Movement::Downgraded => "downgraded",
        Movement::Unchanged => "unchanged",
        Movement::New => "new",
    }
}
