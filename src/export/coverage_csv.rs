//! Coverage as a CSV file: a header row, then one row per country.

use super::csv_cells::{into_text, write_row};
use crate::domain::{Movement, Region, Tier};
use crate::usecases::coverage::CoverageReport;

/// The columns of the CSV, in order.
const CSV_HEADER: [&str; 13] = [
    "country_code",
    "country_name",
    "region",
    "year",
    "tier",
    "movement",
    "total",
    "addressed",
    "partially_addressed",
    "planned",
    "unaddressed",
    "coverage_ratio",
    "organisation",
];

/// What a downloaded coverage CSV is called.
pub fn csv_filename(report: &CoverageReport) -> String {
    let year = report
        .year
        .map_or_else(|| "none".to_string(), |y| y.to_string());
    format!("gaptrack-coverage-{year}.csv")
}

/// The report as CSV: a header row, then one row per country.
pub fn to_csv(report: &CoverageReport) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_HEADER)?;
    let organisation = report
        .organisation
        .map(|id| id.to_string())
        .unwrap_or_default();
    for row in &report.items {
        write_row(
            &mut writer,
            [
                row.code.as_str(),
                row.tip_name.as_str(),
                row.region.map_or("", Region::as_str),
                &row.year.to_string(),
                row.tier.map_or("", Tier::as_str),
                row.movement.map_or("", Movement::as_str),
                &row.counts.total.to_string(),
                &row.counts.addressed.to_string(),
                &row.counts.partially_addressed.to_string(),
                &row.counts.planned.to_string(),
                &row.counts.unaddressed.to_string(),
                &format!("{:.4}", row.counts.coverage_ratio),
                &organisation,
            ],
        )?;
    }
    into_text(writer)
}
