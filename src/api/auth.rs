//! Who is calling: every request under `/api/v1` must carry an API key
//! (`Authorization: Bearer <key>`), checked by [`authenticate`] before any handler runs.
//!
//! Handlers that change data take a [`Caller`] and ask it for the right they need. Key material is
//! never logged: the request log records the request line only.

use std::net::IpAddr;

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::AUTHORIZATION;
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use futures_util::future::{Ready, ready};
use uuid::Uuid;

use super::AppState;
use super::client_address;
use super::rate_limit::Limiters;
use crate::db::audit::Actor;
use crate::db::keys;
use crate::domain::{Role, parse_token, secret_matches};
use crate::error::ApiError;

/// The key a request was made with.
#[derive(Debug, Clone)]
pub struct Caller {
    pub key_id: Uuid,
    pub name: String,
    pub role: Role,
    pub organisation_id: Option<Uuid>,
}

impl Caller {
    /// Who the audit trail says made a change.
    pub fn actor(&self) -> Actor {
        Actor {
            key_id: Some(self.key_id),
            key_name: self.name.clone(),
            idempotency_claim: super::idempotency::current_claim(),
        }
    }

    /// Only admin keys may go on.
    pub fn require_admin(&self) -> Result<(), ApiError> {
        match self.role {
            Role::Admin => Ok(()),
            _ => Err(ApiError::Forbidden(format!(
                "this needs an admin key; key `{}` is an {} key",
                self.name, self.role
            ))),
        }
    }

    /// Which organisation's interventions this key may change: `None` for all (admin), the editor's
    /// own, or 403 for a viewer.
    pub fn editable_organisation(&self) -> Result<Option<Uuid>, ApiError> {
        match self.role {
            Role::Admin => Ok(None),
            Role::Editor => Ok(self.organisation_id),
            Role::Viewer => Err(ApiError::Forbidden(format!(
                "key `{}` is a viewer key: it can read but not write",
                self.name
            ))),
        }
    }

    /// Only a key that may change `organisation`'s interventions may go on.
    pub fn require_editor_of(&self, organisation: Uuid) -> Result<(), ApiError> {
        match self.editable_organisation()? {
            Some(own) if own != organisation => Err(self.not_yours()),
            _ => Ok(()),
        }
    }

    /// The 403 for an editor touching another organisation's work.
    pub fn not_yours(&self) -> ApiError {
        ApiError::Forbidden(format!(
            "key `{}` may only change the interventions of its own organisation",
            self.name
        ))
    }
}

impl FromRequest for Caller {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            request
                .extensions()
                .get::<Caller>()
                .cloned()
                .ok_or_else(|| ApiError::Unauthorized("an API key is required".into()).into()),
        )
    }
}

/// Middleware: checks the request's API key and hands the [`Caller`] to the handlers, or answers
/// 401 before any handler runs.
pub async fn authenticate(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let state = request
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| ApiError::Internal("the app state is missing".into()))?;
    let header = request
        .headers()
        .get(AUTHORIZATION)
        .map(|value| value.to_str().unwrap_or_default().to_string());
    let limiters = request.app_data::<web::Data<Limiters>>().cloned();
    let address = client_address::of(request.request());
    let caller = match (&limiters, address) {
        (Some(limiters), Some(address)) => {
            limited_caller_for(&state, header.as_deref(), limiters, address).await?
        }
        _ => caller_for(&state, header.as_deref()).await?,
    };
    request.extensions_mut().insert(caller);
    next.call(request).await
}

/// [`caller_for`], within the rate limits: requests without credentials count against their
/// address, failed key checks (harder) too, and a key's requests against the key.
async fn limited_caller_for(
    state: &AppState,
    header: Option<&str>,
    limiters: &Limiters,
    address: IpAddr,
) -> Result<Caller, ApiError> {
    if header.is_none() {
        limiters.check_address(address)?;
    } else {
        limiters.check_not_shut_out(address)?;
    }
    match caller_for(state, header).await {
        Ok(caller) => {
            limiters.check_key(caller.key_id, &caller.name)?;
            Ok(caller)
        }
        Err(error @ ApiError::Unauthorized(_)) => {
            if header.is_some() {
                limiters.record_failed_auth(address);
            }
            Err(error)
        }
        Err(other) => Err(other),
    }
}

async fn caller_for(state: &AppState, header: Option<&str>) -> Result<Caller, ApiError> {
    let header = header.ok_or_else(|| {
        ApiError::Unauthorized("an API key is required: send `Authorization: Bearer <key>`".into())
    })?;
    let token = header
        .strip_prefix("Bearer ")
        .map(str::trim)
        .ok_or_else(|| ApiError::Unauthorized("use `Authorization: Bearer <key>`".into()))?;
    caller_for_token(state, token).await
}

/// The key `token` is the secret of, if it is known and not revoked; notes its use.
///
/// Every request runs this lookup, which reads the key and stamps its last use (the same stamp
/// twice is harmless), so it is tried once more on a fresh connection when its connection breaks
/// under it, as reads are (`api::read_retry`).
pub async fn caller_for_token(state: &AppState, token: &str) -> Result<Caller, ApiError> {
    match look_up_caller(state, token).await {
        Err(ApiError::ConnectionLost(cause)) => {
            log::info!("the key check lost its database connection ({cause}); trying once more");
            super::read_retry::as_retry(look_up_caller(state, token)).await
        }
        outcome => outcome,
    }
}

async fn look_up_caller(state: &AppState, token: &str) -> Result<Caller, ApiError> {
    let rejected = || ApiError::Unauthorized("the API key is unknown or revoked".into());
    let (id, secret) = parse_token(token).ok_or_else(rejected)?;
    let mut connection = state.connection().await?;
    let stored = keys::find_stored(&mut connection, id)
        .await?
        .ok_or_else(rejected)?;
    if !secret_matches(&stored.secret_sha256, secret) || stored.key.revoked_at.is_some() {
        return Err(rejected());
    }
    keys::touch(&mut connection, id).await?;
    Ok(stored.key.into())
}

impl From<keys::ApiKeyRow> for Caller {
    fn from(key: keys::ApiKeyRow) -> Self {
        Self {
            key_id: key.id,
            name: key.name,
            role: key.role,
            organisation_id: key.organisation_id,
        }
    }
}
