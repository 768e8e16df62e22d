//! The columns of the coverage report for people (see `columns`): a country's row, which the
//! people's CSV and the workbook's "Coverage" sheet both write.

use super::columns::{DocumentColumn, Value, text};

use crate::i18n::{Locale, Worded};
use crate::usecases::coverage::{CoverageReport, CoverageRow};

/// One column of a country's row.
pub type CoverageColumn = DocumentColumn<CoverageReport, CoverageRow>;

const fn both(
    heading: &'static str,
    value: for<'a> fn(&'a CoverageReport, &'a CoverageRow) -> Value<'a>,
) -> CoverageColumn {
    DocumentColumn::both(heading, false, value)
}

fn count<'a>(count: i64) -> Value<'a> {
    Value::Number(count)
}

/// The columns of a country's row, in order; the workbook's totals row follows the same columns.
pub const COVERAGE_COLUMNS: &[CoverageColumn] = &[
    both("Country", |_, row| text(&row.tip_name)),
    both("Code", |_, row| text(&row.code)),
    both("Report year", |_, row| Value::Number(row.year.into())),
    both("Region", |_, row| {
        row.region
            .map_or(Value::Empty, |region| text(region.label(Locale::ENGLISH)))
    }),
    both("Tier", |_, row| {
        text(
            row.tier
                .map_or("Not ranked", |tier| tier.label(Locale::ENGLISH)),
        )
    }),
    both("Movement", |_, row| {
        row.movement.map_or(Value::Empty, |movement| {
            text(movement.label(Locale::ENGLISH))
        })
    }),
    both("Recommendations", |_, row| count(row.counts.total)),
    both("Addressed", |_, row| count(row.counts.addressed)),
    both("Partly addressed", |_, row| {
        count(row.counts.partially_addressed)
    }),
    both("Planned", |_, row| count(row.counts.planned)),
    both("Unaddressed", |_, row| count(row.counts.unaddressed)),
    DocumentColumn {
        csv_heading: Some("Coverage (%)"),
        ..both("Coverage", |_, row| {
            Value::Percent(row.counts.coverage_ratio)
        })
    },
    DocumentColumn {
        in_workbook: false,
        ..both("Counting the work of", |report, _| {
            text(
                report
                    .organisation_name
                    .as_deref()
                    .unwrap_or("All organisations"),
            )
        })
    },
];
