//! Where the database comes from: the server named by `DATABASE_URL`, or a local cluster that
//! gaptrack starts itself.

use crate::backup::{self, BackupError, RestoreTarget};
use crate::config::Config;
use crate::db::{self, DbError};
use crate::domain::backups::{BackupReason, ManagedBackups};
use crate::domain::{Clock, SystemClock};
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
    #[error(
        "new migrations were not applied, because the backup before them failed (free some disk, \
         or check BACKUP_DIR)"
    )]
    Backup(#[from] BackupError),
    #[error(
        "a gaptrack server already runs on {}: stop it first, or give this one another \
         GAPTRACK_DATA_DIR",
        .0.display()
    )]
    AlreadyServed(std::path::PathBuf),
}

impl Database {
    /// Opens the configured database, starting the local cluster when no `DATABASE_URL` is set, and
    /// applies pending migrations: on the database gaptrack manages, after a backup of it.
    pub async fn open(config: &Config) -> Result<Self, OpenError> {
        Self::open_unmigrated(config).await?.migrated(config).await
    }

    /// [`Database::open`] for a server: refused when another gaptrack server already runs the
    /// local cluster, which would stop it under this one when it stops.
    pub async fn open_to_serve(config: &Config) -> Result<Self, OpenError> {
        let database = Self::open_unmigrated(config).await?;
        if database
            .cluster
            .as_ref()
            .is_some_and(LocalCluster::was_running)
        {
            return Err(OpenError::AlreadyServed(config.data_dir.clone()));
        }
        database.migrated(config).await
    }

    /// Applies the pending migrations, after a backup when gaptrack manages the database.
    async fn migrated(self, config: &Config) -> Result<Self, OpenError> {
        let database = self;
        let backup = match database.managed_backups(config) {
            Some(managed)
                if !database.freshly_created && db::has_pending_migrations(&database.url)? =>
            {
                let backup = backup::take_into_folder(
                    &managed.connection,
                    &managed.folder,
                    BackupReason::BeforeMigration,
                    SystemClock.now(),
                )?;
                log::info!("backup before new migrations: {}", backup.location);
                Some(backup)
            }
            _ => None,
        };
        db::run_migrations(&database.url)?;
        if let Some(backup) = backup {
            backup::record(&database.url, &backup).await?;
        }
        Ok(database)
    }

    /// Opens the configured database as [`Database::open`] does, without migrating it: for a
    /// restore, which needs it as it is.
    pub async fn open_unmigrated(config: &Config) -> Result<Self, OpenError> {
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
        Ok(database)
    }

    /// The daily backup's settings, when gaptrack manages the database.
    pub fn managed_backups(&self, config: &Config) -> Option<ManagedBackups> {
        self.cluster.as_ref().map(|_| ManagedBackups {
            connection: self.url.clone(),
            folder: config.backup_folder.clone(),
        })
    }

    /// Where `gaptrack restore` puts an archive: the database gaptrack manages, replaced whole, or
    /// the (empty) database of `DATABASE_URL`.
    pub fn restore_target(&self, config: &Config) -> RestoreTarget {
        match &self.cluster {
            Some(cluster) => RestoreTarget::Managed {
                admin_url: cluster.connection_string("postgres"),
                name: LOCAL_DATABASE.to_owned(),
                url: self.url.clone(),
                restoring_url: cluster.connection_string(&backup::restoring_name(LOCAL_DATABASE)),
                folder: config.backup_folder.clone(),
            },
            None => RestoreTarget::Empty {
                url: self.url.clone(),
            },
        }
    }

    /// A pool of `size` connections to it, for a command that calls use cases.
    pub fn pool(&self, size: usize, config: &Config) -> Result<db::DbPool, OpenError> {
        Ok(db::build_pool(&self.url, size, &config.timeouts)?)
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
