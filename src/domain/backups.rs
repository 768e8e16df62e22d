//! Backups: why one was taken, when the next is due, and which of the kept ones go.

use std::path::PathBuf;

use chrono::{DateTime, TimeDelta, Utc};

/// Where backups of the database gaptrack manages go (`BACKUP_DIR`), and how many are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFolder {
    pub dir: PathBuf,
    /// How many archives to keep (`BACKUP_KEEP`); older ones are deleted after each new one.
    pub keep: usize,
}

/// The database gaptrack manages, and where its backups go: what the server's daily backup needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagedBackups {
    /// A connection string to the database, for `pg_dump`.
    pub connection: String,
    pub folder: BackupFolder,
}

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupReason {
    /// The server's daily copy of the database it manages.
    Daily,
    /// At start, before new migrations change the database.
    BeforeMigration,
    /// Before `gaptrack restore` replaced the database it manages.
    BeforeRestore,
    /// `gaptrack backup`.
    Command,
}

impl BackupReason {
    /// The word stored in the `backups` table and written into the archive's file name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Daily => "daily",
            Self::BeforeMigration => "before_migration",
            Self::BeforeRestore => "before_restore",
            Self::Command => "command",
        }
    }

    /// The reason stored as `word`.
    pub fn parse(word: &str) -> Option<Self> {
        [
            Self::Daily,
            Self::BeforeMigration,
            Self::BeforeRestore,
            Self::Command,
        ]
        .into_iter()
        .find(|reason| reason.as_str() == word)
    }
}

/// A backup gaptrack took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub taken_at: DateTime<Utc>,
    /// The archive's size.
    pub bytes: i64,
    /// Where the archive was written, as the machine that took it saw the path.
    pub location: String,
    pub reason: BackupReason,
}

/// How long the daily backup waits after the last one.
pub const DAILY: TimeDelta = TimeDelta::hours(24);

/// Whether the daily backup is due at `now`, after the last backup (of any reason) at `last`.
pub fn daily_backup_due(last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    last.is_none_or(|last| now - last >= DAILY)
}

/// Of the archives in the backup folder, named so that their names sort by time, the ones to
/// delete so that the newest `keep` stay (at least one always stays).
pub fn archives_to_prune(mut names: Vec<String>, keep: usize) -> Vec<String> {
    names.sort();
    let keep = keep.max(1);
    let excess = names.len().saturating_sub(keep);
    names.truncate(excess);
    names
}

/// The file name of an archive taken at `taken_at` for `reason`: sortable by time, and telling a
/// person reading the folder what each file is.
pub fn archive_name(taken_at: DateTime<Utc>, reason: BackupReason) -> String {
    format!(
        "gaptrack-{}-{}.dump",
        taken_at.format("%Y%m%dT%H%M%S%.3fZ"),
        reason.as_str().replace('_', "-")
    )
}

/// Whether `name` is an archive gaptrack named (the only files the pruning may delete).
pub fn is_archive_name(name: &str) -> bool {
    name.starts_with("gaptrack-") && name.ends_with(".dump")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 6, hour, 0, 0).unwrap()
    }

    #[test]
    fn the_daily_backup_is_due_a_day_after_the_last_one() {
        assert!(daily_backup_due(None, at(8)));
        assert!(!daily_backup_due(Some(at(8)), at(8) + TimeDelta::hours(23)));
        assert!(daily_backup_due(Some(at(8)), at(8) + TimeDelta::hours(24)));
    }

    #[test]
    fn pruning_keeps_the_newest_archives_and_never_the_last_one() {
        let names: Vec<String> = [3, 1, 2]
            .iter()
            .map(|hour| archive_name(at(*hour), BackupReason::Daily))
            .collect();
        let pruned = archives_to_prune(names.clone(), 2);
        assert_eq!(pruned, vec![archive_name(at(1), BackupReason::Daily)]);
        assert_eq!(archives_to_prune(names, 0).len(), 2);
    }

    #[test]
    fn an_archive_name_sorts_by_time_and_says_why() {
        let name = archive_name(at(8), BackupReason::BeforeMigration);
        assert_eq!(name, "gaptrack-20261206T080000.000Z-before-migration.dump");
        assert!(is_archive_name(&name));
        assert!(!is_archive_name("notes.txt"));
        assert_eq!(
            BackupReason::parse(BackupReason::BeforeRestore.as_str()),
            Some(BackupReason::BeforeRestore)
        );
    }
}
