//! The `idempotency_keys` table: the first answer to each POST sent with an `Idempotency-Key`.

use std::time::Duration;

use chrono::Utc;
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use uuid::Uuid;

use super::schema::idempotency_keys;
use super::{Connection, DbError};

/// A stored answer, sealed (see the migration) so that only a retry can read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedResponse {
    pub status: u16,
    pub nonce: Vec<u8>,
    pub sealed: Vec<u8>,
}

/// What a request with an `Idempotency-Key` should do.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    /// The key is new (or its first request was abandoned): serve the request, then
    /// [`complete`] or [`release`] the key.
    Serve,
    /// The same request was answered already: send that answer again.
    Replay(SealedResponse),
    /// The same request is being served right now.
    InProgress,
    /// The key was used for a different request.
    Mismatch,
}

/// Claims `key` for the request whose digest is `request_sha256`, made with API key
/// `api_key_id`. A claim whose request has not been answered after `abandoned_after` (its
/// instance died, or could not record the answer) is taken over. Expired keys are removed first.
pub async fn claim(
    connection: &mut Connection,
    api_key_id: Uuid,
    key: &str,
    request_sha256: &[u8],
    lifetime: Duration,
    abandoned_after: Duration,
) -> Result<Claim, DbError> {
    let now = Utc::now();
    let expires_at = now + lifetime;
    let abandoned_before = now - abandoned_after;
    connection
        .transaction::<_, DbError, _>(async |connection| {
            type Stored = (Vec<u8>, Option<i16>, Option<Vec<u8>>, Option<Vec<u8>>, bool);
            diesel::delete(
                idempotency_keys::table.filter(idempotency_keys::expires_at.lt(diesel::dsl::now)),
            )
            .execute(connection)
            .await?;
            // Two tries: a claim that another request releases (its request failed) between
            // this insert and the read below is gone, and can be taken afresh.
            let mut stored = None;
            for _ in 0..2 {
                let inserted = diesel::insert_into(idempotency_keys::table)
                    .values((
                        idempotency_keys::api_key_id.eq(api_key_id),
                        idempotency_keys::key.eq(key),
                        idempotency_keys::request_sha256.eq(request_sha256),
                        idempotency_keys::expires_at.eq(expires_at),
                    ))
                    .on_conflict_do_nothing()
                    .execute(connection)
                    .await?;
                if inserted == 1 {
                    return Ok(Claim::Serve);
                }
                stored = idempotency_keys::table
                    .find((api_key_id, key))
                    .select((
                        idempotency_keys::request_sha256,
                        idempotency_keys::status,
                        idempotency_keys::response_nonce,
                        idempotency_keys::response_sealed,
                        idempotency_keys::created_at.lt(abandoned_before),
                    ))
                    .for_update()
                    .first::<Stored>(connection)
                    .await
                    .optional()?;
                if stored.is_some() {
                    break;
                }
            }
            let Some((digest, status, nonce, sealed, abandoned)) = stored else {
                // Claimed and released twice meanwhile: someone else is busy with this key.
                return Ok(Claim::InProgress);
            };
            if digest != request_sha256 {
                return Ok(Claim::Mismatch);
            }
            match (status, nonce, sealed) {
                (Some(status), Some(nonce), Some(sealed)) => Ok(Claim::Replay(SealedResponse {
                    status: status as u16,
                    nonce,
                    sealed,
                })),
                _ if abandoned => {
                    diesel::update(idempotency_keys::table.find((api_key_id, key)))
                        .set(idempotency_keys::created_at.eq(now))
                        .execute(connection)
                        .await?;
                    Ok(Claim::Serve)
                }
                _ => Ok(Claim::InProgress),
            }
        })
        .await
}

/// Records the answer to the request that claimed `key`.
pub async fn complete(
    connection: &mut Connection,
    api_key_id: Uuid,
    key: &str,
    response: &SealedResponse,
) -> Result<(), DbError> {
    diesel::update(idempotency_keys::table.find((api_key_id, key)))
        .set((
            idempotency_keys::status.eq(response.status as i16),
            idempotency_keys::response_nonce.eq(&response.nonce),
            idempotency_keys::response_sealed.eq(&response.sealed),
        ))
        .execute(connection)
        .await?;
    Ok(())
}

/// Gives `key` up after its request failed, so that a retry is served afresh.
pub async fn release(
    connection: &mut Connection,
    api_key_id: Uuid,
    key: &str,
) -> Result<(), DbError> {
    diesel::delete(
        idempotency_keys::table
            .find((api_key_id, key))
            .filter(idempotency_keys::status.is_null()),
    )
    .execute(connection)
    .await?;
    Ok(())
}
