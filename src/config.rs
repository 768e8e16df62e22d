//! Settings, read once from environment variables at start-up and passed down; no globals.
//!
//! | Variable             | Default                        | Meaning                                            |
//! |----------------------|--------------------------------|----------------------------------------------------|
//! | `DATABASE_URL`       | unset                          | PostgreSQL to use. Unset: gaptrack starts its own local cluster in `GAPTRACK_DATA_DIR`. |
//! | `BIND_ADDRESS`       | `127.0.0.1:8080`               | Where the HTTP server listens.                     |
//! | `GAPTRACK_DATA_DIR`  | see [`default_data_dir`]       | Where the local cluster keeps its data.            |
//! | `GAPTRACK_PG_BINDIR` | found on the machine           | The folder of `initdb` and `postgres`, for the local cluster. |
//! | `DATABASE_POOL_SIZE` | `10`                           | Connections in the pool, shared by all workers.    |
//! | `HTTP_WORKERS`       | the number of CPU cores        | HTTP worker threads.                               |
//! | `RUST_LOG`           | `info`                         | Log filter (env_logger syntax).                    |

use std::env;
use std::path::PathBuf;

/// Everything gaptrack reads from its environment.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: Option<String>,
    pub bind_address: String,
    pub data_dir: PathBuf,
    pub pool_size: usize,
    pub workers: Option<usize>,
}

impl Config {
    /// Reads the settings; a malformed number is an error that names its variable.
    pub fn from_env() -> Result<Self, String> {
        Ok(Self {
            database_url: non_empty("DATABASE_URL"),
            bind_address: non_empty("BIND_ADDRESS").unwrap_or_else(|| "127.0.0.1:8080".into()),
            data_dir: non_empty("GAPTRACK_DATA_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(default_data_dir),
            pool_size: number("DATABASE_POOL_SIZE")?.unwrap_or(10),
            workers: number("HTTP_WORKERS")?,
        })
    }
}

fn non_empty(name: &str) -> Option<String> {
    env::var(name).ok().filter(|value| !value.trim().is_empty())
}

fn number(name: &str) -> Result<Option<usize>, String> {
    non_empty(name)
        .map(|value| match value.trim().parse::<usize>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(format!(
                "{name} must be a positive whole number, not `{value}`"
            )),
        })
        .transpose()
}

/// Where the local cluster lives unless `GAPTRACK_DATA_DIR` says otherwise: `/var/lib/gaptrack`
/// for root (whose home the `postgres` user cannot enter), else `$XDG_DATA_HOME/gaptrack` or
/// `~/.local/share/gaptrack`.
pub fn default_data_dir() -> PathBuf {
    if nix::unistd::Uid::effective().is_root() {
        return PathBuf::from("/var/lib/gaptrack");
    }
    if let Some(data_home) = non_empty("XDG_DATA_HOME") {
        return PathBuf::from(data_home).join("gaptrack");
    }
    match non_empty("HOME") {
        Some(home) => PathBuf::from(home).join(".local/share/gaptrack"),
        None => PathBuf::from(".gaptrack"),
    }
}
