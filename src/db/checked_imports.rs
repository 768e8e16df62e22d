//! The `checked_imports` table: a file checked on the import page, kept until the person who
//! checked it confirms it, for a day at most.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use super::schema::checked_imports;
use super::{Connection, DbError};

/// How long a checked file waits for its confirmation.
const KEPT_FOR: chrono::TimeDelta = chrono::TimeDelta::days(1);

/// A checked file.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = checked_imports, check_for_backend(diesel::pg::Pg))]
pub struct CheckedImport {
    pub id: Uuid,
    pub checked_by: Uuid,
    /// `report` or `tiers`.
    pub kind: String,
    pub year: Option<i32>,
    pub file_name: String,
    pub content: String,
    pub checked_at: DateTime<Utc>,
}

/// Keeps `file`, and forgets the files checked more than a day before `now`.
pub async fn keep(
    connection: &mut Connection,
    file: &CheckedImport,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    diesel::delete(checked_imports::table.filter(checked_imports::checked_at.lt(now - KEPT_FOR)))
        .execute(connection)
        .await?;
    diesel::insert_into(checked_imports::table)
        .values(file)
        .execute(connection)
        .await?;
    Ok(())
}

/// File `id`, if `checked_by` checked it less than a day before `now`.
pub async fn find(
    connection: &mut Connection,
    id: Uuid,
    checked_by: Uuid,
    now: DateTime<Utc>,
) -> Result<Option<CheckedImport>, DbError> {
    Ok(checked_imports::table
        .find(id)
        .filter(checked_imports::checked_by.eq(checked_by))
        .filter(checked_imports::checked_at.ge(now - KEPT_FOR))
        .select(CheckedImport::as_select())
        .first(connection)
        .await
        .optional()?)
}

/// Forgets file `id` (it was imported).
pub async fn forget(connection: &mut Connection, id: Uuid) -> Result<(), DbError> {
    diesel::delete(checked_imports::table.find(id))
        .execute(connection)
        .await?;
    Ok(())
}
