//! What the pages' error page says, in a person's words: the catalogue's keys of a heading for
//! what happened and of what to do next, for each kind of refusal or fault the shared rules
//! answer. The API's problem titles speak to programs ("This key may not do that", "No such
//! resource"); a person signed in as themselves has no key and knows no resources.

use crate::http::error::ApiError;

/// The catalogue's keys of the error page's heading for `error`, and of the next step it
/// suggests.
pub fn heading_and_next_step(error: &ApiError) -> (&'static str, &'static str) {
    match error {
        ApiError::BadRequest(_) => ("error-unreadable", "error-unreadable-next"),
        ApiError::Unauthorized(_) => ("error-sign-in", "error-sign-in-next"),
        ApiError::Forbidden(_) => ("error-forbidden", "error-forbidden-next"),
        ApiError::NotFound(_) => ("error-not-found", "error-not-found-next"),
        ApiError::MethodNotAllowed { .. } => ("error-method", "error-method-next"),
        ApiError::Conflict(_) => ("error-conflict", "error-conflict-next"),
        ApiError::Validation { .. } => ("error-invalid", "error-invalid-next"),
        ApiError::PreconditionFailed { .. } => ("error-stale", "error-stale-next"),
        ApiError::PayloadTooLarge(_) => ("error-too-large", "error-too-large-next"),
        ApiError::RequestTimeout(_) => ("error-too-slow", "error-too-slow-next"),
        ApiError::TooManyRequests { .. } => ("error-throttled", "error-throttled-next"),
        ApiError::UnsupportedMediaType(_) | ApiError::NotAcceptable(_) => {
            ("error-media-type", "error-media-type-next")
        }
        ApiError::Unavailable(_) | ApiError::ConnectionLost(_) => {
            ("error-unavailable", "error-unavailable-next")
        }
        ApiError::TookTooLong(_) => ("error-took-too-long", "error-took-too-long-next"),
        ApiError::Internal(_) => ("error-internal", "error-internal-next"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn no_heading_speaks_of_keys_or_resources() {
        let errors = [
            ApiError::BadRequest(String::new()),
            ApiError::Forbidden(String::new()),
            ApiError::NotFound(String::new()),
            ApiError::Conflict(String::new()),
            ApiError::PayloadTooLarge(String::new()),
            ApiError::TookTooLong(String::new()),
            ApiError::Internal(String::new()),
        ];
        for error in &errors {
            let (heading, next) = heading_and_next_step(error);
            let (heading, next) = (Locale::ENGLISH.text(heading), Locale::ENGLISH.text(next));
            for word in ["key", "resource"] {
                assert!(
                    !heading.to_lowercase().contains(word) && !next.contains(word),
                    "{heading} / {next}"
                );
            }
        }
    }
}
