//! What a form shows after its use case answered: the next page when it was done, else the same
//! form again with what was refused, one path for every form that writes.

use super::error::WebError;
use crate::domain::{Failure, FieldError};

/// A form's use case, answered.
pub enum FormOutcome<T> {
    /// Done: the page goes on to what was written.
    Done(T),
    /// Refused: the form comes back with what was typed, each field error beside its field and
    /// `message` (a refusal of the whole form) at the top.
    Refused {
        errors: Vec<FieldError>,
        message: Option<String>,
    },
}

/// Sorts a use case's answer into what the form shows again and what becomes an error page
/// (a missing thing, a refusal of the caller's rights, the database down). `stale` is what to
/// say when someone else changed the thing since the form was opened.
pub fn outcome<T>(answer: Result<T, Failure>, stale: &str) -> Result<FormOutcome<T>, WebError> {
    match answer {
        Ok(done) => Ok(FormOutcome::Done(done)),
        Err(Failure::Invalid(errors)) => Ok(FormOutcome::Refused {
            errors,
            message: None,
        }),
        Err(Failure::Conflict(detail)) => Ok(FormOutcome::Refused {
            errors: Vec::new(),
            message: Some(detail),
        }),
        Err(Failure::Stale { .. }) => Ok(FormOutcome::Refused {
            errors: Vec::new(),
            message: Some(stale.to_owned()),
        }),
        Err(other) => Err(other.into()),
    }
}
