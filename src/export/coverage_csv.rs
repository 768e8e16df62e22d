//! Coverage as CSV, one row per country: with codes for programs (the API's), or with labels for
//! people opening it in a spreadsheet (the pages').

use super::columns::{Value, columns_of, values};
use super::coverage_columns::COVERAGE_COLUMNS;
use super::csv_cells::{into_text, into_text_for_spreadsheets, write_row};
use crate::domain::{Movement, Region, Tier};
use crate::i18n::Locale;
use crate::usecases::coverage::CoverageReport;

/// The columns of the API's CSV, in order: codes, then names where a code alone is an id.
const CSV_HEADER: [&str; 14] = [
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
    "organisation_name",
];

/// The report as the API's CSV: a header row, then one row per country.
pub fn to_csv(report: &CoverageReport) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_HEADER)?;
    let organisation = report
        .organisation
        .map(|id| id.to_string())
        .unwrap_or_default();
    let organisation_name = report.organisation_name.as_deref().unwrap_or_default();
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
                organisation_name,
            ],
        )?;
    }
    into_text(writer)
}

/// The report for a spreadsheet: labels and names instead of codes, coverage as a whole
/// percentage, and a byte-order mark so that Excel reads the names' accents right.
pub fn to_people_csv(locale: Locale, report: &CoverageReport) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(columns_of(COVERAGE_COLUMNS, true, report).map(|c| c.csv_heading(locale)))?;
    for row in values(COVERAGE_COLUMNS, true, locale, report, &report.items) {
        write_row(&mut writer, row.iter().map(Value::as_text))?;
    }
    into_text_for_spreadsheets(writer)
}
