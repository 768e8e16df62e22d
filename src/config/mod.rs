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
//! | `DATABASE_CONNECT_TIMEOUT_MS` | `3000`                | Longest wait to open a database connection.        |
//! | `DATABASE_POOL_TIMEOUT_MS` | `2000`                   | Longest wait for a free connection of the pool.    |
//! | `REQUEST_TIMEOUT_MS` | `5000`                         | Longest an API request or a page may take, receiving its body aside (its statements too); then 503. |
//! | `IMPORT_TIMEOUT_MS`  | `60000`                        | The same for an import (a report's rows, checked and written), statements included; then 503. |
//! | `UPLOAD_TIMEOUT_MS`  | `120000`                       | Longest a request's body may take to arrive; then 408. |
//! | `RATE_LIMIT_PER_KEY` | `100`                          | Requests per second one API key may make (bursts of as many). |
//! | `RATE_LIMIT_PER_ADDRESS` | `20`                       | Requests per second from one client address without credentials. |
//! | `RATE_LIMIT_FAILED_AUTH_PER_MINUTE` | `10`            | Failed key checks per minute from one address before it is shut out. |
//! | `TRUSTED_PROXIES`    | none                           | Proxies (addresses, networks) whose `X-Forwarded-For` names the client for the per-address limits, and whose `X-Forwarded-Host`/`-Proto` give the public origin. |
//! | `SHARE_LINK_DAYS`    | `30`                           | How long a read-only share link lasts unless its maker says otherwise (at most 365). |
//! | `SHARE_MIN_REACH`    | `10`                           | A shared page shows a number of people reached below this as "fewer than" it: small numbers can point at survivors. |
//! | `PUBLIC_URL`         | `http://` + `BIND_ADDRESS`     | The address people open gaptrack at (`https://gaptrack.example.org`), for every link that leaves a page: e-mailed invitations and resets, share links, the single sign-on's return address, and the links the command line prints. Unset, the pages build them from the address they were opened at, which without a trusted proxy is the client's own `Host` header: set it in production. |
//! | `INVITATION_DAYS`    | `7`                            | How long an invitation link can be used.           |
//! | `PASSWORD_RESET_HOURS` | `24`                         | How long a password reset link can be used.        |
//! | `ADMIN_SECOND_FACTOR` | `required`                    | `required`: admins must set up a second factor (TOTP) at their first sign-in; `optional`. |
//! | `SIGN_IN_LOCK_AFTER` | `5`                            | Wrong passwords for one address within the lock's time that lock it. |
//! | `SIGN_IN_LOCK_MINUTES` | `15`                         | How long such a lock lasts.                        |
//! | `SMTP_URL`           | unset                          | Where to send e-mail (invitations, resets): `smtp://host:25` (plain), `smtp://user:password@host:587?tls=required` (STARTTLS), `smtps://user:password@host` (TLS). Unset: links are only shown to the admin. |
//! | `OIDC_ISSUER_URL`    | unset                          | The organisation's OpenID Connect provider, for single sign-on (with `OIDC_CLIENT_ID`, `OIDC_CLIENT_SECRET`, and `OIDC_LABEL` for its button). Its callback is `<gaptrack>/signin/oidc/callback`. |
//! | `REMINDER_DAYS_BEFORE` | `14`                         | How many days before the TIP Office's call-for-information deadline (recorded by an admin) and before the reporting period's end (31 March) editors get their reminder e-mail (at most 90). Reminders need `SMTP_URL`. |
//! | `MAIL_FROM`          | `gaptrack <gaptrack@localhost>` | The sender of those e-mails.                       |
//! | `BACKUP_DIR`         | `GAPTRACK_DATA_DIR/backups`    | Where backups go: every day and before new migrations when gaptrack manages its database, and `gaptrack backup` without `--to`. |
//! | `BACKUP_KEEP`        | `7`                            | How many of those backups to keep; older ones are deleted after each new one. |
//! | `RUST_LOG`           | `info`                         | Log filter (env_logger syntax).                    |

mod trusted_proxies;
pub use trusted_proxies::TrustedProxies;

use std::env;
use std::path::PathBuf;
use std::time::Duration;

/// How long gaptrack waits on its database before it answers 503, so that a frozen or unreachable
/// PostgreSQL never leaves requests hanging.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// Opening a connection (including PostgreSQL's start-up handshake).
    pub connect: Duration,
    /// Waiting for a connection of the pool when all are busy.
    pub pool_wait: Duration,
    /// A whole API request or page, but for the time spent receiving its body; also
    /// PostgreSQL's `statement_timeout` on the pool's connections.
    pub request: Duration,
    /// The same for an import, which checks and writes a whole report's rows in one transaction
    /// (50,000 rows take several seconds); its statements get as long.
    pub import: Duration,
    /// Receiving a request's body (an import uploaded over a slow link, say).
    pub upload: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(3),
            pool_wait: Duration::from_secs(2),
            request: Duration::from_secs(5),
            import: Duration::from_secs(60),
            upload: Duration::from_secs(120),
        }
    }
}

/// How much traffic one client may send before it is answered 429.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    /// Requests per second per API key, and the burst one key may send at once.
    pub per_key_per_second: u32,
    /// Requests per second per client address for requests that carry no credentials.
    pub per_address_per_second: u32,
    /// Failed authentications per minute per client address; past it, the address is shut out
    /// (even with a valid key) until the quota refills, so keys cannot be guessed at speed.
    pub failed_auth_per_minute: u32,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            per_key_per_second: 100,
            per_address_per_second: 20,
            failed_auth_per_minute: 10,
        }
    }
}

impl RateLimits {
    /// Limits no test or benchmark reaches, for runs that measure something else.
    pub fn generous() -> Self {
        Self {
            per_key_per_second: 1_000_000,
            per_address_per_second: 1_000_000,
            failed_auth_per_minute: 1_000_000,
        }
    }
}

/// The rules of read-only share links.
#[derive(Debug, Clone, Copy)]
pub struct SharingSettings {
    /// A reach below this is shown as "fewer than" it on a shared page (`SHARE_MIN_REACH`):
    /// small numbers of people reached can point at survivors.
    pub min_reach: i32,
    /// How many days a link lasts unless its maker says otherwise (`SHARE_LINK_DAYS`).
    pub link_days: i64,
}

impl Default for SharingSettings {
    fn default() -> Self {
        Self {
            min_reach: 10,
            link_days: 30,
        }
    }
}

/// How people's accounts behave.
#[derive(Debug, Clone)]
pub struct AccountSettings {
    /// How long an invitation link lasts (`INVITATION_DAYS`).
    pub invitation_lifetime: chrono::TimeDelta,
    /// How long a password reset link lasts (`PASSWORD_RESET_HOURS`).
    pub reset_lifetime: chrono::TimeDelta,
    /// Whether admins must set up a second factor (`ADMIN_SECOND_FACTOR`).
    pub admins_need_second_factor: bool,
    /// Wrong passwords that lock an address, and for how long (`SIGN_IN_LOCK_*`).
    pub lockout: crate::domain::password::Lockout,
    /// Where e-mail goes, if anywhere.
    pub smtp: Option<SmtpSettings>,
    /// How many days before the TIP Office's deadlines editors are reminded
    /// (`REMINDER_DAYS_BEFORE`).
    pub reminder_days_before: u32,
    /// The organisation's identity provider, for single sign-on, if any.
    pub oidc: Option<OidcSettings>,
}

/// The OpenID Connect provider people may sign in through (`OIDC_*`).
#[derive(Clone)]
pub struct OidcSettings {
    pub issuer_url: String,
    pub client_id: String,
    /// Never printed.
    pub client_secret: Option<String>,
    /// What the sign-in button names it: "Sign in with `label`".
    pub label: String,
}

impl std::fmt::Debug for OidcSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcSettings")
            .field("issuer_url", &self.issuer_url)
            .field("client_id", &self.client_id)
            .field("label", &self.label)
            .finish_non_exhaustive()
    }
}

/// The mail server and sender of gaptrack's e-mail.
#[derive(Clone)]
pub struct SmtpSettings {
    /// `SMTP_URL`, which may hold a password: never printed.
    pub url: String,
    pub from: String,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("url", &"(hidden)")
            .field("from", &self.from)
            .finish()
    }
}

impl Default for AccountSettings {
    fn default() -> Self {
        Self {
            invitation_lifetime: chrono::TimeDelta::days(7),
            reset_lifetime: chrono::TimeDelta::hours(24),
            admins_need_second_factor: true,
            lockout: crate::domain::password::Lockout {
                failures: 5,
                window: Duration::from_secs(15 * 60),
                lock_for: Duration::from_secs(15 * 60),
            },
            smtp: None,
            reminder_days_before: 14,
            oidc: None,
        }
    }
}

/// What the HTTP server is built with, besides its listener and pool.
#[derive(Debug, Clone, Default)]
pub struct ServerSettings {
    /// HTTP worker threads; `None` for one per CPU core.
    pub workers: Option<usize>,
    pub timeouts: Timeouts,
    pub rate_limits: RateLimits,
    /// Whose `X-Forwarded-For` names the client the per-address limits count.
    pub trusted_proxies: TrustedProxies,
    pub sharing: SharingSettings,
    pub accounts: AccountSettings,
    /// `PUBLIC_URL`, when set: the origin of every link that leaves a page (e-mailed invitations
    /// and resets, share links, the single sign-on's return address).
    pub public_url: Option<String>,
    /// The time every decision reads: the machine's, but in tests.
    pub clock: crate::domain::SharedClock,
    /// Whether the pages may be asked for the pseudo-locale (each message wrapped in ⟦…⟧, by
    /// the cookie `gaptrack_language=pseudo`): tests use it to find words outside the catalogues.
    pub pseudo_locale: bool,
    /// Whether the server sends the reminders due every hour, when mail is set up (tests send
    /// them themselves, on their own clock).
    pub reminder_schedule: bool,
    /// The daily backup of the database gaptrack manages, when it manages one.
    pub backups: Option<crate::domain::backups::ManagedBackups>,
}

/// Everything gaptrack reads from its environment.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: Option<String>,
    pub bind_address: String,
    pub data_dir: PathBuf,
    pub pool_size: usize,
    pub workers: Option<usize>,
    pub timeouts: Timeouts,
    pub rate_limits: RateLimits,
    pub trusted_proxies: TrustedProxies,
    pub sharing: SharingSettings,
    pub accounts: AccountSettings,
    /// Where people open gaptrack (`PUBLIC_URL`), if it was said.
    pub public_url: Option<String>,
    /// Where backups go and how many are kept (`BACKUP_DIR`, `BACKUP_KEEP`).
    pub backup_folder: crate::domain::backups::BackupFolder,
}

impl Config {
    /// The HTTP server's part of the settings.
    pub fn server_settings(&self) -> ServerSettings {
        ServerSettings {
            workers: self.workers,
            timeouts: self.timeouts,
            rate_limits: self.rate_limits,
            trusted_proxies: self.trusted_proxies.clone(),
            sharing: self.sharing,
            accounts: self.accounts.clone(),
            public_url: self.public_url.clone(),
            clock: crate::domain::SharedClock::default(),
            pseudo_locale: false,
            reminder_schedule: true,
            backups: None,
        }
    }

    /// Where the command line's links point: `PUBLIC_URL`, else the address gaptrack listens on.
    pub fn public_url_or_bind_address(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.bind_address))
    }

    /// Reads the settings; a malformed number is an error that names its variable.
    pub fn from_env() -> Result<Self, String> {
        let bind_address = non_empty("BIND_ADDRESS").unwrap_or_else(|| "127.0.0.1:8080".into());
        let data_dir = non_empty("GAPTRACK_DATA_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(default_data_dir);
        Ok(Self {
            backup_folder: crate::domain::backups::BackupFolder {
                dir: non_empty("BACKUP_DIR")
                    .map(PathBuf::from)
                    .unwrap_or_else(|| data_dir.join("backups")),
                keep: bounded("BACKUP_KEEP", 1000)?.unwrap_or(7),
            },
            public_url: non_empty("PUBLIC_URL")
                .map(|url| {
                    origin_of(&url).ok_or_else(|| {
                        format!(
                            "PUBLIC_URL must be an address such as https://gaptrack.example.org, not `{url}`"
                        )
                    })
                })
                .transpose()?,
            accounts: account_settings()?,
            database_url: non_empty("DATABASE_URL"),
            bind_address,
            data_dir,
            pool_size: number("DATABASE_POOL_SIZE")?.unwrap_or(10),
            workers: number("HTTP_WORKERS")?,
            timeouts: Timeouts {
                connect: milliseconds("DATABASE_CONNECT_TIMEOUT_MS")?
                    .unwrap_or(Timeouts::default().connect),
                pool_wait: milliseconds("DATABASE_POOL_TIMEOUT_MS")?
                    .unwrap_or(Timeouts::default().pool_wait),
                request: milliseconds("REQUEST_TIMEOUT_MS")?.unwrap_or(Timeouts::default().request),
                import: milliseconds("IMPORT_TIMEOUT_MS")?.unwrap_or(Timeouts::default().import),
                upload: milliseconds("UPLOAD_TIMEOUT_MS")?.unwrap_or(Timeouts::default().upload),
            },
            rate_limits: RateLimits {
                per_key_per_second: per_unit("RATE_LIMIT_PER_KEY")?
                    .unwrap_or(RateLimits::default().per_key_per_second),
                per_address_per_second: per_unit("RATE_LIMIT_PER_ADDRESS")?
                    .unwrap_or(RateLimits::default().per_address_per_second),
                failed_auth_per_minute: per_unit("RATE_LIMIT_FAILED_AUTH_PER_MINUTE")?
                    .unwrap_or(RateLimits::default().failed_auth_per_minute),
            },
            trusted_proxies: TrustedProxies::parse(
                &non_empty("TRUSTED_PROXIES").unwrap_or_default(),
            )
            .map_err(|error| format!("TRUSTED_PROXIES: {error}"))?,
            sharing: SharingSettings {
                min_reach: bounded("SHARE_MIN_REACH", 1_000_000)?
                    .unwrap_or(SharingSettings::default().min_reach as usize)
                    as i32,
                link_days: bounded("SHARE_LINK_DAYS", 365)?
                    .unwrap_or(SharingSettings::default().link_days as usize)
                    as i64,
            },
        })
    }
}

/// `text` as an origin (`scheme://host[:port]`, lower case, the scheme's default port left out),
/// if it is a web address.
fn origin_of(text: &str) -> Option<String> {
    let origin = url::Url::parse(text).ok()?.origin();
    origin
        .is_tuple()
        .then(|| origin.ascii_serialization().to_ascii_lowercase())
}

fn account_settings() -> Result<AccountSettings, String> {
    let defaults = AccountSettings::default();
    let admins_need_second_factor = match non_empty("ADMIN_SECOND_FACTOR").as_deref() {
        None | Some("required") => true,
        Some("optional") => false,
        Some(other) => {
            return Err(format!(
                "ADMIN_SECOND_FACTOR must be `required` or `optional`, not `{other}`"
            ));
        }
    };
    let lock_minutes = bounded("SIGN_IN_LOCK_MINUTES", 24 * 60)?;
    Ok(AccountSettings {
        invitation_lifetime: bounded("INVITATION_DAYS", 90)?
            .map_or(defaults.invitation_lifetime, |days| {
                chrono::TimeDelta::days(days as i64)
            }),
        reset_lifetime: bounded("PASSWORD_RESET_HOURS", 7 * 24)?
            .map_or(defaults.reset_lifetime, |hours| {
                chrono::TimeDelta::hours(hours as i64)
            }),
        admins_need_second_factor,
        lockout: crate::domain::password::Lockout {
            failures: bounded("SIGN_IN_LOCK_AFTER", 1000)?
                .map_or(defaults.lockout.failures, |n| n as i32),
            window: lock_minutes.map_or(defaults.lockout.window, |m| {
                Duration::from_secs(m as u64 * 60)
            }),
            lock_for: lock_minutes.map_or(defaults.lockout.lock_for, |m| {
                Duration::from_secs(m as u64 * 60)
            }),
        },
        oidc: match (non_empty("OIDC_ISSUER_URL"), non_empty("OIDC_CLIENT_ID")) {
            (Some(issuer_url), Some(client_id)) => Some(OidcSettings {
                issuer_url: issuer_url.trim_end_matches('/').to_owned(),
                client_id,
                client_secret: non_empty("OIDC_CLIENT_SECRET"),
                label: non_empty("OIDC_LABEL").unwrap_or_else(|| "single sign-on".into()),
            }),
            (None, None) => None,
            _ => {
                return Err("single sign-on needs both OIDC_ISSUER_URL and OIDC_CLIENT_ID".into());
            }
        },
        reminder_days_before: bounded("REMINDER_DAYS_BEFORE", 90)?
            .map_or(defaults.reminder_days_before, |days| days as u32),
        smtp: non_empty("SMTP_URL").map(|url| SmtpSettings {
            url,
            from: non_empty("MAIL_FROM").unwrap_or_else(|| "gaptrack <gaptrack@localhost>".into()),
        }),
    })
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

fn per_unit(name: &str) -> Result<Option<u32>, String> {
    number(name)?
        .map(|n| u32::try_from(n).map_err(|_| format!("{name} must be at most {}", u32::MAX)))
        .transpose()
}

/// A timeout, in milliseconds, of at most a day. Longer is a slip of the keyboard, and beyond
/// about 24 days PostgreSQL refuses it as `statement_timeout`, so every connection would fail.
/// A positive number of at most `most`, named `name` in the error.
fn bounded(name: &str, most: usize) -> Result<Option<usize>, String> {
    match number(name)? {
        Some(n) if n > most => Err(format!("{name} must be at most {most}")),
        other => Ok(other),
    }
}

fn milliseconds(name: &str) -> Result<Option<Duration>, String> {
    const A_DAY: usize = 24 * 60 * 60 * 1000;
    match number(name)? {
        Some(ms) if ms > A_DAY => Err(format!(
            "{name} must be at most {A_DAY} (a day, in milliseconds), not `{ms}`"
        )),
        ms => Ok(ms.map(|ms| Duration::from_millis(ms as u64))),
    }
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

#[cfg(test)]
mod table_tests {
    /// The environment variables the operating system sets, which gaptrack only reads.
    const SYSTEM: &[&str] = &["HOME", "XDG_DATA_HOME"];

    #[test]
    fn the_public_url_is_read_as_an_origin() {
        assert_eq!(
            super::origin_of("HTTPS://Gaptrack.example.org:443/").as_deref(),
            Some("https://gaptrack.example.org")
        );
        assert_eq!(super::origin_of("gaptrack.example.org"), None);
    }

    #[test]
    fn the_table_names_every_variable_that_is_read() {
        let source = include_str!("mod.rs");
        let (table, code): (Vec<&str>, Vec<&str>) =
            source.lines().partition(|line| line.starts_with("//!"));
        let table = table.join("\n");
        let code = code.join("\n");
        let read: Vec<&str> = code
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|text| {
                text.len() > 3
                    && text
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            })
            .filter(|name| !SYSTEM.contains(name))
            .collect();
        assert!(read.len() > 20, "the variables are found: {read:?}");
        for name in read {
            assert!(
                table.contains(&format!("`{name}`")),
                "{name} is read but not in the module's table"
            );
        }
    }
}
