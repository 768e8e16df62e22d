//! The database layer: every SQL statement of gaptrack lives below this module.
//!
//! Each submodule owns one table (or, for [`gaps`], the gap rule's queries). Functions take a
//! connection, return plain row structs or `Option` for an absent row, and leave it to the handler to
//! decide what absence means. A write that spans several statements opens its own transaction.

/// Makes `$statement` (a struct with one lifetime whose SQL text its type alone decides, never
/// its values) a statement diesel prepares once per connection and reuses, keyed by `$id` in its
/// statement cache: diesel never caches `sql_query`, and planning again on every call cost more
/// than running some of these.
macro_rules! prepared_once {
    ($statement:ident, $id:ty) => {
        impl diesel::query_builder::QueryId for $statement<'_> {
            type QueryId = $id;
            const HAS_STATIC_QUERY_ID: bool = true;
        }

        impl diesel::query_builder::Query for $statement<'_> {
            type SqlType = diesel::sql_types::Untyped;
        }
    };
}
pub(crate) use prepared_once;

pub mod account_links;
pub mod activities;
pub mod audit;
pub mod backups;
pub mod bulk;
pub mod call_for_information;
pub mod carry_forward;
pub mod checked_imports;
pub mod countries;
pub mod country_page;
pub mod databases;
pub mod edition_digest;
pub mod gaps;
pub mod idempotency;
pub mod import;
pub mod intervention_choices;
pub mod intervention_list;
pub mod interventions;
pub mod keys;
pub mod lineage;
pub mod links;
pub mod organisations;
pub mod ranking;
pub mod read_model;
pub mod recommendations;
pub mod reminders;
pub mod reports;
pub mod schema;
pub mod second_factors;
pub mod sessions;
pub mod share_links;
pub mod sign_in_failures;
pub mod text_search;
pub mod tier_sources;
pub mod tiers;
pub mod translations;
pub mod users;

use diesel::result::{DatabaseErrorKind, Error as DieselError};
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_async::pooled_connection::deadpool::{Object, Pool, PoolError};
use diesel_async::pooled_connection::{
    AsyncDieselConnectionManager, ManagerConfig, RecyclingMethod,
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::config::Timeouts;
use crate::domain::Etag;

diesel::define_sql_function!(
    /// PostgreSQL's `lower`: text compared or sorted ignoring case, as the database sees case.
    fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text
);

/// The migrations in `migrations/`, compiled into the binary.
pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// The connection pool shared by all HTTP workers.
pub type DbPool = Pool<AsyncPgConnection>;
/// A connection borrowed from the pool.
pub type PooledConnection = Object<AsyncPgConnection>;
/// The connection type every `db::` function takes.
pub type Connection = AsyncPgConnection;

/// The outcome of a change guarded by an `If-Match` [`Precondition`](crate::domain::Precondition).
#[derive(Debug)]
pub enum Guarded<T> {
    Done(T),
    NotFound,
    /// The resource changed since the client read it; carries its current tag.
    Stale(Etag),
}

/// A write a constraint may refuse, told apart from a fault: what the caller asked for may
/// clash with what is stored (a duplicate) or name what is not (a missing reference).
#[derive(Debug)]
pub enum Constrained<T> {
    Done(T),
    /// A unique constraint refused it; carries the constraint's name.
    Duplicate(String),
    /// A foreign key refused it; carries the constraint's name.
    MissingReference(String),
}

impl<T> Constrained<T> {
    /// The write's result, with a refusal taken as the fault it is where none was expected
    /// (loading demo or generated data into an empty database).
    pub fn or_fault(self) -> Result<T, DbError> {
        match self {
            Self::Done(done) => Ok(done),
            Self::Duplicate(constraint) => Err(DbError::UniqueViolation(constraint)),
            Self::MissingReference(constraint) => Err(DbError::ForeignKeyViolation(constraint)),
        }
    }
}

/// Sorts a write's result into done, refused by a constraint, or a fault.
pub fn constrained<T>(result: Result<T, DbError>) -> Result<Constrained<T>, DbError> {
    match result {
        Ok(done) => Ok(Constrained::Done(done)),
        Err(DbError::UniqueViolation(constraint)) => Ok(Constrained::Duplicate(constraint)),
        Err(DbError::ForeignKeyViolation(constraint)) => {
            Ok(Constrained::MissingReference(constraint))
        }
        Err(other) => Err(other),
    }
}

/// What can go wrong talking to PostgreSQL.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// No connection could be had: the server is down or unreachable.
    #[error("{0}")]
    Unavailable(String),
    /// The connection broke while in use (PostgreSQL restarted, or ended this backend): the
    /// statement may or may not have run. A read may be tried again on a fresh connection, which
    /// the pool hands out, having discarded the broken one.
    #[error("connection lost: {0}")]
    ConnectionLost(String),
    /// A unique constraint refused the write; carries the constraint's name.
    #[error("unique constraint {0} violated")]
    UniqueViolation(String),
    /// A foreign key refused the write; carries the constraint's name.
    #[error("foreign key {0} violated")]
    ForeignKeyViolation(String),
    #[error("migrations failed: {0}")]
    Migration(String),
    #[error(transparent)]
    Query(DieselError),
}

impl From<DieselError> for DbError {
    fn from(error: DieselError) -> Self {
        match &error {
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                Self::UniqueViolation(info.constraint_name().unwrap_or_default().to_string())
            }
            DieselError::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, info) => {
                Self::ForeignKeyViolation(info.constraint_name().unwrap_or_default().to_string())
            }
            DieselError::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                info,
            ) => Self::ConnectionLost(info.message().to_string()),
            DieselError::DatabaseError(DatabaseErrorKind::Unknown, info)
                if is_connection_loss(info.message()) =>
            {
                Self::ConnectionLost(info.message().to_string())
            }
            DieselError::DatabaseError(DatabaseErrorKind::Unknown, info)
                if is_unavailability(info.message()) =>
            {
                Self::Unavailable(info.message().to_string())
            }
            _ => Self::Query(error),
        }
    }
}

/// Whether PostgreSQL's message says it ended this connection (SQLSTATE 57P01 to 57P03, and class
/// 08). diesel passes on the message, not the SQLSTATE, so the messages are matched; the managed
/// cluster runs with the C locale, where they read as below.
fn is_connection_loss(message: &str) -> bool {
    message.starts_with("terminating connection") || message.starts_with("connection to server")
}

/// Whether PostgreSQL's message says it is coming up or going away, or gave up on a statement
/// (57014, statement timeout): trying again at once would only wait as long again.
fn is_unavailability(message: &str) -> bool {
    message.starts_with("the database system is")
        || message.starts_with("canceling statement due to statement timeout")
}

impl From<DbError> for crate::domain::Failure {
    fn from(error: DbError) -> Self {
        match error {
            DbError::Unavailable(cause) => Self::Unavailable(cause),
            DbError::ConnectionLost(cause) => Self::ConnectionLost(cause),
            other => Self::internal(other),
        }
    }
}

impl From<PoolError> for DbError {
    fn from(error: PoolError) -> Self {
        Self::Unavailable(error.to_string())
    }
}

/// Builds the pool. Connections are opened lazily, so this succeeds even while the database is down.
///
/// A connection coming back from the pool is only checked for a transaction left open, not pinged
/// with a query: a ping on every checkout is a round trip per request, and a connection that died
/// in the pool fails its first query, which the pool then replaces.
///
/// Every wait is bounded (see [`Timeouts`]): opening a connection, waiting for a free one, and each
/// statement (`statement_timeout`, set on every connection), so that a frozen or unreachable
/// database turns into a quick 503 instead of requests piling up.
pub fn build_pool(
    database_url: &str,
    max_size: usize,
    timeouts: &Timeouts,
) -> Result<DbPool, DbError> {
    let mut config = ManagerConfig::default();
    config.recycling_method = RecyclingMethod::Fast;
    let statement_timeout = timeouts.request;
    let connect_timeout = timeouts.connect;
    // A connection is driven by a task on the runtime that opened it. HTTP workers each run a
    // runtime of their own and stop one by one at shutdown, so a connection opened by a worker
    // would die with it while another worker still uses it: connections are opened on the
    // runtime that builds the pool (the server's main one), which outlives every worker.
    let home = tokio::runtime::Handle::try_current().ok();
    config.custom_setup = Box::new(move |url| {
        let url = url.to_owned();
        let open = async move {
            tokio::time::timeout(
                connect_timeout,
                establish_for_requests(&url, statement_timeout),
            )
            .await
            .map_err(|_| {
                diesel::ConnectionError::BadConnection(format!(
                    "no connection within {} ms",
                    connect_timeout.as_millis()
                ))
            })?
        };
        match &home {
            Some(home) => {
                let opening = home.spawn(open);
                Box::pin(async move {
                    opening.await.map_err(|error| {
                        diesel::ConnectionError::BadConnection(error.to_string())
                    })?
                })
            }
            None => Box::pin(open),
        }
    });
    let manager =
        AsyncDieselConnectionManager::<AsyncPgConnection>::new_with_config(database_url, config);
    Pool::builder(manager)
        .max_size(max_size)
        .runtime(deadpool::Runtime::Tokio1)
        .create_timeout(Some(timeouts.connect))
        .wait_timeout(Some(timeouts.pool_wait))
        .recycle_timeout(Some(timeouts.connect))
        .build()
        .map_err(|error| DbError::Unavailable(error.to_string()))
}

/// Opens a connection for serving requests.
///
/// JIT compilation is switched off for it: gaptrack's queries take milliseconds, and PostgreSQL's
/// cost estimates for the gap rule's per-recommendation probes cross the JIT threshold, so each
/// coverage report spent half a second compiling code it then ran for 20 ms.
async fn establish_for_requests(
    url: &str,
    statement_timeout: std::time::Duration,
) -> diesel::ConnectionResult<AsyncPgConnection> {
    use diesel_async::SimpleAsyncConnection;
    let mut connection = AsyncPgConnection::establish(url).await?;
    connection
        .batch_execute(&format!(
            "SET jit = off; SET statement_timeout = {}",
            statement_timeout.as_millis()
        ))
        .await
        .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
    Ok(connection)
}

/// Borrows a connection from the pool.
pub async fn connection(pool: &DbPool) -> Result<PooledConnection, DbError> {
    Ok(pool.get().await?)
}

/// What a use case takes from its edge: connections (from the pool itself for the command line,
/// or from an edge that knows more about the request: a retried read is handed only live
/// connections), and the time (the server's clock, which tests move).
pub trait Connections {
    /// A connection, or why none can be had.
    fn connect(&self) -> impl std::future::Future<Output = Result<PooledConnection, DbError>>;

    /// A connection checked to answer, for work tried again after its connection broke.
    fn connect_live(&self) -> impl std::future::Future<Output = Result<PooledConnection, DbError>>;

    /// The time now, for every decision that depends on it (see [`crate::domain::Clock`]).
    fn now(&self) -> chrono::DateTime<chrono::Utc>;
}

/// Shared state (a server's, held by a response written after its handler returned) gives
/// connections as the state does.
impl<T: Connections> Connections for std::sync::Arc<T> {
    async fn connect(&self) -> Result<PooledConnection, DbError> {
        self.as_ref().connect().await
    }

    async fn connect_live(&self) -> Result<PooledConnection, DbError> {
        self.as_ref().connect_live().await
    }

    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.as_ref().now()
    }
}

impl Connections for DbPool {
    async fn connect(&self) -> Result<PooledConnection, DbError> {
        connection(self).await
    }

    async fn connect_live(&self) -> Result<PooledConnection, DbError> {
        live_connection(self).await
    }

    /// The command line runs on the machine's clock.
    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        chrono::Utc::now()
    }
}

/// Borrows a connection that answers a query, discarding on the way those that broke while idle
/// or under a request that has just failed, before the pool noticed: a retry after a lost
/// connection must not be handed the same dead one. One round trip more than [`connection`].
pub async fn live_connection(pool: &DbPool) -> Result<PooledConnection, DbError> {
    use diesel_async::SimpleAsyncConnection;
    // Every pooled connection may be dead; past them, the pool opens a new one.
    for _ in 0..=pool.status().max_size {
        let mut connection = pool.get().await?;
        if connection.batch_execute("SELECT 1").await.is_ok() {
            return Ok(connection);
        }
        drop(Object::take(connection));
    }
    Err(DbError::Unavailable(
        "every connection opened broke at once".into(),
    ))
}

/// Applies the embedded migrations that `database_url` has not seen yet.
///
/// Diesel's migration runner is synchronous, so it runs on a thread of its own, where it may block
/// without stalling an async runtime (and works whether or not the caller is inside one).
pub fn run_migrations(database_url: &str) -> Result<(), DbError> {
    with_migration_harness(database_url, |connection| {
        connection.run_pending_migrations(MIGRATIONS).map(|_| ())
    })
}

/// Runs `work` with diesel's (synchronous) migration harness on a connection to `database_url`,
/// on a thread of its own.
fn with_migration_harness<T: Send + 'static>(
    database_url: &str,
    work: impl FnOnce(&mut AsyncConnectionWrapper<AsyncPgConnection>) -> diesel::migration::Result<T>
    + Send
    + 'static,
) -> Result<T, DbError> {
    let url = database_url.to_owned();
    std::thread::spawn(move || -> Result<T, String> {
        let mut connection =
            <AsyncConnectionWrapper<AsyncPgConnection> as diesel::Connection>::establish(&url)
                .map_err(|error| error.to_string())?;
        work(&mut connection).map_err(|error| error.to_string())
    })
    .join()
    .map_err(|_| DbError::Migration("the migration thread panicked".into()))?
    .map_err(DbError::Migration)
}

/// The versions of the migrations this binary carries, as `__diesel_schema_migrations` records them.
pub fn known_migration_versions() -> Vec<String> {
    diesel::migration::MigrationSource::<diesel::pg::Pg>::migrations(&MIGRATIONS)
        .map(|migrations| {
            migrations
                .iter()
                .map(|migration| migration.name().version().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Whether the database has migrations of this binary still to run (a database with none run
/// yet, fresh, counts as having them).
pub fn has_pending_migrations(database_url: &str) -> Result<bool, DbError> {
    with_migration_harness(database_url, |connection| {
        connection.has_pending_migration(MIGRATIONS)
    })
}

/// One connection outside any pool, for a command's single step.
pub async fn connect_once(url: &str) -> Result<AsyncPgConnection, DbError> {
    AsyncPgConnection::establish(url)
        .await
        .map_err(|error| DbError::Unavailable(error.to_string()))
}

/// Whether the database answers a trivial query on `connection`.
pub async fn answers(connection: &mut Connection) -> Result<(), DbError> {
    diesel::sql_query("SELECT 1").execute(connection).await?;
    Ok(())
}

/// Creates database `name` on the server reached through `admin_url` unless it exists; says whether
/// it created it.
pub async fn create_database_if_missing(admin_url: &str, name: &str) -> Result<bool, DbError> {
    let mut connection = connect_once(admin_url).await?;
    let exists = diesel::select(diesel::dsl::exists(
        pg_database::table.filter(pg_database::datname.eq(name)),
    ))
    .get_result::<bool>(&mut connection)
    .await?;
    if exists {
        return Ok(false);
    }
    diesel::sql_query(format!("CREATE DATABASE {}", quote_identifier(name)))
        .execute(&mut connection)
        .await?;
    Ok(true)
}

/// Quotes an SQL identifier (a database name), doubling any quote inside it.
pub fn quote_identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

use diesel::{ExpressionMethods, QueryDsl};

diesel::table! {
    /// PostgreSQL's catalogue of databases.
    pg_database (datname) {
        datname -> Text,
    }
}
