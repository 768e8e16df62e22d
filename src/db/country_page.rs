//! What a country's page reads besides its gap report, in one statement: the country's
//! placements and where their years come from, its report years, the organisations to filter
//! by, the recommendations' translations in the reader's language and, on its latest report,
//! which recommendations some intervention done in the period the next report assesses answers,
//! and for an admin the continuations to confirm.
//! Read one by one they were six round trips and most of what the page cost over its JSON. The
//! statement is the database's `country_page_reads` (`src/db/sql/country_page.sql`).

use chrono::NaiveDate;
use diesel::deserialize::FromSql;
use diesel::pg::{Pg, PgValue};
use diesel::prelude::*;
use diesel::sql_types::{Array, Date, Float4, Int4, Json, Nullable, Text, Uuid as SqlUuid};
use diesel_async::RunQueryDsl;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::lineage::{LineageSuggestion, SUGGESTION_THRESHOLD};
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
    /// The continuations to confirm, when asked (empty otherwise).
    pub suggestions: Vec<LineageSuggestion>,
}

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = Json)]
    history: JsonRows<TierRow>,
    #[diesel(sql_type = Json)]
    tier_sources: JsonRows<TierSource>,
    #[diesel(sql_type = Array<Int4>)]
    years: Vec<i32>,
    #[diesel(sql_type = Json)]
    organisations: JsonRows<OrganisationRow>,
    #[diesel(sql_type = Json)]
    translations: JsonRows<TranslationRow>,
    #[diesel(sql_type = Nullable<Array<SqlUuid>>)]
    answered: Option<Vec<Uuid>>,
    #[diesel(sql_type = Nullable<Json>)]
    suggestions: Option<JsonRows<LineageSuggestion>>,
}

/// A JSON array of rows, read straight into them: every view of the page reads a few of these,
/// and going through `serde_json::Value` first doubled the work.
struct JsonRows<T>(Vec<T>);

impl<T: DeserializeOwned> FromSql<Json, Pg> for JsonRows<T> {
    fn from_sql(value: PgValue<'_>) -> diesel::deserialize::Result<Self> {
        Ok(Self(serde_json::from_slice(value.as_bytes())?))
    }
}

/// The call of the database's `country_page_reads` (`src/db/sql/country_page.sql`), typed so
/// that diesel prepares it once per connection (it never caches `sql_query`), as the function
/// plans its statement once: planning that statement on every view cost more than running it.
struct PageReadsStatement<'a> {
    country: &'a str,
    year: Option<i32>,
    language: Option<&'a str>,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    organisation: Option<Uuid>,
    suggest_above: Option<f32>,
}

super::prepared_once!(PageReadsStatement, PageReadsStatement<'static>);

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for PageReadsStatement<'_> {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> diesel::QueryResult<()> {
        out.push_sql("SELECT * FROM country_page_reads(");
        out.push_bind_param::<Text, _>(&self.country)?;
        out.push_sql(", ");
        out.push_bind_param::<Nullable<Int4>, _>(&self.year)?;
        out.push_sql(", ");
        out.push_bind_param::<Nullable<Text>, _>(&self.language)?;
        out.push_sql(", ");
        out.push_bind_param::<Nullable<Date>, _>(&self.starts_on)?;
        out.push_sql(", ");
        out.push_bind_param::<Nullable<Date>, _>(&self.ends_on)?;
        out.push_sql(", ");
        out.push_bind_param::<Nullable<SqlUuid>, _>(&self.organisation)?;
        out.push_sql(", ");
        out.push_bind_param::<Nullable<Float4>, _>(&self.suggest_above)?;
        out.push_sql(")");
        Ok(())
    }
}

/// The page's reads for `country`, its report `year` (none when it has no recommendations),
/// translations into `language` (none when `None`), the work done in `period` when asked, and
/// the continuation suggestions (see [`LineageSuggestion`]) when `with_suggestions`.
pub async fn page_reads(
    connection: &mut Connection,
    country: &str,
    year: Option<i32>,
    language: Option<&str>,
    period: Option<PeriodAsked>,
    with_suggestions: bool,
) -> Result<PageReads, DbError> {
    let statement = PageReadsStatement {
        country,
        year,
        language,
        starts_on: period.map(|p| p.starts_on),
        ends_on: period.map(|p| p.ends_on),
        organisation: period.and_then(|p| p.organisation),
        suggest_above: with_suggestions.then_some(SUGGESTION_THRESHOLD),
    };
    let row: Row = statement.get_result(connection).await?;
    Ok(PageReads {
        history: row.history.0,
        tier_sources: row.tier_sources.0,
        years: row.years,
        organisations: row.organisations.0,
        translations: row.translations.0,
        answered: row.answered,
        suggestions: row.suggestions.map(|rows| rows.0).unwrap_or_default(),
    })
}
