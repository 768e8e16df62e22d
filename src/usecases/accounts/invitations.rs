//! Inviting people, and the links an admin makes for them (a new invitation, a password reset,
//! the first admin's).

use super::*;
use crate::i18n::{Locale, written};

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
    /// The e-mail that carries the link to its person (none for the first admin's link), in
    /// the person's own language if they chose one, else in `locale` (the inviter's).
    pub fn letter(&self, locale: Locale, inviter: &str) -> Option<Letter> {
        let user = self.user.as_ref()?;
        let locale = user.preferred_language.map_or(locale, Locale::of);
        let (subject, body) = match self.link.purpose {
            AccountLinkPurpose::Invitation => {
                ("letter-invitation-subject", "letter-invitation-body")
            }
            _ => ("letter-reset-subject", "letter-reset-body"),
        };
        let body = locale.text_with(
            body,
            &[
                ("name", user.display_name.as_str().into()),
                ("inviter", inviter.into()),
                ("address", self.address.as_str().into()),
                (
                    "expires",
                    written::moment(locale, self.link.expires_at).into(),
                ),
            ],
        );
        Some(Letter {
            to_address: user.email.clone(),
            to_name: user.display_name.clone(),
            subject: locale.text(subject),
            body: format!("{body}\n"),
        })
    }
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
    let expires_at = db.now() + settings.invitation_lifetime;
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
                Refusal::new("invalid-organisation-exists")
                    .with("name", new_organisation.unwrap_or_default()),
            ))
        }
        Constrained::Duplicate(_) => Err(email_taken(&email)),
        Constrained::MissingReference(_) => Err(Failure::invalid(
            "organisation_id",
            "invalid-organisation-gone",
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
        .ok_or_else(|| Failure::NotFound(Refusal::no_such("account", user_id)))?;
    let (purpose, lifetime) = match user.state {
        UserState::Invited => (AccountLinkPurpose::Invitation, settings.invitation_lifetime),
        UserState::Active => (AccountLinkPurpose::PasswordReset, settings.reset_lifetime),
        UserState::Disabled => {
            return Err(Failure::Conflict(
                Refusal::new("refusal-disabled-no-link").with("name", user.display_name.as_str()),
            ));
        }
    };
    let token = NewSecretToken::generate();
    let link = account_links::insert(
        &mut connection,
        &caller.actor(),
        purpose,
        Some(user.id),
        &token.sha256,
        db.now() + lifetime,
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
        return Err(Failure::NotFound(Refusal::no_such("account_link", id)));
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
        db.now() + settings.invitation_lifetime,
    )
    .await?;
    Ok(Some(MadeLink {
        user: None,
        link,
        address: link_address(origin, &token.token),
    }))
}
