//! Setting up a second factor, and removing it (the command line's answer to a lost phone).

use super::*;

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
        .ok_or_else(|| Failure::NotFound(Refusal::new("refusal-no-account")))?;
    if credentials.user.has_second_factor() {
        return Err(Failure::Conflict(Refusal::new(
            "refusal-second-factor-exists",
        )));
    }
    let secret = match credentials.totp_secret {
        Some(secret) => secret,
        None => {
            let secret = second_factor::new_secret();
            second_factors::start_second_factor(&mut connection, user_id, &secret).await?;
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
        .ok_or_else(|| Failure::NotFound(Refusal::new("refusal-no-account")))?;
    let Some(secret) = credentials
        .totp_secret
        .filter(|_| !credentials.user.has_second_factor())
    else {
        return Err(Failure::Conflict(Refusal::new("refusal-no-enrolment")));
    };
    let now = db.now().timestamp() as u64;
    let Some(step) = second_factor::accepted_step(&secret, code, now, None) else {
        return Err(Failure::invalid("code", "invalid-enrolment-code"));
    };
    let codes = second_factor::new_recovery_codes();
    let digests: Vec<[u8; 32]> = codes
        .iter()
        .map(|code| second_factor::recovery_code_digest(code))
        .collect();
    let actor = credentials.user.caller().actor();
    second_factors::confirm_second_factor(&mut connection, &actor, user_id, step, &digests).await?;
    Ok(codes)
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
        .ok_or_else(|| {
            Failure::NotFound(Refusal::new("refusal-no-account-for").with("email", email))
        })?
        .user;
    second_factors::remove_second_factor(&mut connection, actor, user.id).await?;
    Ok(user)
}
