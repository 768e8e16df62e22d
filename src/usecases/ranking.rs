//! Every ranked country's tier in a report year, for the overview: the tier history ships with
//! placements for countries gaptrack holds no recommendations for, and a grant writer reads
//! their tiers and moves beside the coverage of the others.

use crate::db::Connections;
use crate::db::ranking::{self, RankedCountry};
use crate::db::tier_sources::{self, TierSource};
use crate::domain::{Failure, Movement, Region, Tier, known_movement};

/// The placements of one year.
#[derive(Debug)]
pub struct Ranking {
    /// The year shown: the one asked for, or the latest with placements; `None` when no
    /// placement is recorded at all.
    pub year: Option<i32>,
    /// Every year with placements, latest first, to choose from.
    pub years: Vec<i32>,
    /// Where the year's placements come from, and whether they are every ranked country's.
    pub source: Option<TierSource>,
    pub countries: Vec<Ranked>,
}

/// One country's placement.
#[derive(Debug)]
pub struct Ranked {
    pub code: String,
    pub tip_name: String,
    pub region: Option<Region>,
    pub tier: Tier,
    pub waiver: bool,
    /// `None` when the country has no placement the year before and that year is known only in
    /// part, so that it is not called new.
    pub movement: Option<Movement>,
}

/// The placements of `year` (or of the latest year with placements), optionally of one region.
pub async fn of_year(
    db: &impl Connections,
    year: Option<i32>,
    region: Option<Region>,
) -> Result<Ranking, Failure> {
    let mut connection = db.connect().await?;
    let years = ranking::years(&mut connection).await?;
    let Some(year) = year.or_else(|| years.first().copied()) else {
        return Ok(Ranking {
            year: None,
            years,
            source: None,
            countries: Vec::new(),
        });
    };
    let rows = ranking::of_year(&mut connection, year, region).await?;
    let sources = tier_sources::of_years(&mut connection, &[year, year - 1]).await?;
    let year_before_partial = sources.iter().any(|s| s.year == year - 1 && !s.complete);
    let countries = rows
        .into_iter()
        .map(|row: RankedCountry| Ranked {
            movement: known_movement(row.previous_tier, row.tier, year_before_partial),
            code: row.code,
            tip_name: row.tip_name,
            region: row.region,
            tier: row.tier,
            waiver: row.waiver,
        })
        .collect();
    Ok(Ranking {
        year: Some(year),
        years,
        source: sources.into_iter().find(|s| s.year == year),
        countries,
    })
}
