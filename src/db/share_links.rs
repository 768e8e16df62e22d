//! The `share_links` table: read-only links to a country's report, stored by their token's
//! digest.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde::Serialize;
use uuid::Uuid;

use super::audit::{self, Actor, Change};
use super::schema::share_links;
use super::{Connection, Constrained, DbError, constrained};
use crate::domain::{AuditAction, ResourceType};

/// A share link, without its token (which is never stored).
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = share_links, check_for_backend(diesel::pg::Pg))]
pub struct ShareLinkRow {
    pub id: Uuid,
    #[serde(skip)]
    pub token_sha256: Vec<u8>,
    pub country_code: String,
    pub year: i32,
    pub organisation_id: Option<Uuid>,
    /// The key that made it, if a key did (a script, or a session signed in with a key).
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// The person who made it, if a person did (signed in, or with their own key).
    pub created_by_user: Option<Uuid>,
}

/// What a new link opens.
#[derive(Debug, Clone)]
pub struct NewShareLink {
    pub id: Uuid,
    pub token_sha256: Vec<u8>,
    pub country_code: String,
    pub year: i32,
    pub organisation_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    pub created_by_user: Option<Uuid>,
    pub expires_at: DateTime<Utc>,
}

/// Stores a link and audits it; a report year or organisation that is not there is
/// `Constrained::MissingReference`.
pub async fn insert(
    connection: &mut Connection,
    actor: &Actor,
    link: &NewShareLink,
) -> Result<Constrained<ShareLinkRow>, DbError> {
    constrained(
        connection
            .transaction::<_, DbError, _>(async |connection| {
                let row = diesel::insert_into(share_links::table)
                    .values((
                        share_links::id.eq(link.id),
                        share_links::token_sha256.eq(&link.token_sha256),
                        share_links::country_code.eq(&link.country_code),
                        share_links::year.eq(link.year),
                        share_links::organisation_id.eq(link.organisation_id),
                        share_links::created_by.eq(link.created_by),
                        share_links::created_by_user.eq(link.created_by_user),
                        share_links::expires_at.eq(link.expires_at),
                    ))
                    .returning(ShareLinkRow::as_returning())
                    .get_result(connection)
                    .await?;
                let change = Change::created(ResourceType::ShareLink, row.id, &row);
                audit::record(connection, actor, AuditAction::Create, change).await?;
                Ok(row)
            })
            .await,
    )
}

/// The link with this token digest, if it has not expired and was not revoked.
pub async fn find_live(
    connection: &mut Connection,
    token_sha256: &[u8],
    now: DateTime<Utc>,
) -> Result<Option<ShareLinkRow>, DbError> {
    Ok(share_links::table
        .filter(share_links::token_sha256.eq(token_sha256))
        .filter(share_links::expires_at.gt(now))
        .filter(share_links::revoked_at.is_null())
        .select(ShareLinkRow::as_select())
        .first(connection)
        .await
        .optional()?)
}

pub async fn find(connection: &mut Connection, id: Uuid) -> Result<Option<ShareLinkRow>, DbError> {
    Ok(share_links::table
        .find(id)
        .select(ShareLinkRow::as_select())
        .first(connection)
        .await
        .optional()?)
}

/// Who made a link: a person (signed in or by their key), else a key.
#[derive(Debug, Clone, Copy)]
pub enum Maker {
    Person(Uuid),
    Key(Uuid),
}

/// The links `maker` made, newest first.
pub async fn made_by(
    connection: &mut Connection,
    maker: Maker,
) -> Result<Vec<ShareLinkRow>, DbError> {
    let query = share_links::table.into_boxed();
    let query = match maker {
        Maker::Person(user) => query.filter(share_links::created_by_user.eq(user)),
        Maker::Key(key) => query.filter(share_links::created_by.eq(key)),
    };
    Ok(query
        .select(ShareLinkRow::as_select())
        .order(share_links::created_at.desc())
        .limit(200)
        .load(connection)
        .await?)
}

/// Revokes a link that is not revoked yet and audits it; `None` when there was none to revoke.
pub async fn revoke(
    connection: &mut Connection,
    actor: &Actor,
    id: Uuid,
) -> Result<Option<ShareLinkRow>, DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            let Some(before) = share_links::table
                .find(id)
                .filter(share_links::revoked_at.is_null())
                .select(ShareLinkRow::as_select())
                .for_update()
                .first(connection)
                .await
                .optional()?
            else {
                return Ok(None);
            };
            let after = diesel::update(share_links::table.find(id))
                .set(share_links::revoked_at.eq(diesel::dsl::now))
                .returning(ShareLinkRow::as_returning())
                .get_result(connection)
                .await?;
            let change = Change::updated(ResourceType::ShareLink, id, &before, &after);
            audit::record(connection, actor, AuditAction::Revoke, change).await?;
            Ok(Some(after))
        })
        .await
}
