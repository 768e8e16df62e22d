//! What the pages' error page says, in a person's words: a heading for what happened and what
//! to do next, for each kind of refusal or fault the shared rules answer. The API's problem
//! titles speak to programs ("This key may not do that", "No such resource"); a person signed
//! in as themselves has no key and knows no resources.

use crate::http::error::ApiError;

/// The heading of the error page for `error`, and the next step it suggests.
pub fn heading_and_next_step(error: &ApiError) -> (&'static str, &'static str) {
    match error {
        ApiError::BadRequest(_) => (
            "This could not be read",
            "Go back and try again. If it happens again, send the request id below to your admin.",
        ),
        ApiError::Unauthorized(_) => ("Please sign in", "Sign in, then open the page again."),
        ApiError::Forbidden(_) => (
            "You may not do this",
            "Your role does not allow it. If your work needs it, ask an admin.",
        ),
        ApiError::NotFound(_) => (
            "This page or item does not exist",
            "It may have been deleted, or the address was mistyped. The overview and the \
             interventions list lead to what there is.",
        ),
        ApiError::MethodNotAllowed { .. } => (
            "This address does not take that",
            "Go back to the page you came from and use its buttons.",
        ),
        ApiError::Conflict(_) => (
            "This clashes with what is already stored",
            "Open the page again to see what is there now, then try again.",
        ),
        ApiError::Validation { .. } => (
            "Something sent is not valid",
            "Go back, correct what the message names, and send it again.",
        ),
        ApiError::PreconditionFailed { .. } => (
            "Someone else changed this first",
            "Open it again to see their change, then make yours.",
        ),
        ApiError::PayloadTooLarge(_) => (
            "What was sent is too large",
            "Send less at once (a smaller file, or a shorter text).",
        ),
        ApiError::RequestTimeout(_) => (
            "What was sent arrived too slowly",
            "Check the connection and send it again.",
        ),
        ApiError::TooManyRequests { .. } => ("Too many attempts", "Wait a moment, then try again."),
        ApiError::UnsupportedMediaType(_) | ApiError::NotAcceptable(_) => (
            "This kind of content is not accepted here",
            "Go back to the page you came from and use its buttons.",
        ),
        ApiError::Unavailable(_) | ApiError::ConnectionLost(_) => (
            "gaptrack cannot reach its database right now",
            "Nothing was changed. Try again in a minute.",
        ),
        ApiError::TookTooLong(_) => (
            "This took too long",
            "Nothing of it was kept. Try again shortly.",
        ),
        ApiError::Internal(_) => (
            "Something went wrong on gaptrack's side",
            "Try again. If it happens again, send the request id below to your admin.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            for word in ["key", "resource"] {
                assert!(
                    !heading.to_lowercase().contains(word) && !next.contains(word),
                    "{heading} / {next}"
                );
            }
        }
    }
}
