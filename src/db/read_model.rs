//! The status read model (`src/db/sql/read_model.sql`), checked against the live rule and
//! rebuilt from it.
//!
//! Triggers keep the model up to date in the transaction of every write; these are for an
//! operator who wants to know it is right (`gaptrack dev check-read-model`), and for the tests
//! that prove it after random concurrent writes.

use diesel::QueryableByName;
use diesel::sql_types::{Nullable, Text, Uuid as SqlUuid};
use diesel_async::{AsyncConnection, RunQueryDsl};
use uuid::Uuid;

use super::{Connection, DbError};

/// A status the read model stores that the live rule does not give.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct Difference {
    #[diesel(sql_type = SqlUuid)]
    pub recommendation_id: Uuid,
    /// The organisation whose status differs; `None` for the overall status.
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub organisation_id: Option<Uuid>,
    /// What the read model says (`link of <intervention>: …` for a stored link).
    #[diesel(sql_type = Text)]
    pub stored: String,
    /// What the live rule says.
    #[diesel(sql_type = Text)]
    pub live: String,
}

/// Every difference between the read model and the live rule, for every report year, overall
/// and for every organisation; empty when the model is right. It reads one consistent snapshot
/// (REPEATABLE READ), so writes going on meanwhile cannot show up as differences.
///
/// It works the live rule out for every organisation and year, so it takes a while on a large
/// database (about a minute per 50,000 recommendations and 40 organisations).
pub async fn differences(connection: &mut Connection) -> Result<Vec<Difference>, DbError> {
    connection
        .build_transaction()
        .repeatable_read()
        .read_only()
        .run::<_, DbError, _>(async |connection| {
            // Compiling the live rule's plan takes longer than running it at any size.
            diesel::sql_query("SET LOCAL jit = off")
                .execute(connection)
                .await?;
            Ok(diesel::sql_query(
                "SELECT recommendation_id, organisation_id, stored, live \
                   FROM read_model_differences() \
                  ORDER BY recommendation_id, organisation_id NULLS FIRST, stored",
            )
            .load(connection)
            .await?)
        })
        .await
}

/// Builds the read model again from the live tables, in one transaction that holds off writes
/// to links and interventions while it runs.
pub async fn rebuild(connection: &mut Connection) -> Result<(), DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            diesel::sql_query("SELECT rebuild_read_model()")
                .execute(connection)
                .await?;
            Ok(())
        })
        .await
}
