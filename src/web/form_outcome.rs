//! What a form shows after its use case answered: the next page when it was done, else the same
//! form again with what was refused, one path for every form that writes.

use super::error::WebError;
use crate::domain::{Failure, FieldError};
use crate::i18n::Locale;

/// A form, settled.
pub enum Settled<T> {
    /// Done: the page goes on to what was written.
    Done(T),
    /// Refused: the form comes back with what was typed, each field error beside its field and
    /// this message (a refusal of the whole form), if any, at the top.
    Again(Option<String>),
}

/// Settles a form: `answer` is its use case's, or `None` when the form's own reading of what was
/// typed already found `errors`. A refusal's field errors join `errors`; what a form cannot show
/// (a missing thing, a refusal of the caller's rights, the database down) becomes an error page.
/// `stale` is the key of what to say when someone else changed the thing since the form was
/// opened. A
/// refusal that names a field is shown beside it, in `locale`'s words; one that names none, at
/// the top.
pub fn settle<T>(
    locale: Locale,
    answer: Option<Result<T, Failure>>,
    stale: &str,
    errors: &mut Vec<FieldError>,
) -> Result<Settled<T>, WebError> {
    match answer {
        None => Ok(Settled::Again(None)),
        Some(Ok(done)) => Ok(Settled::Done(done)),
        Some(Err(Failure::Invalid(refused))) => {
            errors.extend(refused);
            Ok(Settled::Again(None))
        }
        Some(Err(Failure::Conflict(refusal))) => match refusal.field() {
            Some(field) => {
                errors.push(FieldError::new(field, refusal.clone()));
                Ok(Settled::Again(None))
            }
            None => Ok(Settled::Again(Some(locale.refusal(&refusal)))),
        },
        Some(Err(Failure::Stale { .. })) => Ok(Settled::Again(Some(locale.text(stale)))),
        Some(Err(other)) => Err(other.into()),
    }
}
