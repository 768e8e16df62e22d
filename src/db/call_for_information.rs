//! The queries behind the call-for-information pack: a country's interventions that were active
//! during a reporting period, what each answers, and the last report's recommendations.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use super::interventions::InterventionRow;
use super::recommendations::RecommendationRow;
use super::schema::{intervention_countries, interventions, links, organisations, recommendations};
use super::{Connection, DbError};
use crate::domain::{Contribution, InterventionStatus, Pillar};

/// An intervention active during the period, with its organisation's name.
#[derive(Debug, Clone)]
pub struct PeriodIntervention {
    pub row: InterventionRow,
    pub organisation_name: String,
}

/// The statuses of work that was done: planned work is not an action yet, and cancelled work
/// never happened.
const DONE: [InterventionStatus; 2] = [InterventionStatus::Active, InterventionStatus::Completed];

diesel::define_sql_function!(
    /// The database's `done_in_period` (`src/db/sql/call_for_information.sql`): whether an
    /// intervention's status and dates show it was done during the period from `from` to `to`.
    /// One definition for the pack and the country page, which reads it in SQL of its own.
    fn done_in_period(
        status: diesel::sql_types::Text,
        started_on: diesel::sql_types::Nullable<diesel::sql_types::Date>,
        ended_on: diesel::sql_types::Nullable<diesel::sql_types::Date>,
        from: diesel::sql_types::Date,
        to: diesel::sql_types::Date,
    ) -> diesel::sql_types::Nullable<diesel::sql_types::Bool>
);

/// Whether an intervention was done in the period from `starts_on` to `ends_on` (see
/// `done_in_period` in `src/db/sql/call_for_information.sql`). Work whose dates cannot place it
/// in the period is never counted as done in it: see [`to_check_for_period`].
#[diesel::dsl::auto_type]
fn done_in(starts_on: NaiveDate, ends_on: NaiveDate) -> _ {
    done_in_period(
        interventions::status,
        interventions::started_on,
        interventions::ended_on,
        starts_on,
        ends_on,
    )
    .assume_not_null()
}

/// Whether an intervention's dates neither place it in the period nor outside it, so that a
/// person must check it before telling the TIP Office: active or completed, no known date
/// outside the period, and no start and no end date, or no start and an end after the period,
/// or completed with no end date (a completed 2022 action with no end would otherwise read as
/// "still running").
#[diesel::dsl::auto_type]
fn to_check_for_period(starts_on: NaiveDate, ends_on: NaiveDate) -> _ {
    let done: [InterventionStatus; 2] = DONE;
    let completed: InterventionStatus = InterventionStatus::Completed;
    interventions::status
        .eq_any(done)
        .and(
            interventions::started_on
                .is_null()
                .or(interventions::started_on.le(ends_on)),
        )
        .and(
            interventions::ended_on
                .is_null()
                .or(interventions::ended_on.ge(starts_on)),
        )
        .and(
            interventions::started_on
                .is_null()
                .and(interventions::ended_on.is_null())
                .or(interventions::started_on
                    .is_null()
                    .and(interventions::ended_on.gt(ends_on)))
                .or(interventions::ended_on
                    .is_null()
                    .and(interventions::status.eq(completed))),
        )
}

/// Which interventions of a period to list: those whose dates show they were done in it, or
/// those a person must check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodFit {
    Done,
    ToCheck,
}

/// The interventions in `country` that `fit` the period from `starts_on` to `ends_on` (done in
/// it, or to check), of `organisation` only when given, earliest first.
pub async fn interventions_in_period(
    connection: &mut Connection,
    country: &str,
    (starts_on, ends_on): (NaiveDate, NaiveDate),
    fit: PeriodFit,
    organisation: Option<Uuid>,
) -> Result<Vec<PeriodIntervention>, DbError> {
    let mut query = interventions::table
        .inner_join(intervention_countries::table)
        .inner_join(organisations::table)
        .filter(intervention_countries::country_code.eq(country.to_owned()))
        .select((InterventionRow::as_select(), organisations::name))
        .order((
            interventions::started_on.asc().nulls_first(),
            interventions::title.asc(),
            interventions::id.asc(),
        ))
        .into_boxed();
    query = match fit {
        PeriodFit::Done => query.filter(done_in(starts_on, ends_on)),
        PeriodFit::ToCheck => query.filter(to_check_for_period(starts_on, ends_on)),
    };
    if let Some(organisation) = organisation {
        query = query.filter(interventions::organisation_id.eq(organisation));
    }
    let rows: Vec<(InterventionRow, String)> = query.load(connection).await?;
    Ok(rows
        .into_iter()
        .map(|(row, organisation_name)| PeriodIntervention {
            row,
            organisation_name,
        })
        .collect())
}

/// A link of one of those interventions to a recommendation of the country.
#[derive(Debug, Clone, Queryable)]
pub struct PeriodAnswer {
    pub intervention_id: Uuid,
    pub recommendation_id: Uuid,
    pub year: i32,
    pub position: i32,
    pub pillar: Pillar,
    pub text: String,
    pub contribution: Contribution,
    pub rationale: Option<String>,
    pub evidence_url: Option<String>,
}

/// What `interventions` answer among `country`'s recommendations, newest report first, then by
/// number.
pub async fn answers_of(
    connection: &mut Connection,
    country: &str,
    interventions: &[Uuid],
) -> Result<Vec<PeriodAnswer>, DbError> {
    Ok(links::table
        .inner_join(recommendations::table)
        .filter(links::intervention_id.eq_any(interventions))
        .filter(recommendations::country_code.eq(country.to_owned()))
        .select((
            links::intervention_id,
            recommendations::id,
            recommendations::year,
            recommendations::position,
            recommendations::pillar,
            recommendations::text,
            links::contribution,
            links::rationale,
            links::evidence_url,
        ))
        .order((
            recommendations::year.desc(),
            recommendations::position.asc(),
            links::intervention_id.asc(),
        ))
        .load(connection)
        .await?)
}

/// The newest report year before `year` with recommendations for `country`.
pub async fn last_report_before(
    connection: &mut Connection,
    country: &str,
    year: i32,
) -> Result<Option<i32>, DbError> {
    Ok(recommendations::table
        .filter(recommendations::country_code.eq(country.to_owned()))
        .filter(recommendations::year.lt(year))
        .select(diesel::dsl::max(recommendations::year))
        .get_result(connection)
        .await?)
}

/// `country`'s recommendations of `year`, by number.
pub async fn recommendations_of(
    connection: &mut Connection,
    country: &str,
    year: i32,
) -> Result<Vec<RecommendationRow>, DbError> {
    Ok(recommendations::table
        .filter(recommendations::country_code.eq(country.to_owned()))
        .filter(recommendations::year.eq(year))
        .select(RecommendationRow::as_select())
        .order(recommendations::position.asc())
        .load(connection)
        .await?)
}
