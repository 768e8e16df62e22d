//! The audit trail: who changed what, when. Only admins read the whole trail; an intervention's
//! own history is readable by anyone who may read the intervention.

use std::collections::HashMap;

use uuid::Uuid;

pub use crate::db::audit::{AuditFilter, AuditRow};
use crate::db::{
    Connection, Connections, audit, countries, interventions, keys, organisations, users,
};
use crate::domain::{Caller, Failure, ResourceType};

/// A page of the trail, newest first, below event id `before`; at most `limit` events.
pub async fn events(
    db: &impl Connections,
    caller: &Caller,
    filter: &AuditFilter,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditRow>, Failure> {
    caller.require_admin()?;
    events_on(&mut *db.connect().await?, filter, before, limit).await
}

/// [`events`], once the caller's rights are checked, on a connection already held.
async fn events_on(
    connection: &mut Connection,
    filter: &AuditFilter,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditRow>, Failure> {
    if filter
        .resource_id
        .as_deref()
        .is_some_and(|id| id.contains('\0'))
    {
        // No id holds a NUL character (PostgreSQL text cannot), so nothing matches.
        return Ok(Vec::new());
    }
    Ok(audit::list(connection, filter, before, limit).await?)
}

/// The history of an intervention and its links, oldest first, after event id `after`; kept
/// after the intervention is deleted, so only an intervention that never was is not found.
pub async fn intervention_history(
    db: &impl Connections,
    id: Uuid,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditRow>, Failure> {
    let mut connection = db.connect().await?;
    let rows = audit::intervention_history(&mut connection, id, after, limit).await?;
    if rows.is_empty()
        && after.is_none()
        && interventions::find(&mut connection, id).await?.is_none()
    {
        return Err(crate::usecases::interventions::not_found(id));
    }
    Ok(rows)
}

/// The names the trail shows instead of ids, read once per page.
#[derive(Debug, Default)]
pub struct Names {
    pub interventions: HashMap<Uuid, String>,
    pub organisations: HashMap<Uuid, String>,
    pub people: HashMap<Uuid, String>,
    pub keys: HashMap<Uuid, String>,
    /// Countries by code, as the TIP Report names them.
    pub countries: HashMap<String, String>,
}

impl Names {
    /// The name of the intervention, organisation, person or key with this id.
    pub fn of(&self, id: &str) -> Option<&str> {
        let id = Uuid::parse_str(id).ok()?;
        [
            &self.interventions,
            &self.organisations,
            &self.people,
            &self.keys,
        ]
        .into_iter()
        .find_map(|names| names.get(&id))
        .map(String::as_str)
    }
}

/// One page of the trail as the admin's page shows it: the events, whether older ones follow,
/// the names of what they mention, and the keys and people to filter by.
#[derive(Debug)]
pub struct AuditTrail {
    pub events: Vec<AuditRow>,
    pub more: bool,
    pub names: Names,
    /// Every key and every person, by id and name, in the order the filters list them.
    pub keys: Vec<(Uuid, String)>,
    pub people: Vec<(Uuid, String)>,
}

/// A page of `page` events of the trail with what the admin's page needs to name them.
pub async fn trail(
    db: &impl Connections,
    caller: &Caller,
    filter: &AuditFilter,
    before: Option<i64>,
    page: usize,
) -> Result<AuditTrail, Failure> {
    caller.require_admin()?;
    let mut connection = db.connect().await?;
    let mut events = events_on(&mut connection, filter, before, page as i64 + 1).await?;
    let more = events.len() > page;
    events.truncate(page);
    let keys: Vec<(Uuid, String)> = keys::all(&mut connection)
        .await?
        .into_iter()
        .map(|key| (key.id, key.name))
        .collect();
    let people: Vec<(Uuid, String)> = users::list(&mut connection)
        .await?
        .into_iter()
        .map(|person| (person.id, person.display_name))
        .collect();
    let names = Names {
        interventions: interventions::titles(&mut connection, &interventions_named(&events))
            .await?,
        organisations: organisations::all(&mut connection)
            .await?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect(),
        people: people.iter().cloned().collect(),
        keys: keys.iter().cloned().collect(),
        countries: countries::tip_names(&mut connection)
            .await?
            .into_iter()
            .collect(),
    };
    Ok(AuditTrail {
        events,
        more,
        names,
        keys,
        people,
    })
}

/// The interventions an event names (an intervention, or a link's), whose titles the trail
/// shows.
fn interventions_named(events: &[AuditRow]) -> Vec<Uuid> {
    events
        .iter()
        .filter_map(|event| match event.resource_type {
            ResourceType::Intervention => Uuid::parse_str(&event.resource_id).ok(),
            ResourceType::Link => event
                .resource_id
                .split('/')
                .next()
                .and_then(|id| Uuid::parse_str(id).ok()),
            _ => None,
        })
        .collect()
}
