//! What to tell a person whose country name or code matched no country, or several.
//!
//! Names are matched in the database (`country_name_key` and the `country_names` table), so that
//! the table can grow without a release; this module only words the outcome.

use std::fmt;

use super::Refusal;

/// A country as named back to a person: the name the TIP Report uses, and its alpha-3 code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryMention {
    pub code: String,
    pub name: String,
}

impl fmt::Display for CountryMention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name, self.code)
    }
}

/// A country name or code that does not name exactly one country.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnresolvedCountry {
    /// Nothing matched; `suggestions` are the closest names, best first (maybe none).
    #[error("{}", unknown_message(given, suggestions))]
    Unknown {
        given: String,
        suggestions: Vec<CountryMention>,
    },
    /// The name is shared by several countries (`Congo`, `Korea`): it is not guessed.
    #[error(
        "`{given}` could be {}: give the country's code or its full name",
        either(candidates)
    )]
    Ambiguous {
        given: String,
        candidates: Vec<CountryMention>,
    },
}

impl UnresolvedCountry {
    /// The refusal of a name that names no country, or several: `given`, and the closest
    /// countries (or the candidates) as `A (AAA), B (BBB)`. A `filter` argument may be added by
    /// the caller, naming the filter that gave it.
    pub fn refusal(&self) -> Refusal {
        let (code, given, countries) = match self {
            Self::Unknown { given, suggestions } if suggestions.is_empty() => {
                ("refusal-unknown-country", given, suggestions)
            }
            Self::Unknown { given, suggestions } => {
                ("refusal-unknown-country-suggested", given, suggestions)
            }
            Self::Ambiguous { given, candidates } => {
                ("refusal-ambiguous-country", given, candidates)
            }
        };
        let named: Vec<String> = countries.iter().map(ToString::to_string).collect();
        Refusal::new(code)
            .with("given", given.as_str())
            .with("countries", super::Argument::Alternatives(named))
            .with("filter", super::refusal::NO_FILTER)
    }
}

fn unknown_message(given: &str, suggestions: &[CountryMention]) -> String {
    if suggestions.is_empty() {
        format!(
            "`{given}` is not a known country: give an ISO code (SLE, SL) or a name \
             (Sierra Leone, Burma, Korea, South)"
        )
    } else {
        format!(
            "`{given}` is not a known country: did you mean {}?",
            either(suggestions)
        )
    }
}

/// "A (AAA)", "A (AAA) or B (BBB)", "A (AAA), B (BBB) or C (CCC)".
fn either(countries: &[CountryMention]) -> String {
    let named: Vec<String> = countries.iter().map(ToString::to_string).collect();
    match named.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(code: &str, name: &str) -> CountryMention {
        CountryMention {
            code: code.into(),
            name: name.into(),
        }
    }

    #[test]
    fn an_unknown_name_suggests_the_closest_countries() {
        let error = UnresolvedCountry::Unknown {
            given: "Central African Rep".into(),
            suggestions: vec![mention("CAF", "Central African Republic")],
        };
        assert_eq!(
            error.to_string(),
            "`Central African Rep` is not a known country: did you mean Central African Republic (CAF)?"
        );
    }

    #[test]
    fn an_unknown_name_without_suggestions_says_what_is_accepted() {
        let error = UnresolvedCountry::Unknown {
            given: "Atlantis".into(),
            suggestions: vec![],
        };
        assert!(
            error
                .to_string()
                .starts_with("`Atlantis` is not a known country: give")
        );
    }

    #[test]
    fn an_ambiguous_name_lists_every_candidate() {
        let error = UnresolvedCountry::Ambiguous {
            given: "Congo".into(),
            candidates: vec![
                mention("COD", "Congo, Democratic Republic of the"),
                mention("COG", "Congo, Republic of the"),
            ],
        };
        assert_eq!(
            error.to_string(),
            "`Congo` could be Congo, Democratic Republic of the (COD) or Congo, Republic of the (COG): \
             give the country's code or its full name"
        );
        let three = UnresolvedCountry::Unknown {
            given: "Nigr".into(),
            suggestions: vec![
                mention("NER", "Niger"),
                mention("NGA", "Nigeria"),
                mention("NIC", "Nicaragua"),
            ],
        };
        assert!(
            three
                .to_string()
                .ends_with("did you mean Niger (NER), Nigeria (NGA) or Nicaragua (NIC)?")
        );
    }
}
