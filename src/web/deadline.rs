//! The pages' request deadline: past `REQUEST_TIMEOUT_MS` a page answers 503 (as an HTML page
//! a person can read) instead of leaving the browser spinning while the database does not
//! answer. A frozen PostgreSQL enforces no `statement_timeout`, so only this bounds the wait.
//! The API has its own (`http::deadline`, with the API's problem+json).

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

use super::error::WebError;
use crate::http::{API_PREFIX, deadline};

/// Wraps the whole app; the API's requests pass through to their own deadline.
pub async fn enforce_on_pages<B: MessageBody>(
    request: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<B>, Error> {
    if request.path().starts_with(API_PREFIX) {
        return next.call(request).await;
    }
    deadline::within_deadline(request, next, |timed_out| WebError::from(timed_out).into()).await
}
