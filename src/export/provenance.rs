//! Who made a document and when: printed on the summaries and in the spreadsheets' "About"
//! sheet, since a figure pasted into a proposal must say where and when it came from.

use chrono::{DateTime, Utc};

use crate::i18n::{Locale, written};

/// Who asked for a document, and when it was made.
#[derive(Debug, Clone)]
pub struct Provenance {
    /// The person's or the key's name.
    pub made_by: String,
    pub made_at: DateTime<Utc>,
}

impl Provenance {
    /// A document made for `made_by` at `made_at` (the server's clock).
    pub fn at(made_by: &str, made_at: DateTime<Utc>) -> Self {
        Self {
            made_by: made_by.to_owned(),
            made_at,
        }
    }

    /// When it was made, as people write it: `2 December 2026, 14:05 UTC`.
    pub fn made_at_in_words(&self, locale: Locale) -> String {
        written::moment(locale, self.made_at)
    }

    /// When it was made and by whom: `2 December 2026, 14:05 UTC by Awa Ndiaye, with gaptrack`.
    pub fn made_in_words(&self, locale: Locale) -> String {
        locale.text_with(
            "doc-made-by",
            &[
                ("when", self.made_at_in_words(locale).into()),
                ("who", self.made_by.as_str().into()),
            ],
        )
    }
}

/// When an intervention ran, as the documents write it: `1 May 2026 to 30 June 2026`, `since
/// 1 May 2026`, `until 30 June 2026`, or that its dates are not recorded.
pub fn dates_in_words(
    locale: Locale,
    started_on: Option<chrono::NaiveDate>,
    ended_on: Option<chrono::NaiveDate>,
) -> String {
    let date = |day| written::date(locale, day);
    match (started_on, ended_on) {
        (Some(start), Some(end)) => locale.text_with(
            "doc-dates",
            &[("from", date(start).into()), ("to", date(end).into())],
        ),
        (Some(start), None) => locale.text_with("doc-dates-since", &[("from", date(start).into())]),
        (None, Some(end)) => locale.text_with("doc-dates-until", &[("to", date(end).into())]),
        (None, None) => locale.text("doc-dates-unknown"),
    }
}

/// The numbers of a recommendation's listing: `No. 4`.
pub fn number(locale: Locale, position: i32) -> String {
    locale.text_with("doc-number", &[("position", position.into())])
}
