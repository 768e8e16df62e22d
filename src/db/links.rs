//! The `links` table: which interventions answer which recommendations.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::upsert::excluded;
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use super::interventions::InterventionRow;
use super::schema::{interventions, links};
use super::{Connection, DbError};
use crate::domain::Contribution;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = links, check_for_backend(diesel::pg::Pg))]
pub struct LinkRow {
    pub intervention_id: Uuid,
    pub recommendation_id: Uuid,
    pub contribution: Contribution,
    pub rationale: Option<String>,
    pub evidence_url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = links)]
pub struct NewLink<'a> {
    pub intervention_id: Uuid,
    pub recommendation_id: Uuid,
    pub contribution: Contribution,
    pub rationale: Option<&'a str>,
    pub evidence_url: Option<&'a str>,
}

/// Creates or replaces a link; says whether it was created.
pub async fn upsert(
    connection: &mut Connection,
    link: &NewLink<'_>,
) -> Result<(LinkRow, bool), DbError> {
    Ok(diesel::insert_into(links::table)
        .values(link)
        .on_conflict((links::intervention_id, links::recommendation_id))
        .do_update()
        .set((
            links::contribution.eq(excluded(links::contribution)),
            links::rationale.eq(excluded(links::rationale)),
            links::evidence_url.eq(excluded(links::evidence_url)),
            links::updated_at.eq(diesel::dsl::now),
        ))
        .returning((
            LinkRow::as_returning(),
            // xmax is 0 only for a freshly inserted row version.
            diesel::dsl::sql::<diesel::sql_types::Bool>("xmax = 0"),
        ))
        .get_result(connection)
        .await?)
}

/// Removes a link; says whether it existed.
pub async fn delete(
    connection: &mut Connection,
    intervention_id: Uuid,
    recommendation_id: Uuid,
) -> Result<bool, DbError> {
    let deleted = diesel::delete(links::table.find((intervention_id, recommendation_id)))
        .execute(connection)
        .await?;
    Ok(deleted > 0)
}

/// The links of one intervention, in recommendation order.
pub async fn of_intervention(
    connection: &mut Connection,
    intervention_id: Uuid,
) -> Result<Vec<LinkRow>, DbError> {
    Ok(links::table
        .filter(links::intervention_id.eq(intervention_id))
        .order(links::created_at)
        .select(LinkRow::as_select())
        .load(connection)
        .await?)
}

/// The interventions linked to one recommendation, with their links, oldest link first.
pub async fn of_recommendation(
    connection: &mut Connection,
    recommendation_id: Uuid,
) -> Result<Vec<(LinkRow, InterventionRow)>, DbError> {
    Ok(links::table
        .inner_join(interventions::table)
        .filter(links::recommendation_id.eq(recommendation_id))
        .order(links::created_at)
        .select((LinkRow::as_select(), InterventionRow::as_select()))
        .load(connection)
        .await?)
}
