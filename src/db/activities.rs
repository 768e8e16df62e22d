//! The queries behind an organisation's IATI activity file: its interventions, the countries each
//! works in, and the recommendations each answers.

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use super::interventions::InterventionRow;
use super::schema::{countries, intervention_countries, interventions, links, recommendations};
use super::{Connection, DbError};
use crate::domain::Contribution;

/// Whether `organisation` has any intervention.
pub async fn any_intervention(
    connection: &mut Connection,
    organisation: Uuid,
) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        interventions::table.filter(interventions::organisation_id.eq(organisation)),
    ))
    .get_result(connection)
    .await?)
}

/// The next `limit` interventions of `organisation` after `after`, in id order (oldest first):
/// a file of any size is read a page at a time.
pub async fn interventions_after(
    connection: &mut Connection,
    organisation: Uuid,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<InterventionRow>, DbError> {
    let mut query = interventions::table
        .filter(interventions::organisation_id.eq(organisation))
        .select(InterventionRow::as_select())
        .order(interventions::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(interventions::id.gt(after));
    }
    Ok(query.load(connection).await?)
}

/// A country an intervention works in, by its ISO 3166-1 alpha-2 code (IATI's).
#[derive(Debug, Clone, Queryable)]
pub struct ActivityCountry {
    pub intervention_id: Uuid,
    pub alpha2: String,
    pub name: String,
}

/// The countries of `of` interventions, by intervention then code.
pub async fn countries_of(
    connection: &mut Connection,
    of: &[Uuid],
) -> Result<Vec<ActivityCountry>, DbError> {
    Ok(intervention_countries::table
        .inner_join(countries::table)
        .filter(intervention_countries::intervention_id.eq_any(of))
        .select((
            intervention_countries::intervention_id,
            countries::alpha2,
            countries::tip_name,
        ))
        .order((intervention_countries::intervention_id, countries::alpha2))
        .load(connection)
        .await?)
}

/// A recommendation an intervention answers.
#[derive(Debug, Clone, Queryable)]
pub struct ActivityAnswer {
    pub intervention_id: Uuid,
    pub recommendation_id: Uuid,
    pub country_name: String,
    pub year: i32,
    pub position: i32,
    pub text: String,
    pub contribution: Contribution,
    pub evidence_url: Option<String>,
}

/// What `of` interventions answer, by intervention, then newest report, country and number.
pub async fn answers_of(
    connection: &mut Connection,
    of: &[Uuid],
) -> Result<Vec<ActivityAnswer>, DbError> {
    Ok(links::table
        .inner_join(recommendations::table.inner_join(countries::table))
        .filter(links::intervention_id.eq_any(of))
        .select((
            links::intervention_id,
            recommendations::id,
            countries::tip_name,
            recommendations::year,
            recommendations::position,
            recommendations::text,
            links::contribution,
            links::evidence_url,
        ))
        .order((
            links::intervention_id,
            recommendations::year.desc(),
            countries::tip_name,
            recommendations::position,
        ))
        .load(connection)
        .await?)
}
