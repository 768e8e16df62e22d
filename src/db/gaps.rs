//! The queries behind the gap and coverage reports.
//!
//! The rule that decides a recommendation's status lives in SQL functions, each written once
//! (migrations `faster_gap_rule` and `short_circuit_gap_status`): `link_counts` (which links
//! count), `link_status` (what one link makes of its recommendation), `recommendation_statuses`
//! and `recommendation_lines` (how a recommendation's links combine). These queries only read
//! from them.

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
    const SQL: &'static str = "\
        SELECT r.id, r.position, r.text, r.pillar, r.prioritized, r.source_url, s.status, \
               l.years_standing, l.since_year, l.ever_addressed \
          FROM p \
         CROSS JOIN LATERAL recommendation_statuses(p.year, p.country, p.organisation) s \
          JOIN recommendations r ON r.id = s.recommendation_id \
          JOIN LATERAL recommendation_lines(p.year, p.country, p.organisation) l \
               ON l.recommendation_id = r.id \
         ORDER BY r.position";
}

/// A statement of the gap report: fixed SQL over one country, year and organisation (and a count
/// per recommendation), prepared once per connection and reused.
///
/// diesel never caches `sql_query` statements, and planning the gap rule's inlined functions takes
/// longer than running them (about 5 ms against 2), so these statements are typed: each kind is a
/// type of its own, which is what diesel's prepared-statement cache keys on. The parameters come
/// first, once each, as the row `p` the SQL reads them from.
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
}

/// For each recommendation of one country and year, up to `per_recommendation` interventions that
/// count towards it, strongest first (those that address it, then partially, then planned; each
/// kind in id order).
///
/// Each kind is a probe of the recommendation's own links in index order that stops once it has
/// enough, and the probes are read strongest first until there are enough in all (PostgreSQL reads
/// the branches of a UNION ALL in order, and the LIMIT stops reading; the tests check the
/// order): a recommendation with thousands of interventions costs no more than one with ten.
/// Ask for one more than you show to know whether there are more.
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
    const SQL: &'static str = "\
        SELECT r.id AS recommendation_id, c.contribution, i.id, i.title, i.kind, i.status, \
               i.people_reached, i.organisation_id, o.name AS organisation_name \
          FROM p \
          JOIN recommendations r ON r.year = p.year AND r.country_code = p.country \
         CROSS JOIN LATERAL ( \
               SELECT * FROM ( \
                   (SELECT l.intervention_id, l.contribution, 1 AS strength \
                      FROM links l JOIN interventions i ON i.id = l.intervention_id \
                     WHERE l.recommendation_id = r.id \
                       AND link_counts(i.status, i.organisation_id, p.organisation) \
                       AND link_status(i.status, l.contribution) = 'addressed' \
                     ORDER BY l.intervention_id LIMIT p.per_recommendation) \
                   UNION ALL \
                   (SELECT l.intervention_id, l.contribution, 2 AS strength \
                      FROM links l JOIN interventions i ON i.id = l.intervention_id \
                     WHERE l.recommendation_id = r.id \
                       AND link_counts(i.status, i.organisation_id, p.organisation) \
                       AND link_status(i.status, l.contribution) = 'partially_addressed' \
                     ORDER BY l.intervention_id LIMIT p.per_recommendation) \
                   UNION ALL \
                   (SELECT l.intervention_id, l.contribution, 3 AS strength \
                      FROM links l JOIN interventions i ON i.id = l.intervention_id \
                     WHERE l.recommendation_id = r.id \
                       AND link_counts(i.status, i.organisation_id, p.organisation) \
                       AND link_status(i.status, l.contribution) = 'planned' \
                     ORDER BY l.intervention_id LIMIT p.per_recommendation) \
               ) probes \
               LIMIT p.per_recommendation \
         ) c \
          JOIN interventions i ON i.id = c.intervention_id \
          JOIN organisations o ON o.id = i.organisation_id \
         ORDER BY r.position, c.strength, c.intervention_id";
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

/// Status counts per country with recommendations in `year`, optionally of one region.
pub async fn coverage(
    connection: &mut Connection,
    year: i32,
    organisation: Option<Uuid>,
    region: Option<Region>,
) -> Result<Vec<CountryCoverage>, DbError> {
    Ok(diesel::sql_query(
        "SELECT co.code, co.name, co.tip_name, co.region, t.tier, p.tier AS previous_tier, \
                count(*) AS total, \
                count(*) FILTER (WHERE s.status = 'addressed') AS addressed, \
                count(*) FILTER (WHERE s.status = 'partially_addressed') AS partially_addressed, \
                count(*) FILTER (WHERE s.status = 'planned') AS planned, \
                count(*) FILTER (WHERE s.status = 'unaddressed') AS unaddressed \
           FROM recommendation_statuses($1, NULL, $2) s \
           JOIN countries co ON co.code = s.country_code \
           LEFT JOIN tier_placements t ON t.country_code = co.code AND t.year = $1 \
           LEFT JOIN tier_placements p ON p.country_code = co.code AND p.year = $1 - 1 \
          WHERE $3::text IS NULL OR co.region = $3 \
          GROUP BY co.code, co.name, co.tip_name, co.region, t.tier, p.tier \
          ORDER BY co.code",
    )
    .bind::<Int4, _>(year)
    .bind::<Nullable<SqlUuid>, _>(organisation)
    .bind::<Nullable<Text>, _>(region)
    .load(connection)
    .await?)
}
