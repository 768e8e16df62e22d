//! Every country ranked in a report year: its tier, waiver and the tier of the year before, for
//! the overview's table of placements (which lists countries whether or not gaptrack holds
//! recommendations for them).

use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use super::schema::{countries, tier_placements};
use super::{Connection, DbError};
use crate::domain::{Region, Tier};

diesel::alias!(tier_placements as year_before: YearBefore);

/// One country's placement in a year, with the year before's.
#[derive(Debug, Clone, Queryable)]
pub struct RankedCountry {
    pub code: String,
    pub tip_name: String,
    pub region: Option<Region>,
    pub tier: Tier,
    pub waiver: bool,
    /// The country's tier the year before, when it is recorded.
    pub previous_tier: Option<Tier>,
}

/// The countries placed in `year`, optionally of one region, by code.
pub async fn of_year(
    connection: &mut Connection,
    year: i32,
    region: Option<Region>,
) -> Result<Vec<RankedCountry>, DbError> {
    let mut query = tier_placements::table
        .inner_join(countries::table)
        .left_join(
            year_before.on(year_before
                .field(tier_placements::country_code)
                .eq(tier_placements::country_code)
                .and(year_before.field(tier_placements::year).eq(year - 1))),
        )
        .filter(tier_placements::year.eq(year))
        .order(countries::code)
        .select((
            countries::code,
            countries::tip_name,
            countries::region,
            tier_placements::tier,
            tier_placements::waiver,
            year_before.field(tier_placements::tier).nullable(),
        ))
        .into_boxed();
    if let Some(region) = region {
        query = query.filter(countries::region.eq(region.as_str()));
    }
    Ok(query.load::<RankedCountry>(connection).await?)
}

/// The years with at least one placement, latest first.
pub async fn years(connection: &mut Connection) -> Result<Vec<i32>, DbError> {
    Ok(tier_placements::table
        .select(tier_placements::year)
        .distinct()
        .order(tier_placements::year.desc())
        .load(connection)
        .await?)
}
