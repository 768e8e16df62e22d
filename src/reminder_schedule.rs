//! The reminders' schedule inside the server: every hour, the reminders due are written and
//! sent (`usecases::reminders::send_due`), when mail is set up. Several instances on one database
//! may each run it: each reminder still goes once, claimed in PostgreSQL. `gaptrack reminders
//! send` does the same once, for cron.

use std::time::Duration;

use actix_web::web;

use crate::http::AppState;
use crate::usecases::reminders::{ReminderSettings, send_due};

/// How often the server looks for reminders due.
const EVERY: Duration = Duration::from_secs(60 * 60);

/// Starts the schedule on the server's runtime; nothing when mail is not set up.
pub fn start(state: web::Data<AppState>, origin: String) {
    let Some(mailer) = state.mailer.clone() else {
        return;
    };
    let settings = ReminderSettings {
        days_before: state.accounts.reminder_days_before,
        public_url: origin,
    };
    actix_web::rt::spawn(async move {
        loop {
            match send_due(state.get_ref(), &mailer, &settings).await {
                Ok(run) if run.sent > 0 || run.failed.is_some() => log::info!(
                    "reminders: {} sent, {} with nothing to remind of{}",
                    run.sent,
                    run.nothing_to_remind,
                    run.failed
                        .map(|error| format!("; stopped: {error}"))
                        .unwrap_or_default()
                ),
                Ok(_) => {}
                Err(failure) => log::warn!("reminders could not be sent: {failure:?}"),
            }
            actix_web::rt::time::sleep(EVERY).await;
        }
    });
}
