//! One more try for a read whose database connection broke under it.
//!
//! When PostgreSQL ends a connection (a restart, a failover, an administrator ending backends), the
//! requests using it at that moment fail, though the next connection from the pool would serve
//! them. A `GET` or `HEAD` changes nothing, so it is run once more on a fresh connection; the
//! client sees an answer instead of a 503. A write is never run again: its statement may have
//! been committed before the connection broke, and the client, told 503, decides (with an
//! `Idempotency-Key`, safely).
//!
//! For the API it sits inside the request deadline, so the retry never makes a client wait longer
//! than `REQUEST_TIMEOUT_MS`, and inside the key check, which retries its own lookup. The pages
//! have one of their own (`web::read_retry`).
//!
//! The connection that broke goes back to the pool, which discards it only once its driver has
//! seen the socket close, and that may come a moment after the request failed: while retrying,
//! [`AppState::connection`](crate::http::AppState::connection) hands out only connections that answer.

use std::future::Future;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{Error, web};

use super::metrics::Metrics;
use crate::http::error::ApiError;

tokio::task_local! {
    /// Set while a request is tried once more.
    static RETRYING: ();
}

/// Whether the request being served is a second try after a lost connection.
pub fn is_retrying() -> bool {
    RETRYING.try_with(|_| ()).is_ok()
}

/// Runs `attempt` as a second try: the connections it borrows are checked to be alive.
pub async fn as_retry<F: Future>(attempt: F) -> F::Output {
    RETRYING.scope((), attempt).await
}

/// Runs a safe API request again, once, when its answer is a lost database connection.
pub async fn retry_lost_reads<B: MessageBody>(
    request: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<B>, Error> {
    retry_read_once_if(request, next, |error| {
        matches!(
            error.as_error::<ApiError>(),
            Some(ApiError::ConnectionLost(_))
        )
    })
    .await
}

/// Runs a `GET` or `HEAD` again, once, when `lost_its_connection` says the error it was answered
/// with is a lost connection; each edge knows its own error type.
pub async fn retry_read_once_if<B: MessageBody>(
    request: ServiceRequest,
    next: Next<B>,
    lost_its_connection: impl Fn(&Error) -> bool,
) -> Result<ServiceResponse<B>, Error> {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.call(request).await;
    }
    // Routing below this point consumes the path as it matches; the retry starts from here again.
    let routing = request.match_info().clone();
    let response = next.call(request).await?;
    if !response
        .response()
        .error()
        .is_some_and(&lost_its_connection)
    {
        return Ok(response);
    }
    let (request, _) = response.into_parts();
    let mut request = ServiceRequest::from_request(request);
    *request.match_info_mut() = routing;
    log::info!(
        "{} {}: the database connection was lost; trying once more",
        request.method(),
        request.path()
    );
    if let Some(metrics) = request.app_data::<web::Data<Metrics>>() {
        metrics.observe_read_retry();
    }
    as_retry(next.call(request)).await
}
