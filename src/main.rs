//! The `gaptrack` binary: logging, then the command line.

use std::process::ExitCode;

use clap::Parser;
use gaptrack::cli::{self, Cli, Command};

#[actix_web::main]
async fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();
    let command = Cli::parse().command.unwrap_or(Command::Serve);
    match cli::run(command).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            log::error!("{}", error.with_causes());
            ExitCode::FAILURE
        }
    }
}
