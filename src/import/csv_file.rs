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

/// Reads a CSV import; 400 when the file is not readable CSV, 422 when its header names neither
/// tiers nor recommendations.
pub fn read(bytes: &[u8]) -> Result<ImportRows, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
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
    let mut rows = ImportRows {
        ignored_columns,
        ..ImportRows::default()
    };
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|error| {
            ImportError::Unreadable(
                Refusal::new("unreadable-csv-line")
                    .with("line", (index + 2) as i64)
                    .with("detail", error.to_string()),
            )
        })?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let at = Location::Line(index + 2);
        let cell = |aliases: &[&str]| Columns::cell(&record, columns.find(aliases));
        if is_tiers {
            rows.tiers.push(RawTier {
                at,
                country: cell(COUNTRY),
                country_name: cell(COUNTRY_NAME),
                year: cell(&["year"]),
                tier: cell(&["tier"]),
                waiver: cell(&["waiver"]),
                note: cell(&["note"]),
            });
        } else {
            rows.recommendations.push(RawRecommendation {
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
            });
        }
    }
    Ok(rows)
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
