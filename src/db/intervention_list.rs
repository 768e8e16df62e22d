//! Lists of interventions: what the API's cursor list and the pages' searchable list read.
//!
//! Every order ends on the id, so each row has one place, and a page resumes after the row whose
//! id it was given (its sort key is read back from that row): a cursor stays a plain id whatever
//! the order.

use diesel::dsl::count_star;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use super::interventions::{Intervention, InterventionRow, with_countries};
use super::schema::{intervention_countries, interventions, links};
use super::{Connection, DbError, lower};
use crate::domain::{InterventionKind, InterventionStatus};

/// Filters of the intervention list.
#[derive(Debug, Default)]
pub struct InterventionFilter {
    pub organisation: Option<Uuid>,
    pub country: Option<String>,
    pub kind: Option<InterventionKind>,
    pub status: Option<InterventionStatus>,
    /// Words to find in the title, the description or the location, ignoring case.
    pub text: Option<String>,
    /// Only the interventions linked to this recommendation (whatever their status or
    /// contribution): where the country page sends a reader when more answer it than it lists.
    pub answers: Option<Uuid>,
}

/// The order of a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum InterventionOrder {
    /// Creation order (ids are time-ordered): the API's order, stable under inserts.
    #[default]
    Oldest,
    Newest,
    /// By title, ignoring case.
    Title,
    /// The last changed first.
    RecentlyChanged,
}

type Filtered<'a> = interventions::BoxedQuery<'a, Pg>;

/// The rows `filter` keeps, in no order.
fn filtered(filter: &InterventionFilter) -> Filtered<'static> {
    let mut query = interventions::table.into_boxed();
    if let Some(organisation) = filter.organisation {
        query = query.filter(interventions::organisation_id.eq(organisation));
    }
    if let Some(country) = &filter.country {
        query = query.filter(
            interventions::id.eq_any(
                intervention_countries::table
                    .filter(intervention_countries::country_code.eq(country.clone()))
                    .select(intervention_countries::intervention_id),
            ),
        );
    }
    if let Some(recommendation) = filter.answers {
        query = query.filter(
            interventions::id.eq_any(
                links::table
                    .filter(links::recommendation_id.eq(recommendation))
                    .select(links::intervention_id),
            ),
        );
    }
    if let Some(kind) = filter.kind {
        query = query.filter(interventions::kind.eq(kind));
    }
    if let Some(status) = filter.status {
        query = query.filter(interventions::status.eq(status));
    }
    if let Some(text) = filter
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let Some(pattern) = super::text_search::anywhere(text) else {
            // No stored text holds a NUL (PostgreSQL's text cannot), so nothing matches.
            return query.filter(diesel::dsl::sql::<diesel::sql_types::Bool>("false"));
        };
        query = query.filter(
            interventions::title
                .ilike(pattern.clone())
                .nullable()
                .or(interventions::description.ilike(pattern.clone()))
                .or(interventions::location.ilike(pattern)),
        );
    }
    query
}

/// One page of interventions matching `filter`, in creation order (ids are time-ordered).
pub async fn list(
    connection: &mut Connection,
    filter: &InterventionFilter,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<Intervention>, DbError> {
    list_in_order(connection, filter, InterventionOrder::Oldest, after, limit).await
}

/// One page of interventions matching `filter` in `order`, after the row `after` (when that
/// row is gone, from the start).
pub async fn list_in_order(
    connection: &mut Connection,
    filter: &InterventionFilter,
    order: InterventionOrder,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<Intervention>, DbError> {
    let resume_at: Option<InterventionRow> = match after {
        Some(id) => interventions::table
            .find(id)
            .select(InterventionRow::as_select())
            .first(connection)
            .await
            .optional()?,
        None => None,
    };
    let mut query = filtered(filter).limit(limit);
    query = match order {
        InterventionOrder::Oldest => query.order(interventions::id.asc()),
        InterventionOrder::Newest => query.order(interventions::id.desc()),
        InterventionOrder::Title => {
            query.order((lower(interventions::title).asc(), interventions::id.asc()))
        }
        InterventionOrder::RecentlyChanged => {
            query.order((interventions::updated_at.desc(), interventions::id.desc()))
        }
    };
    if let Some(last) = resume_at {
        query = match order {
            InterventionOrder::Oldest => query.filter(interventions::id.gt(last.id)),
            InterventionOrder::Newest => query.filter(interventions::id.lt(last.id)),
            InterventionOrder::Title => {
                let title = || lower(last.title.clone());
                query.filter(
                    lower(interventions::title)
                        .gt(title())
                        .or(lower(interventions::title)
                            .eq(title())
                            .and(interventions::id.gt(last.id))),
                )
            }
            InterventionOrder::RecentlyChanged => query.filter(
                interventions::updated_at
                    .lt(last.updated_at)
                    .or(interventions::updated_at
                        .eq(last.updated_at)
                        .and(interventions::id.lt(last.id))),
            ),
        };
    }
    let rows: Vec<InterventionRow> = query
        .select(InterventionRow::as_select())
        .load(connection)
        .await?;
    with_countries(connection, rows).await
}

/// How many interventions match `filter`.
pub async fn count(
    connection: &mut Connection,
    filter: &InterventionFilter,
) -> Result<i64, DbError> {
    Ok(filtered(filter)
        .select(count_star())
        .get_result(connection)
        .await?)
}
