//! `/keys`: API key management, for admins. Secrets are shown once, when a key is created.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::auth::Caller;
use super::pagination::{Page, PageRequest};
use crate::http::AppState;
use crate::http::json::JsonBody;
use crate::usecases;
use crate::usecases::keys::ApiKeyRow;

use crate::domain::Role;
use crate::http::error::{ApiError, Problem};
pub use crate::usecases::keys::{CreateApiKey, create_key, create_key_for};

/// An API key, without its secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKeyDto {
    pub id: Uuid,
    #[schema(example = "grant writing team")]
    pub name: String,
    pub role: Role,
    /// The organisation whose interventions an editor key may change.
    pub organisation_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    /// Set once the key is revoked; a revoked key is refused.
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<ApiKeyRow> for ApiKeyDto {
    fn from(row: ApiKeyRow) -> Self {
        Self {
            id: row.id,
            name: row.name,
            role: row.role,
            organisation_id: row.organisation_id,
            created_at: row.created_at,
            last_used_at: row.last_used_at,
            revoked_at: row.revoked_at,
        }
    }
}

/// A new key, with its secret: the only time the secret is shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub key: ApiKeyDto,
    /// Send it as `Authorization: Bearer <secret>`. It cannot be shown again: store it now.
    pub secret: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct KeyListQuery {
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// A key id: the `next_cursor` of the previous page.
    #[param(
        pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    )]
    pub cursor: Option<String>,
}

/// Lists keys, oldest first, without their secrets.
#[utoipa::path(tag = "keys", params(KeyListQuery), responses(
    (status = 200, body = Page<ApiKeyDto>),
    (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid limit", body = Problem, content_type = "application/problem+json"),
    (status = 403, description = "Only an admin's key may read keys", body = Problem, content_type = "application/problem+json"),
))]
#[get("/keys")]
pub async fn list_keys(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<KeyListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = PageRequest::<Uuid>::new(query.limit, query.cursor.as_deref())?;
    let rows = usecases::keys::page(state.get_ref(), &caller, page.after, page.fetch()).await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |row| row.id, ApiKeyDto::from)))
}

/// Creates a key and shows its secret, once.
#[utoipa::path(tag = "keys", request_body = CreateApiKey, responses(
    (status = 201, body = CreatedApiKey),
    (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields or unknown organisation", body = Problem, content_type = "application/problem+json"),
))]
#[post("/keys")]
pub async fn create_api_key(
    caller: Caller,
    state: web::Data<AppState>,
    body: JsonBody<CreateApiKey>,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let mut connection = state.connection().await?;
    let (row, secret) = create_key_for(&mut connection, &caller, &body.0).await?;
    Ok(HttpResponse::Created().json(CreatedApiKey {
        key: row.into(),
        secret,
    }))
}

/// Revokes a key (an admin any key, a person their own): it is refused from now on. Revoking a
/// revoked key changes nothing; the last active admin key cannot be revoked (409).
#[utoipa::path(tag = "keys", params(("id" = Uuid, Path)), responses(
    (status = 200, body = ApiKeyDto),
    (status = 400, description = "Malformed id", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such key", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "The last active admin key", body = Problem, content_type = "application/problem+json"),
))]
#[post("/keys/{id}/revoke")]
pub async fn revoke_api_key(
    caller: Caller,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut connection = state.connection().await?;
    let row = usecases::keys::revoke_key(&mut connection, &caller, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(ApiKeyDto::from(row)))
}
