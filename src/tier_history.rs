//! The tier history gaptrack ships (`data/tier-history/`, written by `scripts/tier_history.py`
//! from public data): every ranked country's placements for the years it knows, loaded on the
//! first start of a new local database with the demo data, so that each country's page shows its
//! tiers at once. Each year says where its placements come from and whether they are every ranked
//! country's (`tier_sources`): some years are known only in part.

use diesel_async::AsyncConnection;

use crate::db::audit::Actor;
use crate::db::tier_sources::{self, TierSource};
use crate::db::{Connection, DbError};
use crate::domain::Failure;
use crate::import::{ImportSummary, RunOptions, csv_file};
use crate::usecases::imports::import_rows;

/// The placements: `country,year,tier,note`, the note naming a later placement's source.
pub const TIERS_CSV: &str = include_str!("../data/tier-history/tiers.csv");
/// Each year: `year,complete,kind`.
pub const YEARS_CSV: &str = include_str!("../data/tier-history/years.csv");

/// Why the history could not be loaded (nothing of it was written).
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("the shipped tier history was refused: {0:?}")]
    Refused(Failure),
    #[error("data/tier-history/years.csv is malformed: {0}")]
    Malformed(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for HistoryError {
    fn from(error: diesel::result::Error) -> Self {
        Self::Db(error.into())
    }
}

/// Each year's source, as `years.csv` says.
fn sources() -> Result<Vec<TierSource>, HistoryError> {
    let malformed = |line: &str| HistoryError::Malformed(format!("line `{line}`"));
    YEARS_CSV
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let mut cells = line.split(',');
            let year = cells.next().and_then(|y| y.parse().ok());
            let complete = cells.next().and_then(|c| c.parse().ok());
            let kind = cells.next().map(str::to_owned);
            match (year, complete, kind) {
                (Some(year), Some(complete), Some(kind)) => Ok(TierSource {
                    year,
                    complete,
                    kind,
                }),
                _ => Err(malformed(line)),
            }
        })
        .collect()
}

/// Loads the history, all or nothing, audited as `actor`'s import: report years it names that are
/// missing are created, placements already there are replaced by the history's.
pub async fn load(
    connection: &mut Connection,
    actor: &Actor,
) -> Result<ImportSummary, HistoryError> {
    let sources = sources()?;
    let rows = csv_file::read(TIERS_CSV.as_bytes()).map_err(|e| HistoryError::Refused(e.into()))?;
    let options = RunOptions {
        dry_run: false,
        create_missing_reports: true,
        statement_time: None,
    };
    connection
        .transaction::<_, HistoryError, _>(async move |connection| {
            let summary = import_rows(connection, actor, None, rows.into(), options)
                .await
                .map_err(HistoryError::Refused)?;
            tier_sources::put_all(connection, &sources).await?;
            Ok(summary)
        })
        .await
}
