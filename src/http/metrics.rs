//! `GET /metrics`: what an operator's Prometheus scrapes. Requests by route and status, their
//! latency, the database pool's size and waiters, and the errors that come from the database, in
//! the Prometheus text format written by the `prometheus` crate.
//!
//! The endpoint is open, like `/healthz`: it tells route templates and counts, never data or
//! keys. Expose it to the monitoring network only.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse, web};
use prometheus::{
    Encoder, Gauge, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, Opts,
    Registry, TextEncoder,
};

use super::error::{ApiError, DatabaseFault};
use crate::http::AppState;

/// Where the metrics are served.
pub const PATH: &str = "/metrics";

/// The metrics of one server, shared by its workers.
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    database_errors: IntCounterVec,
    reads_retried: IntCounter,
    pool_max: IntGauge,
    pool_size: IntGauge,
    pool_available: IntGauge,
    pool_waiting: IntGauge,
    backup_age: Gauge,
    backup_bytes: IntGauge,
}

impl Metrics {
    pub fn new() -> Self {
        let registry =
            Registry::new_custom(Some("gaptrack".into()), None).expect("a valid metric prefix");
        let requests = IntCounterVec::new(
            Opts::new(
                "http_requests_total",
                "HTTP requests answered, by route and status",
            ),
            &["method", "route", "status"],
        )
        .expect("a valid metric");
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "http_request_duration_seconds",
                "How long requests took to answer, by route",
            ),
            &["method", "route"],
        )
        .expect("a valid metric");
        let database_errors = IntCounterVec::new(
            Opts::new(
                "database_errors_total",
                "Requests that failed on the database: `unavailable` (unreachable, timed out, \
                 connection lost: answered 503) or `internal` (answered 500)",
            ),
            &["kind"],
        )
        .expect("a valid metric");
        let reads_retried = IntCounter::new(
            "database_reads_retried_total",
            "Reads tried once more on a fresh connection after theirs broke under them",
        )
        .expect("a valid metric");
        let gauge = |name: &str, help: &str| IntGauge::new(name, help).expect("a valid metric");
        let metrics = Self {
            pool_max: gauge("db_pool_max_connections", "The pool's most connections"),
            pool_size: gauge("db_pool_connections", "Connections the pool holds now"),
            pool_available: gauge("db_pool_idle_connections", "Connections free to borrow"),
            pool_waiting: gauge(
                "db_pool_waiters",
                "Requests waiting for a connection of the pool",
            ),
            backup_age: Gauge::new(
                "backup_age_seconds",
                "Seconds since the last backup gaptrack recorded (daily, before a migration, or by \
                 `gaptrack backup`); +Inf when there has been none",
            )
            .expect("a valid metric"),
            backup_bytes: gauge("backup_size_bytes", "The size of the last backup's archive"),
            registry,
            requests,
            latency,
            database_errors,
            reads_retried,
        };
        let collectors: [Box<dyn prometheus::core::Collector>; 10] = [
            Box::new(metrics.backup_age.clone()),
            Box::new(metrics.backup_bytes.clone()),
            Box::new(metrics.requests.clone()),
            Box::new(metrics.latency.clone()),
            Box::new(metrics.database_errors.clone()),
            Box::new(metrics.reads_retried.clone()),
            Box::new(metrics.pool_max.clone()),
            Box::new(metrics.pool_size.clone()),
            Box::new(metrics.pool_available.clone()),
            Box::new(metrics.pool_waiting.clone()),
        ];
        for collector in collectors {
            metrics
                .registry
                .register(collector)
                .expect("each metric is registered once");
        }
        metrics
    }

    /// Counts a read that `http::read_retry` ran again.
    pub fn observe_read_retry(&self) {
        self.reads_retried.inc();
    }

    fn observe(&self, method: &str, route: &str, status: StatusCode, seconds: f64) {
        self.requests
            .with_label_values(&[method, route, status.as_str()])
            .inc();
        self.latency
            .with_label_values(&[method, route])
            .observe(seconds);
    }

    fn observe_error(&self, error: &Error) {
        if let Some(fault) = error.as_error::<ApiError>().and_then(DatabaseFault::of) {
            self.observe_fault(fault);
        }
    }

    fn observe_fault(&self, fault: DatabaseFault) {
        self.database_errors.with_label_values(&[fault.0]).inc();
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

/// Middleware: counts and times every request, by its route template (`/api/v1/interventions/{id}`,
/// never the id itself, so the number of series stays bounded).
pub async fn record(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let metrics = request.app_data::<web::Data<Metrics>>().cloned();
    let Some(metrics) = metrics else {
        return next.call(request).await;
    };
    let method = request.method().as_str().to_owned();
    let route = request
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_owned());
    let started = Instant::now();
    let outcome = next.call(request).await;
    let seconds = started.elapsed().as_secs_f64();
    match &outcome {
        Ok(response) => {
            metrics.observe(&method, &route, response.status(), seconds);
            let fault = response
                .response()
                .extensions()
                .get::<DatabaseFault>()
                .copied();
            if let Some(fault) = fault {
                metrics.observe_fault(fault);
            }
        }
        Err(error) => {
            metrics.observe(
                &method,
                &route,
                error.as_response_error().status_code(),
                seconds,
            );
            metrics.observe_error(error);
        }
    }
    outcome
}

/// Sets the backup gauges from the record of backups; when the database cannot say, they keep
/// their last values (the database's own errors are counted apart).
async fn observe_last_backup(metrics: &Metrics, state: &AppState) {
    let last = match crate::db::connection(&state.pool).await {
        Ok(mut connection) => crate::db::backups::latest(&mut connection, 1).await,
        Err(error) => Err(error),
    };
    match last {
        Ok(last) => {
            let last = last.first();
            let age = last.map_or(f64::INFINITY, |backup| {
                (state.clock.now() - backup.taken_at).num_milliseconds() as f64 / 1000.0
            });
            metrics.backup_age.set(age);
            metrics
                .backup_bytes
                .set(last.map_or(0, |backup| backup.bytes));
        }
        Err(error) => log::warn!("the last backup could not be read for /metrics: {error}"),
    }
}

/// `GET /metrics`.
pub async fn get_metrics(
    metrics: web::Data<Metrics>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let status = state.pool.status();
    metrics.pool_max.set(status.max_size as i64);
    metrics.pool_size.set(status.size as i64);
    metrics.pool_available.set(status.available as i64);
    metrics.pool_waiting.set(status.waiting as i64);
    observe_last_backup(&metrics, &state).await;
    let encoder = TextEncoder::new();
    let mut text = Vec::new();
    encoder
        .encode(&metrics.registry.gather(), &mut text)
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type(encoder.format_type())
        .body(text))
}
