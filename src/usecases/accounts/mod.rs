//! People's accounts: invitations and the links that open them, passwords, signing in (with a
//! second factor), and what admins change. The pages and the command line call these; the JSON
//! API stays for keys.
//!
//! - `invitations.rs`: inviting people and the links an admin makes for them;
//! - `links.rs`: opening a link and choosing a password with it;
//! - `sign_in.rs`: signing in, with a password, a provider, and the second factor;
//! - `enrolment.rs`: setting up a second factor, and removing it from the command line;
//! - `own_account.rs`: what a person changes of their own account, and an admin of anyone's;
//! - `people.rs`: what the admin's People pages read.

mod enrolment;
mod invitations;
mod links;
mod own_account;
mod people;
mod sign_in;

pub use enrolment::{Enrolment, confirm_enrolment, reset_second_factor, start_enrolment};
pub use invitations::{
    Invitation, MadeLink, first_admin_link, invite, invite_as, new_link, withdraw_link,
};
pub use links::{ChosenPassword, OpenedLink, closed_reason, open_link, redeem_link};
pub use own_account::{
    AccountChanges, AccountOverview, account_overview, change_password, own_account, set_language,
    update_account,
};
pub use people::{
    OrganisationRow, PeopleOverview, PersonOverview, account, account_link, all_people_as_operator,
    people, person,
};
pub use sign_in::{SignedIn, check_second_factor, sign_in, sign_in_by_provider};

use chrono::Utc;
use uuid::Uuid;

use crate::config::AccountSettings;
use crate::db::account_links::{self, Redeem, Redemption};
pub use crate::db::account_links::{AccountLinkRow, LinkState};
pub use crate::db::users::UserRow;
use crate::db::users::{self, Credentials, NewUser, Update, UserChanges};
use crate::db::{Connections, Constrained, second_factors, sign_in_failures};
use crate::domain::Letter;
use crate::domain::Refusal;
use crate::domain::password;
use crate::domain::second_factor;
use crate::domain::{
    AccountLinkPurpose, Actor, Caller, Failure, Language, NewSecretToken, Role, SessionPending,
    UserState, Validator, secret_token_digest,
};

/// The path a link's token is opened at, under gaptrack's origin.
pub const LINK_PATH: &str = "/account-links";

/// Checks an address as one a person can receive mail at (the rest is the mail server's word),
/// and returns it trimmed.
fn checked_email(check: &mut Validator, field: &str, email: &str) -> String {
    let email = email.trim();
    let plausible = email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
    }) && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && email.len() <= 254;
    if !plausible {
        check.error(field, "invalid-email");
    }
    email.to_owned()
}

fn checked_name(check: &mut Validator, name: &str) -> String {
    let name = check.required_text("display_name", name);
    if name.chars().count() > 200 {
        check.error(
            "display_name",
            Refusal::new("invalid-name-too-long").with("most", 200),
        );
    }
    name
}

/// Refuses an editor without an organisation, or a named organisation that does not exist.
async fn check_organisation(
    db: &impl Connections,
    role: Role,
    organisation_id: Option<Uuid>,
) -> Result<(), Failure> {
    if role.needs_organisation() && organisation_id.is_none() {
        return Err(Failure::invalid(
            "organisation_id",
            "invalid-editor-organisation",
        ));
    }
    if let Some(organisation) = organisation_id {
        let mut connection = db.connect().await?;
        super::organisations::active_organisation(&mut connection, organisation).await?;
    }
    Ok(())
}

fn email_taken(email: &str) -> Failure {
    Failure::Conflict(
        Refusal::new("refusal-email-taken")
            .with("email", email)
            .about("email"),
    )
}

fn link_address(origin: &str, token: &str) -> String {
    format!("{origin}{LINK_PATH}/{token}")
}

/// Checks a new password against the rule and its confirmation; `known` are the person's own
/// words (their name and address), which make a password easy to guess.
fn check_new_password(check: &mut Validator, password: &str, confirmation: &str, known: &[&str]) {
    if let Some(why) = password::weakness(password, known) {
        check.error("password", why);
    } else if password != confirmation {
        check.error("confirmation", "invalid-confirmation");
    }
}

fn words_of<'a>(email: &'a str, name: &'a str) -> Vec<&'a str> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    words.extend(email.split(['@', '.', '_', '-', '+']));
    words.push(email);
    words
}

/// Whether `password` is the one account `user_id` has now.
async fn is_current_password(
    db: &impl Connections,
    user_id: Uuid,
    password: &str,
) -> Result<bool, Failure> {
    let mut connection = db.connect().await?;
    let credentials = users::credentials(&mut connection, user_id).await?;
    Ok(credentials
        .and_then(|credentials| credentials.password_hash)
        .is_some_and(|hash| password::matches(&hash, password)))
}
