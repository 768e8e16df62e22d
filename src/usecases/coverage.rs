//! Coverage: the gap summary of every country with recommendations in a report year, or in
//! each country's latest.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::gap_report::organisation_filter_name;
use crate::db::gaps::{self, CountryCoverage};
use crate::db::{Connection, reports, tier_sources};
use crate::domain::{Failure, Movement, Region, StatusCounts, Tier, known_movement};

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

impl CoverageReport {
    /// The report years its rows count, oldest first: one (or none), or several when each
    /// country's latest report is counted and those differ, which every document must say.
    pub fn row_years(&self) -> Vec<i32> {
        let years: std::collections::BTreeSet<i32> =
            self.items.iter().map(|row| row.year).collect();
        years.into_iter().collect()
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
    /// A country's row; `year_before_partial` when the year before its report is known only in
    /// part, so that a country missing from it is not called new.
    fn of(row: CountryCoverage, year_before_partial: bool) -> Self {
        Self {
            movement: row
                .tier
                .and_then(|tier| known_movement(row.previous_tier, tier, year_before_partial)),
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
            year: row.year,
            tier: row.tier,
        }
    }
}

/// Which report a coverage counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoverageYear {
    /// One report year, for every country.
    Year(i32),
    /// The newest report year with recommendations, for every country (the API's default).
    Latest,
    /// Each country's own latest report with recommendations (the overview's default): a new
    /// report loaded for a few countries does not hide the others' work.
    EachCountrysLatest,
}

impl From<Option<i32>> for CoverageYear {
    fn from(year: Option<i32>) -> Self {
        year.map_or(Self::Latest, Self::Year)
    }
}

/// The coverage of every country with recommendations in the report `year` names, counting
/// only `organisation`'s work and only `region`'s countries when given.
pub async fn coverage_report(
    connection: &mut Connection,
    year: impl Into<CoverageYear>,
    organisation: Option<Uuid>,
    region: Option<Region>,
) -> Result<CoverageReport, Failure> {
    let organisation_name = organisation_filter_name(connection, organisation).await?;
    let (year, items) = match year.into() {
        CoverageYear::Year(year) if !reports::exists(connection, year).await? => {
            return Err(super::reports::not_found(year));
        }
        CoverageYear::Year(year) => (
            Some(year),
            rows(connection, Some(year), organisation, region).await?,
        ),
        CoverageYear::Latest => match gaps::latest_year(connection, None).await? {
            Some(year) => (
                Some(year),
                rows(connection, Some(year), organisation, region).await?,
            ),
            None => (None, Vec::new()),
        },
        CoverageYear::EachCountrysLatest => {
            let items = rows(connection, None, organisation, region).await?;
            (items.iter().map(|row| row.year).max(), items)
        }
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

async fn rows(
    connection: &mut Connection,
    year: Option<i32>,
    organisation: Option<Uuid>,
    region: Option<Region>,
) -> Result<Vec<CoverageRow>, Failure> {
    let partial = tier_sources::partial_years(connection).await?;
    Ok(gaps::coverage(connection, year, organisation, region)
        .await?
        .into_iter()
        .map(|row| {
            let year_before_partial = partial.contains(&(row.year - 1));
            CoverageRow::of(row, year_before_partial)
        })
        .collect())
}
