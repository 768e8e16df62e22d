//! A deadline for every API request: past `REQUEST_TIMEOUT_MS` it answers 503, whatever it was
//! waiting for (most often a database that stopped answering), instead of hanging for as long as
//! the client waits.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{Error, web};

use super::AppState;
use crate::error::ApiError;

/// Runs the rest of the request within the configured deadline. The abandoned work is dropped: its
/// connection goes back to the pool, which discards it if it broke, and PostgreSQL cancels the
/// statement itself when `statement_timeout` (the same duration) passes.
pub async fn enforce<B: MessageBody>(
    request: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<B>, Error> {
    // Rendered by ApiError, as every error: problem+json with Retry-After.
    within_deadline(request, next, Error::from).await
}

/// Runs the rest of `request` within the configured deadline; past it, the 503 it answers is
/// rendered by `render`, so that each edge (the API, the pages) answers in its own form.
pub async fn within_deadline<B: MessageBody>(
    request: ServiceRequest,
    next: Next<B>,
    render: impl FnOnce(ApiError) -> Error,
) -> Result<ServiceResponse<B>, Error> {
    let deadline = request
        .app_data::<web::Data<AppState>>()
        .map(|state| state.timeouts.request);
    let Some(deadline) = deadline else {
        return next.call(request).await;
    };
    // The request itself cannot be kept aside (routing below needs it unshared): what the answer
    // says of it is copied.
    let asked = format!("{} {}", request.method(), request.path());
    match tokio::time::timeout(deadline, next.call(request)).await {
        Ok(response) => response,
        Err(_) => Err(render(ApiError::Unavailable(format!(
            "{asked} took longer than {} ms",
            deadline.as_millis()
        )))),
    }
}
