//! The `links` table: which interventions answer which recommendations.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::upsert::excluded;
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde::Serialize;
use uuid::Uuid;

use super::audit::{self, Actor, Change};
use super::interventions::InterventionRow;
use super::schema::{interventions, links};
use super::{Connection, DbError};
use crate::domain::{AuditAction, Contribution, ResourceType};

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
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

/// Creates or replaces a link and audits it; says whether it was created.
pub async fn upsert(
    connection: &mut Connection,
    actor: &Actor,
    link: &NewLink<'_>,
) -> Result<(LinkRow, bool), DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            let key = (link.intervention_id, link.recommendation_id);
            let before = links::table
                .find(key)
                .select(LinkRow::as_select())
                .for_update()
                .first(connection)
                .await
                .optional()?;
            let row = diesel::insert_into(links::table)
                .values(link)
                .on_conflict((links::intervention_id, links::recommendation_id))
                .do_update()
                .set((
                    links::contribution.eq(excluded(links::contribution)),
                    links::rationale.eq(excluded(links::rationale)),
                    links::evidence_url.eq(excluded(links::evidence_url)),
                    links::updated_at.eq(diesel::dsl::now),
                ))
                .returning(LinkRow::as_returning())
                .get_result(connection)
                .await?;
            let id = link_id(row.intervention_id, row.recommendation_id);
            let change = match &before {
                None => Change::created(ResourceType::Link, id, &row),
                Some(before) => Change::updated(ResourceType::Link, id, before, &row),
            };
            audit::record(connection, actor, AuditAction::Link, change).await?;
            Ok((row, before.is_none()))
        })
        .await
}

/// How the audit trail names a link: `<intervention id>/<recommendation id>`.
fn link_id(intervention_id: Uuid, recommendation_id: Uuid) -> String {
    format!("{intervention_id}/{recommendation_id}")
}

/// Removes a link and audits it; says whether it existed.
pub async fn delete(
    connection: &mut Connection,
    actor: &Actor,
    intervention_id: Uuid,
    recommendation_id: Uuid,
) -> Result<bool, DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            let deleted: Option<LinkRow> =
                diesel::delete(links::table.find((intervention_id, recommendation_id)))
                    .returning(LinkRow::as_returning())
                    .get_result(connection)
                    .await
                    .optional()?;
            let Some(before) = deleted else {
                return Ok(false);
            };
            let change = Change::deleted(
                ResourceType::Link,
                link_id(intervention_id, recommendation_id),
                &before,
            );
            audit::record(connection, actor, AuditAction::Unlink, change).await?;
            Ok(true)
        })
        .await
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

/// One page of the interventions linked to one recommendation, with their links, in intervention
/// order (ids are time-ordered), after `after`.
pub async fn of_recommendation(
    connection: &mut Connection,
    recommendation_id: Uuid,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<(LinkRow, InterventionRow)>, DbError> {
    let mut query = links::table
        .inner_join(interventions::table)
        .filter(links::recommendation_id.eq(recommendation_id))
        .order(links::intervention_id)
        .limit(limit)
        .select((LinkRow::as_select(), InterventionRow::as_select()))
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(links::intervention_id.gt(after));
    }
    Ok(query.load(connection).await?)
}
