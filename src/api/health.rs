//! Liveness and readiness probes, for load balancers and orchestrators.

use std::time::Duration;

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
use crate::usecases::health;

/// A load balancer must learn within 2 s that this instance cannot serve: the probe gives the
/// database a little less than that.
const READINESS_TIMEOUT: Duration = Duration::from_millis(1500);

#[derive(Serialize, ToSchema)]
pub struct Health {
    /// Always `ok`.
    pub status: &'static str,
}

/// The process is up and serving HTTP.
#[utoipa::path(tag = "health", responses((status = 200, description = "The process is up", body = Health)))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health { status: "ok" })
}

/// The process can reach its database.
#[utoipa::path(tag = "health", responses(
    (status = 200, description = "The database answers", body = Health),
    (status = 503, description = "The database cannot be reached", body = Problem, content_type = "application/problem+json"),
))]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    match tokio::time::timeout(READINESS_TIMEOUT, health::database_answers(state.get_ref())).await {
        Ok(answer) => answer?,
        Err(_) => {
            return Err(ApiError::Unavailable(format!(
                "no answer from the database within {} ms",
                READINESS_TIMEOUT.as_millis()
            )));
        }
    }
    Ok(HttpResponse::Ok().json(Health { status: "ok" }))
}
