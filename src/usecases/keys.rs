//! API keys: creating them, and knowing who presents one.

use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::db::keys;
pub use crate::db::keys::ApiKeyRow;
use crate::db::{Connection, Connections};
use crate::domain::Refusal;
use crate::domain::{
    Actor, Caller, Failure, NewApiKey, Role, Validator, parse_token, secret_matches,
};

/// A key to create.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Programme team", "role": "editor", "organisation_id": "0192f5c8-6c1e-7a3b-9d2f-4e5a6b7c8d9e"}))]
pub struct CreateApiKey {
    #[schema(
        max_length = 300,
        min_length = 1,
        pattern = "^[^\\u0000]*\\S[^\\u0000]*$"
    )]
    pub name: String,
    pub role: Role,
    /// Required for editor keys: the organisation whose work they may change.
    pub organisation_id: Option<Uuid>,
}

/// Creates a key for `actor` after checking its fields: for the command line, which is run by
/// whoever holds the database, and through [`create_key_for`] for a caller.
pub async fn create_key(
    connection: &mut Connection,
    actor: &Actor,
    request: &CreateApiKey,
) -> Result<(ApiKeyRow, String), Failure> {
    let mut check = Validator::default();
    let name = check.required_line("name", &request.name);
    if request.role.needs_organisation() && request.organisation_id.is_none() {
        check.error("organisation_id", "invalid-editor-key-organisation");
    }
    check.finish()?;
    if let Some(organisation) = request.organisation_id {
        super::organisations::active_organisation(connection, organisation).await?;
    }
    let key = NewApiKey::generate();
    let row = keys::insert(
        connection,
        actor,
        &key,
        &name,
        request.role,
        request.organisation_id,
        None,
    )
    .await?;
    Ok((row, key.token))
}

/// Creates a key for a named service (another system calling the API) for `caller`, who must be
/// an admin; the key belongs to no person.
pub async fn create_key_for(
    connection: &mut Connection,
    caller: &Caller,
    request: &CreateApiKey,
) -> Result<(ApiKeyRow, String), Failure> {
    caller.require_admin()?;
    create_key(connection, &caller.actor(), request).await
}

/// Creates a key for the signed-in person's own scripts: it acts as them, with `role` if their
/// own covers it (never more), for their organisation; it stops working with their account.
pub async fn create_own_key(
    connection: &mut Connection,
    caller: &Caller,
    name: &str,
    role: Role,
) -> Result<(ApiKeyRow, String), Failure> {
    let owner = crate::usecases::accounts::own_account(caller)?;
    let mut check = Validator::default();
    let name = check.required_line("name", name);
    if !caller.role.covers(role) {
        check.error(
            "role",
            Refusal::new("invalid-key-role-above-yours").with("role", caller.role),
        );
    }
    check.finish()?;
    let organisation_id = if role.needs_organisation() {
        caller.organisation_id
    } else {
        None
    };
    if let Some(organisation) = organisation_id {
        super::organisations::active_organisation(connection, organisation).await?;
    }
    let key = NewApiKey::generate();
    let row = keys::insert(
        connection,
        &caller.actor(),
        &key,
        &name,
        role,
        organisation_id,
        Some(owner),
    )
    .await?;
    Ok((row, key.token))
}

/// Revokes a key for `caller`: an admin revokes any key, a person their own.
pub async fn revoke_key(
    connection: &mut Connection,
    caller: &Caller,
    id: Uuid,
) -> Result<ApiKeyRow, Failure> {
    revocable_key(connection, caller, id).await?;
    revoke_key_as(connection, &caller.actor(), id).await
}

/// Key `id`, if `caller` may revoke it: a person their own key, an admin any.
pub async fn revocable_key(
    connection: &mut Connection,
    caller: &Caller,
    id: Uuid,
) -> Result<ApiKeyRow, Failure> {
    let Some((key, _)) = keys::find_with_owner(connection, id).await? else {
        return Err(Failure::NotFound(Refusal::no_such("key", id)));
    };
    let owns_it = key.owner_id.is_some() && key.owner_id == caller.user_id;
    if !owns_it {
        caller.require_admin()?;
    }
    Ok(key)
}

/// What the admin's keys page lists: every key, and the names of their owners and
/// organisations.
#[derive(Debug)]
pub struct KeysOverview {
    pub keys: Vec<ApiKeyRow>,
    /// People by id and name, for the keys they own.
    pub people: Vec<(Uuid, String)>,
    pub organisations: Vec<crate::db::organisations::OrganisationRow>,
}

/// Every key with its owners' and organisations' names: for admins only.
pub async fn overview(db: &impl Connections, caller: &Caller) -> Result<KeysOverview, Failure> {
    caller.require_admin()?;
    let mut connection = db.connect().await?;
    Ok(KeysOverview {
        keys: keys::all(&mut connection).await?,
        people: crate::db::users::list(&mut connection)
            .await?
            .into_iter()
            .map(|person| (person.id, person.display_name))
            .collect(),
        organisations: crate::db::organisations::all(&mut connection).await?,
    })
}

/// Revokes key `id` for `actor`, with no check of rights: the command line's (whoever holds the
/// database), and [`revoke_key`]'s once it has checked them. The last active admin key stays.
pub async fn revoke_key_as(
    connection: &mut Connection,
    actor: &Actor,
    id: Uuid,
) -> Result<ApiKeyRow, Failure> {
    match keys::revoke(connection, actor, id).await? {
        keys::Revocation::Revoked(row) => Ok(row),
        keys::Revocation::Missing => Err(Failure::NotFound(Refusal::no_such("key", id))),
        keys::Revocation::LastAdmin => {
            Err(Failure::Conflict(Refusal::new("refusal-last-admin-key")))
        }
    }
}

/// Every key, for the command line (whoever holds the database): its rows, never its secret.
pub async fn all_keys_as_operator(connection: &mut Connection) -> Result<Vec<ApiKeyRow>, Failure> {
    Ok(keys::all(connection).await?)
}

/// Whether the database holds any key: a first start makes the first admin key when it holds none.
pub async fn any_key(connection: &mut Connection) -> Result<bool, Failure> {
    Ok(keys::any(connection).await?)
}

/// The caller that `token` (a key's secret) makes, if the key is known and not revoked; notes its
/// use.
///
/// Every request runs this lookup, which reads the key and, at most once a minute, stamps its
/// last use (the same stamp twice is harmless), so it is tried once more, on a connection checked to be alive, when its
/// connection breaks under it, as reads are.
pub async fn caller_for_token(db: &impl Connections, token: &str) -> Result<Caller, Failure> {
    let mut connection = db.connect().await?;
    match look_up_caller(&mut connection, token, db.now()).await {
        Err(Failure::ConnectionLost(cause)) => {
            log::info!("the key check lost its database connection ({cause}); trying once more");
            drop(connection);
            let mut connection = db.connect_live().await?;
            look_up_caller(&mut connection, token, db.now()).await
        }
        outcome => outcome,
    }
}

async fn look_up_caller(
    connection: &mut Connection,
    token: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Caller, Failure> {
    let rejected = || Failure::Unauthenticated(Refusal::new("refusal-key-unknown"));
    let (id, secret) = parse_token(token).ok_or_else(rejected)?;
    let (stored, owner) = keys::find_stored(connection, id)
        .await?
        .ok_or_else(rejected)?;
    if !secret_matches(&stored.secret_sha256, secret) || stored.key.revoked_at.is_some() {
        return Err(rejected());
    }
    // Most requests only read: the stamp is written when the one read says it is a minute old,
    // so the hot path is one statement and a read replica could serve it.
    let stamp_is_stale = stored
        .key
        .last_used_at
        .is_none_or(|used| now - used >= keys::USE_STAMP_EVERY);
    if stamp_is_stale {
        keys::touch(connection, id, now).await?;
    }
    // A key whose owner was disabled stops at once, as their sessions do.
    stored.key.caller(owner.as_ref()).ok_or_else(rejected)
}

/// A page of keys in creation order, after `after`, without their secrets: for admins only.
pub async fn page(
    db: &impl Connections,
    caller: &Caller,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<ApiKeyRow>, Failure> {
    caller.require_admin()?;
    let mut connection = db.connect().await?;
    Ok(keys::list(&mut connection, after, limit).await?)
}
