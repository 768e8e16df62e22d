//! What a link offer on the country page lists: an organisation's interventions in the country,
//! newest first, by title and status only.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Uuid as SqlUuid};
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use super::{Connection, DbError};
use crate::domain::InterventionStatus;

/// An intervention as a link offer names it.
#[derive(Debug, Clone, QueryableByName)]
pub struct InterventionChoice {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Text)]
    pub status: InterventionStatus,
}

/// The statement, walked from the country's interventions (its index, newest first) to each
/// one's row, until `limit` are the organisation's. Left to itself the planner read every
/// intervention of the organisation instead (tens of thousands for the busiest, in pgbench 5.9 ms
/// a view against 1.3 this way); the fence (`OFFSET 0`) keeps the walk, whose cost is bounded by
/// the country's interventions, whatever the organisation's size. Typed, so that diesel prepares
/// it once per connection.
struct ChoicesStatement<'a> {
    organisation: Uuid,
    country: &'a str,
    limit: i64,
}

super::prepared_once!(ChoicesStatement, ChoicesStatement<'static>);

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for ChoicesStatement<'_> {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> diesel::QueryResult<()> {
        out.push_sql(
            "SELECT i.id, i.title, i.status FROM intervention_countries c \
             CROSS JOIN LATERAL (SELECT i.id, i.title, i.status FROM interventions i \
                                  WHERE i.id = c.intervention_id AND i.organisation_id = ",
        );
        out.push_bind_param::<SqlUuid, _>(&self.organisation)?;
        out.push_sql(" OFFSET 0) i WHERE c.country_code = ");
        out.push_bind_param::<Text, _>(&self.country)?;
        out.push_sql(" ORDER BY c.intervention_id DESC LIMIT ");
        out.push_bind_param::<BigInt, _>(&self.limit)?;
        Ok(())
    }
}

/// `organisation`'s interventions in `country`, newest first (ids are time-ordered), at most
/// `limit`.
pub async fn in_country(
    connection: &mut Connection,
    organisation: Uuid,
    country: &str,
    limit: i64,
) -> Result<Vec<InterventionChoice>, DbError> {
    Ok(ChoicesStatement {
        organisation,
        country,
        limit,
    }
    .load(connection)
    .await?)
}
