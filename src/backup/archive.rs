//! Reading an archive before anything is restored from it: is it `pg_dump`'s custom format,
//! whole, of a gaptrack database, and not from a newer gaptrack than this binary?

use std::ffi::OsString;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{BackupError, io_error, tools};
use crate::db;

/// What the archive says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveSummary {
    pub file: PathBuf,
    pub bytes: u64,
    /// When `pg_dump` made it, as its header says.
    pub created: String,
    /// The database it was made from.
    pub database: String,
    /// The gaptrack migrations its database had run.
    pub migrations: Vec<String>,
}

/// The first bytes of every custom-format archive.
const MAGIC: &[u8] = b"PGDMP";

/// Tables every gaptrack database has, whatever its version.
const GAPTRACK_TABLES: [&str; 3] = ["__diesel_schema_migrations", "recommendations", "links"];

/// Reads `file` through and says what it holds, or why it cannot be restored by this binary.
pub fn inspect(file: &Path) -> Result<ArchiveSummary, BackupError> {
    let bytes = std::fs::metadata(file)
        .map_err(io_error(format!("reading {}", file.display())))?
        .len();
    if !starts_with_magic(file)? {
        return Err(BackupError::NotAnArchive(file.to_owned()));
    }
    let damaged = |error: BackupError| match error {
        BackupError::ProgramFailed { output, .. } => BackupError::Damaged {
            file: file.to_owned(),
            output,
        },
        other => other,
    };
    let listing =
        tools::run("pg_restore", [OsString::from("--list"), file.into()]).map_err(damaged)?;
    let listing = String::from_utf8_lossy(&listing.stdout).into_owned();
    if let Some(missing) = GAPTRACK_TABLES
        .into_iter()
        .find(|table| !listing.contains(&format!(" TABLE public {table} ")))
    {
        return Err(BackupError::Foreign {
            file: file.to_owned(),
            missing,
        });
    }
    // Reading every row out (to nowhere) is the only way to know the archive is whole: its table
    // of contents comes first and survives a copy cut short.
    tools::run(
        "pg_restore",
        [OsString::from("--file=/dev/null"), file.into()],
    )
    .map_err(damaged)?;
    let migrations = migrations_in(file).map_err(damaged)?;
    let known = db::known_migration_versions();
    if let Some(newest) = migrations
        .iter()
        .filter(|version| !known.contains(version))
        .max()
    {
        return Err(BackupError::Newer {
            file: file.to_owned(),
            newest: newest.clone(),
        });
    }
    Ok(ArchiveSummary {
        file: file.to_owned(),
        bytes,
        created: header(&listing, "Archive created at"),
        database: header(&listing, "dbname:"),
        migrations,
    })
}

fn starts_with_magic(file: &Path) -> Result<bool, BackupError> {
    let mut start = [0u8; MAGIC.len()];
    let mut opened = File::open(file).map_err(io_error(format!("opening {}", file.display())))?;
    Ok(opened.read_exact(&mut start).is_ok() && start == MAGIC)
}

/// The value after `label` on the archive header's line that has it.
fn header(listing: &str, label: &str) -> String {
    listing
        .lines()
        .filter_map(|line| line.strip_prefix(';'))
        .find_map(|line| line.trim().strip_prefix(label))
        .map(|value| value.trim().to_owned())
        .unwrap_or_default()
}

/// The migration versions recorded in the archive's `__diesel_schema_migrations`.
fn migrations_in(file: &Path) -> Result<Vec<String>, BackupError> {
    let output = tools::run(
        "pg_restore",
        [
            OsString::from("--data-only"),
            OsString::from("--table=__diesel_schema_migrations"),
            OsString::from("--file=-"),
            file.into(),
        ],
    )?;
    Ok(copied_versions(&String::from_utf8_lossy(&output.stdout)))
}

/// The first column of the rows of a `COPY ... FROM stdin;` block, up to its `\.`.
fn copied_versions(script: &str) -> Vec<String> {
    script
        .lines()
        .skip_while(|line| !line.starts_with("COPY "))
        .skip(1)
        .take_while(|line| *line != "\\.")
        .filter_map(|line| line.split('\t').next())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_migrations_are_read_from_the_copy_block() {
        let script = "SET x = 1;\nCOPY public.__diesel_schema_migrations (version, run_on) FROM stdin;\n\
                      20261120000000\t2026-11-20 10:00:00\n20261207090000\t2026-12-07 09:00:00\n\\.\n";
        assert_eq!(
            copied_versions(script),
            vec!["20261120000000".to_owned(), "20261207090000".to_owned()]
        );
    }

    #[test]
    fn the_header_gives_when_and_from_what() {
        let listing = ";\n; Archive created at 2026-12-06 08:00:00 UTC\n;     dbname: gaptrack\n";
        assert_eq!(
            header(listing, "Archive created at"),
            "2026-12-06 08:00:00 UTC"
        );
        assert_eq!(header(listing, "dbname:"), "gaptrack");
    }
}
