//! The `interventions` table and the countries each one works in.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde::Serialize;
use uuid::Uuid;

use super::audit::{self, Actor, Change};
use super::schema::{intervention_countries, interventions, links, recommendations};
use super::{Connection, DbError};
use crate::domain::{
    AuditAction, Etag, InterventionKind, InterventionStatus, Precondition, ResourceType,
};

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = interventions, check_for_backend(diesel::pg::Pg))]
pub struct InterventionRow {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub kind: InterventionKind,
    pub title: String,
    pub description: Option<String>,
    pub status: InterventionStatus,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub location: Option<String>,
    pub people_reached: Option<i32>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An intervention with the alpha-3 codes of the countries it works in, sorted.
#[derive(Debug, Clone, Serialize)]
pub struct Intervention {
    #[serde(flatten)]
    pub row: InterventionRow,
    pub countries: Vec<String>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = interventions)]
pub struct NewIntervention {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub kind: InterventionKind,
    pub title: String,
    pub description: Option<String>,
    pub status: InterventionStatus,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub location: Option<String>,
    pub people_reached: Option<i32>,
}

/// The fields a PATCH may change; `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = interventions)]
pub struct InterventionChanges {
    pub organisation_id: Option<Uuid>,
    pub kind: Option<InterventionKind>,
    pub title: Option<String>,
    pub description: Option<Option<String>>,
    pub status: Option<InterventionStatus>,
    pub started_on: Option<Option<NaiveDate>>,
    pub ended_on: Option<Option<NaiveDate>>,
    pub location: Option<Option<String>>,
    pub people_reached: Option<Option<i32>>,
}

/// Inserts an intervention and its countries, and audits it, in one transaction.
pub async fn insert(
    connection: &mut Connection,
    actor: &Actor,
    intervention: NewIntervention,
    countries: Vec<String>,
) -> Result<Intervention, DbError> {
    connection
        .transaction::<_, DbError, _>(async move |connection| {
            let row = diesel::insert_into(interventions::table)
                .values(&intervention)
                .returning(InterventionRow::as_returning())
                .get_result(connection)
                .await?;
            insert_countries(connection, row.id, &countries).await?;
            let created = Intervention {
                countries: sorted(countries),
                row,
            };
            let change = Change::created(ResourceType::Intervention, created.row.id, &created);
            audit::record(connection, actor, AuditAction::Create, change).await?;
            Ok(created)
        })
        .await
}

async fn insert_countries(
    connection: &mut Connection,
    id: Uuid,
    countries: &[String],
) -> Result<(), DbError> {
    let rows: Vec<_> = countries
        .iter()
        .map(|code| {
            (
                intervention_countries::intervention_id.eq(id),
                intervention_countries::country_code.eq(code),
            )
        })
        .collect();
    diesel::insert_into(intervention_countries::table)
        .values(&rows)
        .on_conflict_do_nothing()
        .execute(connection)
        .await?;
    Ok(())
}

fn sorted(mut countries: Vec<String>) -> Vec<String> {
    countries.sort();
    countries.dedup();
    countries
}

pub async fn find(connection: &mut Connection, id: Uuid) -> Result<Option<Intervention>, DbError> {
    let Some(row) = interventions::table
        .find(id)
        .select(InterventionRow::as_select())
        .first(connection)
        .await
        .optional()?
    else {
        return Ok(None);
    };
    let mut countries = countries_of(connection, &[id]).await?;
    Ok(Some(Intervention {
        countries: countries.remove(&id).unwrap_or_default(),
        row,
    }))
}

/// The countries of many interventions in one query, keyed by intervention.
pub(super) async fn countries_of(
    connection: &mut Connection,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<String>>, DbError> {
    let pairs: Vec<(Uuid, String)> = intervention_countries::table
        .filter(intervention_countries::intervention_id.eq_any(ids))
        .order((
            intervention_countries::intervention_id,
            intervention_countries::country_code,
        ))
        .select((
            intervention_countries::intervention_id,
            intervention_countries::country_code,
        ))
        .load(connection)
        .await?;
    let mut by_intervention: HashMap<Uuid, Vec<String>> = HashMap::new();
    for (id, country) in pairs {
        by_intervention.entry(id).or_default().push(country);
    }
    Ok(by_intervention)
}

/// The outcome of a PATCH.
#[derive(Debug)]
pub enum Update {
    Updated(Intervention),
    NotFound,
    /// The intervention belongs to another organisation than the one the change is limited to.
    OtherOrganisation,
    /// The new country list leaves out countries whose recommendations the intervention is linked
    /// to (their alpha-3 codes): those links would no longer make sense.
    OrphansLinks(Vec<String>),
    /// The new dates would end the intervention before it starts.
    EndsBeforeStart,
    /// It changed since the client read it; carries its current tag.
    Stale(Etag),
}

/// The intervention `id`, locked for the rest of the transaction, with its countries.
async fn find_for_update(
    connection: &mut Connection,
    id: Uuid,
) -> Result<Option<Intervention>, DbError> {
    let Some(row) = interventions::table
        .find(id)
        .select(InterventionRow::as_select())
        .for_update()
        .first(connection)
        .await
        .optional()?
    else {
        return Ok(None);
    };
    let mut countries = countries_of(connection, &[id]).await?;
    Ok(Some(Intervention {
        countries: countries.remove(&id).unwrap_or_default(),
        row,
    }))
}

/// Applies `changes` and, when given, replaces the country list, and audits it; all in one
/// transaction. With `only_of` set, only an intervention of that organisation may change; it
/// changes only if, locked, it still meets `precondition`.
pub async fn update(
    connection: &mut Connection,
    actor: &Actor,
    id: Uuid,
    only_of: Option<Uuid>,
    precondition: &Precondition,
    changes: InterventionChanges,
    countries: Option<Vec<String>>,
) -> Result<Update, DbError> {
    connection
        .transaction::<_, DbError, _>(async move |connection| {
            let Some(before) = find_for_update(connection, id).await? else {
                return Ok(Update::NotFound);
            };
            if only_of.is_some_and(|organisation| organisation != before.row.organisation_id) {
                return Ok(Update::OtherOrganisation);
            }
            if !precondition.holds_for_resource(&before) {
                return Ok(Update::Stale(Etag::of(&before)));
            }
            let started_on = changes.started_on.unwrap_or(before.row.started_on);
            let ended_on = changes.ended_on.unwrap_or(before.row.ended_on);
            if let (Some(start), Some(end)) = (started_on, ended_on)
                && end < start
            {
                return Ok(Update::EndsBeforeStart);
            }
            if let Some(countries) = &countries {
                let orphaned = linked_countries_outside(connection, id, countries).await?;
                if !orphaned.is_empty() {
                    return Ok(Update::OrphansLinks(orphaned));
                }
                diesel::delete(
                    intervention_countries::table
                        .filter(intervention_countries::intervention_id.eq(id)),
                )
                .execute(connection)
                .await?;
                insert_countries(connection, id, countries).await?;
            }
            let row = diesel::update(interventions::table.find(id))
                .set((&changes, interventions::updated_at.eq(diesel::dsl::now)))
                .returning(InterventionRow::as_returning())
                .get_result(connection)
                .await?;
            let mut countries = countries_of(connection, &[id]).await?;
            let after = Intervention {
                countries: countries.remove(&id).unwrap_or_default(),
                row,
            };
            let change = Change::updated(ResourceType::Intervention, id, &before, &after);
            audit::record(connection, actor, AuditAction::Update, change).await?;
            Ok(Update::Updated(after))
        })
        .await
}

/// Countries of recommendations linked to intervention `id` that are not in `countries`.
async fn linked_countries_outside(
    connection: &mut Connection,
    id: Uuid,
    countries: &[String],
) -> Result<Vec<String>, DbError> {
    Ok(links::table
        .inner_join(recommendations::table)
        .filter(links::intervention_id.eq(id))
        .filter(recommendations::country_code.ne_all(countries))
        .select(recommendations::country_code)
        .distinct()
        .order(recommendations::country_code)
        .load(connection)
        .await?)
}

/// The outcome of a DELETE.
#[derive(Debug, PartialEq, Eq)]
pub enum Deletion {
    Deleted,
    NotFound,
    /// The intervention belongs to another organisation than the one the change is limited to.
    OtherOrganisation,
    /// It changed since the client read it; carries its current tag.
    Stale(Etag),
}

/// Deletes an intervention with its countries and links, and audits it. With `only_of` set, only
/// an intervention of that organisation may go; it goes only if it still meets `precondition`.
pub async fn delete(
    connection: &mut Connection,
    actor: &Actor,
    id: Uuid,
    only_of: Option<Uuid>,
    precondition: &Precondition,
) -> Result<Deletion, DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            let Some(before) = find_for_update(connection, id).await? else {
                return Ok(Deletion::NotFound);
            };
            if only_of.is_some_and(|organisation| organisation != before.row.organisation_id) {
                return Ok(Deletion::OtherOrganisation);
            }
            if !precondition.holds_for_resource(&before) {
                return Ok(Deletion::Stale(Etag::of(&before)));
            }
            diesel::delete(interventions::table.find(id))
                .execute(connection)
                .await?;
            let change = Change::deleted(ResourceType::Intervention, id, &before);
            audit::record(connection, actor, AuditAction::Delete, change).await?;
            Ok(Deletion::Deleted)
        })
        .await
}

/// Whether intervention `id` works in `country`.
pub async fn works_in(
    connection: &mut Connection,
    id: Uuid,
    country: &str,
) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        intervention_countries::table
            .filter(intervention_countries::intervention_id.eq(id))
            .filter(intervention_countries::country_code.eq(country)),
    ))
    .get_result(connection)
    .await?)
}

/// Attaches their countries to intervention rows, in one query for all of them.
pub async fn with_countries(
    connection: &mut Connection,
    rows: Vec<InterventionRow>,
) -> Result<Vec<Intervention>, DbError> {
    let ids: Vec<Uuid> = rows.iter().map(|row| row.id).collect();
    let mut countries = countries_of(connection, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|row| Intervention {
            countries: countries.remove(&row.id).unwrap_or_default(),
            row,
        })
        .collect())
}

/// The titles of these interventions that exist, by id.
pub async fn titles(
    connection: &mut Connection,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, String>, DbError> {
    let rows: Vec<(Uuid, String)> = interventions::table
        .filter(interventions::id.eq_any(ids))
        .select((interventions::id, interventions::title))
        .load(connection)
        .await?;
    Ok(rows.into_iter().collect())
}
