//! Coverage as a workbook: one row per country with the totals below, and an "About" sheet.

use rust_xlsxwriter::XlsxError;

use super::provenance::{Provenance, STATUS_RULE, listed, period_in_words};
use super::workbook::{Book, Cell, Column, short};
use crate::domain::{Movement, Region, StatusCounts, Tier, reporting_period};
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

/// The columns before the counts.
const COUNTRY_COLUMNS: [Column; 6] = [
    short("Country"),
    short("Code"),
    short("Report year"),
    short("Region"),
    short("Tier"),
    short("Movement"),
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
    let rows = report.items.iter().map(|row| {
        let mut cells = vec![
            Cell::Text(&row.tip_name),
            Cell::Text(&row.code),
            Cell::Number(f64::from(row.year)),
            Cell::from(row.region.map(Region::label)),
            Cell::Text(row.tier.map_or("Not ranked", Tier::label)),
            Cell::from(row.movement.map(Movement::label)),
        ];
        cells.extend(counts(&row.counts));
        cells
    });
    let mut totals = vec![
        Cell::Text("All countries"),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
    ];
    totals.extend(counts(&report.totals));
    let columns: Vec<Column> = COUNTRY_COLUMNS.into_iter().chain(COUNT_COLUMNS).collect();
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
                .map_or("All regions", Region::label)
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
