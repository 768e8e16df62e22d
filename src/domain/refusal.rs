//! What a rule refuses, without words: a stable code and the arguments its words need. The code
//! is the key of its message in every catalogue (`src/i18n/locales/*/refusals.ftl`); each edge
//! words it its own way: the API as English problem+json, the pages in the reader's language
//! beside the field it names, the command line as a line of English.

use super::Role;

/// A value a refusal's words put in a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Argument {
    /// Text as it was given or stored: a name, an address, a title.
    Text(String),
    /// A count or a limit.
    Number(i64),
    /// A role, which the catalogue words (with its article, where the language needs one).
    Role(Role),
    /// Alternatives, which the words join as the language does: `A, B or C`.
    Alternatives(Vec<String>),
}

impl From<&str> for Argument {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for Argument {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<i64> for Argument {
    fn from(number: i64) -> Self {
        Self::Number(number)
    }
}

impl From<Role> for Argument {
    fn from(role: Role) -> Self {
        Self::Role(role)
    }
}

/// The `filter` argument of a refusal that no filter of a query gave: the words name no filter.
pub const NO_FILTER: &str = "none";

/// A refusal: its code, its arguments, and the field of a form it is about, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    code: &'static str,
    arguments: Vec<(&'static str, Argument)>,
    field: Option<&'static str>,
}

impl Refusal {
    /// The refusal `code` (`refusal-needs-admin`), with no arguments yet.
    pub fn new(code: &'static str) -> Self {
        debug_assert!(
            is_code(code),
            "a refusal's code is a catalogue key, not words: {code:?}"
        );
        Self {
            code,
            arguments: Vec::new(),
            field: None,
        }
    }

    /// "There is no `thing` `id`": `thing` is one of the kinds the catalogue's
    /// `refusal-no-such` names (`intervention`, `recommendation`, `key`, ...).
    pub fn no_such(thing: &'static str, id: impl ToString) -> Self {
        Self::new("refusal-no-such")
            .with("thing", thing)
            .with("id", id.to_string())
            .with("filter", NO_FILTER)
    }

    /// With the argument `name` (in place of an earlier one of that name).
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<Argument>) -> Self {
        self.arguments.retain(|(earlier, _)| *earlier != name);
        self.arguments.push((name, value.into()));
        self
    }

    /// About the field `field` of the request (`email`), which a form shows it beside.
    #[must_use]
    pub fn about(mut self, field: &'static str) -> Self {
        self.field = Some(field);
        self
    }

    /// The stable code, which is also its message's key.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The arguments its words need, by name.
    pub fn arguments(&self) -> &[(&'static str, Argument)] {
        &self.arguments
    }

    /// The field it is about, if any.
    pub fn field(&self) -> Option<&'static str> {
        self.field
    }
}

/// A refusal with no arguments: `"invalid-empty".into()`.
impl From<&'static str> for Refusal {
    fn from(code: &'static str) -> Self {
        Self::new(code)
    }
}

/// Whether `code` has the shape of a catalogue key: `group-words-in-lowercase`.
fn is_code(code: &str) -> bool {
    code.contains('-')
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// For logs and tests only: the code and its arguments, not words for people.
impl std::fmt::Display for Refusal {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.code)?;
        for (name, value) in &self.arguments {
            match value {
                Argument::Text(text) => write!(formatter, " {name}={text:?}")?,
                Argument::Number(number) => write!(formatter, " {name}={number}")?,
                Argument::Role(role) => write!(formatter, " {name}={}", role.as_str())?,
                Argument::Alternatives(texts) => write!(formatter, " {name}={texts:?}")?,
            }
        }
        Ok(())
    }
}
