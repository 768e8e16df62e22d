//! The bulk writes of an import: one statement per table, whatever the number of rows.
//!
//! Rows travel as one array per column (`unnest`), so 50,000 recommendations are one round trip
//! and one plan, not 50,000. Rows identical to what is stored are left alone (the `WHERE ... IS
//! DISTINCT FROM` of the upsert), which is what makes re-importing a file a no-op.

use diesel::QueryableByName;
use diesel::sql_types::{Array, Bool, Int4, Nullable, Text, Uuid as SqlUuid};
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use super::{Connection, DbError};
use crate::domain::{Pillar, Tier};

/// A tier placement to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierImport {
    pub country_code: String,
    pub year: i32,
    pub tier: Tier,
    pub waiver: bool,
    pub note: Option<String>,
}

/// A recommendation to write, keyed by country, year and position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecommendationImport {
    pub country_code: String,
    pub year: i32,
    pub position: i32,
    pub pillar: Pillar,
    pub text: String,
    pub prioritized: bool,
    pub source_url: Option<String>,
    /// `None` keeps whatever link the stored recommendation has.
    pub continues: Option<Uuid>,
    /// Its French text and that text's source; `None` keeps whatever translation is stored.
    pub french: Option<(String, Option<String>)>,
}

/// How many rows a write created and changed; the rest were already as given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub created: usize,
    pub updated: usize,
}

#[derive(QueryableByName)]
struct Written {
    #[diesel(sql_type = Bool)]
    created: bool,
}

fn count(written: &[Written]) -> Counts {
    let created = written.iter().filter(|row| row.created).count();
    Counts {
        created,
        updated: written.len() - created,
    }
}

/// Lets each statement of the current transaction run for up to `allowed` (`SET LOCAL
/// statement_timeout`), however short the connection's own timeout; it ends with the transaction.
pub async fn allow_statement_time(
    connection: &mut Connection,
    allowed: std::time::Duration,
) -> Result<(), DbError> {
    diesel::sql_query(format!(
        "SET LOCAL statement_timeout = {}",
        allowed.as_millis()
    ))
    .execute(connection)
    .await?;
    Ok(())
}

/// Creates the report years that do not exist yet, with the report's usual title; returns them.
pub async fn create_missing_reports(
    connection: &mut Connection,
    years: &[i32],
) -> Result<Vec<i32>, DbError> {
    #[derive(QueryableByName)]
    struct Year {
        #[diesel(sql_type = Int4)]
        year: i32,
    }
    let created: Vec<Year> = diesel::sql_query(
        "INSERT INTO reports (year, title) \
         SELECT year, year || ' Trafficking in Persons Report' FROM unnest($1::int4[]) AS year \
         ON CONFLICT (year) DO NOTHING \
         RETURNING year",
    )
    .bind::<Array<Int4>, _>(years)
    .load(connection)
    .await?;
    let mut years: Vec<i32> = created.into_iter().map(|row| row.year).collect();
    years.sort_unstable();
    Ok(years)
}

/// Creates or updates tier placements; unchanged rows are not touched.
pub async fn upsert_tiers(
    connection: &mut Connection,
    tiers: &[TierImport],
) -> Result<Counts, DbError> {
    if tiers.is_empty() {
        return Ok(Counts::default());
    }
    let countries: Vec<&str> = tiers.iter().map(|t| t.country_code.as_str()).collect();
    let years: Vec<i32> = tiers.iter().map(|t| t.year).collect();
    let names: Vec<&str> = tiers.iter().map(|t| t.tier.as_str()).collect();
    let waivers: Vec<bool> = tiers.iter().map(|t| t.waiver).collect();
    let notes: Vec<Option<&str>> = tiers.iter().map(|t| t.note.as_deref()).collect();
    let written: Vec<Written> = diesel::sql_query(
        "INSERT INTO tier_placements (country_code, year, tier, waiver, note) \
         SELECT * FROM unnest($1::text[], $2::int4[], $3::text[], $4::bool[], $5::text[]) \
         ON CONFLICT (country_code, year) DO UPDATE \
            SET tier = excluded.tier, waiver = excluded.waiver, note = excluded.note, \
                updated_at = now() \
          WHERE (tier_placements.tier, tier_placements.waiver, tier_placements.note) \
                IS DISTINCT FROM (excluded.tier, excluded.waiver, excluded.note) \
         RETURNING (xmax = 0) AS created",
    )
    .bind::<Array<Text>, _>(countries)
    .bind::<Array<Int4>, _>(years)
    .bind::<Array<Text>, _>(names)
    .bind::<Array<Bool>, _>(waivers)
    .bind::<Array<Nullable<Text>>, _>(notes)
    .load(connection)
    .await?;
    Ok(count(&written))
}

/// How many rows go in one statement: a whole file's rows in one would be encoded whole twice
/// (the statement's parameters, then the message to PostgreSQL) while the file is still held.
const ROWS_PER_STATEMENT: usize = 5_000;

/// Creates or updates recommendations by (country, year, position); unchanged rows are not
/// touched, and an updated one keeps its id (and so its links).
pub async fn upsert_recommendations(
    connection: &mut Connection,
    recommendations: &[RecommendationImport],
) -> Result<Counts, DbError> {
    let mut counts = Counts::default();
    for chunk in recommendations.chunks(ROWS_PER_STATEMENT) {
        let written = upsert_recommendation_rows(connection, chunk).await?;
        counts.created += written.created;
        counts.updated += written.updated;
    }
    Ok(counts)
}

async fn upsert_recommendation_rows(
    connection: &mut Connection,
    recommendations: &[RecommendationImport],
) -> Result<Counts, DbError> {
    let ids: Vec<Uuid> = recommendations.iter().map(|_| Uuid::now_v7()).collect();
    let countries: Vec<&str> = recommendations
        .iter()
        .map(|r| r.country_code.as_str())
        .collect();
    let years: Vec<i32> = recommendations.iter().map(|r| r.year).collect();
    let positions: Vec<i32> = recommendations.iter().map(|r| r.position).collect();
    let texts: Vec<&str> = recommendations.iter().map(|r| r.text.as_str()).collect();
    let pillars: Vec<&str> = recommendations.iter().map(|r| r.pillar.as_str()).collect();
    let prioritized: Vec<bool> = recommendations.iter().map(|r| r.prioritized).collect();
    let sources: Vec<Option<&str>> = recommendations
        .iter()
        .map(|r| r.source_url.as_deref())
        .collect();
    let continues: Vec<Option<Uuid>> = recommendations.iter().map(|r| r.continues).collect();
    let written: Vec<Written> = diesel::sql_query(
        "INSERT INTO recommendations \
                (id, country_code, year, position, text, pillar, prioritized, source_url, continues) \
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::int4[], $4::int4[], $5::text[], \
                              $6::text[], $7::bool[], $8::text[], $9::uuid[]) \
         ON CONFLICT ON CONSTRAINT recommendations_position_key DO UPDATE \
            SET text = excluded.text, pillar = excluded.pillar, \
                prioritized = excluded.prioritized, source_url = excluded.source_url, \
                continues = coalesce(excluded.continues, recommendations.continues), \
                updated_at = now() \
          WHERE (recommendations.text, recommendations.pillar, recommendations.prioritized, \
                 recommendations.source_url, recommendations.continues) \
                IS DISTINCT FROM (excluded.text, excluded.pillar, excluded.prioritized, \
                 excluded.source_url, coalesce(excluded.continues, recommendations.continues)) \
         RETURNING (xmax = 0) AS created",
    )
    .bind::<Array<SqlUuid>, _>(ids)
    .bind::<Array<Text>, _>(countries)
    .bind::<Array<Int4>, _>(years)
    .bind::<Array<Int4>, _>(positions)
    .bind::<Array<Text>, _>(texts)
    .bind::<Array<Text>, _>(pillars)
    .bind::<Array<Bool>, _>(prioritized)
    .bind::<Array<Nullable<Text>>, _>(sources)
    .bind::<Array<Nullable<SqlUuid>>, _>(continues)
    .load(connection)
    .await?;
    Ok(count(&written))
}

/// Adds or replaces the French texts the rows give, for the recommendations just written (by
/// country, year and position), naming `added_by`; a row with no French text leaves any stored.
pub async fn upsert_french_texts(
    connection: &mut Connection,
    recommendations: &[RecommendationImport],
    added_by: &str,
) -> Result<(), DbError> {
    for chunk in recommendations.chunks(ROWS_PER_STATEMENT) {
        upsert_french_rows(connection, chunk, added_by).await?;
    }
    Ok(())
}

async fn upsert_french_rows(
    connection: &mut Connection,
    recommendations: &[RecommendationImport],
    added_by: &str,
) -> Result<(), DbError> {
    let french: Vec<(&RecommendationImport, &str, Option<&str>)> = recommendations
        .iter()
        .filter_map(|r| {
            r.french
                .as_ref()
                .map(|(text, source)| (r, text.as_str(), source.as_deref()))
        })
        .collect();
    if french.is_empty() {
        return Ok(());
    }
    diesel::sql_query(
        "INSERT INTO recommendation_translations \
                (recommendation_id, language, text, source_url, added_by) \
         SELECT r.id, 'fr', t.text, t.source_url, $6 \
           FROM unnest($1::text[], $2::int4[], $3::int4[], $4::text[], $5::text[]) \
                AS t (country_code, year, position, text, source_url) \
           JOIN recommendations r USING (country_code, year, position) \
         ON CONFLICT (recommendation_id, language) DO UPDATE \
            SET text = excluded.text, source_url = excluded.source_url, \
                added_by = excluded.added_by, updated_at = now() \
          WHERE (recommendation_translations.text, recommendation_translations.source_url) \
                IS DISTINCT FROM (excluded.text, excluded.source_url)",
    )
    .bind::<Array<Text>, _>(
        french
            .iter()
            .map(|(r, _, _)| r.country_code.as_str())
            .collect::<Vec<_>>(),
    )
    .bind::<Array<Int4>, _>(french.iter().map(|(r, _, _)| r.year).collect::<Vec<_>>())
    .bind::<Array<Int4>, _>(
        french
            .iter()
            .map(|(r, _, _)| r.position)
            .collect::<Vec<_>>(),
    )
    .bind::<Array<Text>, _>(french.iter().map(|(_, text, _)| *text).collect::<Vec<_>>())
    .bind::<Array<Nullable<Text>>, _>(
        french
            .iter()
            .map(|(_, _, source)| *source)
            .collect::<Vec<_>>(),
    )
    .bind::<Text, _>(added_by)
    .execute(connection)
    .await?;
    Ok(())
}
