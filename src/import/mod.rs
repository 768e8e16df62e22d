//! Bulk import of report data: many countries' tiers and recommendations at once, from CSV or JSON.
//!
//! An import is read into [`rows`] (the same shape whatever the format), checked as a whole by
//! [`plan()`] (every bad row is reported, with its line and column), and written by [`run`] in one
//! transaction with one audit row: all or nothing. Rows are keyed by country and year (and
//! position, for recommendations), so importing the same file again changes nothing, and a file
//! that rewords a recommendation updates it in place.
//!
//! It spans several tables with rules that are neither SQL nor HTTP, so it has a module of its own;
//! the HTTP endpoints (`api::imports`) and the command line (`gaptrack import`) both use it.

mod cells;
pub mod csv_file;
pub mod json_file;
mod lookups;
pub mod narrative;
pub mod plan;
pub mod rows;

use serde::Serialize;
use utoipa::ToSchema;

pub use plan::{Plan, plan, plan_csv};
pub use rows::{ImportRows, Location, RawRecommendation, RawTier};

/// The rows of an import: read (from JSON, published text, or a file the pages hold), or a CSV
/// file kept as its bytes and read as it is checked (see [`csv_file::CsvFile`]).
pub enum ImportFile<'a> {
    Rows(ImportRows),
    Csv(csv_file::CsvFile<'a>),
}

impl From<ImportRows> for ImportFile<'_> {
    fn from(rows: ImportRows) -> Self {
        Self::Rows(rows)
    }
}

impl<'a> From<csv_file::CsvFile<'a>> for ImportFile<'a> {
    fn from(file: csv_file::CsvFile<'a>) -> Self {
        Self::Csv(file)
    }
}

impl ImportFile<'_> {
    /// Whether it holds any recommendation.
    pub fn has_recommendations(&self) -> bool {
        match self {
            Self::Rows(rows) => !rows.recommendations.is_empty(),
            Self::Csv(file) => !file.holds_tiers() && file.rows() > 0,
        }
    }

    /// Checks every row: [`plan()`] or [`plan_csv`].
    pub async fn plan(
        self,
        connection: &mut Connection,
        year: Option<i32>,
    ) -> Result<Plan, ImportError> {
        match self {
            Self::Rows(rows) => plan(connection, year, rows).await,
            Self::Csv(file) => plan_csv(connection, year, &file).await,
        }
    }
}

use crate::db::audit::{self, Actor, Change};
use crate::db::import::{self as db_import, Counts};
use crate::db::{Connection, DbError};
use crate::domain::{AuditAction, ResourceType};
use diesel_async::AsyncConnection;

/// What an import did (or, for a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct ImportSummary {
    /// The report year of a single-year import; `null` for a tier history.
    pub year: Option<i32>,
    /// True when nothing was written: the counts say what would have been.
    pub dry_run: bool,
    /// Report years created for a tier history that named years not recorded yet.
    pub reports_created: Vec<i32>,
    /// The countries (ISO codes, in order) whose tiers or recommendations the file holds: what
    /// it changes, or would change.
    pub countries: Vec<String>,
    pub tiers: RowCounts,
    pub recommendations: RowCounts,
    /// Columns of a CSV file that gaptrack does not read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignored_columns: Vec<String>,
}

/// How the rows of one kind fared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct RowCounts {
    /// Rows in the file.
    pub received: usize,
    /// Rows without a tier (`NA` or blank): countries not ranked that year.
    pub skipped: usize,
    pub created: usize,
    pub updated: usize,
    /// Rows identical to what is stored.
    pub unchanged: usize,
}

impl RowCounts {
    fn new(received: usize, skipped: usize, written: Counts) -> Self {
        Self {
            received,
            skipped,
            created: written.created,
            updated: written.updated,
            unchanged: received - skipped - written.created - written.updated,
        }
    }
}

/// Why a file cannot be imported. Each edge renders it its own way: the API as problem+json
/// (400 or 422 listing the rows), the web interface as a list of lines to fix.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file is not readable as CSV or JSON at all.
    #[error("{0}")]
    Unreadable(crate::domain::Refusal),
    /// Rows (or the header) at fault, each by line and column; `total` counts them all, of which
    /// the first [`plan::MAX_LISTED_ERRORS`] are listed.
    #[error("{total} problems in the file; nothing was imported")]
    BadRows {
        errors: Vec<crate::domain::FieldError>,
        total: usize,
    },
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<ImportError> for crate::domain::Failure {
    fn from(error: ImportError) -> Self {
        match error {
            ImportError::Unreadable(detail) => Self::Unreadable(detail),
            ImportError::BadRows { errors, total } => Self::BadRows { errors, total },
            ImportError::Db(error) => error.into(),
        }
    }
}

/// Why an import wrote nothing.
enum Rollback {
    Db(DbError),
    /// A dry run, rolled back on purpose after counting.
    DryRun(ImportSummary),
}

impl From<diesel::result::Error> for Rollback {
    fn from(error: diesel::result::Error) -> Self {
        Self::Db(error.into())
    }
}

impl From<DbError> for Rollback {
    fn from(error: DbError) -> Self {
        Self::Db(error)
    }
}

/// How an import is carried out.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// Check and count, then roll back.
    pub dry_run: bool,
    /// Create the report years the import writes to that do not exist yet (always so for a tier
    /// history).
    pub create_missing_reports: bool,
    /// How long each of the import's statements may take, when the connection's own
    /// `statement_timeout` (the request deadline) is too short for a whole report's rows.
    pub statement_time: Option<std::time::Duration>,
}

/// Writes a checked import in one transaction, with one audit row; a dry run does the same work
/// and rolls it back, so its counts are exact.
pub async fn run(
    connection: &mut Connection,
    actor: &Actor,
    plan: &Plan,
    options: RunOptions,
) -> Result<ImportSummary, DbError> {
    let dry_run = options.dry_run;
    let outcome = connection
        .transaction::<_, Rollback, _>(async |connection| {
            if let Some(allowed) = options.statement_time {
                db_import::allow_statement_time(connection, allowed).await?;
            }
            let reports_created = if options.create_missing_reports || plan.year.is_none() {
                db_import::create_missing_reports(connection, &plan.years()).await?
            } else {
                Vec::new()
            };
            let tiers = db_import::upsert_tiers(connection, &plan.tiers).await?;
            let recommendations =
                db_import::upsert_recommendations(connection, &plan.recommendations).await?;
            db_import::upsert_french_texts(connection, &plan.recommendations, &actor.key_name)
                .await?;
            let summary = ImportSummary {
                year: plan.year,
                dry_run,
                reports_created,
                countries: plan.countries(),
                tiers: RowCounts::new(plan.tier_rows, plan.skipped_tiers, tiers),
                recommendations: RowCounts::new(plan.recommendations.len(), 0, recommendations),
                ignored_columns: plan.ignored_columns.clone(),
            };
            if dry_run {
                return Err(Rollback::DryRun(summary));
            }
            let (resource_type, resource_id) = match plan.year {
                Some(year) => (ResourceType::Report, year.to_string()),
                None => (ResourceType::TierHistory, "all years".to_string()),
            };
            let change = Change::created(resource_type, resource_id, &summary);
            audit::record(connection, actor, AuditAction::Import, change).await?;
            Ok(summary)
        })
        .await;
    match outcome {
        Ok(summary) | Err(Rollback::DryRun(summary)) => Ok(summary),
        Err(Rollback::Db(error)) => Err(error),
    }
}
