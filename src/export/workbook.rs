//! What gaptrack's spreadsheets share: a bold, frozen header row with filters, columns as wide as
//! their content (long texts wrapped), numbers and percentages as numbers, and an "About" sheet
//! that says what the file is, with which filters, when it was made and by whom. Printed, a table
//! fits the page's width.

use rust_xlsxwriter::{DocProperties, Format, Workbook, Worksheet, XlsxError};

use super::provenance::Provenance;
use crate::i18n::Locale;

/// Excel's longest link; a longer address is written as text.
const LONGEST_LINK: usize = 2079;

/// How wide (in characters) a column of long text is, wrapped.
const TEXT_WIDTH: f64 = 60.0;

/// How wide the "About" sheet's values are.
const ABOUT_WIDTH: f64 = 70.0;

/// The height of a line of text, in points. Spreadsheets do not grow a row to fit wrapped text
/// they did not wrap themselves, so each row is given the height of its longest text.
const LINE_HEIGHT: f64 = 15.0;

/// How many lines `text` takes wrapped in a column `width` characters wide (a guess from its
/// length, a little generous, since letters are narrower than the column's unit on average).
fn wrapped_lines(text: &str, width: f64) -> u32 {
    let per_line = (width * 1.1).max(1.0);
    text.split('\n')
        .map(|line| (line.chars().count() as f64 / per_line).ceil().max(1.0) as u32)
        .sum()
}

/// A column of a table sheet: its heading (the catalogue's key), and whether it holds long text
/// to wrap.
pub struct Column {
    pub heading: &'static str,
    pub wraps: bool,
}

/// A column of short values.
pub const fn short(heading: &'static str) -> Column {
    Column {
        heading,
        wraps: false,
    }
}

/// A column of long text, wrapped.
pub const fn long(heading: &'static str) -> Column {
    Column {
        heading,
        wraps: true,
    }
}

/// One cell of a table sheet.
pub enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    /// A ratio, shown as a percentage (`0.4` shows as `40%`).
    Percent(f64),
    /// A web address, as a link.
    Link(&'a str),
    Empty,
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(text: &'a str) -> Self {
        Self::Text(text)
    }
}

impl<'a> From<Option<&'a str>> for Cell<'a> {
    fn from(text: Option<&'a str>) -> Self {
        text.map_or(Self::Empty, Self::Text)
    }
}

/// The formats a sheet uses, made once per workbook.
struct Formats {
    heading: Format,
    wrapped: Format,
    percent: Format,
    plain: Format,
}

impl Formats {
    fn new() -> Self {
        let top = |format: Format| format.set_align(rust_xlsxwriter::FormatAlign::Top);
        Self {
            heading: top(Format::new().set_bold().set_text_wrap()),
            wrapped: top(Format::new().set_text_wrap()),
            percent: top(Format::new().set_num_format("0%")),
            plain: top(Format::new()),
        }
    }
}

/// A workbook being written for a reader of `locale`: its table sheets, then its "About" sheet.
/// Sheet names, headings and facts' names are given as the catalogue's keys.
pub struct Book {
    workbook: Workbook,
    formats: Formats,
    locale: Locale,
}

impl Book {
    /// A workbook whose document properties say what it is and who made it.
    pub fn new(title: &str, provenance: &Provenance, locale: Locale) -> Self {
        let mut workbook = Workbook::new();
        workbook.set_properties(
            &DocProperties::new()
                .set_title(title)
                .set_author(&provenance.made_by)
                .set_comment(locale.text("doc-workbook-comment")),
        );
        Self {
            workbook,
            formats: Formats::new(),
            locale,
        }
    }

    /// A sheet named by the message `name` with a frozen, filterable header row of `columns` and `rows` below.
    pub fn table<'a>(
        &mut self,
        name: &str,
        columns: &[Column],
        rows: impl IntoIterator<Item = Vec<Cell<'a>>>,
    ) -> Result<(), XlsxError> {
        self.table_with_totals(name, columns, rows, None)
    }

    /// [`Book::table`] with a `totals` row under the rows, a blank row apart and outside the
    /// filter's range, so that sorting or filtering the rows never moves it among them.
    pub fn table_with_totals<'a>(
        &mut self,
        name: &str,
        columns: &[Column],
        rows: impl IntoIterator<Item = Vec<Cell<'a>>>,
        totals: Option<Vec<Cell<'a>>>,
    ) -> Result<(), XlsxError> {
        let locale = self.locale;
        let sheet = self.workbook.add_worksheet();
        sheet.set_name(locale.text(name))?;
        for (index, column) in columns.iter().enumerate() {
            let heading = locale.text(column.heading);
            sheet.write_string_with_format(0, col(index), heading, &self.formats.heading)?;
        }
        let mut last_row = 0;
        for (index, cells) in rows.into_iter().enumerate() {
            last_row = u32::try_from(index + 1).unwrap_or(u32::MAX);
            let mut lines = 1;
            for (column, cell) in cells.into_iter().enumerate() {
                let wraps = columns.get(column).is_some_and(|c| c.wraps);
                if wraps && let Cell::Text(text) = cell {
                    lines = lines.max(wrapped_lines(text, TEXT_WIDTH));
                }
                write_cell(sheet, &self.formats, last_row, col(column), cell, wraps)?;
            }
            if lines > 1 {
                sheet.set_row_height(last_row, LINE_HEIGHT * f64::from(lines))?;
            }
        }
        if let Some(totals) = totals {
            let row = last_row.saturating_add(2);
            for (column, cell) in totals.into_iter().enumerate() {
                let cell = match cell {
                    Cell::Text(text) => {
                        sheet.write_string_with_format(
                            row,
                            col(column),
                            text,
                            &self.formats.heading,
                        )?;
                        continue;
                    }
                    other => other,
                };
                write_cell(sheet, &self.formats, row, col(column), cell, false)?;
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        // Printed, the table fits the width of a landscape page, its heading on every page.
        sheet
            .set_landscape()
            .set_print_fit_to_pages(1, 0)
            .set_repeat_rows(0, 0)?;
        if !columns.is_empty() {
            sheet.autofilter(0, 0, last_row, col(columns.len() - 1))?;
        }
        sheet.set_autofit_max_width(300).autofit();
        for (index, column) in columns.iter().enumerate() {
            if column.wraps {
                sheet.set_column_width(col(index), TEXT_WIDTH)?;
            }
        }
        Ok(())
    }

    /// The "About" sheet: one fact per row, its name (a key) in bold.
    pub fn about(&mut self, facts: &[(&str, String)]) -> Result<(), XlsxError> {
        let locale = self.locale;
        let sheet = self.workbook.add_worksheet();
        sheet.set_name(locale.text("doc-sheet-about"))?;
        for (index, (name, value)) in facts.iter().enumerate() {
            let row = u32::try_from(index).unwrap_or(u32::MAX);
            sheet.write_string_with_format(row, 0, locale.text(name), &self.formats.heading)?;
            sheet.write_string_with_format(row, 1, value, &self.formats.wrapped)?;
        }
        sheet.set_column_width(0, 24)?;
        sheet.set_column_width(1, ABOUT_WIDTH)?;
        for (index, (_, value)) in facts.iter().enumerate() {
            let lines = wrapped_lines(value, ABOUT_WIDTH);
            if lines > 1 {
                let row = u32::try_from(index).unwrap_or(u32::MAX);
                sheet.set_row_height(row, LINE_HEIGHT * f64::from(lines))?;
            }
        }
        sheet.set_print_fit_to_pages(1, 0);
        Ok(())
    }

    /// The finished file.
    pub fn into_bytes(mut self) -> Result<Vec<u8>, XlsxError> {
        self.workbook.save_to_buffer()
    }
}

fn col(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

fn write_cell(
    sheet: &mut Worksheet,
    formats: &Formats,
    row: u32,
    column: u16,
    cell: Cell,
    wraps: bool,
) -> Result<(), XlsxError> {
    let text_format = if wraps {
        &formats.wrapped
    } else {
        &formats.plain
    };
    match cell {
        Cell::Text(text) => {
            sheet.write_string_with_format(row, column, text, text_format)?;
        }
        Cell::Number(number) => {
            sheet.write_number_with_format(row, column, number, &formats.plain)?;
        }
        Cell::Percent(ratio) => {
            sheet.write_number_with_format(row, column, ratio, &formats.percent)?;
        }
        Cell::Link(url) if url.len() <= LONGEST_LINK => {
            sheet.write_url_with_text(row, column, url, url)?;
        }
        Cell::Link(url) => {
            sheet.write_string_with_format(row, column, url, text_format)?;
        }
        Cell::Empty => {}
    }
    Ok(())
}
