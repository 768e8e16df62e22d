//! The `organisations` table.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use super::schema::organisations;
use super::{Connection, DbError};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = organisations, check_for_backend(diesel::pg::Pg))]
pub struct OrganisationRow {
    pub id: Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

/// Inserts an organisation; a name taken (ignoring case) is `UniqueViolation("organisations_name_key")`.
pub async fn insert(connection: &mut Connection, name: &str) -> Result<OrganisationRow, DbError> {
    Ok(diesel::insert_into(organisations::table)
        .values((
            organisations::id.eq(Uuid::now_v7()),
            organisations::name.eq(name),
        ))
        .returning(OrganisationRow::as_returning())
        .get_result(connection)
        .await?)
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

pub async fn rename(
    connection: &mut Connection,
    id: Uuid,
    name: &str,
) -> Result<Option<OrganisationRow>, DbError> {
    Ok(diesel::update(organisations::table.find(id))
        .set(organisations::name.eq(name))
        .returning(OrganisationRow::as_returning())
        .get_result(connection)
        .await
        .optional()?)
}

/// One page of organisations in creation order (ids are time-ordered), after `after`.
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
