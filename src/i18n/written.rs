//! Dates, times and counts as the pages write them for people, in one place: every page, date
//! box and printable document says `15 March 2024` and `1,200` the same way, and a translation
//! has one place to change (the catalogue's `date`, `moment` and month names).

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::domain::ReportingPeriod;
use crate::i18n::Locale;

/// A day: `15 March 2024`.
pub fn date(locale: Locale, day: NaiveDate) -> String {
    locale.text_with(
        "written-date",
        &[
            ("day", day.day().into()),
            ("month", day.month().into()),
            ("year", day.year().into()),
        ],
    )
}

/// A moment, in UTC (which the pages say): `15 March 2024, 14:05 UTC`.
pub fn moment(locale: Locale, at: DateTime<Utc>) -> String {
    locale.text_with(
        "written-moment",
        &[
            ("date", date(locale, at.date_naive()).into()),
            ("time", at.format("%H:%M").to_string().into()),
        ],
    )
}

/// A day as a date box holds it, to be read back by [`typed_date`]: `15 March 2024`.
pub fn typeable_date(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

/// A reporting period: `1 April 2023 to 31 March 2024`.
pub fn period(locale: Locale, period: ReportingPeriod) -> String {
    locale.text_with(
        "written-period",
        &[
            ("from", date(locale, period.starts_on).into()),
            ("to", date(locale, period.ends_on).into()),
        ],
    )
}

/// The day of a moment: `15 March 2024`.
pub fn day_of(locale: Locale, at: DateTime<Utc>) -> String {
    date(locale, at.date_naive())
}

/// A count with its thousands grouped: `1,200`.
pub fn count(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        grouped.push('-');
    }
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// A day as people type it into a date box: `15 March 2024`, `15 Mar 2024`, `15/03/2024` (day
/// first, as most of the world and every French speaker writes it) or `2024-03-15`.
pub fn typed_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    ["%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d/%m/%Y", "%d.%m.%Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
}

/// What a date box says when it cannot read a day.
pub const DATE_HINT: &str = "a date, such as 31 March 2024 or 31/03/2024";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_their_thousands() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1200), "1,200");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(count(-45_000), "-45,000");
    }

    #[test]
    fn a_day_is_read_back_from_what_the_pages_write_and_what_people_type() {
        let day = NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
        assert_eq!(date(Locale::ENGLISH, day), "5 March 2024");
        for typed in [
            "5 March 2024",
            "05 march 2024",
            "5 Mar 2024",
            "05/03/2024",
            "5/3/2024",
            "2024-03-05",
            " 5.3.2024 ",
        ] {
            assert_eq!(typed_date(typed), Some(day), "{typed:?}");
        }
        for typed in ["03/32/2024", "March 5", "2024-13-01", "yesterday"] {
            assert_eq!(typed_date(typed), None, "{typed:?}");
        }
        assert_eq!(
            typed_date(&typeable_date(day)),
            Some(day),
            "what a page writes, it reads"
        );
    }
}
