//! Registering and changing the organisations that run interventions (admins only): their name
//! and their IATI organisation identifier.

use uuid::Uuid;

pub use crate::db::organisations::OrganisationRow;
use crate::db::organisations::{self, IatiFacts, OrganisationChanges};
use crate::db::{Connection, Connections, Constrained, Guarded};
use crate::domain::Refusal;
use crate::domain::{
    Caller, Failure, IatiOrganisationType, Precondition, Validator, iati_identifier,
};

/// The refusal of a name or IATI identifier another organisation has (names are unique ignoring
/// case, identifiers ignoring case too), told by the constraint that refused it.
fn taken(constraint: &str, name: Option<&str>, iati_identifier: Option<&str>) -> Failure {
    match (constraint, iati_identifier) {
        ("organisations_iati_identifier_key", Some(identifier)) => Failure::Conflict(
            Refusal::new("refusal-iati-identifier-taken")
                .with("identifier", identifier)
                .about("iati_identifier"),
        ),
        _ => Failure::Conflict(
            Refusal::new("refusal-organisation-name-taken")
                .with("name", name.unwrap_or_default())
                .about("name"),
        ),
    }
}

/// Every organisation, by name: the pages' choices and the names they show (there are tens or
/// hundreds, never so many that a page could not list them all).
pub async fn all(db: &impl Connections) -> Result<Vec<OrganisationRow>, Failure> {
    all_on(&mut *db.connect().await?).await
}

/// [`all`], on a connection the edge already holds.
pub async fn all_on(connection: &mut Connection) -> Result<Vec<OrganisationRow>, Failure> {
    Ok(organisations::all(connection).await?)
}

/// A page of organisations in creation order, after `after`: the API's list.
pub async fn page(
    db: &impl Connections,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<OrganisationRow>, Failure> {
    let mut connection = db.connect().await?;
    Ok(organisations::list(&mut connection, after, limit).await?)
}

/// Organisation `id`; not found when there is none.
pub async fn find(db: &impl Connections, id: Uuid) -> Result<OrganisationRow, Failure> {
    let mut connection = db.connect().await?;
    organisations::find(&mut connection, id)
        .await?
        .ok_or_else(|| not_found(id))
}

/// Organisation `id`, if new work, people and keys may be given to it: it exists and is not
/// archived. The one rule (and its words) for interventions, invitations and keys, refused on
/// `organisation_id`.
pub async fn active_organisation(
    connection: &mut Connection,
    id: Uuid,
) -> Result<OrganisationRow, Failure> {
    match organisations::find(connection, id).await? {
        None => Err(Failure::invalid(
            "organisation_id",
            Refusal::new("invalid-no-organisation").with("id", id.to_string()),
        )),
        Some(row) if row.archived_at.is_some() => Err(Failure::invalid(
            "organisation_id",
            Refusal::new("invalid-organisation-archived").with("name", row.name),
        )),
        Some(row) => Ok(row),
    }
}

/// The refusal for an organisation that does not exist.
pub fn not_found(id: Uuid) -> Failure {
    Failure::NotFound(Refusal::no_such("organisation", id))
}

/// An IATI identifier as given: blank is none.
fn valid_iati_identifier(check: &mut Validator, given: Option<&str>) -> Option<String> {
    let given = given.map(str::trim).filter(|text| !text.is_empty())?;
    match iati_identifier(given) {
        Ok(identifier) => Some(identifier),
        Err(message) => {
            check.error("iati_identifier", message);
            None
        }
    }
}

/// Registers an organisation named `name`, with its IATI identifier and type if given, for
/// `caller`, who must be an admin.
pub async fn create(
    db: &impl Connections,
    caller: &Caller,
    name: &str,
    iati_identifier: Option<&str>,
    iati_organisation_type: Option<IatiOrganisationType>,
) -> Result<OrganisationRow, Failure> {
    caller.require_admin()?;
    let mut check = Validator::default();
    let name = check.required_line("name", name);
    let iati = IatiFacts {
        identifier: valid_iati_identifier(&mut check, iati_identifier),
        organisation_type: iati_organisation_type,
    };
    check.finish()?;
    let mut connection = db.connect().await?;
    let actor = caller.actor();
    match organisations::insert(&mut connection, &actor, &name, &iati).await? {
        Constrained::Done(row) => Ok(row),
        Constrained::Duplicate(constraint) | Constrained::MissingReference(constraint) => {
            Err(taken(&constraint, Some(&name), iati.identifier.as_deref()))
        }
    }
}

/// What to change of an organisation: each field given is set (`Some(None)`, or a blank
/// identifier, clears one); `archived` archives it or makes it active again.
#[derive(Debug, Default, Clone)]
pub struct OrganisationUpdate<'a> {
    pub name: Option<&'a str>,
    pub iati_identifier: Option<Option<&'a str>>,
    pub iati_organisation_type: Option<Option<IatiOrganisationType>>,
    pub archived: Option<bool>,
}

/// Changes organisation `id` for `caller`, who must be an admin, if it still meets
/// `precondition`.
pub async fn update(
    db: &impl Connections,
    caller: &Caller,
    id: Uuid,
    precondition: &Precondition,
    update: &OrganisationUpdate<'_>,
) -> Result<OrganisationRow, Failure> {
    let OrganisationUpdate {
        name,
        iati_identifier,
        iati_organisation_type,
        archived,
    } = update.clone();
    caller.require_admin()?;
    let mut check = Validator::default();
    let mut connection = db.connect().await?;
    // Archiving an archived organisation keeps its date (and changes nothing).
    let archived_at = match archived {
        None => None,
        Some(false) => Some(None),
        Some(true) => Some(Some(
            organisations::find(&mut connection, id)
                .await?
                .and_then(|row| row.archived_at)
                .unwrap_or_else(chrono::Utc::now),
        )),
    };
    drop(connection);
    let changes = OrganisationChanges {
        name: name.map(|name| check.required_line("name", name)),
        iati_identifier: iati_identifier.map(|given| valid_iati_identifier(&mut check, given)),
        iati_organisation_type,
        archived_at,
    };
    check.finish()?;
    let mut connection = db.connect().await?;
    let actor = caller.actor();
    match organisations::update(&mut connection, &actor, id, precondition, &changes).await? {
        Constrained::Done(Guarded::Done(row)) => Ok(row),
        Constrained::Done(Guarded::NotFound) => Err(not_found(id)),
        Constrained::Done(Guarded::Stale(current)) => {
            Err(precondition.refusal(&format!("organisation {id}"), Some(current)))
        }
        Constrained::Duplicate(constraint) | Constrained::MissingReference(constraint) => {
            let identifier = changes.iati_identifier.flatten();
            Err(taken(
                &constraint,
                changes.name.as_deref(),
                identifier.as_deref(),
            ))
        }
    }
}
