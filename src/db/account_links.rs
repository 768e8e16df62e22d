//! The `account_links` table: one-time links to an account (an invitation, a password reset, the
//! first admin's link), kept by the SHA-256 of their token.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde::Serialize;
use uuid::Uuid;

use super::audit::{self, Actor, Change};
use super::schema::users as user_table;
use super::schema::{account_links, web_sessions};
use super::users::{self, NewUser, UserRow};
use super::{Connection, DbError};
use crate::domain::{AccountLinkPurpose, AuditAction, ResourceType, Role, UserState};

/// A link as stored, without its token's digest.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = account_links, check_for_backend(diesel::pg::Pg))]
pub struct AccountLinkRow {
    pub id: Uuid,
    pub purpose: AccountLinkPurpose,
    pub user_id: Option<Uuid>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Where a link stands, as the page that opens it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Open,
    Used,
    Revoked,
    Expired,
}

impl AccountLinkRow {
    pub fn state(&self, now: DateTime<Utc>) -> LinkState {
        if self.used_at.is_some() {
            LinkState::Used
        } else if self.revoked_at.is_some() {
            LinkState::Revoked
        } else if self.expires_at <= now {
            LinkState::Expired
        } else {
            LinkState::Open
        }
    }
}

/// Stores a new link (earlier open links of the same purpose for the same account are revoked:
/// only the newest works) and audits it.
pub async fn insert(
    connection: &mut Connection,
    actor: &Actor,
    purpose: AccountLinkPurpose,
    user_id: Option<Uuid>,
    token_sha256: &[u8],
    expires_at: DateTime<Utc>,
) -> Result<AccountLinkRow, DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            let earlier = account_links::table
                .filter(account_links::purpose.eq(purpose))
                .filter(account_links::used_at.is_null())
                .filter(account_links::revoked_at.is_null());
            match user_id {
                Some(user) => {
                    diesel::update(earlier.filter(account_links::user_id.eq(user)))
                        .set(account_links::revoked_at.eq(diesel::dsl::now))
                        .execute(connection)
                        .await?
                }
                None => {
                    diesel::update(earlier.filter(account_links::user_id.is_null()))
                        .set(account_links::revoked_at.eq(diesel::dsl::now))
                        .execute(connection)
                        .await?
                }
            };
            let row = diesel::insert_into(account_links::table)
                .values((
                    account_links::id.eq(Uuid::now_v7()),
                    account_links::purpose.eq(purpose),
                    account_links::token_sha256.eq(token_sha256),
                    account_links::user_id.eq(user_id),
                    account_links::created_by.eq(&actor.key_name),
                    account_links::expires_at.eq(expires_at),
                ))
                .returning(AccountLinkRow::as_returning())
                .get_result(connection)
                .await?;
            let change = Change::created(ResourceType::AccountLink, row.id, &row);
            audit::record(connection, actor, AuditAction::Create, change).await?;
            Ok(row)
        })
        .await
}

/// Invites a person: their account (invited) and its link, and first, when `new_organisation`
/// names one, the organisation they join (instead of `user`'s), all in one transaction: a
/// refused address leaves no organisation behind.
pub async fn invite(
    connection: &mut Connection,
    actor: &Actor,
    user: &NewUser<'_>,
    new_organisation: Option<&str>,
    token_sha256: &[u8],
    expires_at: DateTime<Utc>,
) -> Result<super::Constrained<(UserRow, AccountLinkRow)>, DbError> {
    super::constrained(
        connection
            .transaction::<_, DbError, _>(async |connection| {
                let organisation_id = match new_organisation {
                    Some(name) => {
                        let no_iati = super::organisations::IatiFacts::default();
                        match super::organisations::insert(connection, actor, name, &no_iati)
                            .await?
                        {
                            super::Constrained::Done(row) => Some(row.id),
                            super::Constrained::Duplicate(constraint) => {
                                return Err(DbError::UniqueViolation(constraint));
                            }
                            super::Constrained::MissingReference(constraint) => {
                                return Err(DbError::ForeignKeyViolation(constraint));
                            }
                        }
                    }
                    None => user.organisation_id,
                };
                let user = NewUser {
                    organisation_id,
                    ..*user
                };
                let row = users::insert_row(connection, &user).await?;
                let change = Change::created(ResourceType::User, row.id, &row);
                audit::record(connection, actor, AuditAction::Create, change).await?;
                let link = insert(
                    connection,
                    actor,
                    AccountLinkPurpose::Invitation,
                    Some(row.id),
                    token_sha256,
                    expires_at,
                )
                .await?;
                Ok((row, link))
            })
            .await,
    )
}

/// The link with this token's digest, and its account (none for the first admin's link).
pub async fn find_by_token(
    connection: &mut Connection,
    token_sha256: &[u8],
) -> Result<Option<(AccountLinkRow, Option<UserRow>)>, DbError> {
    Ok(account_links::table
        .left_join(user_table::table)
        .filter(account_links::token_sha256.eq(token_sha256))
        .select((AccountLinkRow::as_select(), Option::<UserRow>::as_select()))
        .first(connection)
        .await
        .optional()?)
}

/// The link with this id.
pub async fn find(
    connection: &mut Connection,
    id: Uuid,
) -> Result<Option<AccountLinkRow>, DbError> {
    Ok(account_links::table
        .find(id)
        .select(AccountLinkRow::as_select())
        .first(connection)
        .await
        .optional()?)
}

/// The newest link of each account (invitations and resets), for the people page.
pub async fn newest_per_user(connection: &mut Connection) -> Result<Vec<AccountLinkRow>, DbError> {
    Ok(account_links::table
        .filter(account_links::user_id.is_not_null())
        .distinct_on(account_links::user_id)
        .order((account_links::user_id, account_links::created_at.desc()))
        .select(AccountLinkRow::as_select())
        .load(connection)
        .await?)
}

/// The newest link of one account, for its page.
pub async fn newest_of_user(
    connection: &mut Connection,
    user_id: Uuid,
) -> Result<Option<AccountLinkRow>, DbError> {
    Ok(account_links::table
        .filter(account_links::user_id.eq(user_id))
        .order(account_links::created_at.desc())
        .select(AccountLinkRow::as_select())
        .first(connection)
        .await
        .optional()?)
}

/// Revokes an open link, audited; `None` if there is no such link, `Some(false)` if it was no
/// longer open.
pub async fn revoke(
    connection: &mut Connection,
    actor: &Actor,
    id: Uuid,
) -> Result<Option<bool>, DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            let Some(before) = account_links::table
                .find(id)
                .select(AccountLinkRow::as_select())
                .for_update()
                .first(connection)
                .await
                .optional()?
            else {
                return Ok(None);
            };
            if before.used_at.is_some() || before.revoked_at.is_some() {
                return Ok(Some(false));
            }
            let after = diesel::update(account_links::table.find(id))
                .set(account_links::revoked_at.eq(diesel::dsl::now))
                .returning(AccountLinkRow::as_returning())
                .get_result(connection)
                .await?;
            let change = Change::updated(ResourceType::AccountLink, id, &before, &after);
            audit::record(connection, actor, AuditAction::Revoke, change).await?;
            Ok(Some(true))
        })
        .await
}

/// What opening a link does with the password chosen there.
#[derive(Debug)]
pub enum Redeem<'a> {
    /// An invitation or a reset: the account's password (an invited account becomes active).
    SetPassword { password_hash: &'a str },
    /// The first admin's link: a new active admin account.
    CreateAdmin {
        email: &'a str,
        display_name: &'a str,
        password_hash: &'a str,
    },
}

/// What redeeming a link did.
#[derive(Debug)]
pub enum Redemption {
    Done(UserRow),
    /// No link has this token.
    Unknown,
    /// Used, revoked or expired; or, for an invitation, its account was disabled since.
    Closed(LinkState),
    /// The first admin's address is another account's.
    EmailTaken,
}

/// Spends a link: checks it is still open (locked, so two tabs cannot both use it), applies
/// `redeem`, marks it used, ends the account's other sessions (a reset), and audits, all in one
/// transaction. Whether it is open is judged at `now`.
pub async fn redeem(
    connection: &mut Connection,
    token_sha256: &[u8],
    redeem: &Redeem<'_>,
    now: DateTime<Utc>,
) -> Result<Redemption, DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            let Some(link) = account_links::table
                .filter(account_links::token_sha256.eq(token_sha256))
                .select(AccountLinkRow::as_select())
                .for_update()
                .first(connection)
                .await
                .optional()?
            else {
                return Ok(Redemption::Unknown);
            };
            let state = link.state(now);
            if state != LinkState::Open {
                return Ok(Redemption::Closed(state));
            }
            let user = match (redeem, link.user_id) {
                (Redeem::SetPassword { password_hash }, Some(user_id)) => {
                    let Some(user) = users::find(connection, user_id).await? else {
                        return Ok(Redemption::Unknown);
                    };
                    if user.state == UserState::Disabled {
                        return Ok(Redemption::Closed(LinkState::Revoked));
                    }
                    users::store_password(connection, user_id, password_hash).await?;
                    diesel::delete(web_sessions::table.filter(web_sessions::user_id.eq(user_id)))
                        .execute(connection)
                        .await?;
                    let user = diesel::update(user_table::table.find(user_id))
                        .set(user_table::state.eq(UserState::Active))
                        .returning(UserRow::as_returning())
                        .get_result(connection)
                        .await?;
                    let actor = person(&user);
                    users::audit_password_change(connection, &actor, user_id).await?;
                    user
                }
                (
                    Redeem::CreateAdmin {
                        email,
                        display_name,
                        password_hash,
                    },
                    None,
                ) => {
                    let new = NewUser {
                        email,
                        display_name,
                        role: Role::Admin,
                        organisation_id: None,
                        state: UserState::Active,
                        password_hash: Some(password_hash),
                    };
                    // Asked first: a refused insert would abort the transaction.
                    if users::credentials_by_email(connection, email)
                        .await?
                        .is_some()
                    {
                        return Ok(Redemption::EmailTaken);
                    }
                    let user = users::insert_row(connection, &new).await?;
                    let change = Change::created(ResourceType::User, user.id, &user);
                    audit::record(connection, &person(&user), AuditAction::Create, change).await?;
                    user
                }
                _ => return Ok(Redemption::Unknown),
            };
            diesel::update(account_links::table.find(link.id))
                .set(account_links::used_at.eq(diesel::dsl::now))
                .execute(connection)
                .await?;
            Ok(Redemption::Done(user))
        })
        .await
}

/// The person themselves, as the actor of what they do through their link.
fn person(user: &UserRow) -> Actor {
    Actor {
        key_id: None,
        user_id: Some(user.id),
        key_name: user.display_name.clone(),
        idempotency_claim: None,
    }
}
