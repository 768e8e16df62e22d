//! Logging and changing interventions: an organisation's work, in one or more countries.

use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::countries::countries_from_list;
use crate::db::intervention_list;
pub use crate::db::intervention_list::{InterventionFilter, InterventionOrder};
pub use crate::db::interventions::Intervention;
use crate::db::interventions::{self, InterventionChanges, NewIntervention, Update};
use crate::db::{Connection, Connections};
use crate::domain::Refusal;
use crate::domain::{
    Caller, Failure, FieldError, InterventionKind, InterventionStatus, Precondition, Validator,
    double_option,
};

/// A new intervention.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"organisation_id": "0192f5c8-6c1e-7a3b-9d2f-4e5a6b7c8d9e", "countries": ["SLE", "Malawi"], "kind": "training", "title": "Training of police and prosecutors on the 2022 anti-trafficking act", "status": "active", "started_on": "2023-09-01", "people_reached": 120}))]
pub struct CreateIntervention {
    pub organisation_id: Uuid,
    /// One or more countries, each an ISO code or a country name.
    #[schema(example = json!(["SLE"]))]
    #[schema(min_items = 1)]
    pub countries: Vec<String>,
    pub kind: InterventionKind,
    #[schema(
        max_length = 300,
        min_length = 1,
        pattern = "^[^\\u0000]*\\S[^\\u0000]*$"
    )]
    pub title: String,
    #[schema(max_length = 20000, pattern = "^[^\\u0000]*$")]
    pub description: Option<String>,
    /// Defaults to `planned`: an intervention counts towards coverage once it is active.
    #[serde(default = "planned")]
    pub status: InterventionStatus,
    pub started_on: Option<NaiveDate>,
    /// Not before `started_on`.
    pub ended_on: Option<NaiveDate>,
    #[schema(max_length = 300, pattern = "^[^\\u0000]*$")]
    pub location: Option<String>,
    /// An aggregate count, 0 or more.
    pub people_reached: Option<i64>,
}

fn planned() -> InterventionStatus {
    InterventionStatus::Planned
}

/// Changes to an intervention: absent fields stay as they are, `null` clears an optional one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"status": "completed", "ended_on": "2024-03-31", "people_reached": 180}))]
pub struct UpdateIntervention {
    pub organisation_id: Option<Uuid>,
    /// Replaces the country list. Countries whose recommendations the intervention is linked to
    /// must stay.
    #[schema(min_items = 1)]
    pub countries: Option<Vec<String>>,
    pub kind: Option<InterventionKind>,
    #[schema(
        max_length = 300,
        min_length = 1,
        pattern = "^[^\\u0000]*\\S[^\\u0000]*$"
    )]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    #[schema(max_length = 20000, pattern = "^[^\\u0000]*$")]
    pub description: Option<Option<String>>,
    pub status: Option<InterventionStatus>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub started_on: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub ended_on: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    #[schema(max_length = 300, pattern = "^[^\\u0000]*$")]
    pub location: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i64>)]
    pub people_reached: Option<Option<i64>>,
}

/// The refusal for an intervention that does not exist.
pub fn not_found(id: Uuid) -> Failure {
    Failure::NotFound(Refusal::no_such("intervention", id))
}

fn people_reached(check: &mut Validator, count: Option<i64>) -> Option<i32> {
    let count = count?;
    match i32::try_from(count) {
        Ok(count) if count >= 0 => Some(count),
        _ => {
            check.error("people_reached", "invalid-people-reached");
            None
        }
    }
}

fn dates_in_order(
    check: &mut Validator,
    started_on: Option<NaiveDate>,
    ended_on: Option<NaiveDate>,
) {
    if let (Some(start), Some(end)) = (started_on, ended_on)
        && end < start
    {
        check.error("ended_on", "invalid-ends-before-start");
    }
}

/// The countries an intervention works in: at least one, each resolved to its alpha-3 code.
async fn resolve_countries(
    connection: &mut Connection,
    given: &[String],
) -> Result<Vec<String>, Failure> {
    if given.is_empty() {
        return Err(Failure::invalid("countries", "invalid-no-country"));
    }
    countries_from_list(connection, "countries", given).await
}

async fn check_organisation(connection: &mut Connection, id: Uuid) -> Result<(), Failure> {
    super::organisations::active_organisation(connection, id).await?;
    Ok(())
}

/// What is wrong with a new intervention's fields, before any database check: for a form that
/// shows every error at once.
pub fn field_errors(body: &CreateIntervention) -> Vec<FieldError> {
    let mut check = Validator::default();
    check.required_line("title", &body.title);
    check.optional_text("description", body.description.as_deref());
    check.optional_line("location", body.location.as_deref());
    people_reached(&mut check, body.people_reached);
    dates_in_order(&mut check, body.started_on, body.ended_on);
    check.into_errors()
}

/// Logs an intervention for `caller`: the one way in, for the API, the pages and the command line.
pub async fn create(
    db: &impl Connections,
    caller: &Caller,
    body: CreateIntervention,
) -> Result<Intervention, Failure> {
    caller.require_editor_of(body.organisation_id)?;
    let mut check = Validator::default();
    let title = check.required_line("title", &body.title);
    let description = check.optional_text("description", body.description.as_deref());
    let location = check.optional_line("location", body.location.as_deref());
    let people_reached = people_reached(&mut check, body.people_reached);
    dates_in_order(&mut check, body.started_on, body.ended_on);
    check.finish()?;

    let mut connection = db.connect().await?;
    check_organisation(&mut connection, body.organisation_id).await?;
    let countries = resolve_countries(&mut connection, &body.countries).await?;
    let new = NewIntervention {
        id: Uuid::now_v7(),
        organisation_id: body.organisation_id,
        kind: body.kind,
        title,
        description,
        status: body.status,
        started_on: body.started_on,
        ended_on: body.ended_on,
        location,
        people_reached,
    };
    Ok(interventions::insert(&mut connection, &caller.actor(), new, countries).await?)
}

/// Changes intervention `id` for `caller`, if it still meets `precondition`.
pub async fn update(
    db: &impl Connections,
    caller: &Caller,
    id: Uuid,
    precondition: &Precondition,
    body: UpdateIntervention,
) -> Result<Intervention, Failure> {
    let only_of = caller.editable_organisation()?;
    if let (Some(own), Some(new)) = (only_of, body.organisation_id)
        && own != new
    {
        return Err(caller.not_yours());
    }
    let mut check = Validator::default();
    let title = body
        .title
        .as_deref()
        .map(|t| check.required_line("title", t));
    let description = body
        .description
        .map(|d| check.optional_text("description", d.as_deref()));
    let location = body
        .location
        .map(|l| check.optional_line("location", l.as_deref()));
    let people_reached = body
        .people_reached
        .map(|count| people_reached(&mut check, count));
    dates_in_order(
        &mut check,
        body.started_on.flatten(),
        body.ended_on.flatten(),
    );
    check.finish()?;

    let mut connection = db.connect().await?;
    if let Some(organisation) = body.organisation_id {
        check_organisation(&mut connection, organisation).await?;
    }
    let countries = match &body.countries {
        Some(codes) => Some(resolve_countries(&mut connection, codes).await?),
        None => None,
    };
    let changes = InterventionChanges {
        organisation_id: body.organisation_id,
        kind: body.kind,
        title,
        description,
        status: body.status,
        started_on: body.started_on,
        ended_on: body.ended_on,
        location,
        people_reached,
    };
    match interventions::update(
        &mut connection,
        &caller.actor(),
        id,
        only_of,
        precondition,
        changes,
        countries,
    )
    .await?
    {
        Update::Updated(intervention) => Ok(intervention),
        Update::Stale(current) => {
            Err(precondition.refusal(&format!("intervention {id}"), Some(current)))
        }
        Update::NotFound => Err(not_found(id)),
        Update::OtherOrganisation => Err(caller.not_yours()),
        Update::EndsBeforeStart => Err(Failure::invalid("ended_on", "invalid-ends-before-start")),
        Update::OrphansLinks(countries) => Err(Failure::Conflict(
            Refusal::new("refusal-countries-still-linked")
                .with("countries", countries.join(", "))
                .about("countries"),
        )),
    }
}

/// Who last changed intervention `id` (the name the audit trail keeps) and when: what an edit
/// form that met someone else's change says.
pub async fn last_change(
    connection: &mut Connection,
    id: Uuid,
) -> Result<Option<(String, chrono::DateTime<chrono::Utc>)>, Failure> {
    let filter = crate::db::audit::AuditFilter {
        resource_type: Some(crate::domain::ResourceType::Intervention),
        resource_id: Some(id.to_string()),
        ..Default::default()
    };
    let events = crate::db::audit::list(connection, &filter, None, 1).await?;
    Ok(events
        .into_iter()
        .next()
        .map(|event| (event.key_name, event.occurred_at)))
}

/// Deletes intervention `id` for `caller`, if it still meets `precondition`: an editor deletes
/// their organisation's, an admin any; its links go with it, and the audit trail keeps both.
pub async fn delete(
    db: &impl Connections,
    caller: &Caller,
    id: Uuid,
    precondition: &Precondition,
) -> Result<(), Failure> {
    let only_of = caller.editable_organisation()?;
    let mut connection = db.connect().await?;
    match interventions::delete(&mut connection, &caller.actor(), id, only_of, precondition).await?
    {
        interventions::Deletion::Deleted => Ok(()),
        interventions::Deletion::Stale(current) => {
            Err(precondition.refusal(&format!("intervention {id}"), Some(current)))
        }
        interventions::Deletion::NotFound => Err(not_found(id)),
        interventions::Deletion::OtherOrganisation => Err(caller.not_yours()),
    }
}

/// Intervention `id`, with its countries; not found when there is none.
pub async fn find(connection: &mut Connection, id: Uuid) -> Result<Intervention, Failure> {
    interventions::find(connection, id)
        .await?
        .ok_or_else(|| not_found(id))
}

/// A page of the interventions `filter` keeps, in `order`, after intervention `after`.
pub async fn page(
    connection: &mut Connection,
    filter: &InterventionFilter,
    order: InterventionOrder,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<Intervention>, Failure> {
    Ok(intervention_list::list_in_order(connection, filter, order, after, limit).await?)
}

/// How many interventions `filter` keeps.
pub async fn count(
    connection: &mut Connection,
    filter: &InterventionFilter,
) -> Result<i64, Failure> {
    Ok(intervention_list::count(connection, filter).await?)
}

/// A page of the interventions `filter` keeps, oldest first, after intervention `after`: the
/// API's list.
pub async fn oldest_first(
    connection: &mut Connection,
    filter: &InterventionFilter,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<Intervention>, Failure> {
    Ok(intervention_list::list(connection, filter, after, limit).await?)
}
