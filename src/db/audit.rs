//! The `audit_events` table: who changed what, and how.
//!
//! Every write function of the `db` layer calls [`record`] inside the transaction of its write, so
//! there is no write without its audit row and no audit row without its write.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use serde::Serialize;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::schema::audit_events;
use super::{Connection, DbError};
use crate::domain::{AuditAction, ResourceType};

pub use crate::domain::Actor;

/// What a write changed in one resource: only the fields that differ, before and after.
#[derive(Debug, Clone)]
pub struct Change {
    pub resource_type: ResourceType,
    pub resource_id: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// Fields that change with every write and say nothing about what changed.
const BOOKKEEPING: &[&str] = &["updated_at", "changed_by"];

fn snapshot(row: &impl Serialize) -> Value {
    serde_json::to_value(row).expect("rows serialise to JSON")
}

impl Change {
    pub fn created(resource_type: ResourceType, id: impl ToString, row: &impl Serialize) -> Self {
        Self {
            resource_type,
            resource_id: id.to_string(),
            before: None,
            after: Some(snapshot(row)),
        }
    }

    pub fn deleted(resource_type: ResourceType, id: impl ToString, row: &impl Serialize) -> Self {
        Self {
            resource_type,
            resource_id: id.to_string(),
            before: Some(snapshot(row)),
            after: None,
        }
    }

    /// Whether this is an update in which no field (but bookkeeping) changed.
    pub fn changes_nothing(&self) -> bool {
        let empty = |value: &Option<Value>| matches!(value, Some(Value::Object(fields)) if fields.is_empty());
        empty(&self.before) && empty(&self.after)
    }

    /// Keeps only the fields whose value differs between `before` and `after`.
    pub fn updated(
        resource_type: ResourceType,
        id: impl ToString,
        before: &impl Serialize,
        after: &impl Serialize,
    ) -> Self {
        let (before, after) = changed_fields(snapshot(before), snapshot(after));
        Self {
            resource_type,
            resource_id: id.to_string(),
            before: Some(before),
            after: Some(after),
        }
    }
}

fn changed_fields(before: Value, after: Value) -> (Value, Value) {
    match (before, after) {
        (Value::Object(before), Value::Object(mut after)) => {
            let mut old = Map::new();
            let mut new = Map::new();
            for (field, value) in before {
                let changed = after.remove(&field).unwrap_or(Value::Null);
                if changed != value && !BOOKKEEPING.contains(&field.as_str()) {
                    old.insert(field.clone(), value);
                    new.insert(field, changed);
                }
            }
            for (field, value) in after {
                if !BOOKKEEPING.contains(&field.as_str()) {
                    old.insert(field.clone(), Value::Null);
                    new.insert(field, value);
                }
            }
            (Value::Object(old), Value::Object(new))
        }
        (before, after) => (before, after),
    }
}

/// Writes one audit row. Call it inside the transaction of the write it records.
pub async fn record(
    connection: &mut Connection,
    actor: &Actor,
    action: AuditAction,
    change: Change,
) -> Result<(), DbError> {
    if change.changes_nothing() {
        // A PATCH that sends the values already stored is no event worth a reader's time.
        return Ok(());
    }
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::key_id.eq(actor.key_id),
            audit_events::user_id.eq(actor.user_id),
            audit_events::key_name.eq(&actor.key_name),
            audit_events::action.eq(action),
            audit_events::resource_type.eq(change.resource_type),
            audit_events::resource_id.eq(&change.resource_id),
            audit_events::before.eq(change.before),
            audit_events::after.eq(change.after),
            audit_events::idempotency_claim.eq(actor.idempotency_claim),
        ))
        .execute(connection)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_events, check_for_backend(diesel::pg::Pg))]
pub struct AuditRow {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    pub key_id: Option<Uuid>,
    /// The person behind the change (signed in, or through their key).
    pub user_id: Option<Uuid>,
    pub key_name: String,
    pub action: AuditAction,
    pub resource_type: ResourceType,
    pub resource_id: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// Filters of the audit trail.
#[derive(Debug, Default)]
pub struct AuditFilter {
    pub resource_type: Option<ResourceType>,
    pub resource_id: Option<String>,
    pub key_id: Option<Uuid>,
    pub user_id: Option<Uuid>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// One page of audit events, newest first, below event id `before`.
pub async fn list(
    connection: &mut Connection,
    filter: &AuditFilter,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditRow>, DbError> {
    let mut query = audit_events::table
        .select(AuditRow::as_select())
        .order(audit_events::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(resource_type) = &filter.resource_type {
        query = query.filter(audit_events::resource_type.eq(*resource_type));
    }
    if let Some(resource_id) = &filter.resource_id {
        query = query.filter(audit_events::resource_id.eq(resource_id.clone()));
    }
    if let Some(key_id) = filter.key_id {
        query = query.filter(audit_events::key_id.eq(key_id));
    }
    if let Some(user_id) = filter.user_id {
        query = query.filter(audit_events::user_id.eq(user_id));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_events::occurred_at.ge(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(audit_events::occurred_at.lt(to));
    }
    if let Some(before) = before {
        query = query.filter(audit_events::id.lt(before));
    }
    Ok(query.load(connection).await?)
}

/// The history of one intervention, oldest first: its own changes and those of its links.
pub async fn intervention_history(
    connection: &mut Connection,
    intervention_id: Uuid,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditRow>, DbError> {
    let id = intervention_id.to_string();
    Ok(audit_events::table
        .filter(audit_events::id.gt(after.unwrap_or(0)))
        .filter(
            audit_events::resource_type
                .eq(ResourceType::Intervention)
                .and(audit_events::resource_id.eq(id.clone()))
                .or(audit_events::resource_type
                    .eq(ResourceType::Link)
                    .and(audit_events::resource_id.like(format!("{id}/%")))),
        )
        .order(audit_events::id)
        .limit(limit)
        .select(AuditRow::as_select())
        .load(connection)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_update_records_only_the_fields_that_changed() {
        let (before, after) = changed_fields(
            json!({"title": "Training", "status": "planned", "updated_at": "t1"}),
            json!({"title": "Training", "status": "active", "updated_at": "t2"}),
        );
        assert_eq!(before, json!({"status": "planned"}));
        assert_eq!(after, json!({"status": "active"}));
    }
}
