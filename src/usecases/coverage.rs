//! Coverage: the gap summary of every country with recommendations in a report year.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::gap_report::organisation_filter_name;
use crate::db::gaps::{self, CountryCoverage};
use crate::db::{Connection, reports};
use crate::domain::{Failure, Movement, Region, StatusCounts, Tier, movement};

/// Coverage of every country with recommendations in one report year.
#[derive(Debug, Serialize, ToSchema)]
pub struct CoverageReport {
    /// The report year; `null` when no report has recommendations yet.
    pub year: Option<i32>,
    /// The organisation whose interventions alone were counted, if one was given.
    pub organisation: Option<Uuid>,
    /// That organisation's name.
    pub organisation_name: Option<String>,
    pub region: Option<Region>,
    /// One row per country, by code.
    pub items: Vec<CoverageRow>,
    /// The counts over all rows.
    pub totals: StatusCounts,
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

/// The coverage of every country with recommendations in `year` (by default the latest), counting
/// only `organisation`'s work and only `region`'s countries when given.
pub async fn coverage_report(
    connection: &mut Connection,
    year: Option<i32>,
    organisation: Option<Uuid>,
    region: Option<Region>,
) -> Result<CoverageReport, Failure> {
    let organisation_name = organisation_filter_name(connection, organisation).await?;
    let year = match year {
        Some(year) if reports::exists(connection, year).await? => Some(year),
        Some(year) => return Err(super::reports::not_found(year)),
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
        organisation_name,
        region,
        items,
    })
}
