//! What a use case answers instead of its result: a rule it refuses to break, or a fault that
//! stopped it. It knows nothing of HTTP: the API renders it as problem+json, the pages as a form
//! message or an error page, the command line as a line on standard error.

use super::Refusal;

/// One invalid field of a request, by its path in the body or query (`countries[1]`, `year`),
/// and what is wrong with it, without words: each edge words the refusal its own way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub problem: Refusal,
    /// For a file upload (CSV import), the line of the file at fault; the header is line 1.
    pub row: Option<usize>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, problem: impl Into<Refusal>) -> Self {
        Self {
            field: field.into(),
            problem: problem.into(),
            row: None,
        }
    }

    /// An error in column `field` of line `row` of an uploaded file.
    pub fn at_row(row: usize, field: impl Into<String>, problem: impl Into<Refusal>) -> Self {
        Self {
            row: Some(row),
            ..Self::new(field, problem)
        }
    }
}

/// Why a use case did not do what it was asked.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The input breaks the rules: every field at fault, with what is wrong with it.
    #[error("{} invalid fields: {}", .0.len(), .0.first().map(|e| e.problem.to_string()).unwrap_or_default())]
    Invalid(Vec<FieldError>),
    /// Rows of an uploaded file at fault, each by line and column: `total` counts them all, of
    /// which `errors` lists the first.
    #[error("{total} problems in the file; nothing was imported")]
    BadRows {
        errors: Vec<FieldError>,
        total: usize,
    },
    /// An uploaded file or a body that cannot be read as CSV or JSON at all; the parser's own
    /// words (which no catalogue holds) are among its arguments.
    #[error("{0}")]
    Unreadable(Refusal),
    /// No key, or one that is unknown or revoked; a wrong password.
    #[error("{0}")]
    Unauthenticated(Refusal),
    /// The caller may not do this (a viewer writing, an editor touching another's work).
    #[error("{0}")]
    Forbidden(Refusal),
    /// What the input names does not exist.
    #[error("{0}")]
    NotFound(Refusal),
    /// The request clashes with the current state (a duplicate, or a change that would orphan
    /// data).
    #[error("{0}")]
    Conflict(Refusal),
    /// The thing changed since the caller read it; `current` is its tag, if it still exists.
    #[error("{detail}")]
    Stale {
        detail: String,
        current: Option<String>,
    },
    /// The database cannot be reached right now. Its cause is logged, never shown.
    #[error("unavailable: {0}")]
    Unavailable(String),
    /// The database connection broke while the use case used it; a read may be tried again.
    #[error("connection lost: {0}")]
    ConnectionLost(String),
    /// A fault on our side. Its cause is logged, never shown.
    #[error("internal error: {0}")]
    Internal(String),
    /// Too many attempts (wrong passwords for one address): try again in `retry_after` seconds.
    #[error("{refusal}")]
    Throttled { refusal: Refusal, retry_after: u64 },
}

impl Failure {
    /// The rule's refusal this failure carries, if it is one that has been given its code.
    pub fn refusal(&self) -> Option<&Refusal> {
        match self {
            Self::Unauthenticated(refusal)
            | Self::Unreadable(refusal)
            | Self::Forbidden(refusal)
            | Self::NotFound(refusal)
            | Self::Conflict(refusal) => Some(refusal),
            Self::Throttled { refusal, .. } => Some(refusal),
            _ => None,
        }
    }

    /// A refusal for a single invalid field.
    pub fn invalid(field: impl Into<String>, problem: impl Into<Refusal>) -> Self {
        Self::Invalid(vec![FieldError::new(field, problem)])
    }

    /// A fault from anything that displays, with its whole cause chain (logged, never shown).
    pub fn internal(error: impl std::error::Error) -> Self {
        let mut text = error.to_string();
        let mut source = error.source();
        while let Some(cause) = source {
            text.push_str(": ");
            text.push_str(&cause.to_string());
            source = cause.source();
        }
        Self::Internal(text)
    }
}
