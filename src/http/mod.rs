//! The HTTP machinery both edges share, the JSON API and the pages alike: who the client is,
//! how long a request may take, how its body is read, what it may cost, and how it is counted.
//!
//! - [`request_id`]: every request's id, in its answer, its problem body and its log lines;
//! - [`access_log`]: one line per request, by its route's pattern, so that no secret in a path
//!   or query is written down;
//! - [`client_address`]: which client a request is from, behind trusted proxies;
//! - [`rate_limit`]: the limits per key, per client and on failed key checks;
//! - [`metrics`]: Prometheus counters of requests, latency, the pool and database errors;
//! - [`deadline`]: `REQUEST_TIMEOUT_MS` around every request, but for the time its body takes to
//!   arrive, which [`upload`] bounds on its own (`UPLOAD_TIMEOUT_MS`);
//! - [`read_retry`]: a read run once more when PostgreSQL ends its connection under it;
//! - [`body`] and [`json`]: bounded body reading and JSON that names the field at fault;
//! - [`negotiation`]: which representation a client asked for, and the CSV and HTML answers;
//! - [`method_table`]: the 404 or 405 of a request no route took.
//!
//! Nothing here knows a resource or a page: the edges ([`crate::api`], [`crate::web`]) build on it.

pub mod access_log;
pub mod body;
pub mod client_address;
pub mod deadline;
pub mod error;
pub mod json;
pub mod method_table;
pub mod metrics;
pub mod negotiation;
pub mod origin;
pub mod paths;
pub mod rate_limit;
pub mod read_retry;
pub mod request_id;
pub mod security_headers;
pub mod upload;
pub mod word_documents;

use crate::config::Timeouts;
use crate::db::{self, DbPool, PooledConnection};
use crate::http::error::ApiError;

pub use paths::{API_PREFIX, DOCS_PATH, OPENAPI_PATH};

/// What every handler shares, of the API and of the pages.
#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub timeouts: Timeouts,
    /// How accounts behave (links' lifetimes, the second factor, sign-in locks).
    pub accounts: crate::config::AccountSettings,
    /// Sends invitations and resets, when `SMTP_URL` is set.
    pub mailer: Option<crate::mail::Mailer>,
    /// The time every decision reads (see [`crate::domain::Clock`]).
    pub clock: crate::domain::SharedClock,
}

impl AppState {
    /// A connection from the pool; 503 when the database cannot be reached. While a request is
    /// tried again after losing its connection, one checked to be alive.
    pub async fn connection(&self) -> Result<PooledConnection, ApiError> {
        Ok(db::Connections::connect(self).await?)
    }
}

impl db::Connections for AppState {
    async fn connect(&self) -> Result<PooledConnection, db::DbError> {
        if read_retry::is_retrying() {
            return db::live_connection(&self.pool).await;
        }
        db::connection(&self.pool).await
    }

    async fn connect_live(&self) -> Result<PooledConnection, db::DbError> {
        db::live_connection(&self.pool).await
    }

    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }
}
