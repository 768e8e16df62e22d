//! Where the database comes from: the server named by `DATABASE_URL`, or a local cluster that
//! gaptrack starts itself.

use crate::config::Config;
use crate::db::{self, DbError};
use crate::local_postgres::{ClusterError, Durability, LocalCluster};

/// The name of the database gaptrack creates in its local cluster.
pub const LOCAL_DATABASE: &str = "gaptrack";

/// A migrated database, and the local cluster serving it, if gaptrack started one.
pub struct Database {
    pub url: String,
    /// Whether the database was created by this start: only then is the demo loaded.
    pub freshly_created: bool,
    cluster: Option<LocalCluster>,
}

/// Why the database could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot start the local PostgreSQL: {0}")]
    Cluster(#[from] ClusterError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl Database {
    /// Opens the configured database, starting the local cluster when no `DATABASE_URL` is set, and
    /// applies pending migrations.
    pub async fn open(config: &Config) -> Result<Self, OpenError> {
        let database = match &config.database_url {
            Some(url) => Self {
                url: url.clone(),
                freshly_created: false,
                cluster: None,
            },
            None => {
                let cluster = LocalCluster::start(&config.data_dir, Durability::Durable)?;
                log::info!("local PostgreSQL running in {}", cluster.root().display());
                let freshly_created = db::create_database_if_missing(
                    &cluster.connection_string("postgres"),
                    LOCAL_DATABASE,
                )
                .await?;
                Self {
                    url: cluster.connection_string(LOCAL_DATABASE),
                    freshly_created,
                    cluster: Some(cluster),
                }
            }
        };
        db::run_migrations(&database.url)?;
        Ok(database)
    }

    /// A pool of `size` connections to it, for a command that calls use cases.
    pub fn pool(&self, size: usize, config: &Config) -> Result<db::DbPool, DbError> {
        db::build_pool(&self.url, size, &config.timeouts)
    }

    /// Stops the local cluster, if gaptrack started one.
    pub fn close(self) {
        if let Some(cluster) = self.cluster {
            match cluster.stop() {
                Ok(()) => log::info!("local PostgreSQL stopped"),
                Err(error) => log::error!("stopping the local PostgreSQL: {error}"),
            }
        }
    }
}
