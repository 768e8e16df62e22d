//! Registering and renaming the organisations that run interventions (admins only).

use uuid::Uuid;

use crate::db::organisations::{self, OrganisationRow};
use crate::db::{Connections, Constrained, Guarded};
use crate::domain::{Caller, Failure, Precondition, Validator};

/// The refusal of a name another organisation has (names are unique, ignoring case).
fn name_taken(name: &str) -> Failure {
    Failure::Conflict(format!("an organisation named `{name}` already exists"))
}

/// The refusal for an organisation that does not exist.
pub fn not_found(id: Uuid) -> Failure {
    Failure::NotFound(format!("there is no organisation {id}"))
}

fn valid_name(name: &str) -> Result<String, Failure> {
    let mut check = Validator::default();
    let name = check.required_text("name", name);
    check.finish()?;
    Ok(name)
}

/// Registers an organisation named `name` for `caller`, who must be an admin.
pub async fn create(
    db: &impl Connections,
    caller: &Caller,
    name: &str,
) -> Result<OrganisationRow, Failure> {
    caller.require_admin()?;
    let name = valid_name(name)?;
    let mut connection = db.connect().await?;
    match organisations::insert(&mut connection, &caller.actor(), &name).await? {
        Constrained::Done(row) => Ok(row),
        Constrained::Duplicate(_) | Constrained::MissingReference(_) => Err(name_taken(&name)),
    }
}

/// Renames organisation `id` for `caller`, who must be an admin, if it still meets
/// `precondition`.
pub async fn rename(
    db: &impl Connections,
    caller: &Caller,
    id: Uuid,
    precondition: &Precondition,
    name: &str,
) -> Result<OrganisationRow, Failure> {
    caller.require_admin()?;
    let name = valid_name(name)?;
    let mut connection = db.connect().await?;
    match organisations::rename(&mut connection, &caller.actor(), id, precondition, &name).await? {
        Constrained::Done(Guarded::Done(row)) => Ok(row),
        Constrained::Done(Guarded::NotFound) => Err(not_found(id)),
        Constrained::Done(Guarded::Stale(current)) => {
            Err(precondition.refusal(&format!("organisation {id}"), Some(current)))
        }
        Constrained::Duplicate(_) | Constrained::MissingReference(_) => Err(name_taken(&name)),
    }
}
