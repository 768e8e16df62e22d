//! Renderings of reports as documents people open: CSV for spreadsheets, printable HTML. Each
//! renders a use case's result; the edges choose which one a request gets.

pub mod coverage_csv;
pub mod csv_cells;
pub mod gap_report;
