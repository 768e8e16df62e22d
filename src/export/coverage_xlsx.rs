//! Coverage as a workbook: one row per country with the totals below, and an "About" sheet.

use rust_xlsxwriter::XlsxError;

use super::columns::{Value, columns_of, values};
use super::coverage_columns::COVERAGE_COLUMNS;
use super::gaps_summary::organisation_or_all;
use super::provenance::Provenance;
use super::workbook::{Book, Cell, Column, short};
use crate::domain::{StatusCounts, reporting_period};
use crate::i18n::{Locale, Worded, written};
use crate::usecases::coverage::CoverageReport;

/// The columns of a row's [`counts`].
pub const COUNT_COLUMNS: [Column; 6] = [
    short("doc-column-recommendations"),
    short("doc-column-addressed"),
    short("doc-column-partly"),
    short("doc-column-planned"),
    short("doc-column-unaddressed"),
    short("doc-column-coverage"),
];

/// The report's title: `Coverage of the 2024 TIP Report`, or of each country's latest.
fn title(locale: Locale, report: &CoverageReport, years: &[i32]) -> String {
    match (years, report.year) {
        ([_, _, ..], _) => locale.text_with(
            "doc-coverage-title-latest",
            &[("years", listed(locale, years).into())],
        ),
        (_, Some(year)) => locale.text_with("doc-coverage-title-year", &[("year", year.into())]),
        (_, None) => locale.text("doc-coverage-title"),
    }
}

/// Years as a sentence lists them: `2023 and 2024`.
fn listed(locale: Locale, years: &[i32]) -> String {
    let years: Vec<String> = years.iter().map(ToString::to_string).collect();
    locale.together(&years)
}

/// The coverage report as an `.xlsx` file, made for `provenance`, in the words of `locale`.
pub fn to_xlsx(
    locale: Locale,
    report: &CoverageReport,
    provenance: &Provenance,
) -> Result<Vec<u8>, XlsxError> {
    let years = report.row_years();
    let title = title(locale, report, &years);
    let mut book = Book::new(&title, provenance, locale);
    // The countries' columns are the people's CSV's (`coverage_columns`), so the two agree.
    let columns: Vec<Column> = columns_of(COVERAGE_COLUMNS, false, report)
        .map(|column| column.column())
        .collect();
    let values = values(COVERAGE_COLUMNS, false, locale, report, &report.items);
    let rows = values
        .iter()
        .map(|row| row.iter().map(Value::as_cell).collect());
    // The totals under the counts, "All countries" under the names.
    let all_countries = locale.text("doc-all-countries");
    let mut totals = vec![Cell::Text(&all_countries)];
    totals.extend((1..columns.len() - COUNT_COLUMNS.len()).map(|_| Cell::Empty));
    totals.extend(counts(&report.totals));
    book.table_with_totals("doc-sheet-coverage", &columns, rows, Some(totals))?;
    book.about(&about(locale, report, &years, &title, provenance))?;
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
    locale: Locale,
    report: &CoverageReport,
    years: &[i32],
    title: &str,
    provenance: &Provenance,
) -> Vec<(&'static str, String)> {
    let mut facts = vec![(
        "doc-fact-what",
        locale.text_with("doc-coverage-what", &[("title", title.into())]),
    )];
    match (years, report.year) {
        ([_, _, ..], _) => {
            facts.push((
                "doc-fact-report-years",
                locale.text_with(
                    "doc-coverage-years",
                    &[("years", listed(locale, years).into())],
                ),
            ));
            let periods: Vec<String> = years
                .iter()
                .map(|&year| {
                    locale.text_with(
                        "doc-coverage-period-of",
                        &[
                            ("year", year.into()),
                            (
                                "period",
                                written::period(locale, reporting_period(year)).into(),
                            ),
                        ],
                    )
                })
                .collect();
            facts.push(("doc-fact-reporting-periods", periods.join("; ")));
        }
        (_, Some(year)) => {
            facts.push(("doc-fact-report-year", year.to_string()));
            facts.push((
                "doc-fact-reporting-period",
                written::period(locale, reporting_period(year)),
            ));
        }
        (_, None) => {}
    }
    let region = report.region.map_or_else(
        || locale.text("doc-all-regions"),
        |region| region.label(locale).to_owned(),
    );
    facts.extend([
        ("doc-fact-region", region),
        (
            "doc-fact-counting",
            organisation_or_all(locale, report.organisation_name.as_deref()),
        ),
        ("doc-fact-countries", report.items.len().to_string()),
        ("doc-fact-made-on", provenance.made_at_in_words(locale)),
        ("doc-fact-made-by", provenance.made_by.clone()),
        ("doc-fact-rule", locale.text("doc-status-rule")),
    ]);
    facts
}
