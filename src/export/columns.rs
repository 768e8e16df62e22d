//! A document's column table: each column's heading and the value of a row, once, which the
//! people's CSV and the workbook both read, so that their headings, order and values cannot drift
//! apart; a column one of them leaves out says so in its table. The tables themselves are in
//! `gap_columns` (a country's recommendations) and `coverage_columns` (the countries).

use std::borrow::Cow;

use super::workbook::{Cell, Column};
use crate::i18n::Locale;

/// A value of a row, before a document writes it.
#[derive(Debug, Clone)]
pub enum Value<'a> {
    Text(Cow<'a, str>),
    Number(i64),
    /// A ratio: a whole percentage without a sign in a CSV (`27`, which every spreadsheet reads
    /// as a number whatever its locale's decimal mark), a percentage cell in a workbook.
    Percent(f64),
    Empty,
}

impl Value<'_> {
    /// As the CSV writes it.
    pub fn as_text(&self) -> Cow<'_, str> {
        match self {
            Self::Text(text) => Cow::Borrowed(text.as_ref()),
            Self::Number(number) => Cow::Owned(number.to_string()),
            Self::Percent(ratio) => Cow::Owned(format!("{:.0}", ratio * 100.0)),
            Self::Empty => Cow::Borrowed(""),
        }
    }

    /// As the workbook writes it: numbers as numbers, so that they add up.
    pub fn as_cell(&self) -> Cell<'_> {
        match self {
            Self::Text(text) => Cell::Text(text.as_ref()),
            Self::Number(number) => Cell::Number(*number as f64),
            Self::Percent(ratio) => Cell::Percent(*ratio),
            Self::Empty => Cell::Empty,
        }
    }
}

/// Text borrowed from the report.
pub fn text(text: &str) -> Value<'_> {
    Value::Text(Cow::Borrowed(text))
}

/// The catalogue's message `key`, in the reader's words.
pub fn words<'a>(locale: Locale, key: &str) -> Value<'a> {
    Value::Text(Cow::Owned(locale.text(key)))
}

/// Yes or no, in the reader's words.
pub fn yes_no<'a>(locale: Locale, value: bool) -> Value<'a> {
    words(locale, if value { "doc-yes" } else { "doc-no" })
}

/// A row's value in one column, in the reader's words where it is words.
pub type ValueOf<Report, Row> = for<'a> fn(Locale, &'a Report, &'a Row) -> Value<'a>;

/// One column of a document's rows: a `Row` of a `Report`.
pub struct DocumentColumn<Report: 'static, Row: 'static> {
    /// The catalogue's key of its heading.
    pub heading: &'static str,
    /// The CSV's heading (a key), where it says more than the workbook's (a unit).
    pub csv_heading: Option<&'static str>,
    /// Whether its values are long text, which wraps in the workbook.
    pub wraps: bool,
    pub in_csv: bool,
    pub in_workbook: bool,
    /// Whether a report has the column at all (every report has it when `None`).
    pub shown_for: Option<fn(&Report) -> bool>,
    pub value: ValueOf<Report, Row>,
}

impl<Report, Row> DocumentColumn<Report, Row> {
    /// A column both documents write.
    pub const fn both(heading: &'static str, wraps: bool, value: ValueOf<Report, Row>) -> Self {
        Self {
            heading,
            csv_heading: None,
            wraps,
            in_csv: true,
            in_workbook: true,
            shown_for: None,
            value,
        }
    }

    /// The workbook's column.
    pub const fn column(&self) -> Column {
        Column {
            heading: self.heading,
            wraps: self.wraps,
        }
    }

    /// The CSV's heading, in the reader's words.
    pub fn csv_heading(&self, locale: Locale) -> String {
        locale.text(self.csv_heading.unwrap_or(self.heading))
    }
}

/// The columns of `table` that one document of `report` writes.
pub fn columns_of<'r, Report, Row>(
    table: &'static [DocumentColumn<Report, Row>],
    in_csv: bool,
    report: &'r Report,
) -> impl Iterator<Item = &'static DocumentColumn<Report, Row>> + 'r {
    table.iter().filter(move |column| {
        let in_document = if in_csv {
            column.in_csv
        } else {
            column.in_workbook
        };
        in_document && column.shown_for.is_none_or(|shown| shown(report))
    })
}

/// Every row's values, as one document writes them for a reader of `locale`.
pub fn values<'a, Report, Row>(
    table: &'static [DocumentColumn<Report, Row>],
    in_csv: bool,
    locale: Locale,
    report: &'a Report,
    rows: impl IntoIterator<Item = &'a Row>,
) -> Vec<Vec<Value<'a>>> {
    rows.into_iter()
        .map(|row| {
            columns_of(table, in_csv, report)
                .map(|column| (column.value)(locale, report, row))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<Report, Row>(table: &[DocumentColumn<Report, Row>]) {
        let mut seen = std::collections::HashSet::new();
        for column in table {
            assert!(column.in_csv || column.in_workbook, "{}", column.heading);
            assert!(seen.insert(column.heading), "{} twice", column.heading);
        }
    }

    #[test]
    fn every_column_is_written_by_some_document_and_headings_are_unique() {
        check(super::super::gap_columns::RECOMMENDATION_COLUMNS);
        check(super::super::coverage_columns::COVERAGE_COLUMNS);
    }
}
