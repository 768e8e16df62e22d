//! The daily backup of the database gaptrack manages, inside the server: every hour it looks at
//! the last backup recorded, and takes one when a day has passed (by the server's clock).

use std::time::Duration;

use actix_web::web;

use super::take::take_into_folder;
use super::{BackupError, blocking};
use crate::db::{self, Connections};
use crate::domain::backups::{Backup, BackupReason, ManagedBackups, daily_backup_due};
use crate::http::AppState;

/// How often the server looks whether the daily backup is due.
const EVERY: Duration = Duration::from_secs(60 * 60);

/// Takes and records the daily backup when it is due; says which it took.
pub async fn take_daily_if_due(
    db: &impl Connections,
    backups: &ManagedBackups,
) -> Result<Option<Backup>, BackupError> {
    let now = db.now();
    let mut connection = db.connect().await?;
    let last = db::backups::latest(&mut connection, 1).await?;
    if !daily_backup_due(last.first().map(|backup| backup.taken_at), now) {
        return Ok(None);
    }
    drop(connection);
    let backups = backups.clone();
    let taken = blocking(move || {
        take_into_folder(
            &backups.connection,
            &backups.folder,
            BackupReason::Daily,
            now,
        )
    })
    .await?;
    let mut connection = db.connect().await?;
    db::backups::record(&mut connection, &taken).await?;
    Ok(Some(taken))
}

/// Starts the daily backup on the server's runtime.
pub fn start_daily(state: web::Data<AppState>, backups: ManagedBackups) {
    log::info!(
        "backups: every day into {}, keeping the last {} (BACKUP_DIR, BACKUP_KEEP)",
        backups.folder.dir.display(),
        backups.folder.keep
    );
    actix_web::rt::spawn(async move {
        loop {
            match take_daily_if_due(state.get_ref(), &backups).await {
                Ok(Some(backup)) => {
                    log::info!("backup taken: {} ({} bytes)", backup.location, backup.bytes)
                }
                Ok(None) => {}
                Err(error) => log::error!("the daily backup failed: {error}"),
            }
            actix_web::rt::time::sleep(EVERY).await;
        }
    });
}
