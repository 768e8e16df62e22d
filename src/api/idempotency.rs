//! `Idempotency-Key` on the POSTs that create things: a client that did not get an answer (a
//! timeout, a dropped connection) sends the same request again with the same key, and gets the
//! first answer instead of a second intervention, report or key.
//!
//! The first answer is kept in PostgreSQL for [`KEY_LIFETIME`], so a retry that reaches another
//! instance behind the same load balancer gets it too. It is sealed with a key derived from the
//! caller's API key and the Idempotency-Key, which are not stored: only the retry can open it.
//! Only successes are kept; after a failure the key is released and a retry is served afresh.
//!
//! Each attempt holds a claim, whose id its writes carry into the audit trail (in the write's
//! own transaction). So when an attempt ends without an answer kept (its instance died, or the
//! database failed between its write and its bookkeeping), a retry can still tell whether it
//! wrote: if so, it is told what was written (409) rather than served a second time.

use std::time::Duration;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{AUTHORIZATION, CONTENT_TYPE, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpResponse, web};
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::domain::{Caller, Refusal};
use crate::http::AppState;
use crate::http::body::read_bounded;
use crate::http::error::ApiError;
use crate::http::upload::receiving;
use crate::usecases::idempotency::{self, Claim, KeyUse, SealedResponse};
use crate::usecases::imports::MAX_IMPORT_BYTES;

/// The request header.
pub const HEADER: &str = "Idempotency-Key";
/// The header a replayed answer carries, so a client can tell it from a first one.
pub const REPLAYED_HEADER: &str = "Idempotent-Replayed";
/// How long a key is remembered.
pub const KEY_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);
/// The headers of an answer that are kept and replayed with its body.
const KEPT_HEADERS: [&str; 3] = ["content-type", "location", "etag"];

tokio::task_local! {
    /// The claim of the `Idempotency-Key` request being served, which its writes carry into
    /// the audit trail.
    static CLAIM: Uuid;
}

/// The claim the request being served holds, if it came with an `Idempotency-Key`.
pub fn current_claim() -> Option<Uuid> {
    CLAIM.try_with(|claim| *claim).ok()
}

/// Middleware, inside the key check: serves a POST with an `Idempotency-Key` at most once per
/// key, and replays its answer to retries.
pub async fn replay_or_record(
    mut request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let key = request.headers().get(HEADER).cloned();
    let caller = request.extensions().get::<Caller>().cloned();
    let state = request.app_data::<web::Data<AppState>>().cloned();
    let (Some(key), Some(caller), Some(state), true) =
        (key, caller, state, request.method() == Method::POST)
    else {
        return Ok(next.call(request).await?.map_into_boxed_body());
    };
    let key = valid_key(&key)?;
    let body = read_body(&mut request).await?;
    let request_sha256 = digest_of(&request, &body);
    request.set_payload(Payload::from(body));
    let seal = Seal::new(&request, &key);

    // Every API request is made with a key (people sign in to the pages only).
    let api_key_id = caller
        .key_id
        .ok_or_else(|| ApiError::Internal("an API request without a key".into()))?;
    let abandoned_after = state.timeouts.request * 2 + Duration::from_secs(1);
    let key_use = KeyUse {
        api_key_id,
        key: &key,
        request_sha256: &request_sha256,
    };
    let claim = idempotency::claim(
        state.get_ref(),
        key_use,
        KEY_LIFETIME,
        abandoned_after,
        state.clock.now(),
    )
    .await
    .map_err(ApiError::from)?;
    match claim {
        Claim::Replay(stored) => {
            let answer = seal.open(&stored)?;
            Ok(request.into_response(answer.into_response()))
        }
        Claim::InProgress => Err(ApiError::Conflict(format!(
            "a request with {HEADER} `{key}` is still being served; retry in a moment to get \
             its answer"
        ))
        .into()),
        Claim::Mismatch => Err(ApiError::invalid(
            HEADER,
            Refusal::new("invalid-idempotency-key-reused").with("key", key),
        )
        .into()),
        Claim::AnswerLost {
            resource_type,
            resource_id,
        } => Err(ApiError::Conflict(format!(
            "the first request with {HEADER} `{key}` was stored ({resource_type} \
             `{resource_id}`) but its answer was lost; read the {resource_type} instead of \
             sending the request again"
        ))
        .into()),
        Claim::Serve { claim_id } => {
            let claim = Held {
                api_key_id,
                key: &key,
                claim_id,
            };
            let serving = serve_and_record(request, next, &state, &claim, &seal);
            CLAIM.scope(claim_id, serving).await
        }
    }
}

/// Serves the request, then keeps its answer (or releases the key after a failure).
///
/// Bookkeeping that fails afterwards never changes the answer: a write that was stored is
/// answered as stored, since a client told 503 would send it again. Its key then stays claimed
/// without an answer: a retry meets 409, "still being served" and, once the claim is abandoned,
/// "stored, but its answer was lost".
async fn serve_and_record(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    state: &AppState,
    claim: &Held<'_>,
    seal: &Seal,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let key = claim.key;
    let outcome = next.call(request).await;
    if !matches!(&outcome, Ok(response) if response.status().is_success()) {
        if let Err(error) = release(state, claim).await {
            log::warn!(
                "{HEADER} `{key}` could not be released after its request failed ({error}); \
                 a retry gets 409 until the claim is abandoned, then is served afresh unless \
                 the request wrote something"
            );
        }
        return Ok(outcome?.map_into_boxed_body());
    }
    let (request, response) = outcome?.into_parts();
    let (head, body) = response.into_parts();
    let body = actix_web::body::to_bytes(body)
        .await
        .map_err(|_| ApiError::Internal("the answer's body could not be read".into()))?;
    let answer = StoredAnswer {
        status: head.status().as_u16(),
        headers: KEPT_HEADERS
            .iter()
            .filter_map(|name| {
                let value = head.headers().get(*name)?.to_str().ok()?;
                Some((name.to_string(), value.to_owned()))
            })
            .collect(),
        body: body.to_vec(),
    };
    if let Err(error) = keep(state, claim, &seal.close(&answer)?).await {
        log::warn!(
            "{HEADER} `{key}`: the request was served but its answer could not be kept \
             ({error}); a retry gets 409"
        );
    }
    Ok(ServiceResponse::new(
        request,
        head.set_body(body).map_into_boxed_body(),
    ))
}

/// The claim a request holds on its key while it is served.
struct Held<'a> {
    api_key_id: Uuid,
    key: &'a str,
    claim_id: Uuid,
}

async fn release(state: &AppState, claim: &Held<'_>) -> Result<(), ApiError> {
    Ok(idempotency::release(state, claim.api_key_id, claim.key, claim.claim_id).await?)
}

async fn keep(state: &AppState, claim: &Held<'_>, answer: &SealedResponse) -> Result<(), ApiError> {
    Ok(
        idempotency::keep_answer(state, claim.api_key_id, claim.key, claim.claim_id, answer)
            .await?,
    )
}

/// A key is 1 to 255 visible ASCII characters (a UUID is a good one).
fn valid_key(value: &HeaderValue) -> Result<String, ApiError> {
    value
        .to_str()
        .ok()
        .filter(|key| (1..=255).contains(&key.len()))
        .filter(|key| key.bytes().all(|b| b.is_ascii_graphic()))
        .map(str::to_owned)
        .ok_or_else(|| {
            ApiError::BadRequest(format!(
                "{HEADER} must be 1 to 255 visible ASCII characters, such as a UUID"
            ))
        })
}

async fn read_body(request: &mut ServiceRequest) -> Result<web::Bytes, ApiError> {
    let declared = crate::http::body::declared_length(request.headers());
    receiving(read_bounded(
        request.take_payload(),
        MAX_IMPORT_BYTES,
        declared,
        || {
            format!(
                "a body may be at most {} MiB",
                MAX_IMPORT_BYTES / (1024 * 1024)
            )
        },
    ))
    .await?
}

/// What makes two requests the same: method, path with query, content type and body.
fn digest_of(request: &ServiceRequest, body: &[u8]) -> Vec<u8> {
    let mut digest = Sha256::new();
    digest.update(request.method().as_str());
    digest.update(b"\n");
    digest.update(request.uri().to_string());
    digest.update(b"\n");
    digest.update(
        request
            .headers()
            .get(CONTENT_TYPE)
            .map_or(&b""[..], |v| v.as_bytes()),
    );
    digest.update(b"\n");
    digest.update(body);
    digest.finalize().to_vec()
}

/// An answer as kept: status, the headers a client needs, body.
#[derive(Debug, Serialize, Deserialize)]
struct StoredAnswer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl StoredAnswer {
    fn into_response(self) -> HttpResponse {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::OK);
        let mut response = HttpResponse::build(status);
        for (name, value) in self.headers {
            if let (Ok(name), Ok(value)) = (
                HeaderName::try_from(name.as_str()),
                HeaderValue::try_from(value.as_str()),
            ) {
                response.insert_header((name, value));
            }
        }
        response.insert_header((REPLAYED_HEADER, "true"));
        response.body(self.body)
    }
}

/// Seals and opens kept answers with a key only the caller's retry can rebuild.
struct Seal(ChaCha20Poly1305);

impl Seal {
    fn new(request: &ServiceRequest, idempotency_key: &str) -> Self {
        let credential = request
            .headers()
            .get(AUTHORIZATION)
            .map_or(&b""[..], |value| value.as_bytes());
        let mut derivation = Sha256::new();
        derivation.update(b"gaptrack idempotent answer\n");
        derivation.update(credential);
        derivation.update(b"\n");
        derivation.update(idempotency_key);
        let key: [u8; 32] = derivation.finalize().into();
        Self(ChaCha20Poly1305::new(Key::from_slice(&key)))
    }

    fn close(&self, answer: &StoredAnswer) -> Result<SealedResponse, ApiError> {
        let mut nonce = [0u8; 12];
        getrandom::fill(&mut nonce).map_err(|error| ApiError::Internal(error.to_string()))?;
        let plain = serde_json::to_vec(answer).map_err(ApiError::internal)?;
        let sealed = self
            .0
            .encrypt(Nonce::from_slice(&nonce), plain.as_slice())
            .map_err(|_| ApiError::Internal("an answer could not be sealed".into()))?;
        Ok(SealedResponse {
            status: answer.status,
            nonce: nonce.to_vec(),
            sealed,
        })
    }

    fn open(&self, stored: &SealedResponse) -> Result<StoredAnswer, ApiError> {
        let plain = self
            .0
            .decrypt(Nonce::from_slice(&stored.nonce), stored.sealed.as_slice())
            .map_err(|_| ApiError::Internal("a kept answer could not be opened".into()))?;
        serde_json::from_slice(&plain).map_err(ApiError::internal)
    }
}

/// Declares the `Idempotency-Key` header, and the answers it can bring, on every POST of the API.
pub fn declare(document: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
    use utoipa::openapi::{ObjectBuilder, Required, Type};

    let posts = document
        .paths
        .paths
        .iter_mut()
        .filter(|(path, _)| path.starts_with(super::API_PREFIX))
        .filter_map(|(_, item)| item.post.as_mut());
    for operation in posts {
        operation.parameters.get_or_insert_with(Vec::new).push(
            ParameterBuilder::new()
                .name(HEADER)
                .parameter_in(ParameterIn::Header)
                .required(Required::False)
                .description(Some(
                    "Makes a retry safe: a request repeated with the same key and body \
                         within 24 hours gets the first answer again (with \
                         `Idempotent-Replayed: true`) and changes nothing; the same key with a \
                         different request is a 422; while the first request is still being \
                         served, or if it stored its write but its answer was lost, a 409. \
                         A UUID is a good key.",
                ))
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .min_length(Some(1))
                        .max_length(Some(255))
                        .pattern(Some("^[!-~]+$")),
                ))
                .build(),
        );
        let responses = &mut operation.responses.responses;
        declare_response(
            responses,
            "409",
            "A request with the same Idempotency-Key is still being served, or stored its write \
             but its answer was lost",
        );
        declare_response(
            responses,
            "422",
            "The Idempotency-Key was first used for a different request",
        );
    }
}

/// Adds `meaning` to the answer `status` of an operation: as its description when the operation
/// had no such answer, else after what it already said.
fn declare_response(
    responses: &mut std::collections::BTreeMap<
        String,
        utoipa::openapi::RefOr<utoipa::openapi::Response>,
    >,
    status: &str,
    meaning: &str,
) {
    use utoipa::openapi::RefOr;
    match responses.entry(status.into()) {
        std::collections::btree_map::Entry::Vacant(vacant) => {
            vacant.insert(super::problem_response(meaning).into());
        }
        std::collections::btree_map::Entry::Occupied(mut occupied) => {
            if let RefOr::T(response) = occupied.get_mut() {
                let lowered = meaning[..1].to_lowercase() + &meaning[1..];
                response.description = format!("{}; or: {lowered}", response.description);
            }
        }
    }
}
