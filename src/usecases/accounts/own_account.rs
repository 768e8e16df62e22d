//! What a person changes of their own account (password, language), and an admin of anyone's
//! (name, role, organisation, state).

use super::*;

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
        .ok_or_else(|| Failure::NotFound(Refusal::new("refusal-no-account")))?;
    let mut check = Validator::default();
    let current_is_right = credentials
        .password_hash
        .as_deref()
        .is_some_and(|hash| password::matches(hash, current));
    if !current_is_right {
        check.error("current_password", "invalid-not-current-password");
    }
    let user = &credentials.user;
    check_new_password(
        &mut check,
        new,
        confirmation,
        &words_of(&user.email, &user.display_name),
    );
    if current_is_right && new == current {
        check.error("password", "invalid-same-password");
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

/// What a person's own account page shows: who they are, where they are signed in, their keys
/// and how many recovery codes they have left.
#[derive(Debug, Clone)]
pub struct AccountOverview {
    pub user: UserRow,
    pub organisation: Option<String>,
    pub sessions: Vec<crate::usecases::sessions::SessionRow>,
    pub keys: Vec<crate::db::keys::ApiKeyRow>,
    pub recovery_codes_left: i64,
}

/// The signed-in person's own account, read in one connection.
pub async fn account_overview(
    db: &impl Connections,
    caller: &Caller,
) -> Result<AccountOverview, Failure> {
    let user_id = own_account(caller)?;
    let mut connection = db.connect().await?;
    let user = users::find(&mut connection, user_id)
        .await?
        .ok_or_else(|| Failure::NotFound(Refusal::new("refusal-no-account")))?;
    let organisation = match user.organisation_id {
        Some(id) => crate::db::organisations::find(&mut connection, id)
            .await?
            .map(|organisation| organisation.name),
        None => None,
    };
    Ok(AccountOverview {
        organisation,
        sessions: crate::db::sessions::of_person(&mut connection, user_id, db.now()).await?,
        keys: crate::db::keys::owned_by(&mut connection, user_id).await?,
        recovery_codes_left: second_factors::recovery_codes_left(&mut connection, user_id).await?,
        user,
    })
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
            Refusal::new("refusal-disable-yourself").about("state"),
        ));
    }
    if changes.state == Some(UserState::Invited) {
        return Err(Failure::invalid("state", "invalid-invited-by-hand"));
    }
    let mut connection = db.connect().await?;
    let current = users::find(&mut connection, user_id)
        .await?
        .ok_or_else(|| Failure::NotFound(Refusal::no_such("account", user_id)))?;
    if changes.state == Some(UserState::Active) && current.state == UserState::Invited {
        return Err(Failure::Conflict(
            Refusal::new("refusal-not-accepted-yet")
                .with("name", current.display_name.as_str())
                .about("state"),
        ));
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
            Err(Failure::NotFound(Refusal::no_such("account", user_id)))
        }
        Constrained::Done(Update::LastAdmin) => {
            Err(Failure::Conflict(Refusal::new("refusal-last-admin")))
        }
        Constrained::Duplicate(_) | Constrained::MissingReference(_) => Err(Failure::invalid(
            "organisation_id",
            "invalid-organisation-gone",
        )),
    }
}

/// Sets the signed-in person's language for the pages; `None` follows their browser.
pub async fn set_language(
    db: &impl Connections,
    caller: &Caller,
    language: Option<Language>,
) -> Result<UserRow, Failure> {
    let user_id = own_account(caller)?;
    let changes = UserChanges {
        preferred_language: Some(language),
        ..UserChanges::default()
    };
    let mut connection = db.connect().await?;
    match users::update(&mut connection, &caller.actor(), user_id, &changes).await? {
        Constrained::Done(Update::Done(user)) => Ok(user),
        _ => Err(Failure::NotFound(Refusal::new("refusal-no-account"))),
    }
}
