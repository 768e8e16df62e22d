//! People's second factors: the TOTP secret on their account, the step of the last code used,
//! and their recovery codes (digests only).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use uuid::Uuid;

use super::audit::{self, Actor, Change};
use super::schema::{user_recovery_codes, users};
use super::{Connection, DbError};
use crate::domain::{AuditAction, ResourceType};

/// Keeps a second factor's secret, not yet confirmed (enrolment's first step): a confirmed one
/// stays as it is.
pub async fn start_second_factor(
    connection: &mut Connection,
    id: Uuid,
    secret: &[u8],
) -> Result<(), DbError> {
    diesel::update(
        users::table
            .find(id)
            .filter(users::totp_confirmed_at.is_null()),
    )
    .set((
        users::totp_secret.eq(secret),
        users::totp_last_step.eq(None::<i64>),
    ))
    .execute(connection)
    .await?;
    Ok(())
}

/// Confirms the second factor with the step of its first code and stores the recovery codes'
/// digests, in one transaction, audited.
pub async fn confirm_second_factor(
    connection: &mut Connection,
    actor: &Actor,
    id: Uuid,
    step: i64,
    recovery_digests: &[[u8; 32]],
) -> Result<(), DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            diesel::update(users::table.find(id))
                .set((
                    users::totp_confirmed_at.eq(diesel::dsl::now),
                    users::totp_last_step.eq(step),
                    users::updated_at.eq(diesel::dsl::now),
                ))
                .execute(connection)
                .await?;
            replace_recovery_codes(connection, id, recovery_digests).await?;
            let change = Change {
                resource_type: ResourceType::User,
                resource_id: id.to_string(),
                before: None,
                after: Some(serde_json::json!({ "second_factor": "enrolled" })),
            };
            audit::record(connection, actor, AuditAction::Update, change).await
        })
        .await
}

async fn replace_recovery_codes(
    connection: &mut Connection,
    id: Uuid,
    digests: &[[u8; 32]],
) -> Result<(), DbError> {
    diesel::delete(user_recovery_codes::table.filter(user_recovery_codes::user_id.eq(id)))
        .execute(connection)
        .await?;
    let rows: Vec<_> = digests
        .iter()
        .map(|digest| {
            (
                user_recovery_codes::user_id.eq(id),
                user_recovery_codes::code_sha256.eq(&digest[..]),
            )
        })
        .collect();
    diesel::insert_into(user_recovery_codes::table)
        .values(rows)
        .execute(connection)
        .await?;
    Ok(())
}

/// Records that a code of `step` was used, if no code of that step or a later one was: the one
/// statement makes a code good once, even when two sign-ins race with it.
pub async fn spend_code_step(
    connection: &mut Connection,
    id: Uuid,
    step: i64,
) -> Result<bool, DbError> {
    let spent = diesel::update(
        users::table.find(id).filter(
            users::totp_last_step
                .is_null()
                .or(users::totp_last_step.lt(step)),
        ),
    )
    .set(users::totp_last_step.eq(step))
    .execute(connection)
    .await?;
    Ok(spent == 1)
}

/// Spends a recovery code, if it is the person's and unused.
pub async fn spend_recovery_code(
    connection: &mut Connection,
    id: Uuid,
    digest: &[u8; 32],
) -> Result<bool, DbError> {
    let spent = diesel::update(
        user_recovery_codes::table
            .find((id, &digest[..]))
            .filter(user_recovery_codes::used_at.is_null()),
    )
    .set(user_recovery_codes::used_at.eq(diesel::dsl::now))
    .execute(connection)
    .await?;
    Ok(spent == 1)
}

/// How many unused recovery codes the person has left.
pub async fn recovery_codes_left(connection: &mut Connection, id: Uuid) -> Result<i64, DbError> {
    Ok(user_recovery_codes::table
        .filter(user_recovery_codes::user_id.eq(id))
        .filter(user_recovery_codes::used_at.is_null())
        .count()
        .get_result(connection)
        .await?)
}

/// Removes a person's second factor and recovery codes (an operator's reset for a lost phone),
/// audited; the person enrols again at their next sign-in if their role requires it.
pub async fn remove_second_factor(
    connection: &mut Connection,
    actor: &Actor,
    id: Uuid,
) -> Result<bool, DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            let changed = diesel::update(users::table.find(id))
                .set((
                    users::totp_secret.eq(None::<Vec<u8>>),
                    users::totp_confirmed_at.eq(None::<DateTime<Utc>>),
                    users::totp_last_step.eq(None::<i64>),
                    users::updated_at.eq(diesel::dsl::now),
                ))
                .execute(connection)
                .await?;
            if changed == 0 {
                return Ok(false);
            }
            diesel::delete(user_recovery_codes::table.filter(user_recovery_codes::user_id.eq(id)))
                .execute(connection)
                .await?;
            let change = Change {
                resource_type: ResourceType::User,
                resource_id: id.to_string(),
                before: Some(serde_json::json!({ "second_factor": "enrolled" })),
                after: Some(serde_json::json!({ "second_factor": "removed" })),
            };
            audit::record(connection, actor, AuditAction::Update, change).await?;
            Ok(true)
        })
        .await
}
