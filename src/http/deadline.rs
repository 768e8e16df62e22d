//! A deadline for every API request: past `REQUEST_TIMEOUT_MS` it answers 503, whatever it was
//! waiting for (most often a database that stopped answering), instead of hanging for as long as
//! the client waits. Imports, which check and write a whole report's rows, have a deadline of
//! their own (`IMPORT_TIMEOUT_MS`): 50,000 rows take several seconds.

use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{Error, web};
use tokio::time::Instant;

use super::upload::UploadClock;
use crate::http::AppState;
use crate::http::error::ApiError;

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
///
/// The time spent receiving the request's body is not counted (it is the client's, bounded by
/// `UPLOAD_TIMEOUT_MS`, see [`super::upload`]): the deadline moves on by as much.
pub async fn within_deadline<B: MessageBody>(
    request: ServiceRequest,
    next: Next<B>,
    render: impl FnOnce(ApiError) -> Error,
) -> Result<ServiceResponse<B>, Error> {
    let timeouts = request
        .app_data::<web::Data<AppState>>()
        .map(|state| state.timeouts);
    let Some(timeouts) = timeouts else {
        return next.call(request).await;
    };
    let (deadline, setting) = if is_import(request.path()) {
        (timeouts.import, "IMPORT_TIMEOUT_MS")
    } else {
        (timeouts.request, "REQUEST_TIMEOUT_MS")
    };
    // The request itself cannot be kept aside (routing below needs it unshared): what the answer
    // says of it is copied.
    let asked = format!("{} {}", request.method(), request.path());
    let started = Instant::now();
    let clock = UploadClock::new(timeouts.upload);
    let work = clock.clone().run(next.call(request));
    tokio::pin!(work);
    loop {
        let until = started + deadline + clock.spent();
        // While a body is being received the deadline stands still; look again a little later.
        let wake = if clock.receiving() {
            until.max(Instant::now() + RECEIVING_RECHECK)
        } else {
            until
        };
        tokio::select! {
            response = &mut work => return response,
            () = tokio::time::sleep_until(wake) => {
                if !clock.receiving() && started + deadline + clock.spent() <= Instant::now() {
                    return Err(render(ApiError::TookTooLong(format!(
                        "{asked} took longer than the {} ms it is allowed ({setting}), so it was \
                         stopped and nothing it did was kept; please try again shortly",
                        deadline.as_millis()
                    ))));
                }
            }
        }
    }
}

/// Whether `path` is an import (`POST /api/v1/reports/{year}/import`, `/api/v1/tiers/import`,
/// the page `/admin/import`), which gets `IMPORT_TIMEOUT_MS` instead of `REQUEST_TIMEOUT_MS`.
fn is_import(path: &str) -> bool {
    path.ends_with("/import")
}

/// How often a request receiving its body looks whether its deadline has moved.
const RECEIVING_RECHECK: Duration = Duration::from_millis(100);
