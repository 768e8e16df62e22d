//! What a country's page reads besides its gap report, in one statement: the country's
//! placements and where their years come from, its report years, the organisations to filter
//! by, the recommendations' translations in the reader's language and, on its latest report,
//! which recommendations some intervention done in the period the next report assesses answers.
//! Read one by one they were six round trips and most of what the page cost over its JSON.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::result::Error as DieselError;
use diesel::sql_types::{Array, Date, Int4, Json, Nullable, Text, Uuid as SqlUuid};
use diesel_async::RunQueryDsl;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::organisations::OrganisationRow;
use super::tier_sources::TierSource;
use super::tiers::TierRow;
use super::translations::TranslationRow;
use super::{Connection, DbError};

/// The period whose work the page notes, and whose work counts (an organisation's only, when
/// the page is filtered to it).
#[derive(Debug, Clone, Copy)]
pub struct PeriodAsked {
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub organisation: Option<Uuid>,
}

/// What [`page_reads`] returns.
#[derive(Debug)]
pub struct PageReads {
    /// Every placement of the country, oldest first.
    pub history: Vec<TierRow>,
    /// The sources of the placements' years and of the years before them.
    pub tier_sources: Vec<TierSource>,
    /// The report years with recommendations for the country, newest first.
    pub years: Vec<i32>,
    /// Every organisation, by name.
    pub organisations: Vec<OrganisationRow>,
    /// The translations of the report's recommendations into the language asked.
    pub translations: Vec<TranslationRow>,
    /// The report's recommendations answered by work done in the period, when one was asked.
    pub answered: Option<Vec<Uuid>>,
}

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = Json)]
    history: serde_json::Value,
    #[diesel(sql_type = Json)]
    tier_sources: serde_json::Value,
    #[diesel(sql_type = Array<Int4>)]
    years: Vec<i32>,
    #[diesel(sql_type = Json)]
    organisations: serde_json::Value,
    #[diesel(sql_type = Json)]
    translations: serde_json::Value,
    #[diesel(sql_type = Nullable<Array<SqlUuid>>)]
    answered: Option<Vec<Uuid>>,
}

/// Each list is a JSON array of rows (their columns named as the Rust fields), since one
/// statement returns one row; `done_in_period` is the call-for-information pack's rule.
const PAGE_READS: &str = "
    SELECT
      (SELECT coalesce(json_agg(t ORDER BY t.year), '[]')
         FROM (SELECT country_code, year, tier, waiver, note FROM tier_placements
                WHERE country_code = $1) t) AS history,
      (SELECT coalesce(json_agg(s ORDER BY s.year), '[]')
         FROM (SELECT year, complete, kind FROM tier_sources
                WHERE year IN (SELECT year FROM tier_placements WHERE country_code = $1
                               UNION SELECT year - 1 FROM tier_placements WHERE country_code = $1)) s)
        AS tier_sources,
      (SELECT coalesce(array_agg(DISTINCT year ORDER BY year DESC), '{}')
         FROM recommendations WHERE country_code = $1) AS years,
      (SELECT coalesce(json_agg(o ORDER BY lower(o.name), o.id), '[]')
         FROM (SELECT id, name, created_at, iati_identifier, iati_organisation_type, archived_at
                 FROM organisations) o) AS organisations,
      (SELECT coalesce(json_agg(t), '[]')
         FROM (SELECT t.recommendation_id, t.language, t.text, t.source_url, t.added_by, t.updated_at
                 FROM recommendation_translations t
                 JOIN recommendations r ON r.id = t.recommendation_id
                WHERE r.country_code = $1 AND r.year = $2 AND t.language = $3) t) AS translations,
      CASE WHEN $4::date IS NOT NULL THEN
        (SELECT coalesce(array_agg(r.id), '{}') FROM recommendations r
          WHERE r.country_code = $1 AND r.year = $2
            AND EXISTS (SELECT 1 FROM links l JOIN interventions i ON i.id = l.intervention_id
                         WHERE l.recommendation_id = r.id
                           AND ($6::uuid IS NULL OR i.organisation_id = $6)
                           AND done_in_period(i.status, i.started_on, i.ended_on, $4, $5)))
      END AS answered";

/// The page's reads for `country`, its report `year` (none when it has no recommendations),
/// translations into `language` (none when `None`), and the work done in `period` when asked.
pub async fn page_reads(
    connection: &mut Connection,
    country: &str,
    year: Option<i32>,
    language: Option<&str>,
    period: Option<PeriodAsked>,
) -> Result<PageReads, DbError> {
    let row: Row = diesel::sql_query(PAGE_READS)
        .bind::<Text, _>(country)
        .bind::<Nullable<Int4>, _>(year)
        .bind::<Nullable<Text>, _>(language)
        .bind::<Nullable<Date>, _>(period.map(|p| p.starts_on))
        .bind::<Nullable<Date>, _>(period.map(|p| p.ends_on))
        .bind::<Nullable<SqlUuid>, _>(period.and_then(|p| p.organisation))
        .get_result(connection)
        .await?;
    Ok(PageReads {
        history: rows_of(row.history)?,
        tier_sources: rows_of(row.tier_sources)?,
        years: row.years,
        organisations: rows_of(row.organisations)?,
        translations: rows_of(row.translations)?,
        answered: row.answered,
    })
}

fn rows_of<T: DeserializeOwned>(json: serde_json::Value) -> Result<Vec<T>, DbError> {
    serde_json::from_value(json)
        .map_err(|e| DbError::from(DieselError::DeserializationError(e.into())))
}
