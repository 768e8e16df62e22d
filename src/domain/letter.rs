//! An e-mail for a person, as the use cases write it (an invitation, a new link): what it says,
//! not how it travels, which is `mail`'s job.

/// A message for a person: the subject and plain-text body (links and all).
#[derive(Debug, Clone)]
pub struct Letter {
    pub to_address: String,
    pub to_name: String,
    pub subject: String,
    pub body: String,
}

/// What sends letters: the mail server in the service, as `mail::Mailer` does. The use cases
/// that write letters on their own (reminders) take one, so they do not depend on how mail
/// travels.
pub trait Postman: Sync {
    /// Sends `letter`; the error says why, in words for the log.
    fn send(&self, letter: &Letter)
    -> impl std::future::Future<Output = Result<(), String>> + Send;
}
