//! Carrying a link forward to a new edition: an editor's yes makes a link to the recommendation
//! that continues the earlier one, with the earlier link's contribution, rationale and evidence
//! and `carried_from` naming the earlier recommendation; a no is kept in
//! `carry_forward_declines` so that the digest does not ask again.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::upsert::excluded;
use diesel_async::{AsyncConnection, RunQueryDsl};
use uuid::Uuid;

use super::audit::{self, Actor, Change};
use super::links::{LinkRow, Linking, NewLink, find_for_update, link_id, refusal_of};
use super::schema::{carry_forward_declines, links, recommendations};
use super::{Connection, DbError};
use crate::domain::{AuditAction, CarryDecline, ResourceType};

/// One ongoing intervention's link to carry: from the earlier recommendation to the one of the
/// new edition that continues it.
#[derive(Debug, Clone, Copy)]
pub struct CarryAnswer {
    pub intervention_id: Uuid,
    pub from: Uuid,
    pub to: Uuid,
    /// Yes (carry it) or no (do not ask again).
    pub carry: bool,
}

/// What answering did, or why it could not.
#[derive(Debug)]
pub enum Carrying {
    Carried(LinkRow),
    Declined,
    /// The intervention or the recommendation is missing, of another organisation, or the
    /// intervention does not work in the recommendation's country.
    Refused(Linking),
    /// `to` does not continue `from`.
    NotContinued,
    /// The intervention is not linked to `from`.
    NothingToCarry,
    /// The intervention is already linked to `to`.
    AlreadyLinked,
}

/// Answers one carry, in one transaction that takes the link's locks first, as every write of
/// a link does (see [`super::links::upsert`]); a yes is audited as a new link by `actor`.
pub async fn answer(
    connection: &mut Connection,
    actor: &Actor,
    only_of: Option<Uuid>,
    answer: CarryAnswer,
    now: DateTime<Utc>,
) -> Result<Carrying, DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            // Who may, first: the link's ends, locked as every write of a link locks them.
            let ends = (answer.intervention_id, answer.to);
            if let Some(refusal) = refusal_of(connection, only_of, ends).await? {
                return Ok(Carrying::Refused(refusal));
            }
            let Some(earlier) =
                super::links::find(connection, answer.intervention_id, answer.from).await?
            else {
                return Ok(Carrying::NothingToCarry);
            };
            let new = NewLink {
                intervention_id: answer.intervention_id,
                recommendation_id: answer.to,
                contribution: earlier.contribution,
                rationale: earlier.rationale.as_deref(),
                evidence_url: earlier.evidence_url.as_deref(),
            };
            let continues: Option<Uuid> = recommendations::table
                .find(answer.to)
                .select(recommendations::continues)
                .first(connection)
                .await?;
            if continues != Some(answer.from) {
                return Ok(Carrying::NotContinued);
            }
            if answer.carry {
                carry(connection, actor, &new, answer.from).await
            } else {
                decline(connection, actor, answer, now).await
            }
        })
        .await
}

async fn carry(
    connection: &mut Connection,
    actor: &Actor,
    new: &NewLink<'_>,
    from: Uuid,
) -> Result<Carrying, DbError> {
    let inserted: Option<LinkRow> = diesel::insert_into(links::table)
        .values((
            new,
            links::linked_by.eq(actor.author_name()),
            links::carried_from.eq(from),
        ))
        .on_conflict_do_nothing()
        .returning(LinkRow::as_returning())
        .get_result(connection)
        .await
        .optional()?;
    let Some(row) = inserted else {
        return Ok(Carrying::AlreadyLinked);
    };
    diesel::delete(
        carry_forward_declines::table.find((new.intervention_id, new.recommendation_id)),
    )
    .execute(connection)
    .await?;
    let id = link_id(new.intervention_id, new.recommendation_id);
    let change = Change::created(ResourceType::Link, id, &row);
    audit::record(connection, actor, AuditAction::Link, change).await?;
    Ok(Carrying::Carried(row))
}

async fn decline(
    connection: &mut Connection,
    actor: &Actor,
    answer: CarryAnswer,
    now: DateTime<Utc>,
) -> Result<Carrying, DbError> {
    if find_for_update(connection, answer.intervention_id, answer.to)
        .await?
        .is_some()
    {
        return Ok(Carrying::AlreadyLinked);
    }
    diesel::insert_into(carry_forward_declines::table)
        .values((
            carry_forward_declines::intervention_id.eq(answer.intervention_id),
            carry_forward_declines::recommendation_id.eq(answer.to),
            carry_forward_declines::declined_by.eq(actor.key_name.as_str()),
            carry_forward_declines::declined_at.eq(now),
        ))
        .on_conflict((
            carry_forward_declines::intervention_id,
            carry_forward_declines::recommendation_id,
        ))
        .do_update()
        .set((
            carry_forward_declines::declined_by.eq(excluded(carry_forward_declines::declined_by)),
            carry_forward_declines::declined_at.eq(excluded(carry_forward_declines::declined_at)),
        ))
        .execute(connection)
        .await?;
    Ok(Carrying::Declined)
}

/// Who declined to carry each intervention's link to each of `recommendation_ids`.
pub async fn declines(
    connection: &mut Connection,
    recommendation_ids: &[Uuid],
) -> Result<Vec<CarryDecline>, DbError> {
    let rows: Vec<(Uuid, Uuid, String)> = carry_forward_declines::table
        .filter(carry_forward_declines::recommendation_id.eq_any(recommendation_ids))
        .select((
            carry_forward_declines::intervention_id,
            carry_forward_declines::recommendation_id,
            carry_forward_declines::declined_by,
        ))
        .load(connection)
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(intervention_id, recommendation_id, declined_by)| CarryDecline {
                intervention_id,
                recommendation_id,
                declined_by,
            },
        )
        .collect())
}
