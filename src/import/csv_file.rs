//! Reading an import from CSV.
//!
//! A file holds either tiers (a `tier` column) or recommendations (a `text` column); its header row
//! says which. Columns are found by name, in any order and case:
//!
//! | Data            | Columns                                                                  |
//! |-----------------|--------------------------------------------------------------------------|
//! | tiers           | `country` (or `iso`, `iso3`, `country_code`), `tier`, optional `year`, `waiver`, `note`, `country_name` (or `countryname`, `name`) |
//! | recommendations | `country`, `position`, `pillar`, `text`, optional `year`, `prioritized`, `source_url`, `continues`, `country_name`, `text_fr` (the text in French) and `text_fr_source_url` |
//!
//! Other columns are ignored and listed in the summary, so research data with extra columns (such
//! as a Correlates of War code) imports as it is.

use super::ImportError;
use super::rows::{ImportRows, Location, RawRecommendation, RawTier};
use crate::domain::{FieldError, Refusal};

const COUNTRY: &[&str] = &["country", "iso", "iso3", "country_code", "iso_code"];
const COUNTRY_NAME: &[&str] = &["country_name", "countryname", "name"];

/// The columns of a header row, by the names gaptrack reads.
struct Columns {
    names: Vec<String>,
}

impl Columns {
    fn find(&self, aliases: &[&str]) -> Option<usize> {
        self.names
            .iter()
            .position(|name| aliases.contains(&name.as_str()))
    }

    fn cell(record: &csv::StringRecord, index: Option<usize>) -> Option<String> {
        let text = record.get(index?)?.trim();
        (!text.is_empty()).then(|| text.to_string())
    }
}

/// A CSV import whose header and every line have been read and found readable, kept as the
/// file's bytes: its rows are read again each time they are gone through (once for the countries
/// the checks look up, once as each is checked), so that a file of 50,000 rows is never held as
/// 50,000 rows besides itself.
pub struct CsvFile<'a> {
    bytes: &'a [u8],
    columns: Columns,
    is_tiers: bool,
    ignored_columns: Vec<String>,
    rows: usize,
}

/// Opens a CSV import; 400 when the file is not readable CSV, 422 when its header names neither
/// tiers nor recommendations.
pub fn open(bytes: &[u8]) -> Result<CsvFile<'_>, ImportError> {
    let mut reader = reader_of(bytes);
    let header = reader.headers().map_err(|error| {
        ImportError::Unreadable(
            Refusal::new("unreadable-csv-header").with("detail", error.to_string()),
        )
    })?;
    let columns = Columns {
        names: header
            .iter()
            .map(|name| {
                name.trim()
                    .trim_start_matches('\u{feff}')
                    .to_ascii_lowercase()
            })
            .collect(),
    };
    let is_recommendations = columns.find(&["text"]).is_some();
    let is_tiers = columns.find(&["tier"]).is_some();
    let known: &[&str] = match (is_recommendations, is_tiers) {
        (true, false) => &[
            "position",
            "pillar",
            "text",
            "year",
            "prioritized",
            "source_url",
            "continues",
            "text_fr",
            "text_fr_source_url",
        ],
        (false, true) => &["tier", "year", "waiver", "note"],
        _ => {
            return Err(ImportError::BadRows {
                errors: vec![FieldError::new("header", "invalid-header")],
                total: 1,
            });
        }
    };
    let ignored_columns = columns
        .names
        .iter()
        .filter(|name| {
            !known.contains(&name.as_str())
                && !COUNTRY.contains(&name.as_str())
                && !COUNTRY_NAME.contains(&name.as_str())
        })
        .cloned()
        .collect();
    let mut rows = 0;
    let mut record = csv::StringRecord::new();
    for index in 0.. {
        let read = reader.read_record(&mut record).map_err(|error| {
            ImportError::Unreadable(
                Refusal::new("unreadable-csv-line")
                    .with("line", (index + 2) as i64)
                    .with("detail", error.to_string()),
            )
        })?;
        if !read {
            break;
        }
        if !is_blank(&record) {
            rows += 1;
        }
    }
    Ok(CsvFile {
        bytes,
        columns,
        is_tiers,
        ignored_columns,
        rows,
    })
}

/// Reads a CSV import whole, as rows: see [`open`].
pub fn read(bytes: &[u8]) -> Result<ImportRows, ImportError> {
    let file = open(bytes)?;
    Ok(ImportRows {
        tiers: file.tiers().collect(),
        recommendations: file.recommendations().collect(),
        ignored_columns: file.ignored_columns().to_vec(),
    })
}

fn reader_of(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes)
}

fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}

impl CsvFile<'_> {
    /// How many rows it holds (blank lines aside).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Whether it holds tiers (else recommendations).
    pub fn holds_tiers(&self) -> bool {
        self.is_tiers
    }

    /// Its columns that gaptrack does not read.
    pub fn ignored_columns(&self) -> &[String] {
        &self.ignored_columns
    }

    /// Its rows and the line each is on; blank lines are skipped. Every line was found readable
    /// when the file was opened.
    fn records(&self) -> impl Iterator<Item = (Location, csv::StringRecord)> + '_ {
        reader_of(self.bytes)
            .into_records()
            .enumerate()
            .filter_map(|(index, record)| Some((Location::Line(index + 2), record.ok()?)))
            .filter(|(_, record)| !is_blank(record))
    }

    /// Its tier rows (none in a file of recommendations).
    pub fn tiers(&self) -> impl Iterator<Item = RawTier> + '_ {
        let columns = &self.columns;
        self.records()
            .filter(|_| self.is_tiers)
            .map(move |(at, record)| {
                let cell = |aliases: &[&str]| Columns::cell(&record, columns.find(aliases));
                RawTier {
                    at,
                    country: cell(COUNTRY),
                    country_name: cell(COUNTRY_NAME),
                    year: cell(&["year"]),
                    tier: cell(&["tier"]),
                    waiver: cell(&["waiver"]),
                    note: cell(&["note"]),
                }
            })
    }

    /// Its recommendation rows (none in a file of tiers).
    pub fn recommendations(&self) -> impl Iterator<Item = RawRecommendation> + '_ {
        let columns = &self.columns;
        self.records()
            .filter(|_| !self.is_tiers)
            .map(move |(at, record)| {
                let cell = |aliases: &[&str]| Columns::cell(&record, columns.find(aliases));
                RawRecommendation {
                    at,
                    country: cell(COUNTRY),
                    country_name: cell(COUNTRY_NAME),
                    year: cell(&["year"]),
                    position: cell(&["position"]),
                    pillar: cell(&["pillar"]),
                    text: cell(&["text"]),
                    prioritized: cell(&["prioritized"]),
                    source_url: cell(&["source_url"]),
                    continues: cell(&["continues"]),
                    text_fr: cell(&["text_fr"]),
                    text_fr_source_url: cell(&["text_fr_source_url"]),
                }
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn research_data_columns_are_read_and_extra_ones_listed() {
        let rows = read(b"countryname,iso,year,ccode,tier\nKosovo,KOS,2009,347,2\n").unwrap();
        assert_eq!(rows.tiers.len(), 1);
        let tier = &rows.tiers[0];
        assert_eq!(tier.country.as_deref(), Some("KOS"));
        assert_eq!(tier.country_name.as_deref(), Some("Kosovo"));
        assert_eq!(tier.year.as_deref(), Some("2009"));
        assert_eq!(tier.at, Location::Line(2));
        assert_eq!(rows.ignored_columns, ["ccode"]);
    }

    #[test]
    fn a_header_without_tier_or_text_is_refused() {
        assert!(read(b"country,score\nSLE,3\n").is_err());
    }

    #[test]
    fn quoted_commas_stay_in_their_cell() {
        let rows =
            read(b"country,position,pillar,text\nSLE,1,protection,\"Train police, judges\"\n")
                .unwrap();
        assert_eq!(
            rows.recommendations[0].text.as_deref(),
            Some("Train police, judges")
        );
    }
}
