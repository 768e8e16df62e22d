//! Backups with PostgreSQL's own tools: `pg_dump` archives (custom format) of gaptrack's
//! database, taken by `gaptrack backup`, every day and before new migrations by a server that
//! manages its own database, and put back by `gaptrack restore` after the archive has been read
//! through and found to be a whole gaptrack archive this binary can run.

mod archive;
mod restore;
mod schedule;
mod take;
mod tools;

use std::path::PathBuf;

pub use archive::{ArchiveSummary, inspect};
pub use restore::{RestoreTarget, Restored, restore, restoring_name};
pub use schedule::{start_daily, take_daily_if_due};
pub use take::{record, take_into, take_into_folder};

/// Why a backup or a restore could not be done, in words for the operator at the terminal.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "{0} was not found: install PostgreSQL's client programs (Debian/Ubuntu: `apt-get install \
         postgresql-client`) or point GAPTRACK_PG_BINDIR at their folder"
    )]
    NoProgram(&'static str),
    #[error("{program} failed: {output}")]
    ProgramFailed {
        program: &'static str,
        output: String,
    },
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{} is not a PostgreSQL backup archive (pg_dump's custom format); nothing was changed", .0.display())]
    NotAnArchive(PathBuf),
    #[error(
        "{} is cut short or damaged, so it cannot be restored; nothing was changed. pg_restore said: {output}",
        .file.display()
    )]
    Damaged { file: PathBuf, output: String },
    #[error(
        "{} is a PostgreSQL archive, but not of a gaptrack database (it has no {missing} table); nothing was changed",
        .file.display()
    )]
    Foreign {
        file: PathBuf,
        missing: &'static str,
    },
    #[error(
        "{} was made by a newer gaptrack than this one (its database has migration {newest}, which this \
         gaptrack does not know): restore it with that version of gaptrack or a later one; nothing was changed",
        .file.display()
    )]
    Newer { file: PathBuf, newest: String },
    #[error(
        "the database to restore into is not empty ({tables} tables): create an empty database \
         (`createdb`) and point DATABASE_URL at it; nothing was changed"
    )]
    NotEmpty { tables: i64 },
    #[error("the restore was not confirmed; nothing was changed")]
    NotConfirmed,
    #[error("the database failed")]
    Db(#[from] crate::db::DbError),
}

fn io_error(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> BackupError {
    let context = context.into();
    move |source| BackupError::Io { context, source }
}

/// Runs blocking work (a PostgreSQL program, a migration) off the async runtime's threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, BackupError> + Send + 'static,
) -> Result<T, BackupError> {
    actix_web::rt::task::spawn_blocking(work)
        .await
        .map_err(|error| BackupError::Io {
            context: "running a backup step".into(),
            source: std::io::Error::other(error.to_string()),
        })?
}
