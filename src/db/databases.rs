//! Whole databases, for a restore: whether one is empty, and putting a restored one in place of
//! another on the server gaptrack manages.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::{DbError, connect_once as connect, quote_identifier};

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// How many tables of its own the database at `url` holds (PostgreSQL's catalogues aside).
pub async fn table_count(url: &str) -> Result<i64, DbError> {
    let mut connection = connect(url).await?;
    let count: Count = diesel::sql_query(
        "SELECT count(*) AS n FROM pg_catalog.pg_tables \
         WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    )
    .get_result(&mut connection)
    .await?;
    Ok(count.n)
}

/// Creates database `name` empty, dropping any left by an earlier attempt.
pub async fn create_afresh(admin_url: &str, name: &str) -> Result<(), DbError> {
    let mut connection = connect(admin_url).await?;
    drop_on(&mut connection, name).await?;
    diesel::sql_query(format!("CREATE DATABASE {}", quote_identifier(name)))
        .execute(&mut connection)
        .await?;
    Ok(())
}

/// Drops database `name`, if it exists, closing the connections to it.
pub async fn drop_database(admin_url: &str, name: &str) -> Result<(), DbError> {
    let mut connection = connect(admin_url).await?;
    drop_on(&mut connection, name).await
}

async fn drop_on(connection: &mut AsyncPgConnection, name: &str) -> Result<(), DbError> {
    diesel::sql_query(format!(
        "DROP DATABASE IF EXISTS {} WITH (FORCE)",
        quote_identifier(name)
    ))
    .execute(connection)
    .await?;
    Ok(())
}

/// Puts database `replacement` in place of `current`, which is dropped (its connections closed
/// first, so that a running gaptrack's pool reconnects to the replacement under the same name).
/// The caller keeps a backup of `current` first.
pub async fn replace(admin_url: &str, current: &str, replacement: &str) -> Result<(), DbError> {
    let mut connection = connect(admin_url).await?;
    drop_on(&mut connection, current).await?;
    diesel::sql_query(format!(
        "ALTER DATABASE {} RENAME TO {}",
        quote_identifier(replacement),
        quote_identifier(current)
    ))
    .execute(&mut connection)
    .await?;
    Ok(())
}
