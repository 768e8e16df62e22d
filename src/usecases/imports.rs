//! Importing a report's data in bulk: a file of tiers or recommendations, checked against the
//! database first, then written all or nothing.

use std::time::Duration;

use uuid::Uuid;

use crate::db::checked_imports::{self, CheckedImport};
use crate::db::{Connection, Connections, reports};
use crate::domain::{Actor, Caller, Failure, FieldError};
use crate::import::{self, ImportFile, ImportRows, ImportSummary, RunOptions, narrative};

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
    rows: ImportFile<'_>,
    dry_run: bool,
    time_allowed: Duration,
) -> Result<ImportSummary, Failure> {
    caller.require_admin()?;
    let mut connection = db.connect().await?;
    let options = RunOptions {
        dry_run,
        create_missing_reports: false,
        statement_time: Some(time_allowed),
    };
    import_rows(&mut connection, &caller.actor(), year, rows, options).await
}

/// Checks and imports `rows` for `actor` with `options`: [`check_and_run`]'s once it has checked
/// the caller, and the command line's (whoever holds the database, which may also create the
/// report years a file names). The rules of an import are here, whichever way it comes in.
pub async fn import_rows(
    connection: &mut Connection,
    actor: &Actor,
    year: Option<i32>,
    rows: ImportFile<'_>,
    options: RunOptions,
) -> Result<ImportSummary, Failure> {
    if year.is_none() && rows.has_recommendations() {
        return Err(Failure::invalid(
            "recommendations",
            "invalid-history-with-recommendations",
        ));
    }
    if let Some(year) = year
        && !options.create_missing_reports
        && !reports::exists(connection, year).await?
    {
        return Err(super::reports::not_found(year));
    }
    let plan = rows.plan(connection, year).await?;
    Ok(import::run(connection, actor, &plan, options).await?)
}

/// Keeps a file `caller` (an admin) has just checked, for them to confirm later without sending
/// it again: answers the id the confirmation names. `kind` is `report` or `tiers`.
pub async fn keep_checked_file(
    db: &impl Connections,
    caller: &Caller,
    kind: &str,
    year: Option<i32>,
    file_name: &str,
    content: String,
) -> Result<Uuid, Failure> {
    caller.require_admin()?;
    let file = CheckedImport {
        id: Uuid::now_v7(),
        checked_by: caller.principal_id(),
        kind: if kind == "tiers" { "tiers" } else { "report" }.to_owned(),
        year,
        file_name: file_name.to_owned(),
        content,
        checked_at: db.now(),
    };
    let mut connection = db.connect().await?;
    checked_imports::keep(&mut connection, &file, file.checked_at).await?;
    Ok(file.id)
}

/// The file `caller` checked as `id`, if it is still kept (a day, until it is imported).
pub async fn checked_file(
    db: &impl Connections,
    caller: &Caller,
    id: Uuid,
) -> Result<CheckedImport, Failure> {
    caller.require_admin()?;
    let mut connection = db.connect().await?;
    checked_imports::find(&mut connection, id, caller.principal_id(), db.now())
        .await?
        .ok_or_else(|| Failure::invalid("file", "invalid-checked-file-gone"))
}

/// Forgets checked file `id` once it is imported.
pub async fn forget_checked_file(db: &impl Connections, id: Uuid) -> Result<(), Failure> {
    let mut connection = db.connect().await?;
    checked_imports::forget(&mut connection, id).await?;
    Ok(())
}

/// How a report's published text comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishedText {
    /// Text copied from the country page or the PDF.
    Plain,
    /// A saved country page.
    Html,
}

/// The import rows of one or several country narratives pasted as `text`, every recommendation
/// citing `source_url`, each with the pillar its words suggest. Anything the narratives hold
/// that cannot be read refuses the whole paste, each problem with its line and the text around
/// it, as a file's bad rows do.
pub fn narrative_rows(
    text: &str,
    form: PublishedText,
    source_url: Option<&str>,
) -> Result<ImportRows, Failure> {
    let mut check = crate::domain::Validator::default();
    let source_url = check.optional_url("source_url", source_url);
    check.finish()?;
    let text = match form {
        PublishedText::Plain => std::borrow::Cow::Borrowed(text),
        PublishedText::Html => std::borrow::Cow::Owned(narrative::html::text_of(text)),
    };
    let read = narrative::read(&text).map_err(|problem| Failure::invalid("text", problem))?;
    let (rows, unread) = narrative::rows(&read, source_url.as_deref());
    if unread.is_empty() {
        return Ok(rows);
    }
    let errors: Vec<FieldError> = unread
        .into_iter()
        .map(|unread| FieldError::at_row(unread.line, "text", unread.problem))
        .collect();
    Err(Failure::BadRows {
        total: errors.len(),
        errors,
    })
}
