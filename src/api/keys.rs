//! `/keys`: API key management, for admins. Secrets are shown once, when a key is created.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::AppState;
use super::auth::Caller;
use super::json::JsonBody;
use super::pagination::{Page, PageRequest};
use super::validation::Validator;
use crate::db::audit::Actor;
use crate::db::keys::{self, ApiKeyRow, Revocation};
use crate::db::{Connection, organisations};
use crate::domain::{NewApiKey, Role};
use crate::error::{ApiError, FieldError, Problem};

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

/// A key to create.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Programme team", "role": "editor", "organisation_id": "0192f5c8-6c1e-7a3b-9d2f-4e5a6b7c8d9e"}))]
pub struct CreateApiKey {
    #[schema(min_length = 1, pattern = "^[^\\u0000]*\\S[^\\u0000]*$")]
    pub name: String,
    pub role: Role,
    /// Required for editor keys: the organisation whose work they may change.
    pub organisation_id: Option<Uuid>,
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

/// Why a key could not be created.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// The fields at fault, each with what is wrong.
    #[error("{}", .0.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Db(#[from] crate::db::DbError),
}

/// Creates a key for `actor` after checking its fields; shared by the API and the command line.
pub async fn create_key(
    connection: &mut Connection,
    actor: &Actor,
    request: &CreateApiKey,
) -> Result<(ApiKeyRow, String), KeyError> {
    let mut check = Validator::default();
    let name = check.required_text("name", &request.name);
    if request.role == Role::Editor && request.organisation_id.is_none() {
        check.error(
            "organisation_id",
            "an editor key must name the organisation whose work it may change",
        );
    }
    if let Err(ApiError::Validation { errors, .. }) = check.finish() {
        return Err(KeyError::Invalid(errors));
    }
    if let Some(organisation) = request.organisation_id
        && !organisations::exists(connection, organisation).await?
    {
        return Err(KeyError::Invalid(vec![FieldError::new(
            "organisation_id",
            format!("there is no organisation {organisation}"),
        )]));
    }
    let key = NewApiKey::generate();
    let row = keys::insert(
        connection,
        actor,
        &key,
        &name,
        request.role,
        request.organisation_id,
    )
    .await?;
    Ok((row, key.token))
}

impl From<KeyError> for ApiError {
    fn from(error: KeyError) -> Self {
        match error {
            KeyError::Invalid(errors) => ApiError::validation(errors),
            KeyError::Db(error) => error.into(),
        }
    }
}

/// Lists keys, oldest first, without their secrets.
#[utoipa::path(tag = "keys", params(KeyListQuery), responses(
    (status = 200, body = Page<ApiKeyDto>),
    (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid limit", body = Problem, content_type = "application/problem+json"),
))]
#[get("/keys")]
pub async fn list_keys(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<KeyListQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let page = PageRequest::<Uuid>::new(query.limit, query.cursor.as_deref())?;
    let mut connection = state.connection().await?;
    let rows = keys::list(&mut connection, page.after, page.fetch()).await?;
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
    let (row, secret) = create_key(&mut connection, &caller.actor(), &body.0).await?;
    Ok(HttpResponse::Created().json(CreatedApiKey {
        key: row.into(),
        secret,
    }))
}

/// Why the last admin key stays: without it no one could manage keys or report data.
pub const LAST_ADMIN: &str = "this is the last active admin key: create another admin key \
     first, or no one could manage keys and report data any more";

/// Revokes a key: it is refused from now on. Revoking a revoked key changes nothing; the last
/// active admin key cannot be revoked (409).
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
    caller.require_admin()?;
    let id = id.into_inner();
    let mut connection = state.connection().await?;
    match keys::revoke(&mut connection, &caller.actor(), id).await? {
        Revocation::Revoked(row) => Ok(HttpResponse::Ok().json(ApiKeyDto::from(row))),
        Revocation::Missing => Err(ApiError::NotFound(format!("there is no key {id}"))),
        Revocation::LastAdmin => Err(ApiError::Conflict(LAST_ADMIN.into())),
    }
}
