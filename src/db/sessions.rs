//! The `web_sessions` table: who is signed in to the web interface, as a person or with a key.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use super::keys::ApiKeyRow;
use super::schema::{api_keys, users, web_sessions};
use super::users::UserRow;
use super::{Connection, DbError};
use crate::domain::{SessionPending, UserState};

/// Whose a session is.
#[derive(Debug, Clone)]
pub enum Holder {
    /// A person signed in as themselves.
    Person(UserRow),
    /// A key pasted into the sign-in page, with its owner if a person made it.
    Key {
        key: ApiKeyRow,
        owner: Option<UserRow>,
    },
}

/// A live session: its holder (a key never revoked, a person not disabled), its CSRF token, and
/// what it still waits for.
#[derive(Debug, Clone)]
pub struct Session {
    pub holder: Holder,
    pub csrf_token: String,
    pub pending: Option<SessionPending>,
}

/// One of a person's sessions, as their profile lists them.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = web_sessions, check_for_backend(diesel::pg::Pg))]
pub struct SessionRow {
    pub id_sha256: Vec<u8>,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub user_agent: Option<String>,
}

/// Who a new session is for.
#[derive(Debug, Clone, Copy)]
pub enum NewHolder {
    Person(Uuid),
    Key(Uuid),
}

/// Stores a new session, by the digest of its id (and sweeps expired ones).
pub async fn insert(
    connection: &mut Connection,
    id_sha256: &[u8],
    holder: NewHolder,
    csrf_token: &str,
    expires_at: DateTime<Utc>,
    user_agent: Option<&str>,
    pending: Option<SessionPending>,
) -> Result<(), DbError> {
    // Housekeeping on the database's clock: what it sweeps has long expired on any clock.
    diesel::delete(web_sessions::table.filter(web_sessions::expires_at.lt(diesel::dsl::now)))
        .execute(connection)
        .await?;
    let (api_key_id, user_id) = match holder {
        NewHolder::Person(user) => (None, Some(user)),
        NewHolder::Key(key) => (Some(key), None),
    };
    diesel::insert_into(web_sessions::table)
        .values((
            web_sessions::id_sha256.eq(id_sha256),
            web_sessions::api_key_id.eq(api_key_id),
            web_sessions::user_id.eq(user_id),
            web_sessions::csrf_token.eq(csrf_token),
            web_sessions::expires_at.eq(expires_at),
            web_sessions::user_agent.eq(user_agent),
            web_sessions::pending.eq(pending),
        ))
        .execute(connection)
        .await?;
    Ok(())
}

/// The session with this id digest, if it has not expired and its holder may still sign in: a
/// key not revoked (whose owner, if any, is active), or an active person. Notes its use at most
/// once a minute.
///
/// One statement: every page asks it first. A session is a person's or a key's, never both, so
/// one join to `users` finds the person or the key's owner.
pub async fn find_live(
    connection: &mut Connection,
    id_sha256: &[u8],
    now: DateTime<Utc>,
) -> Result<Option<Session>, DbError> {
    type Found = (
        Option<Uuid>,
        String,
        Option<SessionPending>,
        DateTime<Utc>,
        Option<ApiKeyRow>,
        Option<UserRow>,
    );
    let found: Option<Found> = web_sessions::table
        .left_join(api_keys::table.on(web_sessions::api_key_id.eq(api_keys::id.nullable())))
        .left_join(
            users::table.on(web_sessions::user_id
                .eq(users::id.nullable())
                .or(api_keys::owner_id.eq(users::id.nullable()))),
        )
        .filter(web_sessions::id_sha256.eq(id_sha256))
        .filter(web_sessions::expires_at.gt(now))
        .select((
            web_sessions::user_id,
            web_sessions::csrf_token,
            web_sessions::pending,
            web_sessions::last_seen_at,
            Option::<ApiKeyRow>::as_select(),
            Option::<UserRow>::as_select(),
        ))
        .first(connection)
        .await
        .optional()?;
    let Some((user_id, csrf_token, pending, last_seen_at, key, user)) = found else {
        return Ok(None);
    };
    let active = |user: &UserRow| user.state == UserState::Active;
    let holder = match (user_id, key, user) {
        (Some(_), _, Some(user)) if active(&user) => Holder::Person(user),
        (None, Some(key), owner)
            if key.revoked_at.is_none() && owner.as_ref().is_none_or(active) =>
        {
            Holder::Key { key, owner }
        }
        _ => return Ok(None),
    };
    if now - last_seen_at >= chrono::TimeDelta::minutes(1) {
        diesel::update(web_sessions::table.find(id_sha256))
            .set(web_sessions::last_seen_at.eq(now))
            .execute(connection)
            .await?;
    }
    Ok(Some(Session {
        holder,
        csrf_token,
        pending,
    }))
}

/// Clears what a session waited for (the second factor was given, or set up).
pub async fn complete(connection: &mut Connection, id_sha256: &[u8]) -> Result<(), DbError> {
    diesel::update(web_sessions::table.find(id_sha256))
        .set(web_sessions::pending.eq(None::<SessionPending>))
        .execute(connection)
        .await?;
    Ok(())
}

/// A person's live sessions, newest first.
pub async fn of_person(
    connection: &mut Connection,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Vec<SessionRow>, DbError> {
    Ok(web_sessions::table
        .filter(web_sessions::user_id.eq(user_id))
        .filter(web_sessions::expires_at.gt(now))
        .filter(web_sessions::pending.is_null())
        .order(web_sessions::created_at.desc())
        .select(SessionRow::as_select())
        .load(connection)
        .await?)
}

/// Ends a session.
pub async fn delete(connection: &mut Connection, id_sha256: &[u8]) -> Result<(), DbError> {
    diesel::delete(web_sessions::table.find(id_sha256))
        .execute(connection)
        .await?;
    Ok(())
}

/// Ends one of a person's sessions (only theirs); whether there was one.
pub async fn delete_of_person(
    connection: &mut Connection,
    user_id: Uuid,
    id_sha256: &[u8],
) -> Result<bool, DbError> {
    let ended = diesel::delete(
        web_sessions::table
            .find(id_sha256)
            .filter(web_sessions::user_id.eq(user_id)),
    )
    .execute(connection)
    .await?;
    Ok(ended == 1)
}
