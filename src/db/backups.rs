//! The record of the backups gaptrack took.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use super::schema::backups;
use super::{Connection, DbError};
use crate::domain::backups::{Backup, BackupReason};

type Row = (DateTime<Utc>, i64, String, String);

fn from_row((taken_at, bytes, location, reason): Row) -> Backup {
    Backup {
        taken_at,
        bytes,
        location,
        // The column's CHECK allows only the words `BackupReason` writes.
        reason: BackupReason::parse(&reason).unwrap_or(BackupReason::Command),
    }
}

/// Records `backup`.
pub async fn record(connection: &mut Connection, backup: &Backup) -> Result<(), DbError> {
    record_all(connection, std::slice::from_ref(backup)).await
}

/// Records several backups at once (a restore carries the record over to the restored database).
pub async fn record_all(connection: &mut Connection, taken: &[Backup]) -> Result<(), DbError> {
    let rows: Vec<_> = taken
        .iter()
        .map(|backup| {
            (
                backups::taken_at.eq(backup.taken_at),
                backups::bytes.eq(backup.bytes),
                backups::location.eq(&backup.location),
                backups::reason.eq(backup.reason.as_str()),
            )
        })
        .collect();
    diesel::insert_into(backups::table)
        .values(rows)
        .execute(connection)
        .await?;
    Ok(())
}

/// The newest `limit` backups, newest first.
pub async fn latest(connection: &mut Connection, limit: i64) -> Result<Vec<Backup>, DbError> {
    let rows: Vec<Row> = backups::table
        .select((
            backups::taken_at,
            backups::bytes,
            backups::location,
            backups::reason,
        ))
        .order((backups::taken_at.desc(), backups::id.desc()))
        .limit(limit)
        .load(connection)
        .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// Every recorded backup, oldest first.
pub async fn all(connection: &mut Connection) -> Result<Vec<Backup>, DbError> {
    let mut newest_first = latest(connection, i64::MAX).await?;
    newest_first.reverse();
    Ok(newest_first)
}
