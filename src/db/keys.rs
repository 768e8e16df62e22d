//! The `api_keys` table.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde::Serialize;
use uuid::Uuid;

use super::audit::{self, Actor, Change};
use super::schema::{api_keys, users};
use super::users::UserRow;
use super::{Connection, DbError};
use crate::domain::{AuditAction, NewApiKey, ResourceType, Role, UserState};

/// A key as stored, without its secret's hash (which never leaves this module).
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = api_keys, check_for_backend(diesel::pg::Pg))]
pub struct ApiKeyRow {
    pub id: Uuid,
    pub name: String,
    pub role: Role,
    pub organisation_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// The person who made it for their own scripts; `None` for a service's key (or one made
    /// before people had accounts).
    pub owner_id: Option<Uuid>,
}

impl ApiKeyRow {
    /// The caller this key makes of a request, given its owner (if any): a person's key acts as
    /// them, with the lesser of the key's role and theirs, so a person demoted keeps no more
    /// rights through an old key. `None` when the owner may no longer act (disabled, or never
    /// active).
    pub fn caller(self, owner: Option<&UserRow>) -> Option<crate::domain::Caller> {
        let Some(owner) = owner else {
            return Some(crate::domain::Caller {
                key_id: Some(self.id),
                user_id: None,
                name: self.name,
                role: self.role,
                organisation_id: self.organisation_id,
                idempotency_claim: None,
            });
        };
        if owner.state != UserState::Active {
            return None;
        }
        let role = self.role.at_most(owner.role);
        Some(crate::domain::Caller {
            key_id: Some(self.id),
            user_id: Some(owner.id),
            name: format!("{} (key “{}”)", owner.display_name, self.name),
            role,
            organisation_id: if role == Role::Editor {
                owner.organisation_id
            } else {
                self.organisation_id
            },
            idempotency_claim: None,
        })
    }
}

/// A key and the hash of its secret, for checking a presented key.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = api_keys, check_for_backend(diesel::pg::Pg))]
pub struct StoredKey {
    #[diesel(embed)]
    pub key: ApiKeyRow,
    pub secret_sha256: Vec<u8>,
}

/// Stores a new key (only the hash of its secret) and audits it.
pub async fn insert(
    connection: &mut Connection,
    actor: &Actor,
    key: &NewApiKey,
    name: &str,
    role: Role,
    organisation_id: Option<Uuid>,
    owner_id: Option<Uuid>,
) -> Result<ApiKeyRow, DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            let row = diesel::insert_into(api_keys::table)
                .values((
                    api_keys::id.eq(key.id),
                    api_keys::name.eq(name),
                    api_keys::role.eq(role),
                    api_keys::organisation_id.eq(organisation_id),
                    api_keys::secret_sha256.eq(&key.secret_sha256[..]),
                    api_keys::owner_id.eq(owner_id),
                ))
                .returning(ApiKeyRow::as_returning())
                .get_result(connection)
                .await?;
            let change = Change::created(ResourceType::ApiKey, row.id, &row);
            audit::record(connection, actor, AuditAction::Create, change).await?;
            Ok(row)
        })
        .await
}

/// The key with this id, with its hash and its owner, whether revoked or not: one indexed
/// look-up for every API request.
pub async fn find_stored(
    connection: &mut Connection,
    id: Uuid,
) -> Result<Option<(StoredKey, Option<UserRow>)>, DbError> {
    Ok(api_keys::table
        .left_join(users::table)
        .filter(api_keys::id.eq(id))
        .select((StoredKey::as_select(), Option::<UserRow>::as_select()))
        .first(connection)
        .await
        .optional()?)
}

/// The key with this id and its owner, whether revoked or not.
pub async fn find_with_owner(
    connection: &mut Connection,
    id: Uuid,
) -> Result<Option<(ApiKeyRow, Option<UserRow>)>, DbError> {
    Ok(api_keys::table
        .left_join(users::table)
        .filter(api_keys::id.eq(id))
        .select((ApiKeyRow::as_select(), Option::<UserRow>::as_select()))
        .first(connection)
        .await
        .optional()?)
}

/// The keys a person made, newest first.
pub async fn owned_by(connection: &mut Connection, owner: Uuid) -> Result<Vec<ApiKeyRow>, DbError> {
    Ok(api_keys::table
        .filter(api_keys::owner_id.eq(owner))
        .order(api_keys::id.desc())
        .select(ApiKeyRow::as_select())
        .load(connection)
        .await?)
}

/// How often a key's `last_used_at` is written at most.
pub const USE_STAMP_EVERY: chrono::TimeDelta = chrono::TimeDelta::minutes(1);

/// Notes that a key was used, at most once a minute per key (`USE_STAMP_EVERY`; the filter keeps
/// two racing requests from both writing) so reads stay reads.
pub async fn touch(
    connection: &mut Connection,
    id: Uuid,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), DbError> {
    diesel::update(
        api_keys::table.find(id).filter(
            api_keys::last_used_at
                .is_null()
                .or(api_keys::last_used_at.lt(now - USE_STAMP_EVERY)),
        ),
    )
    .set(api_keys::last_used_at.eq(now))
    .execute(connection)
    .await?;
    Ok(())
}

/// Whether any key exists at all (revoked ones included): an empty table means a fresh install.
pub async fn any(connection: &mut Connection) -> Result<bool, DbError> {
    Ok(
        diesel::select(diesel::dsl::exists(api_keys::table.select(api_keys::id)))
            .get_result(connection)
            .await?,
    )
}

/// Every key, in creation order: for the admin's pages, which list them all (there are tens, never
/// so many that a page could not), so nothing is cut off silently.
pub async fn all(connection: &mut Connection) -> Result<Vec<ApiKeyRow>, DbError> {
    Ok(api_keys::table
        .select(ApiKeyRow::as_select())
        .order(api_keys::id)
        .load(connection)
        .await?)
}

/// One page of keys in creation order.
pub async fn list(
    connection: &mut Connection,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<ApiKeyRow>, DbError> {
    let mut query = api_keys::table
        .select(ApiKeyRow::as_select())
        .order(api_keys::id)
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(api_keys::id.gt(after));
    }
    Ok(query.load(connection).await?)
}

/// What revoking a key did.
#[derive(Debug)]
pub enum Revocation {
    /// Revoked now, or already before.
    Revoked(ApiKeyRow),
    Missing,
    /// Refused: it is the last active admin key and no admin person is active, so no one could
    /// manage keys or report data any more.
    LastAdmin,
}

/// Revokes a key (idempotently) and audits it, unless it is the last active admin key.
pub async fn revoke(
    connection: &mut Connection,
    actor: &Actor,
    id: Uuid,
) -> Result<Revocation, DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            // The active admin keys are locked first, in id order, by every revocation: two
            // admins revoking each other's keys at once cannot both see the other key still
            // active (the second waits and reads again), nor deadlock.
            let active_admins: Vec<Uuid> = api_keys::table
                .filter(api_keys::role.eq(Role::Admin))
                .filter(api_keys::revoked_at.is_null())
                .order(api_keys::id)
                .select(api_keys::id)
                .for_update()
                .load(connection)
                .await?;
            let Some(before) = api_keys::table
                .find(id)
                .select(ApiKeyRow::as_select())
                .for_update()
                .first(connection)
                .await
                .optional()?
            else {
                return Ok(Revocation::Missing);
            };
            if before.revoked_at.is_some() {
                return Ok(Revocation::Revoked(before));
            }
            if active_admins == [id] && !super::users::any_active_admin(connection).await? {
                return Ok(Revocation::LastAdmin);
            }
            let after = diesel::update(api_keys::table.find(id))
                .set(api_keys::revoked_at.eq(diesel::dsl::now))
                .returning(ApiKeyRow::as_returning())
                .get_result(connection)
                .await?;
            let change = Change::updated(ResourceType::ApiKey, id, &before, &after);
            audit::record(connection, actor, AuditAction::Revoke, change).await?;
            Ok(Revocation::Revoked(after))
        })
        .await
}
