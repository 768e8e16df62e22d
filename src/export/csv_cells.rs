//! CSV cells that are safe to open in a spreadsheet.
//!
//! Titles, names and texts are typed by editors and opened by grant writers in spreadsheets, which
//! run a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula
//! (CSV injection). Such a cell is written with a leading `'`, which spreadsheets show as text and
//! hide; every other cell is written as it is.

use std::borrow::Cow;

/// `cell`, with a leading `'` if a spreadsheet would take it for a formula.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Writes one row, each cell made [`spreadsheet_safe`].
pub fn write_row<W: std::io::Write>(
    writer: &mut csv::Writer<W>,
    cells: impl IntoIterator<Item = impl AsRef<str>>,
) -> csv::Result<()> {
    let cells: Vec<String> = cells
        .into_iter()
        .map(|cell| spreadsheet_safe(cell.as_ref()).into_owned())
        .collect();
    writer.write_record(cells)
}

/// The text of a finished CSV file.
pub fn into_text(writer: csv::Writer<Vec<u8>>) -> csv::Result<String> {
    let bytes = writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))?;
    Ok(String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8"))
}

/// The text of a finished CSV file meant for a spreadsheet: with a UTF-8 byte-order mark, without
/// which Excel reads the file in the machine's old code page and garbles every accent
/// (`RÃ©seau` for `Réseau`).
pub fn into_text_for_spreadsheets(writer: csv::Writer<Vec<u8>>) -> csv::Result<String> {
    Ok(format!("\u{feff}{}", into_text(writer)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_written_as_text_and_the_rest_as_it_is() {
        for formula in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(spreadsheet_safe(formula), format!("'{formula}"));
        }
        for plain in ["Training of police", "2023", "0.5000", "", "a=b"] {
            assert_eq!(spreadsheet_safe(plain), plain);
        }
    }
}
