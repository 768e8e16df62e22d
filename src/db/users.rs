//! The `users` table: people's accounts (their second factors are in `second_factors`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde::Serialize;
use uuid::Uuid;

use super::audit::{self, Actor, Change};
use super::schema::{api_keys, users, web_sessions};
use super::{Connection, Constrained, DbError, constrained, lower};
use crate::domain::{AuditAction, Language, ResourceType, Role, UserState};

/// A person's account, without its secrets (which stay in this module but for [`Credentials`]).
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = users, check_for_backend(diesel::pg::Pg))]
pub struct UserRow {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub organisation_id: Option<Uuid>,
    /// The language the person chose for the pages; `None` follows their browser.
    pub preferred_language: Option<Language>,
    pub state: UserState,
    /// When the second factor was confirmed; `None` while the person has none.
    pub totp_confirmed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Whether the person gets reminders before the TIP Office's deadlines (editors do).
    pub reminders_wanted: bool,
    /// Whether the person asked for what each new edition changed, by e-mail.
    pub digest_wanted: bool,
}

impl UserRow {
    /// The caller this person makes of a request in the pages.
    pub fn caller(&self) -> crate::domain::Caller {
        crate::domain::Caller {
            key_id: None,
            user_id: Some(self.id),
            name: self.display_name.clone(),
            role: self.role,
            organisation_id: self.organisation_id,
            idempotency_claim: None,
        }
    }

    /// Whether a second factor guards the account.
    pub fn has_second_factor(&self) -> bool {
        self.totp_confirmed_at.is_some()
    }
}

/// An account with what signing in checks.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users, check_for_backend(diesel::pg::Pg))]
pub struct Credentials {
    #[diesel(embed)]
    pub user: UserRow,
    pub password_hash: Option<String>,
    pub totp_secret: Option<Vec<u8>>,
    pub totp_last_step: Option<i64>,
}

/// A new account.
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub organisation_id: Option<Uuid>,
    pub state: UserState,
    pub password_hash: Option<&'a str>,
}

/// What an admin (or the person) changes; each field given is set.
#[derive(Debug, Default, Clone, AsChangeset)]
#[diesel(table_name = users)]
pub struct UserChanges {
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub organisation_id: Option<Option<Uuid>>,
    /// `Some(None)`: no choice, the pages follow the browser.
    pub preferred_language: Option<Option<Language>>,
    pub state: Option<UserState>,
}

/// The constraint a second account with the same address (any case) breaks.
pub const EMAIL_TAKEN: &str = "users_email_unique";

/// Inserts an account and audits it.
pub async fn insert(
    connection: &mut Connection,
    actor: &Actor,
    user: &NewUser<'_>,
) -> Result<Constrained<UserRow>, DbError> {
    constrained(
        connection
            .transaction::<_, DbError, _>(async |connection| {
                let row = insert_row(connection, user).await?;
                let change = Change::created(ResourceType::User, row.id, &row);
                audit::record(connection, actor, AuditAction::Create, change).await?;
                Ok(row)
            })
            .await,
    )
}

/// Inserts an account inside a transaction the caller holds (and audits).
pub(super) async fn insert_row(
    connection: &mut Connection,
    user: &NewUser<'_>,
) -> Result<UserRow, DbError> {
    Ok(diesel::insert_into(users::table)
        .values((
            users::id.eq(Uuid::now_v7()),
            users::email.eq(user.email),
            users::display_name.eq(user.display_name),
            users::role.eq(user.role),
            users::organisation_id.eq(user.organisation_id),
            users::state.eq(user.state),
            users::password_hash.eq(user.password_hash),
        ))
        .returning(UserRow::as_returning())
        .get_result(connection)
        .await?)
}

/// The account with this id.
pub async fn find(connection: &mut Connection, id: Uuid) -> Result<Option<UserRow>, DbError> {
    Ok(users::table
        .find(id)
        .select(UserRow::as_select())
        .first(connection)
        .await
        .optional()?)
}

/// The account with this address, whatever its case, with what signing in checks.
pub async fn credentials_by_email(
    connection: &mut Connection,
    email: &str,
) -> Result<Option<Credentials>, DbError> {
    Ok(users::table
        .filter(lower(users::email).eq(email.to_lowercase()))
        .select(Credentials::as_select())
        .first(connection)
        .await
        .optional()?)
}

/// The account with this id, with what signing in checks.
pub async fn credentials(
    connection: &mut Connection,
    id: Uuid,
) -> Result<Option<Credentials>, DbError> {
    Ok(users::table
        .find(id)
        .select(Credentials::as_select())
        .first(connection)
        .await
        .optional()?)
}

/// Every account, by name.
pub async fn list(connection: &mut Connection) -> Result<Vec<UserRow>, DbError> {
    Ok(users::table
        .select(UserRow::as_select())
        .order((users::display_name, users::id))
        .load(connection)
        .await?)
}

/// Whether any admin account is active: until one is, the first start's link stays useful.
pub async fn any_active_admin(connection: &mut Connection) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        users::table
            .filter(users::role.eq(Role::Admin))
            .filter(users::state.eq(UserState::Active)),
    ))
    .get_result(connection)
    .await?)
}

/// What changing an account did.
#[derive(Debug)]
pub enum Update {
    Done(UserRow),
    Missing,
    /// Refused: it would leave no active admin account while some exist.
    LastAdmin,
}

/// Changes an account and audits it. Disabling ends the person's sessions in the same
/// transaction (their keys stop by themselves: every key check reads its owner's state). The
/// active admins are locked first, so two admins demoting each other at once cannot leave none.
pub async fn update(
    connection: &mut Connection,
    actor: &Actor,
    id: Uuid,
    changes: &UserChanges,
) -> Result<Constrained<Update>, DbError> {
    constrained(
        connection
            .transaction::<_, DbError, _>(async |connection| {
                let admins: Vec<Uuid> = users::table
                    .filter(users::role.eq(Role::Admin))
                    .filter(users::state.eq(UserState::Active))
                    .order(users::id)
                    .select(users::id)
                    .for_update()
                    .load(connection)
                    .await?;
                let Some(before) = users::table
                    .find(id)
                    .select(UserRow::as_select())
                    .for_update()
                    .first(connection)
                    .await
                    .optional()?
                else {
                    return Ok(Update::Missing);
                };
                let stays_admin = changes.role.unwrap_or(before.role) == Role::Admin
                    && changes.state.unwrap_or(before.state) == UserState::Active;
                if admins == [id] && !stays_admin {
                    return Ok(Update::LastAdmin);
                }
                let after = diesel::update(users::table.find(id))
                    .set((changes, users::updated_at.eq(diesel::dsl::now)))
                    .returning(UserRow::as_returning())
                    .get_result(connection)
                    .await?;
                if after.state == UserState::Disabled {
                    diesel::delete(web_sessions::table.filter(web_sessions::user_id.eq(id)))
                        .execute(connection)
                        .await?;
                }
                let change = Change::updated(ResourceType::User, id, &before, &after);
                audit::record(connection, actor, AuditAction::Update, change).await?;
                Ok(Update::Done(after))
            })
            .await,
    )
}

/// Makes an invited person active without a password (they signed in through the identity
/// provider), and withdraws their open invitation links, in one transaction, audited.
pub async fn activate_invited(
    connection: &mut Connection,
    actor: &Actor,
    id: Uuid,
) -> Result<UserRow, DbError> {
    use super::schema::account_links;
    connection
        .transaction::<_, DbError, _>(async |connection| {
            let before = users::table
                .find(id)
                .select(UserRow::as_select())
                .for_update()
                .first(connection)
                .await?;
            let after = diesel::update(
                users::table
                    .find(id)
                    .filter(users::state.eq(UserState::Invited)),
            )
            .set((
                users::state.eq(UserState::Active),
                users::updated_at.eq(diesel::dsl::now),
            ))
            .returning(UserRow::as_returning())
            .get_result(connection)
            .await
            .optional()?;
            let Some(after) = after else {
                return Ok(before);
            };
            diesel::update(
                account_links::table
                    .filter(account_links::user_id.eq(id))
                    .filter(account_links::used_at.is_null())
                    .filter(account_links::revoked_at.is_null()),
            )
            .set(account_links::revoked_at.eq(diesel::dsl::now))
            .execute(connection)
            .await?;
            let change = Change::updated(ResourceType::User, id, &before, &after);
            audit::record(connection, actor, AuditAction::Update, change).await?;
            Ok(after)
        })
        .await
}

/// Sets a person's password and ends their sessions but `keep_session` (the one they changed it
/// from, if any), in one transaction.
pub async fn set_password(
    connection: &mut Connection,
    actor: &Actor,
    id: Uuid,
    password_hash: &str,
    keep_session: Option<&[u8]>,
) -> Result<(), DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            store_password(connection, id, password_hash).await?;
            let sessions = web_sessions::table.filter(web_sessions::user_id.eq(id));
            match keep_session {
                Some(keep) => {
                    diesel::delete(sessions.filter(web_sessions::id_sha256.ne(keep)))
                        .execute(connection)
                        .await?
                }
                None => diesel::delete(sessions).execute(connection).await?,
            };
            audit_password_change(connection, actor, id).await
        })
        .await
}

pub(super) async fn store_password(
    connection: &mut Connection,
    id: Uuid,
    password_hash: &str,
) -> Result<(), DbError> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(password_hash),
            users::updated_at.eq(diesel::dsl::now),
        ))
        .execute(connection)
        .await?;
    Ok(())
}

/// Records that a password changed, never what it is.
pub(super) async fn audit_password_change(
    connection: &mut Connection,
    actor: &Actor,
    id: Uuid,
) -> Result<(), DbError> {
    let change = Change {
        resource_type: ResourceType::User,
        resource_id: id.to_string(),
        before: None,
        after: Some(serde_json::json!({ "password": "changed" })),
    };
    audit::record(connection, actor, AuditAction::Update, change).await
}

/// How many keys a person owns that are still active.
pub async fn active_key_count(connection: &mut Connection, id: Uuid) -> Result<i64, DbError> {
    Ok(api_keys::table
        .filter(api_keys::owner_id.eq(id))
        .filter(api_keys::revoked_at.is_null())
        .count()
        .get_result(connection)
        .await?)
}
