//! What the admin's People pages read: every account with its newest link, one person with what
//! their page shows, and a link with whose it is. Admins only.

use super::*;
pub use crate::db::organisations::OrganisationRow;

/// The People page: every account by name, each one's newest link, and the organisations.
#[derive(Debug)]
pub struct PeopleOverview {
    pub people: Vec<UserRow>,
    pub newest_links: Vec<AccountLinkRow>,
    pub organisations: Vec<OrganisationRow>,
}

/// A person's page: their account, their newest link, the organisations to choose from and how
/// many keys of their own are active.
#[derive(Debug)]
pub struct PersonOverview {
    pub user: UserRow,
    pub newest_link: Option<AccountLinkRow>,
    pub organisations: Vec<OrganisationRow>,
    pub active_keys: i64,
}

/// Every account, for the command line (whoever holds the database), by name.
pub async fn all_people_as_operator(db: &impl Connections) -> Result<Vec<UserRow>, Failure> {
    let mut connection = db.connect().await?;
    Ok(users::list(&mut connection).await?)
}

/// Every account, for an admin.
pub async fn people(db: &impl Connections, caller: &Caller) -> Result<PeopleOverview, Failure> {
    caller.require_admin()?;
    let mut connection = db.connect().await?;
    Ok(PeopleOverview {
        people: users::list(&mut connection).await?,
        newest_links: account_links::newest_per_user(&mut connection).await?,
        organisations: crate::db::organisations::all(&mut connection).await?,
    })
}

/// Account `id` and what its page shows, for an admin.
pub async fn person(
    db: &impl Connections,
    caller: &Caller,
    id: Uuid,
) -> Result<PersonOverview, Failure> {
    caller.require_admin()?;
    let mut connection = db.connect().await?;
    let user = find_user(&mut connection, id).await?;
    let newest_link = account_links::newest_of_user(&mut connection, id).await?;
    Ok(PersonOverview {
        newest_link,
        organisations: crate::db::organisations::all(&mut connection).await?,
        active_keys: users::active_key_count(&mut connection, id).await?,
        user,
    })
}

/// Account `id`, for an admin.
pub async fn account(db: &impl Connections, caller: &Caller, id: Uuid) -> Result<UserRow, Failure> {
    caller.require_admin()?;
    let mut connection = db.connect().await?;
    find_user(&mut connection, id).await
}

/// Account link `id` and the account it opens (none for the first admin's), for an admin.
pub async fn account_link(
    db: &impl Connections,
    caller: &Caller,
    id: Uuid,
) -> Result<(AccountLinkRow, Option<UserRow>), Failure> {
    caller.require_admin()?;
    let mut connection = db.connect().await?;
    let link = account_links::find(&mut connection, id)
        .await?
        .ok_or_else(|| Failure::NotFound(Refusal::no_such("account_link", id)))?;
    let user = match link.user_id {
        Some(user) => users::find(&mut connection, user).await?,
        None => None,
    };
    Ok((link, user))
}

async fn find_user(connection: &mut crate::db::Connection, id: Uuid) -> Result<UserRow, Failure> {
    users::find(connection, id)
        .await?
        .ok_or_else(|| Failure::NotFound(Refusal::no_such("account", id)))
}
