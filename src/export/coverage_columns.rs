//! The columns of the coverage report for people (see `columns`): a country's row, which the
//! people's CSV and the workbook's "Coverage" sheet both write.

use super::columns::{DocumentColumn, Value, ValueOf, text, words};

use crate::i18n::Worded;
use crate::usecases::coverage::{CoverageReport, CoverageRow};

/// One column of a country's row.
pub type CoverageColumn = DocumentColumn<CoverageReport, CoverageRow>;

const fn both(
    heading: &'static str,
    value: ValueOf<CoverageReport, CoverageRow>,
) -> CoverageColumn {
    DocumentColumn::both(heading, false, value)
}

fn count<'a>(count: i64) -> Value<'a> {
    Value::Number(count)
}

/// The columns of a country's row, in order; the workbook's totals row follows the same columns.
pub const COVERAGE_COLUMNS: &[CoverageColumn] = &[
    both("doc-column-country", |locale, _, row| {
        Value::Text(locale.country(&row.code, &row.tip_name))
    }),
    both("doc-column-code", |_, _, row| text(&row.code)),
    both("doc-column-report-year", |_, _, row| {
        Value::Number(row.year.into())
    }),
    both("doc-column-region", |locale, _, row| {
        row.region
            .map_or(Value::Empty, |region| text(region.label(locale)))
    }),
    both("doc-column-tier", |locale, _, row| {
        row.tier.map_or_else(
            || words(locale, "doc-not-ranked"),
            |tier| text(tier.label(locale)),
        )
    }),
    both("doc-column-movement", |locale, _, row| {
        row.movement
            .map_or(Value::Empty, |movement| text(movement.label(locale)))
    }),
    both("doc-column-recommendations", |_, _, row| {
        count(row.counts.total)
    }),
    both("doc-column-addressed", |_, _, row| {
        count(row.counts.addressed)
    }),
    both("doc-column-partly", |_, _, row| {
        count(row.counts.partially_addressed)
    }),
    both("doc-column-planned", |_, _, row| count(row.counts.planned)),
    both("doc-column-unaddressed", |_, _, row| {
        count(row.counts.unaddressed)
    }),
    DocumentColumn {
        csv_heading: Some("doc-column-coverage-percent"),
        ..both("doc-column-coverage", |_, _, row| {
            Value::Percent(row.counts.coverage_ratio)
        })
    },
    DocumentColumn {
        in_workbook: false,
        ..both("doc-column-counting", |locale, report, _| {
            report
                .organisation_name
                .as_deref()
                .map_or_else(|| words(locale, "doc-all-organisations"), text)
        })
    },
];
