//! The `links` table: which interventions answer which recommendations.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde::Serialize;
use uuid::Uuid;

use super::audit::{self, Actor, Change};
use super::interventions::InterventionRow;
use super::interventions::countries_of;
use super::schema::{interventions, links, recommendations};
use super::{Connection, DbError, Guarded};
use crate::domain::{AuditAction, Contribution, Etag, Precondition, ResourceType};

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
    /// Who made the link, as the audit trail names them; `None` for links made before this
    /// was kept.
    pub linked_by: Option<String>,
    /// Who last changed it, if anyone did.
    pub changed_by: Option<String>,
    /// The earlier edition's recommendation it was carried forward from, if it was.
    pub carried_from: Option<Uuid>,
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

/// What linking did, or why it did not.
#[derive(Debug)]
pub enum Linking {
    Created(LinkRow),
    Updated(LinkRow),
    InterventionMissing,
    RecommendationMissing,
    /// The intervention belongs to another organisation than the one the change is limited to.
    OtherOrganisation,
    /// The recommendation is to `country`, where the intervention (in `countries`) does not work.
    OutsideCountries {
        country: String,
        countries: Vec<String>,
    },
    /// The link is not as the client read it: it changed, or (`None`) it does not exist.
    Stale(Option<Etag>),
}

/// Creates or replaces a link and audits it, in one transaction that also checks, against rows
/// it locks, that the intervention exists, belongs to `only_of` (when given), and works in the
/// recommendation's country. The intervention is locked FOR SHARE, so a concurrent PATCH of its
/// organisation or countries (which locks it FOR UPDATE) waits for this link, or this link for
/// it, and the check always reads what the write will stand on.
///
/// Every write of a link takes its ends' locks through `lock_ends` before the link: a writer
/// that held the link while waiting for the recommendation would deadlock with one that held the
/// recommendation while waiting for the link.
///
/// Created or updated is told by the insert itself (ON CONFLICT DO NOTHING, then an update of
/// the row it found): of two first PUTs racing, one creates and the other updates.
pub async fn upsert(
    connection: &mut Connection,
    actor: &Actor,
    only_of: Option<Uuid>,
    precondition: &Precondition,
    link: &NewLink<'_>,
) -> Result<Linking, DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            if let Some(refusal) = refusal_of(
                connection,
                only_of,
                (link.intervention_id, link.recommendation_id),
            )
            .await?
            {
                return Ok(refusal);
            }
            if *precondition != Precondition::None {
                // A guarded PUT only replaces the link the client read; lock it first.
                let current =
                    find_for_update(connection, link.intervention_id, link.recommendation_id)
                        .await?;
                if !current
                    .as_ref()
                    .is_some_and(|row| precondition.holds_for_resource(row))
                {
                    return Ok(Linking::Stale(current.map(|row| Etag::of(&row))));
                }
            }
            write(connection, actor, link).await
        })
        .await
}

/// Why `link` cannot stand, read from the rows it stands on, which it locks (see [`upsert`]): its
/// intervention or recommendation is missing, the intervention is not `only_of`'s, or it does
/// not work in the recommendation's country. `None` when it can.
pub(super) async fn refusal_of(
    connection: &mut Connection,
    only_of: Option<Uuid>,
    (intervention_id, recommendation_id): (Uuid, Uuid),
) -> Result<Option<Linking>, DbError> {
    let ends = lock_ends(connection, intervention_id, recommendation_id).await?;
    let Some(organisation) = ends.organisation else {
        return Ok(Some(Linking::InterventionMissing));
    };
    if only_of.is_some_and(|allowed| allowed != organisation) {
        return Ok(Some(Linking::OtherOrganisation));
    }
    let Some(country) = ends.country else {
        return Ok(Some(Linking::RecommendationMissing));
    };
    let mut countries = countries_of(connection, &[intervention_id]).await?;
    let countries = countries.remove(&intervention_id).unwrap_or_default();
    if !crate::domain::answers_in(&countries, &country) {
        return Ok(Some(Linking::OutsideCountries { country, countries }));
    }
    Ok(None)
}

/// Creates the link, or (when it exists) replaces its contribution and evidence, and audits
/// either. Created or updated is told by the insert itself.
async fn write(
    connection: &mut Connection,
    actor: &Actor,
    link: &NewLink<'_>,
) -> Result<Linking, DbError> {
    let id = link_id(link.intervention_id, link.recommendation_id);
    let inserted: Option<LinkRow> = diesel::insert_into(links::table)
        .values((link, links::linked_by.eq(actor.author_name())))
        .on_conflict_do_nothing()
        .returning(LinkRow::as_returning())
        .get_result(connection)
        .await
        .optional()?;
    if let Some(row) = inserted {
        let change = Change::created(ResourceType::Link, id, &row);
        audit::record(connection, actor, AuditAction::Link, change).await?;
        return Ok(Linking::Created(row));
    }
    let key = (link.intervention_id, link.recommendation_id);
    let before = find_for_update(connection, key.0, key.1)
        .await?
        .ok_or(DbError::Query(diesel::result::Error::NotFound))?;
    let row = diesel::update(links::table.find(key))
        .set((
            links::contribution.eq(link.contribution),
            links::rationale.eq(link.rationale),
            links::evidence_url.eq(link.evidence_url),
            links::updated_at.eq(diesel::dsl::now),
            links::changed_by.eq(actor.author_name()),
        ))
        .returning(LinkRow::as_returning())
        .get_result(connection)
        .await?;
    let change = Change::updated(ResourceType::Link, id, &before, &row);
    audit::record(connection, actor, AuditAction::Link, change).await?;
    Ok(Linking::Updated(row))
}

/// How the audit trail names a link: `<intervention id>/<recommendation id>`.
pub(super) fn link_id(intervention_id: Uuid, recommendation_id: Uuid) -> String {
    format!("{intervention_id}/{recommendation_id}")
}

/// The link, locked for the rest of the transaction.
pub(super) async fn find_for_update(
    connection: &mut Connection,
    intervention_id: Uuid,
    recommendation_id: Uuid,
) -> Result<Option<LinkRow>, DbError> {
    Ok(links::table
        .find((intervention_id, recommendation_id))
        .select(LinkRow::as_select())
        .for_update()
        .first(connection)
        .await
        .optional()?)
}

/// One link.
pub async fn find(
    connection: &mut Connection,
    intervention_id: Uuid,
    recommendation_id: Uuid,
) -> Result<Option<LinkRow>, DbError> {
    Ok(links::table
        .find((intervention_id, recommendation_id))
        .select(LinkRow::as_select())
        .first(connection)
        .await
        .optional()?)
}

/// Removes a link and audits it, if it still meets `precondition`.
pub async fn delete(
    connection: &mut Connection,
    actor: &Actor,
    intervention_id: Uuid,
    recommendation_id: Uuid,
    precondition: &Precondition,
) -> Result<Guarded<()>, DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            lock_ends(connection, intervention_id, recommendation_id).await?;
            let Some(before) =
                find_for_update(connection, intervention_id, recommendation_id).await?
            else {
                return Ok(Guarded::NotFound);
            };
            if !precondition.holds_for_resource(&before) {
                return Ok(Guarded::Stale(Etag::of(&before)));
            }
            diesel::delete(links::table.find((intervention_id, recommendation_id)))
                .execute(connection)
                .await?;
            let change = Change::deleted(
                ResourceType::Link,
                link_id(intervention_id, recommendation_id),
                &before,
            );
            audit::record(connection, actor, AuditAction::Unlink, change).await?;
            Ok(Guarded::Done(()))
        })
        .await
}

/// What a link stands on, read under the locks of its two ends.
struct Ends {
    /// The intervention's organisation; `None` when there is no such intervention.
    organisation: Option<Uuid>,
    /// The recommendation's country; `None` when there is no such recommendation.
    country: Option<String>,
}

/// Locks a link's intervention (FOR SHARE) and then its recommendation (FOR NO KEY UPDATE): the
/// one order every write of a link takes them in, before the link itself, and the order the read
/// model's triggers take them in (`src/db/sql/read_model.sql`), so that no two writers each hold
/// what the other waits for.
async fn lock_ends(
    connection: &mut Connection,
    intervention_id: Uuid,
    recommendation_id: Uuid,
) -> Result<Ends, DbError> {
    let organisation = interventions::table
        .find(intervention_id)
        .select(interventions::organisation_id)
        .for_share()
        .first::<Uuid>(connection)
        .await
        .optional()?;
    let country = recommendations::table
        .find(recommendation_id)
        .select(recommendations::country_code)
        .for_no_key_update()
        .first::<String>(connection)
        .await
        .optional()?;
    Ok(Ends {
        organisation,
        country,
    })
}

/// The links of one intervention, in recommendation order.
pub async fn of_intervention(
    connection: &mut Connection,
    intervention_id: Uuid,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<LinkRow>, DbError> {
    let mut query = links::table
        .filter(links::intervention_id.eq(intervention_id))
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(links::recommendation_id.gt(after));
    }
    Ok(query
        .order(links::recommendation_id)
        .limit(limit)
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
