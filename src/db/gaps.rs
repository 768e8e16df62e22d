//! The queries behind the gap and coverage reports.
//!
//! The rule that decides a recommendation's status lives in SQL functions, each written once and
//! readable as it stands in `src/db/sql/gap_rule.sql`: `link_counts` (which links count),
//! `link_status` (what one link makes of its recommendation), `recommendation_statuses` and
//! `recommendation_lines` (how a recommendation's links combine).
//!
//! These queries read the rule's answers from its read model instead (`src/db/sql/read_model.sql`,
//! and the report's statements in `src/db/sql/gap_report.sql`): each counting link's strength, and each recommendation's strongest,
//! overall and per organisation, kept up to date by triggers in the transaction of every write
//! that can change them. So coverage costs one row per addressed recommendation, whatever the
//! number of links; [`super::read_model`] compares the two.

use std::marker::PhantomData;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Int4, Nullable, Text, Uuid as SqlUuid};
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use super::schema::recommendations;
use super::{Connection, DbError};
use crate::domain::{
    Contribution, InterventionKind, InterventionStatus, Pillar, RecommendationStatus, Region, Tier,
};

/// The newest report year with recommendations for `country`, or for any country.
pub async fn latest_year(
    connection: &mut Connection,
    country: Option<&str>,
) -> Result<Option<i32>, DbError> {
    let mut query = recommendations::table
        .select(diesel::dsl::max(recommendations::year))
        .into_boxed();
    if let Some(country) = country {
        query = query.filter(recommendations::country_code.eq(country.to_owned()));
    }
    Ok(query.get_result(connection).await?)
}

/// A recommendation of the gap report, with its status.
#[derive(Debug, Clone, QueryableByName)]
pub struct RecommendationGap {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Int4)]
    pub position: i32,
    #[diesel(sql_type = Text)]
    pub text: String,
    #[diesel(sql_type = Text)]
    pub pillar: Pillar,
    #[diesel(sql_type = Bool)]
    pub prioritized: bool,
    #[diesel(sql_type = Nullable<Text>)]
    pub source_url: Option<String>,
    #[diesel(sql_type = Text)]
    pub status: RecommendationStatus,
    /// How many consecutive reports its line (through `continues`) has stood, this one included.
    #[diesel(sql_type = Int4)]
    pub years_standing: i32,
    /// The first report year of that run.
    #[diesel(sql_type = Int4)]
    pub since_year: i32,
    /// Whether any recommendation of the line was addressed in its own year.
    #[diesel(sql_type = Bool)]
    pub ever_addressed: bool,
}

/// The recommendations of one country and year with their status, in report order.
pub async fn recommendation_gaps(
    connection: &mut Connection,
    country: &str,
    year: i32,
    organisation: Option<Uuid>,
) -> Result<Vec<RecommendationGap>, DbError> {
    let statement = GapStatement::<RecommendationGapsSql>::new(year, country, organisation, 0);
    Ok(statement.load(connection).await?)
}

/// See [`recommendation_gaps`].
struct RecommendationGapsSql;

impl GapSql for RecommendationGapsSql {
    const SQL: &'static str =
        "SELECT g.* FROM p, gap_recommendations(p.year, p.country, p.organisation) g";
}

/// A statement of the gap report: fixed SQL over one country, year and organisation (and a count
/// per recommendation), prepared once per connection and reused.
///
/// diesel never caches `sql_query` statements, so these statements are typed: each kind is a type
/// of its own, which is what diesel's prepared-statement cache keys on. The parameters come first,
/// once each, as the row `p` the SQL reads them from. Their SQL is in functions of the database
/// (`gap_recommendations`, `gap_strongest_interventions`, migration
/// `gap_statements_planned_once`), which plan their statements once per connection: planning them
/// on every request cost as much as running them.
struct GapStatement<S> {
    year: i32,
    country: String,
    organisation: Option<Uuid>,
    per_recommendation: i64,
    sql: std::marker::PhantomData<S>,
}

/// The SQL of one kind of [`GapStatement`], reading its parameters from the row `p`
/// (`p.year`, `p.country`, `p.organisation`, `p.per_recommendation`).
trait GapSql: 'static {
    const SQL: &'static str;
}

impl<S: GapSql> GapStatement<S> {
    fn new(year: i32, country: &str, organisation: Option<Uuid>, per_recommendation: i64) -> Self {
        Self {
            year,
            country: country.to_owned(),
            organisation,
            per_recommendation,
            sql: std::marker::PhantomData,
        }
    }
}

impl<S: GapSql> diesel::query_builder::QueryId for GapStatement<S> {
    type QueryId = S;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<S: GapSql> diesel::query_builder::Query for GapStatement<S> {
    type SqlType = diesel::sql_types::Untyped;
}

impl<S: GapSql> diesel::query_builder::QueryFragment<diesel::pg::Pg> for GapStatement<S> {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> diesel::QueryResult<()> {
        out.push_sql("WITH p AS NOT MATERIALIZED (SELECT ");
        out.push_bind_param::<Int4, _>(&self.year)?;
        out.push_sql("::int4 AS year, ");
        out.push_bind_param::<Text, _>(&self.country)?;
        out.push_sql("::text AS country, ");
        out.push_bind_param::<Nullable<SqlUuid>, _>(&self.organisation)?;
        out.push_sql("::uuid AS organisation, ");
        out.push_bind_param::<BigInt, _>(&self.per_recommendation)?;
        out.push_sql("::int8 AS per_recommendation) ");
        out.push_sql(S::SQL);
        Ok(())
    }
}

/// An intervention that counts towards a recommendation, with how much it contributes.
#[derive(Debug, Clone, QueryableByName)]
pub struct CountingIntervention {
    #[diesel(sql_type = SqlUuid)]
    pub recommendation_id: Uuid,
    #[diesel(sql_type = Text)]
    pub contribution: Contribution,
    #[diesel(sql_type = Nullable<Text>)]
    pub rationale: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub evidence_url: Option<String>,
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Text)]
    pub kind: InterventionKind,
    #[diesel(sql_type = Text)]
    pub status: InterventionStatus,
    #[diesel(sql_type = Nullable<Int4>)]
    pub people_reached: Option<i32>,
    #[diesel(sql_type = SqlUuid)]
    pub organisation_id: Uuid,
    #[diesel(sql_type = Text)]
    pub organisation_name: String,
    /// Who made the link, as the audit trail names them; `None` for links made before it was kept.
    #[diesel(sql_type = Nullable<Text>)]
    pub linked_by: Option<String>,
    #[diesel(sql_type = Nullable<diesel::sql_types::Date>)]
    pub started_on: Option<chrono::NaiveDate>,
    #[diesel(sql_type = Nullable<diesel::sql_types::Date>)]
    pub ended_on: Option<chrono::NaiveDate>,
}

/// For each recommendation of one country and year, up to `per_recommendation` interventions that
/// count towards it, strongest first (those that address it, then partially, then planned; each
/// kind in id order).
///
/// Each is read from the recommendation's stored link strengths in index order (overall, or
/// those of the organisation), stopping once it has enough: a recommendation with thousands of
/// interventions costs no more than one with ten. Ask for one more than you show to know whether
/// there are more.
pub async fn strongest_interventions(
    connection: &mut Connection,
    country: &str,
    year: i32,
    organisation: Option<Uuid>,
    per_recommendation: i64,
) -> Result<Vec<CountingIntervention>, DbError> {
    let statement = GapStatement::<StrongestInterventionsSql>::new(
        year,
        country,
        organisation,
        per_recommendation,
    );
    Ok(statement.load(connection).await?)
}

/// See [`strongest_interventions`].
struct StrongestInterventionsSql;

impl GapSql for StrongestInterventionsSql {
    const SQL: &'static str = "SELECT g.* FROM p, \
        gap_strongest_interventions(p.year, p.country, p.organisation, p.per_recommendation) g";
}

/// One country's line of the coverage report.
#[derive(Debug, Clone, QueryableByName)]
pub struct CountryCoverage {
    #[diesel(sql_type = Text)]
    pub code: String,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Text)]
    pub tip_name: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub region: Option<Region>,
    /// The report year counted.
    #[diesel(sql_type = Int4)]
    pub year: i32,
    #[diesel(sql_type = Nullable<Text>)]
    pub tier: Option<Tier>,
    #[diesel(sql_type = Nullable<Text>)]
    pub previous_tier: Option<Tier>,
    #[diesel(sql_type = BigInt)]
    pub total: i64,
    #[diesel(sql_type = BigInt)]
    pub addressed: i64,
    #[diesel(sql_type = BigInt)]
    pub partially_addressed: i64,
    #[diesel(sql_type = BigInt)]
    pub planned: i64,
    #[diesel(sql_type = BigInt)]
    pub unaddressed: i64,
}

/// Status counts per country with recommendations in `year`, or, when `year` is `None`, in each
/// country's latest report with recommendations (so a new report loaded for a few countries
/// does not hide the others); optionally of one region.
///
/// Each country's counts come from its stored strengths (one index range each), and the total
/// from its recommendations; the unaddressed are the rest.
pub async fn coverage(
    connection: &mut Connection,
    year: Option<i32>,
    organisation: Option<Uuid>,
    region: Option<Region>,
) -> Result<Vec<CountryCoverage>, DbError> {
    let region = region.map(|region| region.as_str());
    Ok(match year {
        Some(year) => {
            CoverageStatement::<OneYear> {
                year: Some(year),
                organisation,
                region,
                rows: PhantomData,
            }
            .load(connection)
            .await?
        }
        None => {
            CoverageStatement::<LatestOfEach> {
                year: None,
                organisation,
                region,
                rows: PhantomData,
            }
            .load(connection)
            .await?
        }
    })
}

/// Which recommendations a coverage statement counts: its `r` rows (`country_code`, `year`,
/// `total`), read from `p`.
trait CoverageRows: Send + Sync + 'static {
    const ROWS: &'static str;
}

/// Every country with recommendations in `p.year`.
struct OneYear;

impl CoverageRows for OneYear {
    const ROWS: &'static str = "SELECT country_code, p.year AS year, count(*) AS total \
          FROM recommendations WHERE year = p.year GROUP BY country_code";
}

/// Each country's latest year with recommendations: one index probe per country for the year
/// (backwards on `recommendations_position_key`), one index range for the count.
struct LatestOfEach;

impl CoverageRows for LatestOfEach {
    const ROWS: &'static str = "SELECT c.code AS country_code, l.year, \
               (SELECT count(*) FROM recommendations x \
                 WHERE x.country_code = c.code AND x.year = l.year) AS total \
          FROM countries c \
         CROSS JOIN LATERAL (SELECT year FROM recommendations \
                              WHERE country_code = c.code ORDER BY year DESC LIMIT 1) l";
}

/// The coverage query, as a statement diesel prepares once per connection and reuses (see
/// [`GapStatement`] for why `sql_query` would not); one per kind of rows.
struct CoverageStatement<R> {
    year: Option<i32>,
    organisation: Option<Uuid>,
    region: Option<&'static str>,
    rows: PhantomData<R>,
}

impl<R: CoverageRows> diesel::query_builder::QueryId for CoverageStatement<R> {
    type QueryId = Self;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<R: CoverageRows> diesel::query_builder::Query for CoverageStatement<R> {
    type SqlType = diesel::sql_types::Untyped;
}

impl<R: CoverageRows> diesel::query_builder::QueryFragment<diesel::pg::Pg>
    for CoverageStatement<R>
{
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> diesel::QueryResult<()> {
        out.push_sql("WITH p AS NOT MATERIALIZED (SELECT ");
        out.push_bind_param::<Nullable<Int4>, _>(&self.year)?;
        out.push_sql("::int4 AS year, ");
        out.push_bind_param::<Nullable<SqlUuid>, _>(&self.organisation)?;
        out.push_sql("::uuid AS organisation, ");
        out.push_bind_param::<Nullable<Text>, _>(&self.region)?;
        out.push_sql(
            "::text AS region) \
             SELECT co.code, co.name, co.tip_name, co.region, r.year, t.tier, pt.tier AS previous_tier, \
                    r.total, s.addressed, s.partially_addressed, s.planned, \
                    r.total - s.addressed - s.partially_addressed - s.planned AS unaddressed \
               FROM p \
              CROSS JOIN LATERAL (",
        );
        out.push_sql(R::ROWS);
        out.push_sql(
            ") r \
               JOIN countries co ON co.code = r.country_code \
              CROSS JOIN LATERAL ( \
                    SELECT count(*) FILTER (WHERE a.strength = 1) AS addressed, \
                           count(*) FILTER (WHERE a.strength = 2) AS partially_addressed, \
                           count(*) FILTER (WHERE a.strength = 3) AS planned \
                      FROM ((SELECT strength FROM recommendation_strengths \
                              WHERE p.organisation IS NULL \
                                AND year = r.year AND country_code = r.country_code) \
                            UNION ALL \
                            (SELECT strength FROM organisation_recommendation_strengths \
                              WHERE organisation_id = p.organisation \
                                AND year = r.year AND country_code = r.country_code)) a \
              ) s \
               LEFT JOIN tier_placements t ON t.country_code = co.code AND t.year = r.year \
               LEFT JOIN tier_placements pt ON pt.country_code = co.code AND pt.year = r.year - 1 \
              WHERE p.region IS NULL OR co.region = p.region \
              ORDER BY co.code",
        );
        Ok(())
    }
}
