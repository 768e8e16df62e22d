//! The pages' share of [`http::read_retry`](crate::http::read_retry): a page a person opens is
//! read once more when PostgreSQL ends the connection under it, instead of showing them a
//! "database unavailable" page they would have to reload. Forms that change something are never
//! posted twice.

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

use super::error::WebError;
use crate::http::error::ApiError;
use crate::http::{API_PREFIX, read_retry};

/// Wraps the whole app; the API's requests pass through, since the API retries its own within
/// its deadline.
pub async fn retry_lost_page_reads<B: MessageBody>(
    request: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<B>, Error> {
    if request.path().starts_with(API_PREFIX) {
        return next.call(request).await;
    }
    read_retry::retry_read_once_if(request, next, |error| {
        matches!(
            error.as_error::<WebError>(),
            Some(WebError::Api(ApiError::ConnectionLost(_)))
        )
    })
    .await
}
