//! Dates, times and counts as the pages write them for people, in one place: every page, date
//! box and printable document says `15 March 2024` and `1,200` the same way, and a translation
//! has one place to change (the catalogue's `date`, `moment` and month names).

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::locale;

use crate::domain::ReportingPeriod;
use crate::i18n::{Language, Locale};

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

/// A moment, in UTC (which the pages say): `15 March 2024, 14:05 UTC`, `15 mars 2024 à
/// 14 h 05 UTC`. The catalogue chooses between the clock's `time` and its `hour` and `minute`.
pub fn moment(locale: Locale, at: DateTime<Utc>) -> String {
    locale.text_with(
        "written-moment",
        &[
            ("date", date(locale, at.date_naive()).into()),
            ("time", at.format("%H:%M").to_string().into()),
            ("hour", at.hour().to_string().into()),
            ("minute", at.format("%M").to_string().into()),
        ],
    )
}

/// A day as a date box holds it, to be read back by [`typed_date`]: as the language writes a
/// date (`15 March 2024`, `15 mars 2024`).
pub fn typeable_date(locale: Locale, day: NaiveDate) -> String {
    date(locale, day)
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

/// A count as the language writes it, its thousands grouped by Unicode CLDR's rules: `1,200`
/// in English, `1 200` (a narrow no-break space) in French.
pub fn count(locale: Locale, n: i64) -> String {
    let decimal = Decimal::from(n);
    let format = |formatter: &DecimalFormatter| formatter.format(&decimal).to_string();
    match locale.language() {
        Language::English => ENGLISH_NUMBERS.with(format),
        Language::French => FRENCH_NUMBERS.with(format),
    }
}

/// A file's size, in whole kilobytes or, from 10 MB, megabytes: `113 KB`, `113 Ko`.
pub fn size(locale: Locale, bytes: i64) -> String {
    const KB: i64 = 1024;
    if bytes >= 10 * KB * KB {
        let megabytes = (bytes + KB * KB / 2) / (KB * KB);
        locale.text_with(
            "written-megabytes",
            &[("number", count(locale, megabytes).into())],
        )
    } else {
        let kilobytes = ((bytes + KB / 2) / KB).max(1);
        locale.text_with(
            "written-kilobytes",
            &[("number", count(locale, kilobytes).into())],
        )
    }
}

/// A ratio as a whole percentage, as the language writes it: `27%`, `27 %`.
pub fn percent(locale: Locale, ratio: f64) -> String {
    let whole = (ratio * 100.0).round() as i64;
    locale.text_with(
        "written-percent",
        &[("number", count(locale, whole).into())],
    )
}

thread_local! {
    /// Each language's number formatter, made once per thread (they are not `Sync`).
    static ENGLISH_NUMBERS: DecimalFormatter = numbers(locale!("en").into());
    static FRENCH_NUMBERS: DecimalFormatter = numbers(locale!("fr").into());
}

fn numbers(preferences: icu_decimal::DecimalFormatterPreferences) -> DecimalFormatter {
    DecimalFormatter::try_new(preferences, Default::default())
        .expect("the compiled CLDR data has English and French")
}

/// A day as people type it into a date box, whatever the page's language: `15 March 2024`,
/// `15 Mar 2024`, `15 mars 2024`, `1er avril 2024`, `15/03/2024` (day first, as most of the
/// world and every French speaker writes it) or `2024-03-15`.
pub fn typed_date(text: &str) -> Option<NaiveDate> {
    let text = in_english_months(text.trim());
    ["%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d/%m/%Y", "%d.%m.%Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(&text, format).ok())
}

/// French month names (with or without their accents) and `1er`, as English month names and
/// `1`, which the date formats read.
fn in_english_months(text: &str) -> String {
    const MONTHS: [(&str, &str); 16] = [
        ("janvier", "January"),
        ("février", "February"),
        ("fevrier", "February"),
        ("mars", "March"),
        ("avril", "April"),
        ("mai", "May"),
        ("juin", "June"),
        ("juillet", "July"),
        ("août", "August"),
        ("aout", "August"),
        ("septembre", "September"),
        ("octobre", "October"),
        ("novembre", "November"),
        ("décembre", "December"),
        ("decembre", "December"),
        ("1er", "1"),
    ];
    text.split_whitespace()
        .map(|word| {
            let lower = word.to_lowercase();
            MONTHS
                .iter()
                .find(|(french, _)| *french == lower)
                .map_or(word, |(_, english)| english)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_written_as_each_language_tells_the_time() {
        let at = chrono::NaiveDate::from_ymd_opt(2024, 3, 15)
            .unwrap()
            .and_hms_opt(9, 5, 0)
            .unwrap()
            .and_utc();
        assert_eq!(moment(Locale::ENGLISH, at), "15 March 2024, 09:05 UTC");
        assert_eq!(
            moment(Locale::of(Language::French), at),
            "15 mars 2024 à 9\u{a0}h\u{a0}05 UTC"
        );
    }

    #[test]
    fn counts_group_their_thousands_as_each_language_does() {
        let english = Locale::ENGLISH;
        assert_eq!(count(english, 0), "0");
        assert_eq!(count(english, 999), "999");
        assert_eq!(count(english, 1200), "1,200");
        assert_eq!(count(english, 1_234_567), "1,234,567");
        assert_eq!(count(english, -45_000), "-45,000");
        assert_eq!(percent(english, 0.274), "27%");
        let french = Locale::of(Language::French);
        assert_eq!(count(french, 1200), "1\u{202f}200");
        assert_eq!(percent(french, 0.274), "27\u{a0}%");
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
        for locale in [Locale::ENGLISH, Locale::of(Language::French)] {
            assert_eq!(
                typed_date(&typeable_date(locale, day)),
                Some(day),
                "what a page writes, it reads"
            );
        }
        let first = NaiveDate::from_ymd_opt(2024, 4, 1).unwrap();
        for typed in ["1er avril 2024", "1 Avril 2024", "01/04/2024"] {
            assert_eq!(typed_date(typed), Some(first), "{typed:?}");
        }
        let august = NaiveDate::from_ymd_opt(2024, 8, 15).unwrap();
        assert_eq!(typed_date("15 août 2024"), Some(august));
        assert_eq!(typed_date("15 aout 2024"), Some(august));
    }
}
