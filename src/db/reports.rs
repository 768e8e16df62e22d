//! The `reports` table: one TIP Report per year.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde::Serialize;

use super::audit::{self, Actor, Change};
use super::schema::reports;
use super::{Connection, Constrained, DbError, constrained};
use crate::domain::{AuditAction, ResourceType};

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = reports, check_for_backend(diesel::pg::Pg))]
pub struct ReportRow {
    pub year: i32,
    pub title: String,
    pub published_on: Option<NaiveDate>,
    pub source_url: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = reports)]
pub struct NewReport<'a> {
    pub year: i32,
    pub title: &'a str,
    pub published_on: Option<NaiveDate>,
    pub source_url: Option<&'a str>,
}

/// Inserts a report and audits it; a second report for the same year is a
/// `Constrained::Duplicate("reports_pkey")`.
pub async fn insert(
    connection: &mut Connection,
    actor: &Actor,
    report: &NewReport<'_>,
) -> Result<Constrained<ReportRow>, DbError> {
    constrained(
        connection
            .transaction::<_, DbError, _>(async |connection| {
                let row = diesel::insert_into(reports::table)
                    .values(report)
                    .returning(ReportRow::as_returning())
                    .get_result(connection)
                    .await?;
                let change = Change::created(ResourceType::Report, row.year, &row);
                audit::record(connection, actor, AuditAction::Create, change).await?;
                Ok(row)
            })
            .await,
    )
}

pub async fn find(connection: &mut Connection, year: i32) -> Result<Option<ReportRow>, DbError> {
    Ok(reports::table
        .find(year)
        .select(ReportRow::as_select())
        .first(connection)
        .await
        .optional()?)
}

pub async fn exists(connection: &mut Connection, year: i32) -> Result<bool, DbError> {
    Ok(
        diesel::select(diesel::dsl::exists(reports::table.find(year)))
            .get_result(connection)
            .await?,
    )
}

/// One page of reports, newest first, starting below year `before`.
pub async fn list(
    connection: &mut Connection,
    before: Option<i32>,
    limit: i64,
) -> Result<Vec<ReportRow>, DbError> {
    let mut query = reports::table
        .select(ReportRow::as_select())
        .order(reports::year.desc())
        .limit(limit)
        .into_boxed();
    if let Some(before) = before {
        query = query.filter(reports::year.lt(before));
    }
    Ok(query.load(connection).await?)
}
