//! Finds the PostgreSQL server programs installed on this machine.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What to tell a person when no PostgreSQL server programs can be found.
pub const INSTALL_HINT: &str = "no PostgreSQL server programs (initdb, postgres) were found. \
Install them (Debian/Ubuntu: `apt-get install postgresql`; macOS: `brew install postgresql`), \
point GAPTRACK_PG_BINDIR at their folder, or set DATABASE_URL to use an existing PostgreSQL server";

/// The folder holding `initdb` and `postgres`.
///
/// Looked for, in order: `GAPTRACK_PG_BINDIR`; `pg_config --bindir`; the `PATH`; and the newest
/// `/usr/lib/postgresql/*/bin` (where Debian puts the server, off the `PATH`).
pub fn find_bindir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("GAPTRACK_PG_BINDIR") {
        let dir = PathBuf::from(dir);
        return has_server(&dir).then_some(dir);
    }
    from_pg_config()
        .or_else(from_path)
        .or_else(from_debian_layout)
}

fn has_server(dir: &Path) -> bool {
    dir.join("initdb").is_file() && dir.join("postgres").is_file()
}

fn from_pg_config() -> Option<PathBuf> {
    let output = Command::new("pg_config").arg("--bindir").output().ok()?;
    if !output.status.success() {
        return None;
    }
    let dir = PathBuf::from(String::from_utf8(output.stdout).ok()?.trim());
    has_server(&dir).then_some(dir)
}

fn from_path() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find_map(|dir| {
        // A symlink such as /usr/local/bin/initdb stands for the folder it points into, which also
        // holds the server's shared data lookup paths.
        let initdb = dir.join("initdb").canonicalize().ok()?;
        let real_dir = initdb.parent()?.to_path_buf();
        has_server(&real_dir).then_some(real_dir)
    })
}

fn from_debian_layout() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            has_server(&bin).then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// A PostgreSQL client program such as `pg_dump` or `pg_restore`: in `GAPTRACK_PG_BINDIR` (which
/// may hold client programs only), beside the server programs [`find_bindir`] finds (so that both
/// are the same version), else on the `PATH` (a machine that reaches an existing PostgreSQL may
/// have the client programs only).
pub fn find_program(name: &str) -> Option<PathBuf> {
    let configured = std::env::var_os("GAPTRACK_PG_BINDIR").map(PathBuf::from);
    if let Some(program) = configured
        .or_else(find_bindir)
        .map(|dir| dir.join(name))
        .filter(|program| program.is_file())
    {
        return Some(program);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|program| program.is_file())
}
