//! The command line: `gaptrack [serve]`, `gaptrack demo load`, `gaptrack users ...`,
//! `gaptrack keys ...`, `gaptrack import ...`, `gaptrack openapi`.

mod accounts;
mod backup;
mod error;
mod reminders;

pub use accounts::UsersCommand;
pub use error::CliError;
pub use reminders::RemindersCommand;

use std::net::TcpListener;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use crate::config::{Config, ServerSettings};
use crate::database::Database;
use crate::domain::Role;
use crate::domain::{Actor, Failure};
use crate::http::json;
use crate::import::json_file::JsonImport;
use crate::import::{ImportRows, RunOptions, csv_file};
use crate::usecases::keys::{CreateApiKey, create_key};
use crate::{demo, generate, startup, tier_history};

/// gaptrack: which TIP Report recommendations an organisation's work answers, country by country.
///
/// Configuration is by environment variable: DATABASE_URL, BIND_ADDRESS, GAPTRACK_DATA_DIR,
/// GAPTRACK_PG_BINDIR, BACKUP_DIR, BACKUP_KEEP, DATABASE_POOL_SIZE, HTTP_WORKERS, RUST_LOG (see
/// the README).
#[derive(Debug, Parser)]
#[command(name = "gaptrack", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What the command line asked for.
#[derive(Debug, Subcommand, PartialEq, Eq)]
pub enum Command {
    /// Run the HTTP service (the default).
    Serve,
    /// The demo dataset: the 2023 report for Senegal, Sierra Leone, Malawi and Zambia.
    #[command(subcommand)]
    Demo(DemoCommand),
    /// People's accounts, managed directly in the database.
    #[command(subcommand)]
    Users(UsersCommand),
    /// API keys, managed directly in the database.
    #[command(subcommand)]
    Keys(KeysCommand),
    /// Import report data from a CSV or JSON file (.json), all or nothing.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Reminders before the TIP Office's deadlines, by e-mail.
    #[command(subcommand)]
    Reminders(RemindersCommand),
    /// Write a backup of the database (pg_dump's custom format): to FILE, or into BACKUP_DIR
    /// (keeping the last BACKUP_KEEP there). Safe beside a running server.
    Backup {
        #[arg(long, value_name = "FILE")]
        to: Option<PathBuf>,
    },
    /// Restore a backup: into the database gaptrack manages (replacing it, after a backup of it),
    /// or into the empty database of DATABASE_URL. Asks for confirmation unless --yes.
    Restore {
        file: PathBuf,
        /// Do not ask.
        #[arg(long)]
        yes: bool,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// Tools for developers.
    #[command(subcommand)]
    Dev(DevCommand),
}

#[derive(Debug, Subcommand, PartialEq, Eq)]
pub enum DemoCommand {
    /// Load the demo dataset (all or nothing; refused if it is already there).
    Load,
}

#[derive(Debug, Subcommand, PartialEq, Eq)]
pub enum DevCommand {
    /// Fill an empty database with a deterministic data set at the scale of the real report
    /// (scale 1: ~190 countries x 25 years, ~50,000 recommendations, 100,000 interventions,
    /// ~250,000 links; scale N multiplies interventions and links by N).
    Generate {
        #[arg(long, default_value_t = 1)]
        scale: usize,
    },
    /// Compare the stored statuses (the read model coverage and the gap report answer from) with
    /// the live rule, for every recommendation, year and organisation, and list any difference;
    /// exits 1 when there is one. With --rebuild, build the read model again from the live tables
    /// first (writes to links and interventions wait while it runs).
    CheckReadModel {
        #[arg(long)]
        rebuild: bool,
    },
}

#[derive(Debug, Subcommand, PartialEq, Eq)]
pub enum ImportCommand {
    /// Tier placements. Without --year every row names its year (a tier history, such as
    /// `countryname,iso,year,ccode,tier` research data); missing report years are created.
    Tiers {
        file: PathBuf,
        /// Import one report year only (rows may then leave out the year).
        #[arg(long)]
        year: Option<i32>,
        /// Check the file and say what would change, without writing anything.
        #[arg(long)]
        dry_run: bool,
    },
    /// Recommendations of one report year (created if missing).
    Recommendations {
        file: PathBuf,
        #[arg(long)]
        year: i32,
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand, PartialEq, Eq)]
pub enum KeysCommand {
    /// Create a key and print its secret, once.
    Create {
        /// Who or what will use the key, e.g. "grant writing team".
        #[arg(long)]
        name: String,
        /// admin, editor or viewer.
        #[arg(long)]
        role: Role,
        /// The organisation whose interventions an editor key may change.
        #[arg(long)]
        organisation: Option<Uuid>,
    },
    /// List keys (never their secrets).
    List,
    /// Revoke a key by id.
    Revoke { id: Uuid },
}

/// Runs a command to completion.
pub async fn run(command: Command) -> Result<(), CliError> {
    match command {
        Command::Openapi => {
            print!("{}", startup::openapi_json());
            Ok(())
        }
        Command::Serve => serve().await,
        Command::Backup { to } => backup::backup(to).await,
        Command::Restore { file, yes } => backup::restore(file, yes).await,
        Command::Reminders(command) => reminders::run(command).await,
        Command::Demo(DemoCommand::Load) => {
            with_database(async |url| {
                let mut connection = connect(url).await?;
                let loaded =
                    demo::load(&mut connection, &Actor::command_line("demo load")).await?;
                println!(
                    "demo loaded: {} recommendations, {} interventions, {} links",
                    loaded.recommendations, loaded.interventions, loaded.links
                );
                Ok(())
            })
            .await
        }
        Command::Keys(command) => with_database(async |url| keys_command(url, command).await).await,
        Command::Users(command) => {
            with_opened_database(async |database| accounts::run(database, command).await).await
        }
        Command::Dev(DevCommand::Generate { scale }) => {
            with_database(async |url| {
                let mut connection = connect(url).await?;
                let started = std::time::Instant::now();
                let generated = generate::generate(&mut connection, scale.max(1), |step| {
                    eprintln!("generating {step} ({:.0?})", started.elapsed());
                })
                .await?;
                println!(
                    "generated {} countries, {} tiers, {} recommendations, {} interventions, {} links in {:.1?}",
                    generated.countries,
                    generated.tiers,
                    generated.recommendations,
                    generated.interventions,
                    generated.links,
                    started.elapsed()
                );
                Ok(())
            })
            .await
        }
        Command::Dev(DevCommand::CheckReadModel { rebuild }) => {
            with_database(async |url| check_read_model(url, rebuild).await).await
        }
        Command::Import(command) => {
            let (file, year, dry_run) = match command {
                ImportCommand::Tiers {
                    file,
                    year,
                    dry_run,
                } => (file, year, dry_run),
                ImportCommand::Recommendations {
                    file,
                    year,
                    dry_run,
                } => (file, Some(year), dry_run),
            };
            let rows = read_import_file(&file)?;
            with_database(async |url| {
                let mut connection = connect(url).await?;
                let options = RunOptions {
                    dry_run,
                    create_missing_reports: true,
                    statement_time: None,
                };
                let summary = crate::usecases::imports::import_rows(
                    &mut connection,
                    &Actor::command_line("import"),
                    year,
                    rows.into(),
                    options,
                )
                .await?;
                println!(
                    "{}",
                    serde_json::to_string_pretty(&summary).expect("summaries serialise")
                );
                Ok(())
            })
            .await
        }
    }
}

/// Opens the configured database (starting the local cluster if need be), runs `work` on it, and
/// closes it again whatever happened.
async fn with_database(
    work: impl AsyncFnOnce(&str) -> Result<(), CliError>,
) -> Result<(), CliError> {
    with_opened_database(async |database| work(&database.url).await).await
}

/// [`with_database`], for `work` that needs the opened [`Database`] itself (its pool).
async fn with_opened_database(
    work: impl AsyncFnOnce(&Database) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let config = Config::from_env().map_err(CliError::Config)?;
    let database = Database::open(&config).await?;
    let result = work(&database).await;
    database.close();
    result
}

/// Reads an import file: JSON when it ends in `.json`, CSV otherwise.
fn read_import_file(path: &Path) -> Result<ImportRows, CliError> {
    let bytes = std::fs::read(path).map_err(|cause| CliError::ReadFile {
        path: path.to_owned(),
        cause,
    })?;
    let is_json = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("json"));
    let rows = if is_json {
        json::parse::<JsonImport>(&bytes).map(ImportRows::from)
    } else {
        csv_file::read(&bytes).map_err(Failure::from)
    };
    Ok(rows?)
}

async fn connect(url: &str) -> Result<AsyncPgConnection, CliError> {
    AsyncPgConnection::establish(url)
        .await
        .map_err(CliError::Connect)
}

/// `gaptrack dev check-read-model`: lists where the stored statuses differ from the live rule.
async fn check_read_model(url: &str, rebuild: bool) -> Result<(), CliError> {
    let mut connection = connect(url).await?;
    let started = std::time::Instant::now();
    let differences = crate::usecases::read_model::check(&mut connection, rebuild).await?;
    for difference in &differences {
        let scope = difference
            .organisation_id
            .map_or_else(|| "overall".to_string(), |id| format!("organisation {id}"));
        println!(
            "recommendation {} ({scope}): stored {}, live {}",
            difference.recommendation_id, difference.stored, difference.live
        );
    }
    if differences.is_empty() {
        println!(
            "the read model equals the live rule ({:.1?})",
            started.elapsed()
        );
        Ok(())
    } else {
        Err(CliError::ReadModelDiffers(differences.len()))
    }
}

async fn keys_command(url: &str, command: KeysCommand) -> Result<(), CliError> {
    let mut connection = connect(url).await?;
    match command {
        KeysCommand::Create {
            name,
            role,
            organisation,
        } => {
            let request = CreateApiKey {
                name,
                role,
                organisation_id: organisation,
            };
            let (row, secret) = create_key(
                &mut connection,
                &Actor::command_line("keys create"),
                &request,
            )
            .await?;
            println!("created {} key `{}` ({})", row.role, row.name, row.id);
            println!("{secret}");
            eprintln!("This is the only time the key is shown: store it now.");
        }
        KeysCommand::List => {
            let rows = crate::usecases::keys::all_keys_as_operator(&mut connection).await?;
            for row in rows {
                let organisation = row
                    .organisation_id
                    .map(|id| id.to_string())
                    .unwrap_or_default();
                let state = if row.revoked_at.is_some() {
                    "revoked"
                } else {
                    "active"
                };
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    row.id, row.role, state, row.name, organisation
                );
            }
        }
        KeysCommand::Revoke { id } => {
            let actor = Actor::command_line("keys revoke");
            let row = crate::usecases::keys::revoke_key_as(&mut connection, &actor, id).await?;
            println!("revoked key `{}` ({})", row.name, row.id);
        }
    }
    Ok(())
}

async fn serve() -> Result<(), CliError> {
    let config = Config::from_env().map_err(CliError::Config)?;
    let database = Database::open_to_serve(&config).await?;
    let result = serve_on(&config, &database).await;
    database.close();
    result
}

async fn serve_on(config: &Config, database: &Database) -> Result<(), CliError> {
    let mut connection = connect(&database.url).await?;
    if database.freshly_created {
        let loaded =
            demo::load(&mut connection, &Actor::command_line("serve: first start")).await?;
        log::info!(
            "new local database: loaded the demo dataset ({} recommendations, {} interventions)",
            loaded.recommendations,
            loaded.interventions
        );
        let actor = Actor::command_line("serve: first start");
        let history = tier_history::load(&mut connection, &actor).await?;
        log::info!(
            "new local database: loaded the tier history ({} placements over {} report years)",
            history.tiers.received,
            history.reports_created.len()
        );
    }
    bootstrap_admin_key(&mut connection).await?;
    drop(connection);

    let pool = database.pool(config.pool_size, config)?;
    // Printed, not logged, so the link is not kept in log files.
    let actor = Actor::command_line("serve: first start");
    if let Some(message) = accounts::first_admin(&pool, &actor, config).await? {
        print!("{message}");
    }
    let listening = |cause| CliError::Listen {
        address: config.bind_address.clone(),
        cause,
    };
    let listener = TcpListener::bind(&config.bind_address).map_err(listening)?;
    let address = listener.local_addr().map_err(listening)?;
    let settings = ServerSettings {
        backups: database.managed_backups(config),
        ..config.server_settings()
    };
    let server = startup::run(listener, pool, settings).map_err(listening)?;
    log::info!("gaptrack listening on http://{address}");
    log::info!("API docs at http://{address}{}", startup::DOCS_PATH);
    log::info!("try http://{address}/api/v1/countries/SLE/gaps");
    if config.public_url.is_none() && config.accounts.smtp.is_some() {
        log::warn!(
            "PUBLIC_URL is not set: e-mailed invitation and reset links use the address each \
             page was opened at; set PUBLIC_URL to the address people open gaptrack at"
        );
    }
    server.await.map_err(CliError::Server)
}

/// On a database without any key, creates the first admin key and prints it once, on standard
/// output rather than in the log, so that it is not kept in log files.
async fn bootstrap_admin_key(connection: &mut AsyncPgConnection) -> Result<(), CliError> {
    if crate::usecases::keys::any_key(connection).await? {
        return Ok(());
    }
    let request = CreateApiKey {
        name: "first admin".into(),
        role: Role::Admin,
        organisation_id: None,
    };
    let (_, secret) = create_key(
        connection,
        &Actor::command_line("serve: first start"),
        &request,
    )
    .await?;
    println!(
        "\nThis database had no API key, so an admin key was created. It is shown only this once:\n\n\
         \x20   {secret}\n\n\
         Send it as `Authorization: Bearer <key>`. Create keys for your team with POST /api/v1/keys\n\
         or `gaptrack keys create --name <name> --role <admin|editor|viewer> [--organisation <id>]`.\n"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(words: &[&str]) -> Result<Option<Command>, clap::Error> {
        Cli::try_parse_from(std::iter::once("gaptrack").chain(words.iter().copied()))
            .map(|cli| cli.command)
    }

    #[test]
    fn serving_is_the_default() {
        assert_eq!(parse(&[]).unwrap(), None);
        assert_eq!(parse(&["serve"]).unwrap(), Some(Command::Serve));
        assert_eq!(
            parse(&["demo", "load"]).unwrap(),
            Some(Command::Demo(DemoCommand::Load))
        );
    }

    #[test]
    fn an_editor_key_names_its_organisation_on_the_command_line() {
        let id = Uuid::nil().to_string();
        let command = parse(&[
            "keys",
            "create",
            "--name",
            "team",
            "--role",
            "editor",
            "--organisation",
            &id,
        ]);
        assert_eq!(
            command.unwrap(),
            Some(Command::Keys(KeysCommand::Create {
                name: "team".into(),
                role: Role::Editor,
                organisation: Some(Uuid::nil()),
            }))
        );
        assert!(parse(&["keys", "create", "--name", "x", "--role", "owner"]).is_err());
    }
}
