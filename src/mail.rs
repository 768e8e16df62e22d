//! E-mail: invitations and password resets go to the person's address when `SMTP_URL` is set.
//! The admin always sees the link as well, so a mail server that is down or refuses delays no
//! one; a failure is logged (without the link) and said on the page.

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::SmtpSettings;
use crate::domain::Letter;

/// Sends gaptrack's e-mail through the configured server.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from).finish()
    }
}

impl Mailer {
    /// A mailer for `settings`; a malformed `SMTP_URL` or `MAIL_FROM` is an error at start-up,
    /// not at the first invitation.
    pub fn new(settings: &SmtpSettings) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&settings.url)
            .map_err(|error| format!("SMTP_URL is not a mail server's address: {error}"))?
            // Inside the admin's request, whose deadline is REQUEST_TIMEOUT_MS (5 s by default):
            // a mail server slower than this is reported as not having taken the message, and
            // the admin passes the link on, rather than the page answering 503.
            .timeout(Some(Duration::from_secs(3)))
            .build();
        let from = settings
            .from
            .parse::<Mailbox>()
            .map_err(|error| format!("MAIL_FROM is not an address: {error}"))?;
        Ok(Self { transport, from })
    }

    /// Sends `letter`; the error says why in words for the log and the admin's page.
    pub async fn send(&self, letter: &Letter) -> Result<(), String> {
        let to = Mailbox::new(
            Some(letter.to_name.clone()),
            letter
                .to_address
                .parse()
                .map_err(|error| format!("`{}` cannot receive mail: {error}", letter.to_address))?,
        );
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&letter.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(letter.body.clone())
            .map_err(|error| format!("the message cannot be written: {error}"))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|error| format!("the mail server did not take the message: {error}"))
    }
}

impl crate::domain::Postman for Mailer {
    async fn send(&self, letter: &Letter) -> Result<(), String> {
        Mailer::send(self, letter).await
    }
}
