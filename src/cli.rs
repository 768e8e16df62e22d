//! The command line: `gaptrack [serve]`, `gaptrack demo load`, `gaptrack openapi`.

use std::net::TcpListener;

use crate::config::Config;
use crate::database::Database;
use crate::{db, demo, startup};

/// What the command line asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Serve,
    DemoLoad,
    PrintOpenApi,
    Help,
}

pub const USAGE: &str = "\
gaptrack: which TIP Report recommendations an organisation's work answers, country by country.

Usage:
  gaptrack [serve]    run the HTTP service (the default)
  gaptrack demo load  load the demo dataset (the 2023 report for Senegal, Sierra Leone, Malawi, Zambia)
  gaptrack openapi    print the OpenAPI document
  gaptrack help       print this help

Configuration is by environment variable: DATABASE_URL, BIND_ADDRESS, GAPTRACK_DATA_DIR,
GAPTRACK_PG_BINDIR, DATABASE_POOL_SIZE, HTTP_WORKERS, RUST_LOG (see the README).";

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words.as_slice() {
        [] | ["serve"] => Ok(Command::Serve),
        ["demo", "load"] => Ok(Command::DemoLoad),
        ["openapi"] => Ok(Command::PrintOpenApi),
        ["help" | "--help" | "-h"] => Ok(Command::Help),
        _ => Err(format!("unknown command `{}`\n\n{USAGE}", words.join(" "))),
    }
}

/// Runs a command to completion.
pub async fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Help => {
            println!("{USAGE}");
            Ok(())
        }
        Command::PrintOpenApi => {
            print!("{}", startup::openapi_json());
            Ok(())
        }
        Command::DemoLoad => {
            let config = Config::from_env()?;
            let database = Database::open(&config).await.map_err(|e| e.to_string())?;
            let result = load_demo(&database.url).await;
            database.close();
            let loaded = result?;
            println!(
                "demo loaded: {} recommendations, {} interventions, {} links",
                loaded.recommendations, loaded.interventions, loaded.links
            );
            Ok(())
        }
        Command::Serve => serve().await,
    }
}

async fn load_demo(url: &str) -> Result<demo::Loaded, String> {
    use diesel_async::AsyncConnection;
    let mut connection = diesel_async::AsyncPgConnection::establish(url)
        .await
        .map_err(|error| format!("cannot connect to the database: {error}"))?;
    demo::load(&mut connection).await.map_err(|e| e.to_string())
}

async fn serve() -> Result<(), String> {
    let config = Config::from_env()?;
    let database = Database::open(&config).await.map_err(|e| e.to_string())?;
    let result = serve_on(&config, &database).await;
    database.close();
    result
}

async fn serve_on(config: &Config, database: &Database) -> Result<(), String> {
    if database.freshly_created {
        let loaded = load_demo(&database.url).await?;
        log::info!(
            "new local database: loaded the demo dataset ({} recommendations, {} interventions)",
            loaded.recommendations,
            loaded.interventions
        );
    }
    let pool = db::build_pool(&database.url, config.pool_size).map_err(|e| e.to_string())?;
    let listener = TcpListener::bind(&config.bind_address)
        .map_err(|error| format!("cannot listen on {}: {error}", config.bind_address))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let server = startup::run(listener, pool, config.workers).map_err(|e| e.to_string())?;
    log::info!("gaptrack listening on http://{address}");
    log::info!("API docs at http://{address}{}", startup::DOCS_PATH);
    log::info!("try http://{address}/api/v1/countries/SLE/gaps");
    server
        .await
        .map_err(|error| format!("the server failed: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn serving_is_the_default() {
        assert_eq!(parse(&args(&[])), Ok(Command::Serve));
        assert_eq!(parse(&args(&["demo", "load"])), Ok(Command::DemoLoad));
    }

    #[test]
    fn an_unknown_command_shows_the_usage() {
        let error = parse(&args(&["migrate"])).unwrap_err();
        assert!(error.contains("Usage:"));
    }
}
