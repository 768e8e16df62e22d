//! Country codes as people type them.

/// A country code as given in a request: ISO 3166-1 alpha-3 or alpha-2, in any case.
///
/// It is only well-formed; whether such a country exists is the database's to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountryCodeInput {
    Alpha3(String),
    Alpha2(String),
}

impl CountryCodeInput {
    /// Parses `sle`, `SLE`, `sl` or `SL`; anything else is an error that says what is expected.
    pub fn parse(text: &str) -> Result<Self, String> {
        let code = text.trim().to_ascii_uppercase();
        if !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!(
                "`{text}` is not a country code: use ISO 3166-1 alpha-3 (SLE) or alpha-2 (SL)"
            ));
        }
        match code.len() {
            3 => Ok(Self::Alpha3(code)),
            2 => Ok(Self::Alpha2(code)),
            _ => Err(format!(
                "`{text}` is not a country code: use ISO 3166-1 alpha-3 (SLE) or alpha-2 (SL)"
            )),
        }
    }

    /// The code, upper-cased.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Alpha3(code) | Self::Alpha2(code) => code,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_both_lengths_in_any_case() {
        assert_eq!(
            CountryCodeInput::parse("sle"),
            Ok(CountryCodeInput::Alpha3("SLE".into()))
        );
        assert_eq!(
            CountryCodeInput::parse("Sl"),
            Ok(CountryCodeInput::Alpha2("SL".into()))
        );
    }

    #[test]
    fn rejects_digits_and_other_lengths() {
        assert!(CountryCodeInput::parse("S1E").is_err());
        assert!(CountryCodeInput::parse("SLEO").is_err());
        assert!(CountryCodeInput::parse("").is_err());
    }
}
