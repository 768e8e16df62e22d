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

use crate::http::AppState;
use crate::http::client_address;
use crate::http::error::ApiError;
use crate::http::rate_limit::Limiters;
use crate::usecases;

pub use crate::domain::Caller;

impl FromRequest for Caller {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            request
                .extensions()
                .get::<Caller>()
                .cloned()
                .map(|caller| Caller {
                    // The request's claim, so that the audit rows of its writes carry it.
                    idempotency_claim: super::idempotency::current_claim(),
                    ..caller
                })
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
            limiters.check_key(caller.principal_id(), &caller.name)?;
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

/// The caller `token` makes, by [`usecases::keys::caller_for_token`], which tries once more on
/// a live connection when the first breaks under it.
pub async fn caller_for_token(state: &AppState, token: &str) -> Result<Caller, ApiError> {
    Ok(usecases::keys::caller_for_token(state, token).await?)
}
