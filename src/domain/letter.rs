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
