//! The `organisations` table.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde::Serialize;
use uuid::Uuid;

use super::audit::{self, Actor, Change};
use super::schema::organisations;
use super::{Connection, Constrained, DbError, Guarded, constrained};
use crate::domain::{AuditAction, Etag, IatiOrganisationType, Precondition, ResourceType};

#[derive(Debug, Clone, Queryable, Selectable, Serialize, serde::Deserialize)]
#[diesel(table_name = organisations, check_for_backend(diesel::pg::Pg))]
pub struct OrganisationRow {
    pub id: Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
    /// Its IATI organisation identifier, for the activity files donors read.
    pub iati_identifier: Option<String>,
    /// Its IATI organisation type.
    pub iati_organisation_type: Option<IatiOrganisationType>,
    /// When it was archived: it keeps its history and gets no new interventions.
    pub archived_at: Option<DateTime<Utc>>,
}

/// What an update changes: each field given is set (`iati_identifier: Some(None)` clears it).
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = organisations)]
pub struct OrganisationChanges {
    pub name: Option<String>,
    pub iati_identifier: Option<Option<String>>,
    pub iati_organisation_type: Option<Option<IatiOrganisationType>>,
    pub archived_at: Option<Option<DateTime<Utc>>>,
}

impl OrganisationChanges {
    /// Whether it changes nothing (an update of `{}`), which writes and audits nothing.
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.iati_identifier.is_none()
            && self.iati_organisation_type.is_none()
            && self.archived_at.is_none()
    }
}

/// The IATI facts of a new organisation.
#[derive(Debug, Default, Clone)]
pub struct IatiFacts {
    pub identifier: Option<String>,
    pub organisation_type: Option<IatiOrganisationType>,
}

/// Inserts an organisation and audits it; a name taken (ignoring case) is
/// `Constrained::Duplicate("organisations_name_key")`, an IATI identifier taken
/// `Constrained::Duplicate("organisations_iati_identifier_key")`.
pub async fn insert(
    connection: &mut Connection,
    actor: &Actor,
    name: &str,
    iati: &IatiFacts,
) -> Result<Constrained<OrganisationRow>, DbError> {
    constrained(
        connection
            .transaction::<_, DbError, _>(async |connection| {
                let row = diesel::insert_into(organisations::table)
                    .values((
                        organisations::id.eq(Uuid::now_v7()),
                        organisations::name.eq(name),
                        organisations::iati_identifier.eq(&iati.identifier),
                        organisations::iati_organisation_type.eq(iati.organisation_type),
                    ))
                    .returning(OrganisationRow::as_returning())
                    .get_result(connection)
                    .await?;
                let change = Change::created(ResourceType::Organisation, row.id, &row);
                audit::record(connection, actor, AuditAction::Create, change).await?;
                Ok(row)
            })
            .await,
    )
}

pub async fn find(
    connection: &mut Connection,
    id: Uuid,
) -> Result<Option<OrganisationRow>, DbError> {
    Ok(organisations::table
        .find(id)
        .select(OrganisationRow::as_select())
        .first(connection)
        .await
        .optional()?)
}

pub async fn exists(connection: &mut Connection, id: Uuid) -> Result<bool, DbError> {
    Ok(
        diesel::select(diesel::dsl::exists(organisations::table.find(id)))
            .get_result(connection)
            .await?,
    )
}

/// Changes an organisation and audits it, if it still meets `precondition`; a name or IATI
/// identifier taken is refused as [`insert`] refuses it.
pub async fn update(
    connection: &mut Connection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    changes: &OrganisationChanges,
) -> Result<Constrained<Guarded<OrganisationRow>>, DbError> {
    constrained(
        connection
            .transaction::<_, DbError, _>(async |connection| {
                let Some(before) = organisations::table
                    .find(id)
                    .select(OrganisationRow::as_select())
                    .for_update()
                    .first(connection)
                    .await
                    .optional()?
                else {
                    return Ok(Guarded::NotFound);
                };
                if !precondition.holds_for_resource(&before) {
                    return Ok(Guarded::Stale(Etag::of(&before)));
                }
                if changes.is_empty() {
                    return Ok(Guarded::Done(before));
                }
                let after = diesel::update(organisations::table.find(id))
                    .set(changes)
                    .returning(OrganisationRow::as_returning())
                    .get_result(connection)
                    .await?;
                let change = Change::updated(ResourceType::Organisation, id, &before, &after);
                audit::record(connection, actor, AuditAction::Update, change).await?;
                Ok(Guarded::Done(after))
            })
            .await,
    )
}

/// Every organisation, by name (ignoring case): for the pages' choices and names. There are tens
/// or hundreds of them, never so many that a page could not list them all, so nothing is cut off
/// silently.
pub async fn all(connection: &mut Connection) -> Result<Vec<OrganisationRow>, DbError> {
    Ok(organisations::table
        .select(OrganisationRow::as_select())
        .order((super::lower(organisations::name), organisations::id))
        .load(connection)
        .await?)
}

/// One page of organisations in creation order (ids are time-ordered), after `after`: the API's
/// list.
pub async fn list(
    connection: &mut Connection,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<OrganisationRow>, DbError> {
    let mut query = organisations::table
        .select(OrganisationRow::as_select())
        .order(organisations::id)
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(organisations::id.gt(after));
    }
    Ok(query.load(connection).await?)
}
