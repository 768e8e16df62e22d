//! `gaptrack reminders send`: sends the reminders due today, once, for cron (the server does the
//! same every hour). Safe beside running servers and other runs: each reminder is claimed in
//! PostgreSQL and goes to each person once.

use clap::Subcommand;

use super::CliError;
use crate::config::Config;
use crate::database::Database;
use crate::mail::Mailer;
use crate::usecases::reminders::{ReminderSettings, send_due};

#[derive(Debug, Subcommand, PartialEq, Eq)]
pub enum RemindersCommand {
    /// Send the reminders due today (needs SMTP_URL; links use PUBLIC_URL).
    Send,
}

pub async fn run(command: RemindersCommand) -> Result<(), CliError> {
    let RemindersCommand::Send = command;
    let config = Config::from_env().map_err(CliError::Config)?;
    let Some(smtp) = &config.accounts.smtp else {
        return Err(CliError::Config(
            "reminders go by e-mail: set SMTP_URL (and MAIL_FROM) first".into(),
        ));
    };
    let mailer = Mailer::new(smtp).map_err(CliError::Config)?;
    let database = Database::open(&config).await?;
    let result = async {
        let pool = database.pool(2, &config)?;
        let settings = ReminderSettings {
            days_before: config.accounts.reminder_days_before,
            public_url: config.public_url_or_bind_address(),
        };
        let run = send_due(&pool, &mailer, &settings).await?;
        println!(
            "reminders: {} due, {} new, {} sent, {} with nothing to remind of",
            run.due, run.written, run.sent, run.nothing_to_remind
        );
        match run.failed {
            Some(error) => Err(CliError::Config(format!(
                "the mail server refused, the rest is tried on the next run: {error}"
            ))),
            None => Ok(()),
        }
    }
    .await;
    database.close();
    result
}
