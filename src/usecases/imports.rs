//! Importing a report's data in bulk: a file of tiers or recommendations, checked against the
//! database first, then written all or nothing.

use std::time::Duration;

use crate::db::{Connections, reports};
use crate::domain::{Caller, Failure};
use crate::import::{self, ImportRows, ImportSummary, RunOptions};

/// The largest file an import takes: far above a whole report's data (about 2,000 recommendations).
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

/// Checks `rows` against the database and imports them for `caller` (an admin), or with
/// `dry_run` counts what would change and writes nothing. Without a `year`, the rows are a tier
/// history (every year's tiers), which holds no recommendations. Its writes may take up to
/// `time_allowed` (the edge's import deadline), longer than an ordinary request's statements.
pub async fn check_and_run(
    caller: &Caller,
    db: &impl Connections,
    year: Option<i32>,
    rows: ImportRows,
    dry_run: bool,
    time_allowed: Duration,
) -> Result<ImportSummary, Failure> {
    caller.require_admin()?;
    if year.is_none() && !rows.recommendations.is_empty() {
        return Err(Failure::invalid(
            "recommendations",
            "a tier history holds tiers only; import recommendations per report year",
        ));
    }
    let mut connection = db.connect().await?;
    if let Some(year) = year
        && !reports::exists(&mut connection, year).await?
    {
        return Err(Failure::NotFound(super::reports::missing(year)));
    }
    let plan = import::plan(&mut connection, year, rows).await?;
    let options = RunOptions {
        dry_run,
        create_missing_reports: false,
        statement_time: Some(time_allowed),
    };
    Ok(import::run(&mut connection, &caller.actor(), &plan, options).await?)
}
