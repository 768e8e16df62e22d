//! A request sent again with the same `Idempotency-Key` gets the first one's answer, not a
//! second write: the key's claim, its answer once served, and its release when serving failed.
//! The API's middleware (the edge) decides when; the claims' rules are here and in `db::`.

use std::time::Duration;

use chrono::{DateTime, Utc};
use uuid::Uuid;

pub use crate::db::idempotency::{Claim, SealedResponse};
use crate::db::{Connections, idempotency};
use crate::domain::Failure;

/// One attempt at a key: who sends it, the key, and the digest of the request it came with.
#[derive(Debug, Clone, Copy)]
pub struct KeyUse<'a> {
    pub api_key_id: Uuid,
    pub key: &'a str,
    pub request_sha256: &'a [u8],
}

/// What the request with `key` should do (see [`Claim`]): a key lives `lifetime`, and a claim
/// left unanswered for `abandoned_after` is taken over, on `now`.
pub async fn claim(
    db: &impl Connections,
    key: KeyUse<'_>,
    lifetime: Duration,
    abandoned_after: Duration,
    now: DateTime<Utc>,
) -> Result<Claim, Failure> {
    let mut connection = db.connect().await?;
    Ok(idempotency::claim(
        &mut connection,
        key.api_key_id,
        key.key,
        key.request_sha256,
        lifetime,
        abandoned_after,
        now,
    )
    .await?)
}

/// Keeps the answer served for the claim `claim_id` of `key`.
pub async fn keep_answer(
    db: &impl Connections,
    api_key_id: Uuid,
    key: &str,
    claim_id: Uuid,
    answer: &SealedResponse,
) -> Result<(), Failure> {
    let mut connection = db.connect().await?;
    Ok(idempotency::complete(&mut connection, api_key_id, key, claim_id, answer).await?)
}

/// Lets the key be used again after its request failed without an answer to keep.
pub async fn release(
    db: &impl Connections,
    api_key_id: Uuid,
    key: &str,
    claim_id: Uuid,
) -> Result<(), Failure> {
    let mut connection = db.connect().await?;
    Ok(idempotency::release(&mut connection, api_key_id, key, claim_id).await?)
}
