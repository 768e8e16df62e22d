//! Coverage as a workbook: one row per country with the totals below, and an "About" sheet.

use rust_xlsxwriter::XlsxError;

use super::columns::{Value, columns_of, values};
use super::coverage_columns::COVERAGE_COLUMNS;
use super::provenance::{Provenance, STATUS_RULE, listed, period_in_words};
use super::workbook::{Book, Cell, Column, short};
use crate::domain::{StatusCounts, reporting_period};
use crate::i18n::{Locale, Worded};
use crate::usecases::coverage::CoverageReport;

/// The columns of a row's [`counts`].
pub const COUNT_COLUMNS: [Column; 6] = [
    short("Recommendations"),
    short("Addressed"),
    short("Partly addressed"),
    short("Planned"),
    short("Unaddressed"),
    short("Coverage"),
];

/// The coverage report as an `.xlsx` file, made for `provenance`.
pub fn to_xlsx(report: &CoverageReport, provenance: &Provenance) -> Result<Vec<u8>, XlsxError> {
    let years = report.row_years();
    let title = match (years.as_slice(), report.year) {
        ([_, _, ..], _) => format!(
            "Coverage of each country's latest TIP Report ({})",
            listed(&years)
        ),
        (_, Some(year)) => format!("Coverage of the {year} TIP Report"),
        (_, None) => "Coverage".to_owned(),
    };
    let mut book = Book::new(&title, provenance);
    // The countries' columns are the people's CSV's (`coverage_columns`), so the two agree.
    let columns: Vec<Column> = columns_of(COVERAGE_COLUMNS, false)
        .map(|column| column.column())
        .collect();
    let values = values(COVERAGE_COLUMNS, false, report, &report.items);
    let rows = values
        .iter()
        .map(|row| row.iter().map(Value::as_cell).collect());
    // The totals under the counts, "All countries" under the names.
    let mut totals = vec![Cell::Text("All countries")];
    totals.extend((1..columns.len() - COUNT_COLUMNS.len()).map(|_| Cell::Empty));
    totals.extend(counts(&report.totals));
    book.table_with_totals("Coverage", &columns, rows, Some(totals))?;
    book.about(&about(report, &years, &title, provenance))?;
    book.into_bytes()
}

/// A row's counts and its coverage, as numbers.
pub fn counts(counts: &StatusCounts) -> [Cell<'static>; 6] {
    [
        Cell::Number(counts.total as f64),
        Cell::Number(counts.addressed as f64),
        Cell::Number(counts.partially_addressed as f64),
        Cell::Number(counts.planned as f64),
        Cell::Number(counts.unaddressed as f64),
        Cell::Percent(counts.coverage_ratio),
    ]
}

fn about(
    report: &CoverageReport,
    years: &[i32],
    title: &str,
    provenance: &Provenance,
) -> Vec<(&'static str, String)> {
    let mut facts = vec![("What this is", format!("{title}, country by country"))];
    match (years, report.year) {
        ([_, _, ..], _) => {
            facts.push((
                "Report years",
                format!(
                    "{}: each country's latest report. The Report year column says which \
                     report each row's figures come from; the totals add them up.",
                    listed(years)
                ),
            ));
            let periods: Vec<String> = years
                .iter()
                .map(|&year| format!("{year} report: {}", period_in_words(reporting_period(year))))
                .collect();
            facts.push(("Reporting periods", periods.join("; ")));
        }
        (_, Some(year)) => {
            facts.push(("Report year", year.to_string()));
            facts.push(("Reporting period", period_in_words(reporting_period(year))));
        }
        (_, None) => {}
    }
    facts.extend([
        (
            "Region",
            report
                .region
                .map_or("All regions", |region| region.label(Locale::ENGLISH))
                .to_owned(),
        ),
        (
            "Counting the work of",
            report
                .organisation_name
                .clone()
                .unwrap_or_else(|| "All organisations".to_owned()),
        ),
        ("Countries", report.items.len().to_string()),
        ("Made on", provenance.made_at_in_words()),
        ("Made by", provenance.made_by.clone()),
        ("How a status is counted", STATUS_RULE.to_owned()),
    ]);
    facts
}
