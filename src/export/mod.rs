//! Renderings of reports as documents people open: CSV for spreadsheets and programs, workbooks,
//! printable HTML. Each renders a use case's result; the edges choose which one a request gets.

pub mod call_for_information;
pub mod call_for_information_docx;
pub mod columns;
pub mod coverage_columns;
pub mod coverage_csv;
pub mod coverage_xlsx;
pub mod csv_cells;
pub mod docx_package;
pub mod file_name;
pub mod gap_columns;
pub mod gaps_csv;
pub mod gaps_summary;
pub mod gaps_xlsx;
pub mod iati;
pub mod provenance;
pub mod read_texts;
pub mod workbook;
