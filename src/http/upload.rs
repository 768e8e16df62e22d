//! Receiving a request's body is the client's time, not gaptrack's. The request deadline
//! (`REQUEST_TIMEOUT_MS`, [`super::deadline`]) bounds gaptrack's own work; if it also counted
//! the upload, an import sent over a slow link (a field office's connection) would be cut off
//! after a few seconds however little work it needs. So the time spent receiving a body is left
//! out of the deadline, and bounded on its own by `UPLOAD_TIMEOUT_MS`, so that a client that
//! trickles a body cannot hold a request open for ever: past it, 408.
//!
//! The deadline puts an [`UploadClock`] in the request's task; every place that reads a body
//! does so through [`receiving`], which runs it on that clock.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;
use std::time::Duration;

use tokio::time::Instant;

use crate::http::error::ApiError;

tokio::task_local! {
    static CLOCK: UploadClock;
}

/// How long the request being served has spent receiving its body.
#[derive(Debug, Clone)]
pub struct UploadClock {
    limit: Duration,
    state: Rc<Cell<Received>>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Received {
    /// Time spent in bodies already received.
    spent: Duration,
    /// When the body being received now started to be, if one is.
    since: Option<Instant>,
}

impl UploadClock {
    /// A clock for a request whose bodies may take `limit` in all to arrive.
    pub fn new(limit: Duration) -> Self {
        Self {
            limit,
            state: Rc::new(Cell::new(Received::default())),
        }
    }

    /// Runs `future` (the rest of the request) with this clock in its task.
    pub async fn run<F: Future>(self, future: F) -> F::Output {
        CLOCK.scope(self, future).await
    }

    /// Time spent receiving bodies so far, the one being received included.
    pub fn spent(&self) -> Duration {
        let received = self.state.get();
        received.spent
            + received
                .since
                .map_or(Duration::ZERO, |since| since.elapsed())
    }

    /// Whether a body is being received at this moment.
    pub fn receiving(&self) -> bool {
        self.state.get().since.is_some()
    }

    fn start(&self) {
        let mut received = self.state.get();
        received.since = Some(Instant::now());
        self.state.set(received);
    }

    fn stop(&self) {
        let mut received = self.state.get();
        if let Some(since) = received.since.take() {
            received.spent += since.elapsed();
        }
        self.state.set(received);
    }
}

/// Receives a body (`future` reads it) on the request's upload clock: the time it takes is not
/// counted by the request deadline, and past `UPLOAD_TIMEOUT_MS` in all the request is answered
/// 408. Outside a request with a clock, `future` simply runs.
pub async fn receiving<F: Future>(future: F) -> Result<F::Output, ApiError> {
    let Ok(clock) = CLOCK.try_with(UploadClock::clone) else {
        return Ok(future.await);
    };
    let left = clock.limit.saturating_sub(clock.spent());
    clock.start();
    let received = tokio::time::timeout(left, future).await;
    clock.stop();
    received.map_err(|_| {
        ApiError::RequestTimeout(format!(
            "the body did not arrive within {} s (UPLOAD_TIMEOUT_MS); nothing was done",
            clock.limit.as_secs_f64()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn receiving_is_timed_apart_from_the_rest() {
        let clock = UploadClock::new(Duration::from_secs(10));
        let watched = clock.clone();
        clock
            .run(async {
                tokio::time::sleep(Duration::from_secs(1)).await;
                receiving(tokio::time::sleep(Duration::from_secs(3)))
                    .await
                    .unwrap();
                tokio::time::sleep(Duration::from_secs(1)).await;
            })
            .await;
        assert_eq!(watched.spent(), Duration::from_secs(3));
        assert!(!watched.receiving());
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_slower_than_the_limit_is_refused() {
        let clock = UploadClock::new(Duration::from_secs(10));
        let outcome = clock
            .run(receiving(tokio::time::sleep(Duration::from_secs(11))))
            .await;
        assert!(
            matches!(outcome, Err(ApiError::RequestTimeout(_))),
            "{outcome:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn the_limit_counts_every_body_of_the_request() {
        let clock = UploadClock::new(Duration::from_secs(10));
        let outcome = clock
            .run(async {
                receiving(tokio::time::sleep(Duration::from_secs(6)))
                    .await
                    .unwrap();
                receiving(tokio::time::sleep(Duration::from_secs(6))).await
            })
            .await;
        assert!(
            matches!(outcome, Err(ApiError::RequestTimeout(_))),
            "{outcome:?}"
        );
    }
}
