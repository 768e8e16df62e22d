//! The rules every text, URL and year that people type must meet, whichever way it comes in (the
//! API, a page's form, an import file), collected so that one answer lists every invalid field at
//! once.

use super::Refusal;
use super::failure::{Failure, FieldError};

/// The longest one-line text (a title, a name, a place), in characters: room for any real
/// title, none for a pasted document, which would fill every list and document it appears in.
pub const LINE_MAX_CHARS: usize = 300;

/// The longest free text (a description, a rationale, a recommendation, a note), in characters.
pub const TEXT_MAX_CHARS: usize = 20_000;

/// The longest search text, in characters: a few words, not a document.
pub const SEARCH_MAX_CHARS: usize = 200;

/// A search text as given, or why it is refused: over [`SEARCH_MAX_CHARS`]. Blank is no search.
pub fn search_text(field: &str, given: Option<&str>) -> Result<Option<String>, Failure> {
    let Some(text) = given.filter(|text| !text.trim().is_empty()) else {
        return Ok(None);
    };
    if text.chars().count() > SEARCH_MAX_CHARS {
        return Err(Failure::invalid(
            field,
            Refusal::new("invalid-search-too-long").with("most", SEARCH_MAX_CHARS as i64),
        ));
    }
    Ok(Some(text.to_owned()))
}

/// The report years gaptrack accepts.
pub const REPORT_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Collects field errors; [`Validator::finish`] turns them into one [`Failure::Invalid`].
#[derive(Debug, Default)]
pub struct Validator {
    errors: Vec<FieldError>,
}

impl Validator {
    pub fn error(&mut self, field: impl Into<String>, problem: impl Into<Refusal>) {
        self.errors.push(FieldError::new(field, problem));
    }

    /// Returns the text trimmed, or records what is wrong with it (see [`required_text`]); at
    /// most [`TEXT_MAX_CHARS`].
    pub fn required_text(&mut self, field: &str, text: &str) -> String {
        self.required_within(field, text, TEXT_MAX_CHARS)
    }

    /// [`Validator::required_text`] for one line (a title, a name): at most [`LINE_MAX_CHARS`].
    pub fn required_line(&mut self, field: &str, text: &str) -> String {
        self.required_within(field, text, LINE_MAX_CHARS)
    }

    fn required_within(&mut self, field: &str, text: &str, most: usize) -> String {
        match required_text(text) {
            Ok(text) => self.within(field, text, most),
            Err(message) => {
                self.error(field, message);
                text.trim().to_string()
            }
        }
    }

    /// Returns optional free text trimmed, with blank text taken as absent (see
    /// [`optional_text`]); at most [`TEXT_MAX_CHARS`].
    pub fn optional_text(&mut self, field: &str, text: Option<&str>) -> Option<String> {
        self.optional_within(field, text, TEXT_MAX_CHARS)
    }

    /// [`Validator::optional_text`] for one line (a place): at most [`LINE_MAX_CHARS`].
    pub fn optional_line(&mut self, field: &str, text: Option<&str>) -> Option<String> {
        self.optional_within(field, text, LINE_MAX_CHARS)
    }

    fn optional_within(&mut self, field: &str, text: Option<&str>, most: usize) -> Option<String> {
        match optional_text(text?) {
            Ok(text) => text.map(|text| self.within(field, text, most)),
            Err(message) => {
                self.error(field, message);
                text.map(|t| t.trim().to_string())
            }
        }
    }

    /// `text`, after recording an error if it has more than `most` characters.
    fn within(&mut self, field: &str, text: String, most: usize) -> String {
        let length = text.chars().count();
        if length > most {
            self.error(
                field,
                Refusal::new("invalid-too-long")
                    .with("most", most as i64)
                    .with("length", length as i64),
            );
        }
        text
    }

    /// Checks that an optional URL is an absolute http(s) URL (see [`web_url`]).
    pub fn optional_url(&mut self, field: &str, url: Option<&str>) -> Option<String> {
        let url = url.map(str::trim).filter(|u| !u.is_empty())?;
        match web_url(url) {
            Ok(url) => Some(url),
            Err(message) => {
                self.error(field, message);
                None
            }
        }
    }

    /// Checks a report year (see [`report_year`]).
    pub fn year(&mut self, field: &str, year: i32) {
        if let Err(message) = report_year(year) {
            self.error(field, message);
        }
    }

    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }

    /// `Ok` when nothing was recorded, else a refusal listing every error.
    pub fn finish(self) -> Result<(), Failure> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Failure::Invalid(self.errors))
        }
    }

    /// What was recorded, for an edge that lists them beside other errors of its own.
    pub fn into_errors(self) -> Vec<FieldError> {
        self.errors
    }
}

/// The rule of text that must be given (a title, a recommendation's text): trimmed, not blank,
/// and storable (PostgreSQL cannot store the NUL character in text).
pub fn required_text(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    if text.contains('\0') {
        Err(NUL_MESSAGE)
    } else if text.is_empty() {
        Err("invalid-empty")
    } else {
        Ok(text.to_owned())
    }
}

/// The rule of an IATI organisation identifier: a registration agency's prefix and the
/// organisation's number there (`GB-COH-01234567`, `XM-DAC-41114`), 3 to 100 letters, digits,
/// `-`, `.`, `_` or `:`, starting with a letter or digit; IATI forbids spaces, `/`, `&`, `|` and
/// `?` in identifiers, which build on it.
pub fn iati_identifier(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | ':');
    if (3..=100).contains(&text.len())
        && text.starts_with(|c: char| c.is_ascii_alphanumeric())
        && text.chars().all(allowed)
    {
        Ok(text.to_owned())
    } else {
        Err(IATI_IDENTIFIER_MESSAGE)
    }
}

/// The refusal of an IATI organisation identifier that breaks [`iati_identifier`]'s rule.
pub const IATI_IDENTIFIER_MESSAGE: &str = "invalid-iati-identifier";

/// The rule of optional free text: trimmed, blank taken as absent, and storable.
pub fn optional_text(text: &str) -> Result<Option<String>, &'static str> {
    let text = text.trim();
    if text.contains('\0') {
        Err(NUL_MESSAGE)
    } else {
        Ok((!text.is_empty()).then(|| text.to_owned()))
    }
}

/// The rule of every URL people store (evidence, a recommendation's source): a plain clickable
/// http(s) address, whichever way it comes in. Answers the trimmed URL, or what is wrong with it.
pub fn web_url(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    if text.contains('\0') {
        return Err(NUL_MESSAGE);
    }
    match url::Url::parse(text) {
        Ok(_) if is_plain_web_url(text) => Ok(text.to_owned()),
        _ => Err("invalid-url"),
    }
}

/// The rule of report years: [`REPORT_YEARS`].
pub fn report_year(year: i32) -> Result<i32, &'static str> {
    if REPORT_YEARS.contains(&year) {
        Ok(year)
    } else {
        Err(YEAR_MESSAGE)
    }
}

/// The refusal of a year outside [`REPORT_YEARS`], or of one that is no number.
pub const YEAR_MESSAGE: &str = "invalid-report-year";

/// The rule of `continues`: a recommendation continues an earlier one (`earlier`, found at
/// `earlier_place`: its country and year, if it exists) to the same country, from before `year`.
pub fn continues(
    earlier: uuid::Uuid,
    earlier_place: Option<(&str, i32)>,
    country: &str,
    year: i32,
) -> Result<(), Refusal> {
    match earlier_place {
        Some((earlier_country, earlier_year))
            if earlier_country == country && earlier_year < year =>
        {
            Ok(())
        }
        _ => Err(Refusal::new("invalid-continues")
            .with("earlier", earlier.to_string())
            .with("country", country)
            .with("year", i64::from(year))),
    }
}

/// The refusal of text holding the NUL character, which PostgreSQL cannot store.
pub const NUL_MESSAGE: &str = "invalid-nul";

/// An http(s) URL as the `pattern` of URL fields in the OpenAPI document describes it:
/// a host of letters, digits, dots and hyphens, an optional port, and no white space or control
/// characters anywhere, so that what is stored is a link a grant writer can click.
fn is_plain_web_url(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("http://")
        .or_else(|| text.strip_prefix("https://"))
    else {
        return false;
    };
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && port.is_none_or(|port| {
            (1..=4).contains(&port.len()) && port.bytes().all(|b| b.is_ascii_digit())
        })
        && !rest.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Deserialises a field that may be absent (leave as is), `null` (clear) or a value (set), for PATCH.
pub fn double_option<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    serde::Deserialize::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_and_a_text_have_a_length_people_can_type_and_no_more() {
        let mut check = Validator::default();
        let title = "é".repeat(LINE_MAX_CHARS);
        assert_eq!(check.required_line("title", &format!(" {title} ")), title);
        assert_eq!(check.optional_line("location", Some("  ")), None);
        check.required_text("text", &"x".repeat(TEXT_MAX_CHARS));
        assert!(check.is_clean());
        check.required_line("title", &"x".repeat(100_000));
        check.optional_line("location", Some(&"x".repeat(LINE_MAX_CHARS + 1)));
        check.optional_text("description", Some(&"x".repeat(TEXT_MAX_CHARS + 1)));
        let errors = check.into_errors();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["title", "location", "description"]);
        assert_eq!(
            errors[0].problem,
            Refusal::new("invalid-too-long")
                .with("most", 300)
                .with("length", 100_000)
        );
    }

    #[test]
    fn an_iati_identifier_is_an_agency_prefix_and_a_number() {
        for good in ["GB-COH-01234567", "XM-DAC-41114", " US-EIN-12.3_4:5 "] {
            assert_eq!(iati_identifier(good), Ok(good.trim().to_owned()), "{good}");
        }
        for bad in ["", "GB", "GB COH 1", "GB/COH", "-GB-1", "a&b-1", "ab?c"] {
            assert!(iati_identifier(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_url_is_a_plain_clickable_web_address() {
        for good in [
            "https://www.state.gov/reports/2023-trafficking-in-persons-report/",
            "http://example.org:8080/a?b=c#d",
            "https://example.org",
        ] {
            assert!(is_plain_web_url(good), "{good}");
        }
        for bad in [
            "ftp://example.org",
            "https://exa mple.org",
            "https://example.org/a b",
            "https://example.org/\u{1}",
            "https://user@example.org",
            "https://[::1]/",
            "https://ünï.org",
            "https://example.org:12345",
            "https://",
        ] {
            assert!(!is_plain_web_url(bad), "{bad}");
        }
    }

    #[test]
    fn a_recommendation_continues_only_an_earlier_one_of_its_country() {
        let earlier = uuid::Uuid::nil();
        assert!(continues(earlier, Some(("SEN", 2022)), "SEN", 2023).is_ok());
        for wrong in [
            Some(("SLE", 2022)),
            Some(("SEN", 2023)),
            Some(("SEN", 2024)),
            None,
        ] {
            assert_eq!(
                continues(earlier, wrong, "SEN", 2023).unwrap_err(),
                Refusal::new("invalid-continues")
                    .with("earlier", earlier.to_string())
                    .with("country", "SEN")
                    .with("year", 2023),
                "{wrong:?}"
            );
        }
    }

    #[test]
    fn report_years_run_from_2000_to_2100() {
        assert_eq!(report_year(2000), Ok(2000));
        assert_eq!(report_year(2100), Ok(2100));
        assert_eq!(report_year(1999), Err(YEAR_MESSAGE));
        assert_eq!(report_year(2101), Err(YEAR_MESSAGE));
    }

    #[test]
    fn a_stored_url_is_trimmed_and_never_holds_nul() {
        assert_eq!(
            web_url("  https://example.org/a  ").as_deref(),
            Ok("https://example.org/a")
        );
        assert_eq!(web_url("https://example.org/\0"), Err(NUL_MESSAGE));
        assert_eq!(web_url("https://user@example.org"), Err("invalid-url"));
    }

    #[test]
    fn text_is_trimmed_and_must_be_storable() {
        assert_eq!(
            required_text("  Train prosecutors "),
            Ok("Train prosecutors".into())
        );
        assert_eq!(required_text("   "), Err("invalid-empty"));
        assert_eq!(required_text("a\0b"), Err(NUL_MESSAGE));
        assert_eq!(optional_text("  "), Ok(None));
        assert_eq!(optional_text(" note "), Ok(Some("note".into())));
        assert_eq!(optional_text("a\0"), Err(NUL_MESSAGE));
    }
}
