//! The `idempotency_keys` table: the first answer to each POST sent with an `Idempotency-Key`.

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use uuid::Uuid;

use super::schema::{audit_events, idempotency_keys};
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
    /// The key is new (or its first request was abandoned before it wrote anything): serve the
    /// request, making its writes for this claim (`Actor::idempotency_claim`), then [`complete`]
    /// or [`release`] the key.
    Serve { claim_id: Uuid },
    /// The first request stored its write but never its answer (its instance died in between):
    /// serving it again would write twice. Names the first resource it wrote.
    AnswerLost {
        resource_type: String,
        resource_id: String,
    },
    /// The same request was answered already: send that answer again.
    Replay(SealedResponse),
    /// The same request is being served right now.
    InProgress,
    /// The key was used for a different request.
    Mismatch,
}

/// Claims `key` for the request whose digest is `request_sha256`, made with API key
/// `api_key_id`. A claim whose request has not been answered after `abandoned_after` (its
/// instance died, or could not record the answer) is taken over, unless the audit trail shows
/// that it wrote something. Expired keys are removed first. Ages are measured from `now`.
pub async fn claim(
    connection: &mut Connection,
    api_key_id: Uuid,
    key: &str,
    request_sha256: &[u8],
    lifetime: Duration,
    abandoned_after: Duration,
    now: DateTime<Utc>,
) -> Result<Claim, DbError> {
    let attempt = Attempt {
        api_key_id,
        key,
        request_sha256,
        claim_id: Uuid::now_v7(),
        now,
        expires_at: now + lifetime,
        abandoned_before: now - abandoned_after,
    };
    connection
        .transaction::<_, DbError, _>(async |connection| {
            diesel::delete(idempotency_keys::table.filter(idempotency_keys::expires_at.lt(now)))
                .execute(connection)
                .await?;
            match attempt.insert_or_read(connection).await? {
                Taken::New => Ok(Claim::Serve {
                    claim_id: attempt.claim_id,
                }),
                // Claimed and released twice meanwhile: someone else is busy with this key.
                Taken::Neither => Ok(Claim::InProgress),
                Taken::Stored(stored) => attempt.judge(connection, stored).await,
            }
        })
        .await
}

/// One request's attempt at a key: who, which key, the request it is for, and when.
struct Attempt<'a> {
    api_key_id: Uuid,
    key: &'a str,
    request_sha256: &'a [u8],
    claim_id: Uuid,
    now: chrono::DateTime<Utc>,
    expires_at: chrono::DateTime<Utc>,
    abandoned_before: chrono::DateTime<Utc>,
}

/// A key's row as an attempt finds it: the request digest, the kept answer (status, nonce and
/// sealed body, once complete), whether its claim is old enough to be abandoned, and its claim.
type Stored = (
    Vec<u8>,
    Option<i16>,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    bool,
    Uuid,
);

/// What inserting a claim found.
enum Taken {
    /// The key was free: this attempt holds it now.
    New,
    /// Another request holds or held it, as stored (locked until the transaction ends).
    Stored(Stored),
    /// It was held, then released, twice while this attempt looked.
    Neither,
}

impl Attempt<'_> {
    /// Inserts this attempt's claim, or reads (and locks) the one already there. Two tries: a
    /// claim that another request releases (its request failed) between this insert and the
    /// read is gone, and can be taken afresh.
    async fn insert_or_read(&self, connection: &mut Connection) -> Result<Taken, DbError> {
        for _ in 0..2 {
            let inserted = diesel::insert_into(idempotency_keys::table)
                .values((
                    idempotency_keys::api_key_id.eq(self.api_key_id),
                    idempotency_keys::key.eq(self.key),
                    idempotency_keys::request_sha256.eq(self.request_sha256),
                    idempotency_keys::expires_at.eq(self.expires_at),
                    idempotency_keys::claim_id.eq(self.claim_id),
                ))
                .on_conflict_do_nothing()
                .execute(connection)
                .await?;
            if inserted == 1 {
                return Ok(Taken::New);
            }
            let stored = idempotency_keys::table
                .find((self.api_key_id, self.key))
                .select((
                    idempotency_keys::request_sha256,
                    idempotency_keys::status,
                    idempotency_keys::response_nonce,
                    idempotency_keys::response_sealed,
                    idempotency_keys::created_at.lt(self.abandoned_before),
                    idempotency_keys::claim_id,
                ))
                .for_update()
                .first::<Stored>(connection)
                .await
                .optional()?;
            if let Some(stored) = stored {
                return Ok(Taken::Stored(stored));
            }
        }
        Ok(Taken::Neither)
    }

    /// What a key another request claimed means for this one: a replay of its answer, a
    /// mismatch, still in progress, or (abandoned) either what it wrote or the key to take over.
    async fn judge(&self, connection: &mut Connection, stored: Stored) -> Result<Claim, DbError> {
        let (digest, status, nonce, sealed, abandoned, abandoned_claim) = stored;
        if digest != self.request_sha256 {
            return Ok(Claim::Mismatch);
        }
        match (status, nonce, sealed) {
            (Some(status), Some(nonce), Some(sealed)) => Ok(Claim::Replay(SealedResponse {
                status: status as u16,
                nonce,
                sealed,
            })),
            _ if abandoned => {
                if let Some((resource_type, resource_id)) =
                    first_write_of(connection, abandoned_claim).await?
                {
                    return Ok(Claim::AnswerLost {
                        resource_type,
                        resource_id,
                    });
                }
                diesel::update(idempotency_keys::table.find((self.api_key_id, self.key)))
                    .set((
                        idempotency_keys::created_at.eq(self.now),
                        idempotency_keys::claim_id.eq(self.claim_id),
                    ))
                    .execute(connection)
                    .await?;
                Ok(Claim::Serve {
                    claim_id: self.claim_id,
                })
            }
            _ => Ok(Claim::InProgress),
        }
    }
}

/// The resource (type and id) of the first audit row written for `claim_id`, if any.
async fn first_write_of(
    connection: &mut Connection,
    claim_id: Uuid,
) -> Result<Option<(String, String)>, DbError> {
    Ok(audit_events::table
        .filter(audit_events::idempotency_claim.eq(claim_id))
        .order(audit_events::id)
        .select((audit_events::resource_type, audit_events::resource_id))
        .first(connection)
        .await
        .optional()?)
}

/// Records the answer to the request that holds claim `claim_id` on `key`. A claim taken over
/// meanwhile (this request was abandoned) keeps its own.
pub async fn complete(
    connection: &mut Connection,
    api_key_id: Uuid,
    key: &str,
    claim_id: Uuid,
    response: &SealedResponse,
) -> Result<(), DbError> {
    diesel::update(
        idempotency_keys::table
            .find((api_key_id, key))
            .filter(idempotency_keys::claim_id.eq(claim_id)),
    )
    .set((
        idempotency_keys::status.eq(response.status as i16),
        idempotency_keys::response_nonce.eq(&response.nonce),
        idempotency_keys::response_sealed.eq(&response.sealed),
    ))
    .execute(connection)
    .await?;
    Ok(())
}

/// Gives claim `claim_id` on `key` up after its request failed, so that a retry is served
/// afresh; unless the request wrote something before it failed: then the claim is marked
/// abandoned at once, and a retry learns what was written instead of writing it twice.
pub async fn release(
    connection: &mut Connection,
    api_key_id: Uuid,
    key: &str,
    claim_id: Uuid,
) -> Result<(), DbError> {
    let this_claim = idempotency_keys::table
        .find((api_key_id, key))
        .filter(idempotency_keys::claim_id.eq(claim_id))
        .filter(idempotency_keys::status.is_null());
    if first_write_of(connection, claim_id).await?.is_some() {
        diesel::update(this_claim)
            .set(idempotency_keys::created_at.eq(chrono::DateTime::UNIX_EPOCH))
            .execute(connection)
            .await?;
    } else {
        diesel::delete(this_claim).execute(connection).await?;
    }
    Ok(())
}
