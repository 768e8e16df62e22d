//! The `tier_placements` table: a country's tier in each report year.

use diesel::prelude::*;
use diesel::upsert::excluded;
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde::Serialize;

use super::audit::{self, Actor, Change};
use super::schema::tier_placements;
use super::{Connection, Constrained, DbError, constrained};
use crate::domain::{AuditAction, ResourceType, Tier};

#[derive(Debug, Clone, Queryable, Selectable, Serialize, serde::Deserialize)]
#[diesel(table_name = tier_placements, check_for_backend(diesel::pg::Pg))]
pub struct TierRow {
    pub country_code: String,
    pub year: i32,
    pub tier: Tier,
    pub waiver: bool,
    pub note: Option<String>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = tier_placements)]
pub struct NewTier<'a> {
    pub country_code: &'a str,
    pub year: i32,
    pub tier: Tier,
    pub waiver: bool,
    pub note: Option<&'a str>,
}

/// Creates or replaces a placement and audits it; says whether it was created. The report year
/// must exist (`Constrained::MissingReference("tier_placements_year_fkey")` otherwise).
pub async fn upsert(
    connection: &mut Connection,
    actor: &Actor,
    tier: &NewTier<'_>,
) -> Result<Constrained<(TierRow, bool)>, DbError> {
    constrained(
        connection
            .transaction::<_, DbError, _>(async |connection| {
                let before = tier_placements::table
                    .find((tier.country_code, tier.year))
                    .select(TierRow::as_select())
                    .for_update()
                    .first(connection)
                    .await
                    .optional()?;
                let row = diesel::insert_into(tier_placements::table)
                    .values(tier)
                    .on_conflict((tier_placements::country_code, tier_placements::year))
                    .do_update()
                    .set((
                        tier_placements::tier.eq(excluded(tier_placements::tier)),
                        tier_placements::waiver.eq(excluded(tier_placements::waiver)),
                        tier_placements::note.eq(excluded(tier_placements::note)),
                        tier_placements::updated_at.eq(diesel::dsl::now),
                    ))
                    .returning(TierRow::as_returning())
                    .get_result(connection)
                    .await?;
                let id = format!("{}/{}", row.country_code, row.year);
                let (action, change) = match &before {
                    None => (
                        AuditAction::Create,
                        Change::created(ResourceType::Tier, id, &row),
                    ),
                    Some(before) => (
                        AuditAction::Update,
                        Change::updated(ResourceType::Tier, id, before, &row),
                    ),
                };
                audit::record(connection, actor, action, change).await?;
                Ok((row, before.is_none()))
            })
            .await,
    )
}

/// Every placement of a country, oldest first.
pub async fn history(connection: &mut Connection, country: &str) -> Result<Vec<TierRow>, DbError> {
    Ok(tier_placements::table
        .filter(tier_placements::country_code.eq(country))
        .order(tier_placements::year)
        .select(TierRow::as_select())
        .load(connection)
        .await?)
}

/// A country's placement in `year` and in the year before, for the movement between them.
pub async fn with_previous(
    connection: &mut Connection,
    country: &str,
    year: i32,
) -> Result<(Option<TierRow>, Option<Tier>), DbError> {
    let rows = tier_placements::table
        .filter(tier_placements::country_code.eq(country))
        .filter(tier_placements::year.eq_any([year, year - 1]))
        .select(TierRow::as_select())
        .load(connection)
        .await?;
    let previous = rows
        .iter()
        .find(|row| row.year == year - 1)
        .map(|row| row.tier);
    let current = rows.into_iter().find(|row| row.year == year);
    Ok((current, previous))
}
