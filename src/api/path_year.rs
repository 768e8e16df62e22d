//! A report year in a path (`/reports/2023`).

use serde::{Deserialize, Deserializer};

/// A year as a path segment: digits, or a whole number written with a zero fraction (`2023.0`),
/// which JSON Schema counts as the same integer and some generated clients send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathYear(pub i32);

impl PathYear {
    fn parse(text: &str) -> Option<i32> {
        if let Ok(year) = text.parse() {
            return Some(year);
        }
        let (whole, fraction) = text.split_once('.')?;
        (!fraction.is_empty() && fraction.bytes().all(|b| b == b'0'))
            .then(|| whole.parse().ok())
            .flatten()
    }
}

impl<'de> Deserialize<'de> for PathYear {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text)
            .map(Self)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a year")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_is_a_whole_number_however_written() {
        assert_eq!(PathYear::parse("2023"), Some(2023));
        assert_eq!(PathYear::parse("2023.0"), Some(2023));
        assert_eq!(PathYear::parse("2023.5"), None);
        assert_eq!(PathYear::parse("2023."), None);
        assert_eq!(PathYear::parse("twenty"), None);
    }
}
