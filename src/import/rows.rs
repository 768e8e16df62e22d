//! Import rows as read from a file, before any checking: every field is text, as in a CSV cell.

use crate::domain::{FieldError, Refusal};

/// Where a row came from, to say where a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// A line of a CSV file (the header is line 1).
    Line(usize),
    /// An item of a JSON list: `tiers[3]`.
    Item { list: &'static str, index: usize },
}

impl Location {
    /// A problem with `field` of this row.
    pub fn error(self, field: &str, problem: impl Into<Refusal>) -> FieldError {
        match self {
            Self::Line(line) => FieldError::at_row(line, field, problem),
            Self::Item { list, index } => {
                FieldError::new(format!("{list}[{index}].{field}"), problem)
            }
        }
    }
}

/// A tier placement as read.
#[derive(Debug, Clone)]
pub struct RawTier {
    pub at: Location,
    /// A country code (ISO, or a research code such as `KOS`) or a country name.
    pub country: Option<String>,
    /// A country name from a separate column, tried when `country` is not a known code.
    pub country_name: Option<String>,
    pub year: Option<String>,
    pub tier: Option<String>,
    pub waiver: Option<String>,
    pub note: Option<String>,
}

/// A recommendation as read.
#[derive(Debug, Clone)]
pub struct RawRecommendation {
    pub at: Location,
    pub country: Option<String>,
    pub country_name: Option<String>,
    pub year: Option<String>,
    pub position: Option<String>,
    pub pillar: Option<String>,
    pub text: Option<String>,
    pub prioritized: Option<String>,
    pub source_url: Option<String>,
    pub continues: Option<String>,
    /// Its text in French, and where that text comes from.
    pub text_fr: Option<String>,
    pub text_fr_source_url: Option<String>,
}

/// Everything a file holds.
#[derive(Debug, Clone, Default)]
pub struct ImportRows {
    pub tiers: Vec<RawTier>,
    pub recommendations: Vec<RawRecommendation>,
    /// CSV columns that are not read.
    pub ignored_columns: Vec<String>,
}
