//! Recording a TIP Report year (admins only), which its tiers and recommendations then join.

use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::ToSchema;

pub use crate::db::reports::ReportRow;
use crate::db::reports::{self, NewReport};
use crate::db::{Connections, Constrained};
use crate::domain::Refusal;
use crate::domain::{Caller, Failure, Validator};

/// A new report.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"year": 2023, "title": "2023 Trafficking in Persons Report", "published_on": "2023-06-15"}))]
pub struct CreateReport {
    #[schema(example = 2023)]
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: i32,
    #[schema(example = "2023 Trafficking in Persons Report")]
    #[schema(
        max_length = 300,
        min_length = 1,
        pattern = "^[^\\u0000]*\\S[^\\u0000]*$"
    )]
    pub title: String,
    pub published_on: Option<NaiveDate>,
    #[schema(
        pattern = "^\\s*(https?://[A-Za-z0-9.-]+(:[0-9]{1,4})?([/?#][^\\s\\u0000-\\u001f\\u007f-\\u009f]*)?)?\\s*$"
    )]
    pub source_url: Option<String>,
}

/// The refusal for a year without a report.
pub fn not_found(year: i32) -> Failure {
    Failure::NotFound(Refusal::new("refusal-no-report").with("year", i64::from(year)))
}

/// What is said of a year whose report has not been recorded, where data for it is given.
pub fn missing(year: i32) -> Refusal {
    Refusal::new("invalid-no-report").with("year", i64::from(year))
}

/// Records the report `new` describes for `caller`, who must be an admin.
pub async fn create(
    db: &impl Connections,
    caller: &Caller,
    new: &CreateReport,
) -> Result<ReportRow, Failure> {
    caller.require_admin()?;
    let mut check = Validator::default();
    check.year("year", new.year);
    let title = check.required_line("title", &new.title);
    let source_url = check.optional_url("source_url", new.source_url.as_deref());
    check.finish()?;

    let mut connection = db.connect().await?;
    let row = NewReport {
        year: new.year,
        title: &title,
        published_on: new.published_on,
        source_url: source_url.as_deref(),
    };
    match reports::insert(&mut connection, &caller.actor(), &row).await? {
        Constrained::Done(row) => Ok(row),
        Constrained::Duplicate(_) | Constrained::MissingReference(_) => Err(Failure::Conflict(
            Refusal::new("refusal-report-exists").with("year", i64::from(new.year)),
        )),
    }
}

/// A page of report years, oldest first, after `after`.
pub async fn page(
    db: &impl Connections,
    after: Option<i32>,
    limit: i64,
) -> Result<Vec<ReportRow>, Failure> {
    let mut connection = db.connect().await?;
    Ok(reports::list(&mut connection, after, limit).await?)
}

/// The report of `year`; not found when it is not recorded.
pub async fn find(db: &impl Connections, year: i32) -> Result<ReportRow, Failure> {
    let mut connection = db.connect().await?;
    reports::find(&mut connection, year)
        .await?
        .ok_or_else(|| not_found(year))
}

/// Every report year, oldest first (one a year: a page lists them all).
pub async fn all(db: &impl Connections) -> Result<Vec<ReportRow>, Failure> {
    let mut connection = db.connect().await?;
    Ok(reports::list(&mut connection, None, i64::MAX).await?)
}
