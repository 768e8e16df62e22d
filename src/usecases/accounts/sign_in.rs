//! Signing in: with a password (and the lock after wrong ones), through the organisation's
//! identity provider, and the second factor a session waits for.

use super::*;

/// A right password: who signed in, and what their session still waits for.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: UserRow,
    pub pending: Option<SessionPending>,
}

fn lock_message(until: chrono::DateTime<Utc>, now: chrono::DateTime<Utc>) -> Failure {
    // Rounded up: a client told to come back sooner would still find the lock.
    let seconds = ((until - now).num_milliseconds() + 999)
        .div_euclid(1000)
        .max(1) as u64;
    let minutes = seconds.div_ceil(60);
    Failure::Throttled {
        refusal: Refusal::new("refusal-sign-in-locked").with("minutes", minutes as i64),
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
    if let Some(until) =
        sign_in_failures::locked_until(&mut connection, &email_key, db.now()).await?
    {
        return Err(lock_message(until, db.now()));
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
            match sign_in_failures::record(&mut connection, &email_key, settings.lockout, db.now())
                .await?
            {
                Some(until) => lock_message(until, db.now()),
                None => Failure::Unauthenticated(Refusal::new("refusal-wrong-password")),
            },
        );
    }
    sign_in_failures::clear(&mut connection, &email_key).await?;
    let credentials = found.expect("a right password has an account");
    Ok(signed_in(settings, credentials.user))
}

/// What a session of `user` still waits for: their second factor, or (for a role that requires
/// one) its setting up.
pub(super) fn signed_in(settings: &AccountSettings, user: UserRow) -> SignedIn {
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
        return Err(Failure::Forbidden(
            Refusal::new("refusal-email-not-verified").with("email", email),
        ));
    }
    let mut connection = db.connect().await?;
    let Some(found) = users::credentials_by_email(&mut connection, email).await? else {
        return Err(Failure::Forbidden(
            Refusal::new("refusal-no-account-for").with("email", email),
        ));
    };
    let user = match found.user.state {
        UserState::Disabled => {
            return Err(Failure::Forbidden(
                Refusal::new("refusal-account-disabled").with("email", email),
            ));
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
        .ok_or_else(|| Failure::Unauthenticated(Refusal::new("refusal-sign-in-again")))?;
    let email_key = credentials.user.email.to_lowercase();
    if let Some(until) =
        sign_in_failures::locked_until(&mut connection, &email_key, db.now()).await?
    {
        return Err(lock_message(until, db.now()));
    }
    let now = db.now().timestamp() as u64;
    let by_app = match &credentials.totp_secret {
        Some(secret) if credentials.user.has_second_factor() => {
            match second_factor::accepted_step(secret, code, now, credentials.totp_last_step) {
                Some(step) => {
                    second_factors::spend_code_step(&mut connection, user_id, step).await?
                }
                None => false,
            }
        }
        _ => false,
    };
    let right = by_app
        || second_factors::spend_recovery_code(
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
        match sign_in_failures::record(&mut connection, &email_key, settings.lockout, db.now())
            .await?
        {
            Some(until) => lock_message(until, db.now()),
            None => Failure::invalid("code", "invalid-sign-in-code"),
        },
    )
}
