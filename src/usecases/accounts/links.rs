//! Opening a one-time link, and choosing a password with it.

use super::sign_in::signed_in;
use super::*;

/// What a link's page shows before the person chooses a password.
#[derive(Debug, Clone)]
pub struct OpenedLink {
    pub purpose: AccountLinkPurpose,
    pub user: Option<UserRow>,
}

/// Why a link does not open, in words for its page.
pub fn closed_reason(state: LinkState) -> Refusal {
    Refusal::new(match state {
        LinkState::Used | LinkState::Open => "refusal-link-used",
        LinkState::Revoked => "refusal-link-revoked",
        LinkState::Expired => "refusal-link-expired",
    })
}

/// The link with `token`, if it is still open: `NotFound` for an unknown token, `Conflict` with
/// the reason for one used, revoked or expired (or whose account was disabled since).
pub async fn open_link(db: &impl Connections, token: &str) -> Result<OpenedLink, Failure> {
    let mut connection = db.connect().await?;
    let Some((link, user)) =
        account_links::find_by_token(&mut connection, &secret_token_digest(token)).await?
    else {
        return Err(Failure::NotFound(Refusal::new("refusal-link-unknown")));
    };
    let mut state = link.state(db.now());
    if user
        .as_ref()
        .is_some_and(|user| user.state == UserState::Disabled)
    {
        state = LinkState::Revoked;
    }
    if state != LinkState::Open {
        return Err(Failure::Conflict(closed_reason(state)));
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
        check.error("password", "invalid-same-password");
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
    match account_links::redeem(
        &mut connection,
        &secret_token_digest(token),
        &redeem,
        db.now(),
    )
    .await?
    {
        // The session it starts waits as a sign-in's does: for the second factor the person has,
        // or for the one their role requires.
        Redemption::Done(user) => Ok(signed_in(settings, user)),
        Redemption::Unknown => Err(Failure::NotFound(Refusal::new("refusal-link-unknown"))),
        Redemption::Closed(state) => Err(Failure::Conflict(closed_reason(state))),
        Redemption::EmailTaken => Err(email_taken(&email)),
    }
}
