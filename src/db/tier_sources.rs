//! The `tier_sources` table: where a report year's placements come from, and whether they are
//! every ranked country's.

use diesel::prelude::*;
use diesel::upsert::excluded;
use diesel_async::RunQueryDsl;

use super::schema::tier_sources;
use super::{Connection, DbError};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable, serde::Deserialize)]
#[diesel(table_name = tier_sources, check_for_backend(diesel::pg::Pg))]
pub struct TierSource {
    pub year: i32,
    pub complete: bool,
    /// `research` or `pages`.
    pub kind: String,
}

/// Records each year's source, replacing what a year had.
pub async fn put_all(connection: &mut Connection, sources: &[TierSource]) -> Result<(), DbError> {
    diesel::insert_into(tier_sources::table)
        .values(sources)
        .on_conflict(tier_sources::year)
        .do_update()
        .set((
            tier_sources::complete.eq(excluded(tier_sources::complete)),
            tier_sources::kind.eq(excluded(tier_sources::kind)),
        ))
        .execute(connection)
        .await?;
    Ok(())
}

/// The sources of `years` that have one.
pub async fn of_years(
    connection: &mut Connection,
    years: &[i32],
) -> Result<Vec<TierSource>, DbError> {
    Ok(tier_sources::table
        .filter(tier_sources::year.eq_any(years))
        .select(TierSource::as_select())
        .load(connection)
        .await?)
}

/// The report years known only in part.
pub async fn partial_years(
    connection: &mut Connection,
) -> Result<std::collections::HashSet<i32>, DbError> {
    let years: Vec<i32> = tier_sources::table
        .filter(tier_sources::complete.eq(false))
        .select(tier_sources::year)
        .load(connection)
        .await?;
    Ok(years.into_iter().collect())
}
