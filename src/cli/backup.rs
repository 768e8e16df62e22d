//! `gaptrack backup [--to FILE]` and `gaptrack restore FILE`: PostgreSQL's own archives of
//! gaptrack's database (see [`crate::backup`]), from the command line, beside a running server or
//! not.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use super::CliError;
use crate::backup::{self, ArchiveSummary, RestoreTarget};
use crate::config::Config;
use crate::database::Database;
use crate::domain::backups::{Backup, BackupReason};
use crate::domain::{Clock, SystemClock};

/// `gaptrack backup`: an archive of the database, into `to` or the backup folder.
pub async fn backup(to: Option<PathBuf>) -> Result<(), CliError> {
    let config = Config::from_env().map_err(CliError::Config)?;
    // The database as it is: a backup taken before upgrading must not migrate it first.
    let database = Database::open_unmigrated(&config).await?;
    let result = take(&database.url, &config, to).await;
    database.close();
    let backup = result?;
    println!(
        "backup written to {} ({} bytes)",
        backup.location, backup.bytes
    );
    Ok(())
}

async fn take(url: &str, config: &Config, to: Option<PathBuf>) -> Result<Backup, CliError> {
    let now = SystemClock.now();
    let backup = match to {
        Some(file) => Backup {
            bytes: backup::take_into(url, &file)?,
            taken_at: now,
            location: absolute(&file).display().to_string(),
            reason: BackupReason::Command,
        },
        None => backup::take_into_folder(url, &config.backup_folder, BackupReason::Command, now)?,
    };
    if let Err(error) = backup::record(url, &backup).await {
        // A database from before backups were recorded: the archive is still whole.
        log::warn!("the backup was not recorded in the database: {error}");
    }
    Ok(backup)
}

fn absolute(file: &Path) -> PathBuf {
    std::path::absolute(file).unwrap_or_else(|_| file.to_owned())
}

/// `gaptrack restore FILE`: puts the archive back, after `--yes` or a typed "yes".
pub async fn restore(file: PathBuf, yes: bool) -> Result<(), CliError> {
    let config = Config::from_env().map_err(CliError::Config)?;
    let database = Database::open_unmigrated(&config).await?;
    let target = database.restore_target(&config);
    let confirm = |archive: &ArchiveSummary| yes || confirmed(archive, &target);
    let result = backup::restore(&file, &target, confirm, SystemClock.now()).await;
    database.close();
    let restored = result?;
    println!(
        "restored {} (made {} from the database `{}`)",
        restored.archive.file.display(),
        restored.archive.created,
        restored.archive.database
    );
    if let Some(replaced) = restored.replaced_backup {
        println!(
            "the database it replaced was backed up to {}",
            replaced.location
        );
    }
    Ok(())
}

/// Asks the person at the terminal; anything but "yes" is a no.
fn confirmed(archive: &ArchiveSummary, target: &RestoreTarget) -> bool {
    let into = match target {
        RestoreTarget::Empty { .. } => "the empty database of DATABASE_URL".to_owned(),
        RestoreTarget::Managed { folder, .. } => format!(
            "the database gaptrack manages, replacing everything in it (it is backed up to {} \
             first; a running gaptrack's connections are closed and open again on the restored data)",
            folder.dir.display()
        ),
    };
    let mut stderr = std::io::stderr();
    let _ = write!(
        stderr,
        "Restore {} ({} bytes, made {} from the database `{}`) into {into}?\nType yes to go on: ",
        archive.file.display(),
        archive.bytes,
        archive.created,
        archive.database
    );
    let _ = stderr.flush();
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer).is_ok() && answer.trim() == "yes"
}
