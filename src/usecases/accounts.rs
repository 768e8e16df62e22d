//! People's accounts: invitations and the links that open them, passwords, signing in (with a
//! second factor), and what admins change. The pages and the command line call these; the JSON
//! API stays for keys.

use chrono::Utc;
use uuid::Uuid;

use crate::config::AccountSettings;
use crate::db::account_links::{self, AccountLinkRow, LinkState, Redeem, Redemption};
use crate::db::users::{self, Credentials, NewUser, Update, UserChanges, UserRow};
use crate::db::{Connections, Constrained, sign_in_failures};
use crate::domain::password;
use crate::domain::second_factor;
use crate::domain::{
    AccountLinkPurpose, Actor, Caller, Failure, Language, NewSecretToken, Role, SessionPending,
    UserState, Validator, secret_token_digest,
};
use crate::mail::Letter;

/// The path a link's token is opened at, under gaptrack's origin.
pub const LINK_PATH: &str = "/account-links";

/// Whom to invite.
#[derive(Debug, Clone)]
pub struct Invitation<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub organisation_id: Option<Uuid>,
    /// A new organisation to create for the person, in the same transaction as the invitation
    /// (`organisation_id` is then not read).
    pub new_organisation: Option<&'a str>,
}

/// A one-time link just made: the token is in `address`, shown once.
#[derive(Debug, Clone)]
pub struct MadeLink {
    pub user: Option<UserRow>,
    pub link: AccountLinkRow,
    /// The whole address to pass on.
    pub address: String,
}

impl MadeLink {
    /// The e-mail that carries the link to its person (none for the first admin's link).
    pub fn letter(&self, inviter: &str) -> Option<Letter> {
        let user = self.user.as_ref()?;
        let expires = self.link.expires_at.format("%-d %B %Y at %H:%M UTC");
        let (subject, body) = match self.link.purpose {
            AccountLinkPurpose::Invitation => (
                "You are invited to gaptrack".to_owned(),
                format!(
                    "Hello {name},\n\n{inviter} invited you to gaptrack, which tracks the \
                     Trafficking in Persons Report recommendations your organisation's work \
                     answers.\n\nOpen this link to choose your password and sign in:\n\n{address}\n\n\
                     It works once, until {expires}. If you did not expect it, ignore this \
                     message.\n",
                    name = user.display_name,
                    address = self.address,
                ),
            ),
            _ => (
                "Choose a new gaptrack password".to_owned(),
                format!(
                    "Hello {name},\n\n{inviter} made you a link to choose a new gaptrack \
                     password:\n\n{address}\n\nIt works once, until {expires}. Your other \
                     sessions end when you use it. If you did not ask for it, tell your admin.\n",
                    name = user.display_name,
                    address = self.address,
                ),
            ),
        };
        Some(Letter {
            to_address: user.email.clone(),
            to_name: user.display_name.clone(),
            subject,
            body,
        })
    }
}

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
        check.error(field, "must be an e-mail address, like name@example.org");
    }
    email.to_owned()
}

fn checked_name(check: &mut Validator, name: &str) -> String {
    let name = check.required_text("display_name", name);
    if name.chars().count() > 200 {
        check.error("display_name", "must be at most 200 characters");
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
            "an editor must belong to the organisation whose work they change",
        ));
    }
    if let Some(organisation) = organisation_id {
        let mut connection = db.connect().await?;
        super::organisations::active_organisation(&mut connection, organisation).await?;
    }
    Ok(())
}

fn email_taken(email: &str) -> Failure {
    Failure::Conflict(format!(
        "an account with the address {email} already exists"
    ))
}

fn link_address(origin: &str, token: &str) -> String {
    format!("{origin}{LINK_PATH}/{token}")
}

/// Invites a person (for `caller`, an admin): their account, invited, and a link that lets them
/// choose a password, valid for `settings.invitation_lifetime`. `origin` is gaptrack's, for the
/// link.
pub async fn invite(
    db: &impl Connections,
    caller: &Caller,
    settings: &AccountSettings,
    origin: &str,
    invitation: &Invitation<'_>,
) -> Result<MadeLink, Failure> {
    caller.require_person_admin()?;
    invite_as(db, &caller.actor(), settings, origin, invitation).await
}

/// [`invite`], for the command line (whoever holds the database).
pub async fn invite_as(
    db: &impl Connections,
    actor: &Actor,
    settings: &AccountSettings,
    origin: &str,
    invitation: &Invitation<'_>,
) -> Result<MadeLink, Failure> {
    let mut check = Validator::default();
    let email = checked_email(&mut check, "email", invitation.email);
    let display_name = checked_name(&mut check, invitation.display_name);
    let new_organisation = invitation
        .new_organisation
        .map(|name| check.required_line("new_organisation", name));
    check.finish()?;
    if new_organisation.is_none() {
        check_organisation(db, invitation.role, invitation.organisation_id).await?;
    }
    let token = NewSecretToken::generate();
    let user = NewUser {
        email: &email,
        display_name: &display_name,
        role: invitation.role,
        organisation_id: invitation.organisation_id,
        state: UserState::Invited,
        password_hash: None,
    };
    let expires_at = Utc::now() + settings.invitation_lifetime;
    let mut connection = db.connect().await?;
    let made = account_links::invite(
        &mut connection,
        actor,
        &user,
        new_organisation.as_deref(),
        &token.sha256,
        expires_at,
    )
    .await?;
    match made {
        Constrained::Done((user, link)) => Ok(MadeLink {
            user: Some(user),
            link,
            address: link_address(origin, &token.token),
        }),
        Constrained::Duplicate(constraint) if constraint.starts_with("organisations_") => {
            Err(Failure::invalid(
                "new_organisation",
                format!(
                    "an organisation named “{}” already exists: choose it in the list instead",
                    new_organisation.unwrap_or_default()
                ),
            ))
        }
        Constrained::Duplicate(_) => Err(email_taken(&email)),
        Constrained::MissingReference(_) => Err(Failure::invalid(
            "organisation_id",
            "that organisation no longer exists",
        )),
    }
}

/// A new link for an account (for `caller`, an admin): a fresh invitation while it is invited,
/// else a password reset valid for `settings.reset_lifetime`. Earlier open links of the kind
/// stop working.
pub async fn new_link(
    db: &impl Connections,
    caller: &Caller,
    settings: &AccountSettings,
    origin: &str,
    user_id: Uuid,
) -> Result<MadeLink, Failure> {
    caller.require_person_admin()?;
    let mut connection = db.connect().await?;
    let user = users::find(&mut connection, user_id)
        .await?
        .ok_or_else(|| Failure::NotFound(format!("there is no account {user_id}")))?;
    let (purpose, lifetime) = match user.state {
        UserState::Invited => (AccountLinkPurpose::Invitation, settings.invitation_lifetime),
        UserState::Active => (AccountLinkPurpose::PasswordReset, settings.reset_lifetime),
        UserState::Disabled => {
            return Err(Failure::Conflict(format!(
                "{} is disabled: enable the account before making a link to it",
                user.display_name
            )));
        }
    };
    let token = NewSecretToken::generate();
    let link = account_links::insert(
        &mut connection,
        &caller.actor(),
        purpose,
        Some(user.id),
        &token.sha256,
        Utc::now() + lifetime,
    )
    .await?;
    Ok(MadeLink {
        user: Some(user),
        link,
        address: link_address(origin, &token.token),
    })
}

/// Withdraws link `id` (an invitation or a reset) for `caller`, an admin signed in as
/// themselves: it no longer opens. Answers the link as it was, to say whose it was.
pub async fn withdraw_link(
    db: &impl Connections,
    caller: &Caller,
    id: Uuid,
) -> Result<AccountLinkRow, Failure> {
    caller.require_person_admin()?;
    let mut connection = db.connect().await?;
    let Some(link) = account_links::find(&mut connection, id).await? else {
        return Err(Failure::NotFound(format!("there is no link {id}")));
    };
    account_links::revoke(&mut connection, &caller.actor(), id).await?;
    Ok(link)
}

/// The first admin's link, printed at the first start and by `gaptrack users first-admin`:
/// `None` once an admin account is active (invite people from the pages then).
pub async fn first_admin_link(
    db: &impl Connections,
    actor: &Actor,
    settings: &AccountSettings,
    origin: &str,
) -> Result<Option<MadeLink>, Failure> {
    let mut connection = db.connect().await?;
    if users::any_active_admin(&mut connection).await? {
        return Ok(None);
    }
    let token = NewSecretToken::generate();
    let link = account_links::insert(
        &mut connection,
        actor,
        AccountLinkPurpose::FirstAdmin,
        None,
        &token.sha256,
        Utc::now() + settings.invitation_lifetime,
    )
    .await?;
    Ok(Some(MadeLink {
        user: None,
        link,
        address: link_address(origin, &token.token),
    }))
}

/// What a link's page shows before the person chooses a password.
#[derive(Debug, Clone)]
pub struct OpenedLink {
    pub purpose: AccountLinkPurpose,
    pub user: Option<UserRow>,
}

/// Why a link does not open, in words for its page.
pub fn closed_reason(state: LinkState) -> &'static str {
    match state {
        LinkState::Used => {
            "This link has already been used. Sign in with your password, or ask your admin for \
             a new link."
        }
        LinkState::Revoked => "This link was withdrawn. Ask your admin for a new one.",
        LinkState::Expired => "This link has expired. Ask your admin for a new one.",
        LinkState::Open => "This link is open.",
    }
}

/// The link with `token`, if it is still open: `NotFound` for an unknown token, `Conflict` with
/// the reason for one used, revoked or expired (or whose account was disabled since).
pub async fn open_link(db: &impl Connections, token: &str) -> Result<OpenedLink, Failure> {
    let mut connection = db.connect().await?;
    let Some((link, user)) =
        account_links::find_by_token(&mut connection, &secret_token_digest(token)).await?
    else {
        return Err(Failure::NotFound(
            "This link is not one of gaptrack's: check that it was copied whole.".into(),
        ));
    };
    let mut state = link.state(Utc::now());
    if user
        .as_ref()
        .is_some_and(|user| user.state == UserState::Disabled)
    {
        state = LinkState::Revoked;
    }
    if state != LinkState::Open {
        return Err(Failure::Conflict(closed_reason(state).into()));
    }
    Ok(OpenedLink {
        purpose: link.purpose,
        user,
    })
}

/// What a person types on a link's page.
#[derive(Debug, Clone, Default)]
pub struct ChosenPassword<'a> {
    pub password: &'a str,
    pub confirmation: &'a str,
    /// For the first admin's link only.
    pub email: &'a str,
    pub display_name: &'a str,
}

/// Checks a new password against the rule and its confirmation; `known` are the person's own
/// words (their name and address), which make a password easy to guess.
fn check_new_password(check: &mut Validator, password: &str, confirmation: &str, known: &[&str]) {
    if let Some(why) = password::weakness(password, known) {
        check.error("password", why);
    } else if password != confirmation {
        check.error("confirmation", "must be the same password again");
    }
}

fn words_of<'a>(email: &'a str, name: &'a str) -> Vec<&'a str> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    words.extend(email.split(['@', '.', '_', '-', '+']));
    words.push(email);
    words
}

/// Spends a link with the password chosen on its page: an invited person becomes active, a reset
/// changes the password (ending every session), the first admin's link creates the admin.
pub async fn redeem_link(
    db: &impl Connections,
    settings: &AccountSettings,
    token: &str,
    chosen: &ChosenPassword<'_>,
) -> Result<SignedIn, Failure> {
    let opened = open_link(db, token).await?;
    let mut check = Validator::default();
    let (email, display_name) = match &opened.user {
        Some(user) => (user.email.clone(), user.display_name.clone()),
        None => (
            checked_email(&mut check, "email", chosen.email),
            checked_name(&mut check, chosen.display_name),
        ),
    };
    check_new_password(
        &mut check,
        chosen.password,
        chosen.confirmation,
        &words_of(&email, &display_name),
    );
    // A reset is often made because the password leaked: keeping it would undo the reset.
    if let (AccountLinkPurpose::PasswordReset, Some(user)) = (opened.purpose, &opened.user)
        && is_current_password(db, user.id, chosen.password).await?
    {
        check.error("password", "must differ from your current password");
    }
    check.finish()?;
    let password_hash = password::hash(chosen.password).map_err(Failure::Internal)?;
    let redeem = match opened.user {
        Some(_) => Redeem::SetPassword {
            password_hash: &password_hash,
        },
        None => Redeem::CreateAdmin {
            email: &email,
            display_name: &display_name,
            password_hash: &password_hash,
        },
    };
    let mut connection = db.connect().await?;
    match account_links::redeem(&mut connection, &secret_token_digest(token), &redeem).await? {
        // The session it starts waits as a sign-in's does: for the second factor the person has,
        // or for the one their role requires.
        Redemption::Done(user) => Ok(signed_in(settings, user)),
        Redemption::Unknown => Err(Failure::NotFound(
            "This link is not one of gaptrack's.".into(),
        )),
        Redemption::Closed(state) => Err(Failure::Conflict(closed_reason(state).into())),
        Redemption::EmailTaken => Err(email_taken(&email)),
    }
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

/// The same words for a wrong address and a wrong password, so accounts cannot be discovered.
pub const WRONG_PASSWORD: &str =
    "That e-mail address and password do not match an account. Check both and try again.";

/// A right password: who signed in, and what their session still waits for.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: UserRow,
    pub pending: Option<SessionPending>,
}

fn lock_message(until: chrono::DateTime<Utc>) -> Failure {
    let seconds = (until - Utc::now()).num_seconds().max(1) as u64;
    let minutes = seconds.div_ceil(60);
    Failure::Throttled {
        detail: format!(
            "Too many wrong passwords for this address: signing in with it is locked for {} \
             more minute{}. Ask your admin for a reset link if you have forgotten it.",
            minutes,
            if minutes == 1 { "" } else { "s" }
        ),
        retry_after: seconds,
    }
}

/// Checks an address and password. Wrong ones count against the address typed (locked after
/// `settings.lockout`), and an address no account has takes as long and reads the same.
pub async fn sign_in(
    db: &impl Connections,
    settings: &AccountSettings,
    email: &str,
    password: &str,
) -> Result<SignedIn, Failure> {
    let email_key = email.trim().to_lowercase();
    let mut connection = db.connect().await?;
    if let Some(until) = sign_in_failures::locked_until(&mut connection, &email_key).await? {
        return Err(lock_message(until));
    }
    let found = users::credentials_by_email(&mut connection, &email_key).await?;
    let right = match &found {
        Some(Credentials {
            password_hash: Some(hash),
            user,
            ..
        }) if user.state == UserState::Active => password::matches(hash, password),
        Some(Credentials {
            password_hash: Some(hash),
            ..
        }) => {
            // A disabled account: the same check and the same answer as a wrong password.
            let _ = password::matches(hash, password);
            false
        }
        _ => {
            password::match_nothing(password);
            false
        }
    };
    if !right {
        return Err(
            match sign_in_failures::record(&mut connection, &email_key, settings.lockout).await? {
                Some(until) => lock_message(until),
                None => Failure::Unauthenticated(WRONG_PASSWORD.into()),
            },
        );
    }
    sign_in_failures::clear(&mut connection, &email_key).await?;
    let credentials = found.expect("a right password has an account");
    Ok(signed_in(settings, credentials.user))
}

/// What a session of `user` still waits for: their second factor, or (for a role that requires
/// one) its setting up.
fn signed_in(settings: &AccountSettings, user: UserRow) -> SignedIn {
    let pending = if user.has_second_factor() {
        Some(SessionPending::SecondFactor)
    } else if user.role == Role::Admin && settings.admins_need_second_factor {
        Some(SessionPending::Enrolment)
    } else {
        None
    };
    SignedIn { user, pending }
}

/// Signs in a person the organisation's identity provider vouched for: only an address it says
/// is verified, and only one an admin invited (no one signs themselves up). An invited person
/// becomes active (their invitation link stops working); a disabled one is refused.
pub async fn sign_in_by_provider(
    db: &impl Connections,
    settings: &AccountSettings,
    email: &str,
    email_verified: bool,
) -> Result<SignedIn, Failure> {
    if !email_verified {
        return Err(Failure::Forbidden(format!(
            "your identity provider does not say that {email} is verified, so gaptrack cannot \
             tell that it is yours: sign in with your password instead"
        )));
    }
    let mut connection = db.connect().await?;
    let Some(found) = users::credentials_by_email(&mut connection, email).await? else {
        return Err(Failure::Forbidden(format!(
            "no gaptrack account has the address {email}: ask an admin to invite you"
        )));
    };
    let user = match found.user.state {
        UserState::Disabled => {
            return Err(Failure::Forbidden(format!(
                "the gaptrack account of {email} is disabled"
            )));
        }
        UserState::Invited => {
            users::activate_invited(&mut connection, &found.user.caller().actor(), found.user.id)
                .await?
        }
        UserState::Active => found.user,
    };
    Ok(signed_in(settings, user))
}

/// Checks a second factor's code (or one of the recovery codes) for `user_id`; wrong codes count
/// against the account's address as wrong passwords do.
pub async fn check_second_factor(
    db: &impl Connections,
    settings: &AccountSettings,
    user_id: Uuid,
    code: &str,
) -> Result<(), Failure> {
    let mut connection = db.connect().await?;
    let credentials = users::credentials(&mut connection, user_id)
        .await?
        .ok_or_else(|| Failure::Unauthenticated("sign in again".into()))?;
    let email_key = credentials.user.email.to_lowercase();
    if let Some(until) = sign_in_failures::locked_until(&mut connection, &email_key).await? {
        return Err(lock_message(until));
    }
    let now = Utc::now().timestamp() as u64;
    let by_app = match &credentials.totp_secret {
        Some(secret) if credentials.user.has_second_factor() => {
            match second_factor::accepted_step(secret, code, now, credentials.totp_last_step) {
                Some(step) => users::spend_code_step(&mut connection, user_id, step).await?,
                None => false,
            }
        }
        _ => false,
    };
    let right = by_app
        || users::spend_recovery_code(
            &mut connection,
            user_id,
            &second_factor::recovery_code_digest(code),
        )
        .await?;
    if right {
        sign_in_failures::clear(&mut connection, &email_key).await?;
        return Ok(());
    }
    Err(
        match sign_in_failures::record(&mut connection, &email_key, settings.lockout).await? {
            Some(until) => lock_message(until),
            None => Failure::invalid(
                "code",
                "that code is not right, or was already used: type the 6 digits your app shows \
                 now, or one of your recovery codes",
            ),
        },
    )
}

/// The secret a person is setting up, and how their app reads it.
#[derive(Debug, Clone)]
pub struct Enrolment {
    pub setup_address: String,
    pub secret_text: String,
}

/// Starts (or shows again) the setting up of `user`'s second factor: a secret kept unconfirmed
/// until [`confirm_enrolment`].
pub async fn start_enrolment(db: &impl Connections, user_id: Uuid) -> Result<Enrolment, Failure> {
    let mut connection = db.connect().await?;
    let credentials = users::credentials(&mut connection, user_id)
        .await?
        .ok_or_else(|| Failure::NotFound("there is no such account".into()))?;
    if credentials.user.has_second_factor() {
        return Err(Failure::Conflict(
            "a second factor is already set up for this account".into(),
        ));
    }
    let secret = match credentials.totp_secret {
        Some(secret) => secret,
        None => {
            let secret = second_factor::new_secret();
            users::start_second_factor(&mut connection, user_id, &secret).await?;
            secret
        }
    };
    Ok(Enrolment {
        setup_address: second_factor::setup_address(&secret, &credentials.user.email),
        secret_text: second_factor::secret_text(&secret),
    })
}

/// Confirms the second factor being set up with a first code from the app; answers the recovery
/// codes, shown once.
pub async fn confirm_enrolment(
    db: &impl Connections,
    user_id: Uuid,
    code: &str,
) -> Result<Vec<String>, Failure> {
    let mut connection = db.connect().await?;
    let credentials = users::credentials(&mut connection, user_id)
        .await?
        .ok_or_else(|| Failure::NotFound("there is no such account".into()))?;
    let Some(secret) = credentials
        .totp_secret
        .filter(|_| !credentials.user.has_second_factor())
    else {
        return Err(Failure::Conflict(
            "no second factor is being set up: start again from your account page".into(),
        ));
    };
    let now = Utc::now().timestamp() as u64;
    let Some(step) = second_factor::accepted_step(&secret, code, now, None) else {
        return Err(Failure::invalid(
            "code",
            "that code is not right: type the 6 digits your app shows now (check that the \
             phone's clock is right)",
        ));
    };
    let codes = second_factor::new_recovery_codes();
    let digests: Vec<[u8; 32]> = codes
        .iter()
        .map(|code| second_factor::recovery_code_digest(code))
        .collect();
    let actor = credentials.user.caller().actor();
    users::confirm_second_factor(&mut connection, &actor, user_id, step, &digests).await?;
    Ok(codes)
}

/// Changes the signed-in person's password: the current one first, then a new one that meets the
/// rule. Their other sessions end; `keep_session` (this one) stays.
pub async fn change_password(
    db: &impl Connections,
    caller: &Caller,
    current: &str,
    new: &str,
    confirmation: &str,
    keep_session: Option<&[u8]>,
) -> Result<(), Failure> {
    let user_id = own_account(caller)?;
    let mut connection = db.connect().await?;
    let credentials = users::credentials(&mut connection, user_id)
        .await?
        .ok_or_else(|| Failure::NotFound("there is no such account".into()))?;
    let mut check = Validator::default();
    let current_is_right = credentials
        .password_hash
        .as_deref()
        .is_some_and(|hash| password::matches(hash, current));
    if !current_is_right {
        check.error("current_password", "is not your current password");
    }
    let user = &credentials.user;
    check_new_password(
        &mut check,
        new,
        confirmation,
        &words_of(&user.email, &user.display_name),
    );
    if current_is_right && new == current {
        check.error("password", "must differ from your current password");
    }
    check.finish()?;
    let hash = password::hash(new).map_err(Failure::Internal)?;
    users::set_password(
        &mut connection,
        &caller.actor(),
        user_id,
        &hash,
        keep_session,
    )
    .await?;
    Ok(())
}

/// The account of a caller signed in as a person; a key's session has none, even a person's
/// own key (see [`Caller::signed_in_person`]).
pub fn own_account(caller: &Caller) -> Result<Uuid, Failure> {
    caller.signed_in_person()
}

/// What an admin changes of an account.
#[derive(Debug, Clone, Default)]
pub struct AccountChanges {
    pub display_name: Option<String>,
    pub role: Option<Role>,
    /// `Some(None)` takes the person out of any organisation.
    pub organisation_id: Option<Option<Uuid>>,
    pub state: Option<UserState>,
}

/// Changes an account for `caller`, an admin: its name, role, organisation, or state (disable,
/// enable). The last active admin cannot be demoted or disabled; an admin cannot disable
/// themselves (another admin can).
pub async fn update_account(
    db: &impl Connections,
    caller: &Caller,
    user_id: Uuid,
    changes: &AccountChanges,
) -> Result<UserRow, Failure> {
    caller.require_person_admin()?;
    let mut check = Validator::default();
    let display_name = changes
        .display_name
        .as_deref()
        .map(|name| checked_name(&mut check, name));
    check.finish()?;
    if caller.user_id == Some(user_id) && changes.state == Some(UserState::Disabled) {
        return Err(Failure::Conflict(
            "you cannot disable your own account: another admin can".into(),
        ));
    }
    if changes.state == Some(UserState::Invited) {
        return Err(Failure::invalid(
            "state",
            "an account becomes invited only through an invitation",
        ));
    }
    let mut connection = db.connect().await?;
    let current = users::find(&mut connection, user_id)
        .await?
        .ok_or_else(|| Failure::NotFound(format!("there is no account {user_id}")))?;
    if changes.state == Some(UserState::Active) && current.state == UserState::Invited {
        return Err(Failure::Conflict(format!(
            "{} has not accepted the invitation yet: send a new link instead",
            current.display_name
        )));
    }
    let role = changes.role.unwrap_or(current.role);
    let organisation_id = changes.organisation_id.unwrap_or(current.organisation_id);
    drop(connection);
    // Only a new organisation (or a role that now needs one) is checked: a person of an archived
    // organisation can still be renamed or disabled.
    if organisation_id != current.organisation_id || role != current.role {
        let moved = organisation_id != current.organisation_id;
        check_organisation(db, role, organisation_id.filter(|_| moved)).await?;
        if !moved && role.needs_organisation() && organisation_id.is_none() {
            check_organisation(db, role, None).await?;
        }
    }
    let changes = UserChanges {
        display_name,
        role: changes.role,
        organisation_id: changes.organisation_id,
        preferred_language: None,
        state: changes.state,
    };
    let mut connection = db.connect().await?;
    match users::update(&mut connection, &caller.actor(), user_id, &changes).await? {
        Constrained::Done(Update::Done(user)) => Ok(user),
        Constrained::Done(Update::Missing) => {
            Err(Failure::NotFound(format!("there is no account {user_id}")))
        }
        Constrained::Done(Update::LastAdmin) => Err(Failure::Conflict(
            "this is the last active admin: make another person admin first, or no one could \
             manage accounts"
                .into(),
        )),
        Constrained::Duplicate(_) | Constrained::MissingReference(_) => Err(Failure::invalid(
            "organisation_id",
            "that organisation no longer exists",
        )),
    }
}

/// Sets the signed-in person's preferred language.
pub async fn set_language(
    db: &impl Connections,
    caller: &Caller,
    language: Language,
) -> Result<UserRow, Failure> {
    let user_id = own_account(caller)?;
    let changes = UserChanges {
        preferred_language: Some(language),
        ..UserChanges::default()
    };
    let mut connection = db.connect().await?;
    match users::update(&mut connection, &caller.actor(), user_id, &changes).await? {
        Constrained::Done(Update::Done(user)) => Ok(user),
        _ => Err(Failure::NotFound("there is no such account".into())),
    }
}

/// Removes the second factor of the account with `email` (the command line's answer to a lost
/// phone and spent recovery codes): the person sets one up again at their next sign-in if their
/// role requires it.
pub async fn reset_second_factor(
    db: &impl Connections,
    actor: &Actor,
    email: &str,
) -> Result<UserRow, Failure> {
    let mut connection = db.connect().await?;
    let user = users::credentials_by_email(&mut connection, email)
        .await?
        .ok_or_else(|| Failure::NotFound(format!("there is no account with the address {email}")))?
        .user;
    users::remove_second_factor(&mut connection, actor, user.id).await?;
    Ok(user)
}
