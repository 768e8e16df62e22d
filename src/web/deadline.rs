//! The pages' request deadline: past `REQUEST_TIMEOUT_MS` a page answers 503 (as an HTML page
//! a person can read) instead of leaving the browser spinning while the database does not
//! answer. A frozen PostgreSQL enforces no `statement_timeout`, so only this bounds the wait.
//! The API has its own (`api::deadline`), which answers problem+json.

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;

use super::error::WebError;
use crate::api::{API_PREFIX, AppState};
use crate::error::ApiError;

/// Wraps the whole app; the API's requests pass through to their own deadline.
pub async fn enforce_on_pages<B: MessageBody>(
    request: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<B>, Error> {
    let deadline = request
        .app_data::<web::Data<AppState>>()
        .map(|state| state.timeouts.request);
    let (Some(deadline), false) = (deadline, request.path().starts_with(API_PREFIX)) else {
        return next.call(request).await;
    };
    let asked = format!("{} {}", request.method(), request.path());
    match tokio::time::timeout(deadline, next.call(request)).await {
        Ok(response) => response,
        Err(_) => Err(WebError::from(ApiError::Unavailable(format!(
            "{asked} took longer than {} ms",
            deadline.as_millis()
        )))
        .into()),
    }
}
