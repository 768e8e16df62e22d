//! A deadline for every API request: past `REQUEST_TIMEOUT_MS` it answers 503, whatever it was
//! waiting for (most often a database that stopped answering), instead of hanging for as long as
//! the client waits. Imports, which check and write a whole report's rows, have a deadline of
//! their own (`IMPORT_TIMEOUT_MS`): 50,000 rows take several seconds. A route says it is an
//! import where it is declared, wrapped in [`allow_an_import`]; nothing here reads its path.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{Error, web};
use tokio::sync::Notify;
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
    // The request itself cannot be kept aside (routing below needs it unshared): what the answer
    // says of it is copied.
    let asked = format!("{} {}", request.method(), request.path());
    let started = Instant::now();
    let clock = UploadClock::new(timeouts.upload);
    let allowance = Allowance::default();
    let work = ALLOWANCE.scope(allowance.clone(), clock.clone().run(next.call(request)));
    tokio::pin!(work);
    loop {
        let (deadline, setting) = if allowance.is_import() {
            (timeouts.import, "IMPORT_TIMEOUT_MS")
        } else {
            (timeouts.request, "REQUEST_TIMEOUT_MS")
        };
        let until = started + deadline + clock.spent();
        // While a body is being received the deadline stands still; look again a little later.
        let wake = if clock.receiving() {
            until.max(Instant::now() + RECEIVING_RECHECK)
        } else {
            until
        };
        tokio::select! {
            response = &mut work => return response,
            // The route turned out to be an import: measure again against its deadline.
            () = allowance.changed.notified() => {}
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

tokio::task_local! {
    static ALLOWANCE: Allowance;
}

/// Which deadline the request being served has: a request's, until its route says otherwise.
#[derive(Debug, Clone, Default)]
struct Allowance(Rc<AllowanceState>);

#[derive(Debug, Default)]
struct AllowanceState {
    import: Cell<bool>,
    /// Wakes the deadline, which is waiting on the shorter (or longer) time it measured first.
    changed: Notify,
}

impl std::ops::Deref for Allowance {
    type Target = AllowanceState;

    fn deref(&self) -> &AllowanceState {
        &self.0
    }
}

impl AllowanceState {
    fn is_import(&self) -> bool {
        self.import.get()
    }
}

/// Wraps an import's route (`.wrap(from_fn(allow_an_import))`, or `wrap = "..."` on a route
/// macro): the request gets `IMPORT_TIMEOUT_MS` instead of `REQUEST_TIMEOUT_MS`.
pub async fn allow_an_import<B: MessageBody>(
    request: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<B>, Error> {
    // Outside a deadline (a test's bare service), there is nothing to lengthen.
    let _ = ALLOWANCE.try_with(|allowance| {
        allowance.import.set(true);
        allowance.changed.notify_one();
    });
    next.call(request).await
}

/// How often a request receiving its body looks whether its deadline has moved.
const RECEIVING_RECHECK: Duration = Duration::from_millis(100);
