//! Who made a document and when: printed on the summaries and in the spreadsheets' "About"
//! sheet, since a figure pasted into a proposal must say where and when it came from.

use chrono::{DateTime, Utc};

use crate::domain::ReportingPeriod;

/// The rule of the statuses, as every document states it for its reader.
pub const STATUS_RULE: &str = "A recommendation counts as addressed when an active or completed \
    intervention answers it fully; partly addressed when such interventions answer it only in \
    part; planned when only planned ones answer it. Cancelled interventions never count.";

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
    pub fn made_at_in_words(&self) -> String {
        self.made_at.format("%-d %B %Y, %H:%M UTC").to_string()
    }
}

/// Items as a sentence lists them: `2023`, `2023 and 2024`, `Senegal, Sierra Leone and Malawi`.
pub fn listed<T: std::fmt::Display>(items: &[T]) -> String {
    match items {
        [] => String::new(),
        [only] => only.to_string(),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(ToString::to_string).collect();
            format!("{} and {last}", rest.join(", "))
        }
    }
}

/// A date as the documents write it: `1 April 2022`.
pub fn date_in_words(date: chrono::NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// A reporting period as the documents write it: `1 April 2022 to 31 March 2023`.
pub fn period_in_words(period: ReportingPeriod) -> String {
    format!(
        "{} to {}",
        date_in_words(period.starts_on),
        date_in_words(period.ends_on)
    )
}

/// When an intervention ran, as the documents write it: `1 May 2026 to 30 June 2026`, `since
/// 1 May 2026`, `until 30 June 2026`, or that its dates are not recorded.
pub fn dates_in_words(
    started_on: Option<chrono::NaiveDate>,
    ended_on: Option<chrono::NaiveDate>,
) -> String {
    match (started_on, ended_on) {
        (Some(start), Some(end)) => format!("{} to {}", date_in_words(start), date_in_words(end)),
        (Some(start), None) => format!("since {}", date_in_words(start)),
        (None, Some(end)) => format!("until {}", date_in_words(end)),
        (None, None) => "dates not recorded".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::reporting_period;

    #[test]
    fn the_2023_period_reads_as_the_report_writes_it() {
        assert_eq!(
            period_in_words(reporting_period(2023)),
            "1 April 2022 to 31 March 2023"
        );
    }
}
