//! Taking an archive: `pg_dump` in its custom format (compressed, restorable table by table),
//! written beside its final name and renamed once whole, so a backup cut short by a full disk or
//! a crash never passes for one.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::{BackupError, io_error, tools};
use crate::domain::backups::{
    Backup, BackupFolder, BackupReason, archive_name, archives_to_prune, is_archive_name,
};

/// Writes an archive of the database at `connection` (a URL or libpq keywords) to `file`, and
/// gives its size.
pub fn take_into(connection: &str, file: &Path) -> Result<i64, BackupError> {
    if let Some(parent) = file
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
    {
        fs::create_dir_all(parent).map_err(io_error(format!("creating {}", parent.display())))?;
    }
    let mut partial = OsString::from(file.as_os_str());
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let mut file_argument = OsString::from("--file=");
    file_argument.push(&partial);
    let dumped = tools::run(
        "pg_dump",
        [
            OsString::from("--format=custom"),
            // The record of backups describes the database it is in, not the archive's copy.
            OsString::from("--exclude-table-data=backups"),
            file_argument,
            OsString::from(format!("--dbname={connection}")),
        ],
    );
    if let Err(error) = dumped {
        let _ = fs::remove_file(&partial);
        return Err(error);
    }
    fs::rename(&partial, file).map_err(io_error(format!("writing {}", file.display())))?;
    let bytes = fs::metadata(file)
        .map_err(io_error(format!("reading {}", file.display())))?
        .len();
    Ok(i64::try_from(bytes).unwrap_or(i64::MAX))
}

/// Takes an archive into `folder`, named for `now` and `reason`, then deletes the archives beyond
/// the newest `folder.keep`.
pub fn take_into_folder(
    connection: &str,
    folder: &BackupFolder,
    reason: BackupReason,
    now: DateTime<Utc>,
) -> Result<Backup, BackupError> {
    let file = folder.dir.join(archive_name(now, reason));
    let bytes = take_into(connection, &file)?;
    prune(folder)?;
    Ok(Backup {
        taken_at: now,
        bytes,
        location: file.display().to_string(),
        reason,
    })
}

/// Deletes the archives gaptrack named in `folder` beyond the newest `folder.keep`.
fn prune(folder: &BackupFolder) -> Result<(), BackupError> {
    let names: Vec<String> = fs::read_dir(&folder.dir)
        .map_err(io_error(format!("reading {}", folder.dir.display())))?
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| is_archive_name(name))
        .collect();
    for name in archives_to_prune(names, folder.keep) {
        let path = folder.dir.join(&name);
        fs::remove_file(&path).map_err(io_error(format!("deleting {}", path.display())))?;
        log::info!(
            "backup {} deleted (BACKUP_KEEP is {})",
            path.display(),
            folder.keep
        );
    }
    Ok(())
}

/// Records `backup` in the database at `url`, for the admin page and `/metrics`.
pub async fn record(url: &str, backup: &Backup) -> Result<(), BackupError> {
    let mut connection = crate::db::connect_once(url).await?;
    crate::db::backups::record(&mut connection, backup).await?;
    Ok(())
}
