//! Putting an archive back. Nothing is touched until the archive has been read through
//! ([`inspect`]), the target checked and the person has confirmed; the rows then go in as one
//! transaction (`pg_restore --single-transaction`), so a restore that fails leaves the database
//! as it was. An archive from an older gaptrack is migrated after it is restored.
//!
//! Into the database gaptrack manages, the archive is restored beside it, in a database of its
//! own; only when that has worked is the current one (backed up first) replaced by it.

use std::ffi::OsString;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::archive::{ArchiveSummary, inspect};
use super::take::take_into_folder;
use super::{BackupError, blocking, tools};
use crate::db::{self, databases};
use crate::domain::backups::{Backup, BackupFolder, BackupReason};

/// Where an archive is restored.
#[derive(Debug, Clone)]
pub enum RestoreTarget {
    /// An empty database (an existing PostgreSQL's, created by its operator).
    Empty { url: String },
    /// The database gaptrack manages: replaced whole.
    Managed {
        /// The cluster's maintenance database, to create, drop and rename from.
        admin_url: String,
        /// The database's name, and a connection string to it.
        name: String,
        url: String,
        /// A connection string to the database the archive goes into first, named
        /// `<name>_restoring`.
        restoring_url: String,
        /// Where the backup of the database being replaced goes.
        folder: BackupFolder,
    },
}

/// The name of the database an archive goes into before it replaces database `name`.
pub fn restoring_name(name: &str) -> String {
    format!("{name}_restoring")
}

/// What a restore did.
#[derive(Debug, Clone)]
pub struct Restored {
    pub archive: ArchiveSummary,
    /// The backup of the database the restore replaced, when it replaced one.
    pub replaced_backup: Option<Backup>,
}

/// Restores `file` into `target`, once `confirm` has said yes to what the archive holds.
pub async fn restore(
    file: &Path,
    target: &RestoreTarget,
    confirm: impl FnOnce(&ArchiveSummary) -> bool,
    now: DateTime<Utc>,
) -> Result<Restored, BackupError> {
    let owned = file.to_owned();
    let archive = blocking(move || inspect(&owned)).await?;
    if let RestoreTarget::Empty { url } = target {
        let tables = databases::table_count(url).await?;
        if tables > 0 {
            return Err(BackupError::NotEmpty { tables });
        }
    }
    if !confirm(&archive) {
        return Err(BackupError::NotConfirmed);
    }
    let replaced_backup = match target {
        RestoreTarget::Empty { url } => {
            restore_into(file, url).await?;
            None
        }
        RestoreTarget::Managed {
            admin_url,
            name,
            url,
            restoring_url,
            folder,
        } => {
            let restoring = restoring_name(name);
            databases::create_afresh(admin_url, &restoring).await?;
            if let Err(error) = restore_into(file, restoring_url).await {
                databases::drop_database(admin_url, &restoring).await?;
                return Err(error);
            }
            let (current, folder_owned) = (url.clone(), folder.clone());
            let backup = blocking(move || {
                take_into_folder(&current, &folder_owned, BackupReason::BeforeRestore, now)
            })
            .await?;
            carry_backup_record(url, restoring_url, &backup).await?;
            databases::replace(admin_url, name, &restoring).await?;
            Some(backup)
        }
    };
    Ok(Restored {
        archive,
        replaced_backup,
    })
}

/// Restores the archive into the empty database at `url` in one transaction, then runs the
/// migrations the archive's gaptrack did not have.
async fn restore_into(file: &Path, url: &str) -> Result<(), BackupError> {
    let (file, url) = (file.to_owned(), url.to_owned());
    blocking(move || {
        tools::run(
            "pg_restore",
            [
                OsString::from("--single-transaction"),
                OsString::from("--exit-on-error"),
                // The objects belong to whoever restores, whatever role made the archive.
                OsString::from("--no-owner"),
                OsString::from("--no-acl"),
                OsString::from(format!("--dbname={url}")),
                file.into(),
            ],
        )?;
        db::run_migrations(&url)?;
        Ok(())
    })
    .await
}

/// The restored database starts with the record of backups the replaced one had (the archive
/// carries none), and the one just taken of it.
async fn carry_backup_record(
    current_url: &str,
    restored_url: &str,
    replaced_backup: &Backup,
) -> Result<(), BackupError> {
    let mut current = db::connect_once(current_url).await?;
    // A database from before backups were recorded has no record to carry.
    let mut record = db::backups::all(&mut current).await.unwrap_or_default();
    record.push(replaced_backup.clone());
    let mut restored = db::connect_once(restored_url).await?;
    db::backups::record_all(&mut restored, &record).await?;
    Ok(())
}
