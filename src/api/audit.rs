//! `GET /audit` (admins) and `GET /interventions/{id}/history` (anyone who can read).

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::auth::Caller;
use super::pagination::{Page, PageRequest};
use crate::domain::{AuditAction, ResourceType};
use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
use crate::usecases::audit::{self, AuditFilter, AuditRow};

/// One recorded change.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEventDto {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    /// The key that made the change; `null` for a person signed in to the pages and for the
    /// command line.
    pub key_id: Option<Uuid>,
    /// The person who made the change (signed in to the pages, or through a key they own);
    /// `null` for a service's key and the command line.
    pub user_id: Option<Uuid>,
    /// Who made the change, by name when it was made: the person (with their key's name when
    /// they used one), the key, or `command line: <command>`.
    pub key_name: String,
    pub action: AuditAction,
    /// `report`, `tier`, `recommendation`, `organisation`, `intervention`, `link`, `api_key`,
    /// `user`, `account_link`, ...
    pub resource_type: ResourceType,
    /// The resource's id; a tier is `<country>/<year>`, a link `<intervention>/<recommendation>`.
    pub resource_id: String,
    /// The changed fields before the change; `null` for a creation.
    #[schema(value_type = Option<Object>)]
    pub before: Option<Value>,
    /// The changed fields after the change; `null` for a deletion.
    #[schema(value_type = Option<Object>)]
    pub after: Option<Value>,
}

impl From<AuditRow> for AuditEventDto {
    fn from(row: AuditRow) -> Self {
        Self {
            id: row.id,
            occurred_at: row.occurred_at,
            key_id: row.key_id,
            user_id: row.user_id,
            key_name: row.key_name,
            action: row.action,
            resource_type: row.resource_type,
            resource_id: row.resource_id,
            before: row.before,
            after: row.after,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only changes to this kind of resource.
    pub resource_type: Option<ResourceType>,
    /// Only changes to the resource with this id.
    pub resource_id: Option<String>,
    /// Only changes made with this key.
    pub key: Option<Uuid>,
    /// Only changes made by this person.
    pub user: Option<Uuid>,
    /// Only changes at or after this time (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Only changes before this time (RFC 3339).
    pub to: Option<DateTime<Utc>>,
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// An event id: the `next_cursor` of the previous page.
    #[param(pattern = "^-?[0-9]{1,18}$")]
    pub cursor: Option<String>,
}

/// The audit trail, newest first.
#[utoipa::path(tag = "audit", params(AuditQuery), responses(
    (status = 200, body = Page<AuditEventDto>),
    (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid limit", body = Problem, content_type = "application/problem+json"),
    (status = 403, description = "Only an admin's key may read the audit trail", body = Problem, content_type = "application/problem+json"),
))]
#[get("/audit")]
pub async fn list_audit_events(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = PageRequest::<i64>::new(query.limit, query.cursor.as_deref())?;
    let query = query.into_inner();
    let filter = AuditFilter {
        resource_type: query.resource_type,
        resource_id: query.resource_id,
        key_id: query.key,
        user_id: query.user,
        from: query.from,
        to: query.to,
    };
    let rows = audit::events(state.get_ref(), &caller, &filter, page.after, page.fetch()).await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |row| row.id, AuditEventDto::from)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct HistoryQuery {
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// An event id: the `next_cursor` of the previous page.
    #[param(pattern = "^-?[0-9]{1,18}$")]
    pub cursor: Option<String>,
}

/// The history of an intervention and its links, oldest first, a page at a time; kept after the
/// intervention is deleted.
#[utoipa::path(tag = "interventions", params(("id" = Uuid, Path), HistoryQuery), responses(
    (status = 200, body = Page<AuditEventDto>),
    (status = 400, description = "Malformed id or cursor", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such intervention, now or before", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid limit", body = Problem, content_type = "application/problem+json"),
))]
#[get("/interventions/{id}/history")]
pub async fn get_intervention_history(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<HistoryQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let page = PageRequest::<i64>::new(query.limit, query.cursor.as_deref())?;
    let rows = audit::intervention_history(state.get_ref(), id, page.after, page.fetch()).await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |row| row.id, AuditEventDto::from)))
}
