//! The `web_sessions` table: who is signed in to the web interface.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use super::keys::ApiKeyRow;
use super::schema::{api_keys, web_sessions};
use super::{Connection, DbError};

/// A live session: its key (never revoked) and its CSRF token.
#[derive(Debug, Clone)]
pub struct Session {
    pub key: ApiKeyRow,
    pub csrf_token: String,
}

/// Stores a new session of key `api_key_id`, by the digest of its id.
pub async fn insert(
    connection: &mut Connection,
    id_sha256: &[u8],
    api_key_id: Uuid,
    csrf_token: &str,
    expires_at: DateTime<Utc>,
) -> Result<(), DbError> {
    diesel::delete(web_sessions::table.filter(web_sessions::expires_at.lt(Utc::now())))
        .execute(connection)
        .await?;
    diesel::insert_into(web_sessions::table)
        .values((
            web_sessions::id_sha256.eq(id_sha256),
            web_sessions::api_key_id.eq(api_key_id),
            web_sessions::csrf_token.eq(csrf_token),
            web_sessions::expires_at.eq(expires_at),
        ))
        .execute(connection)
        .await?;
    Ok(())
}

/// The session with this id digest, if it has not expired and its key is not revoked.
pub async fn find_live(
    connection: &mut Connection,
    id_sha256: &[u8],
) -> Result<Option<Session>, DbError> {
    let found: Option<(ApiKeyRow, String)> = web_sessions::table
        .inner_join(api_keys::table)
        .filter(web_sessions::id_sha256.eq(id_sha256))
        .filter(web_sessions::expires_at.gt(Utc::now()))
        .filter(api_keys::revoked_at.is_null())
        .select((ApiKeyRow::as_select(), web_sessions::csrf_token))
        .first(connection)
        .await
        .optional()?;
    Ok(found.map(|(key, csrf_token)| Session { key, csrf_token }))
}

/// Ends a session.
pub async fn delete(connection: &mut Connection, id_sha256: &[u8]) -> Result<(), DbError> {
    diesel::delete(web_sessions::table.find(id_sha256))
        .execute(connection)
        .await?;
    Ok(())
}
