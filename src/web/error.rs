//! The web interface's error edge: the same errors the API answers as problem+json become an
//! HTML page a person can read (with the request id, so a screenshot leads to the log line), or
//! a trip to the sign-in page.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use maud::html;

use super::{shell, widgets};
use crate::http::error::ApiError;
use crate::http::request_id;

/// Everything a page can answer instead of itself.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// No live session: sign in first, then come back to `return_to`.
    #[error("sign in first")]
    SignInRequired { return_to: String },
    /// This page cannot be seen yet: go to this one first (the second factor of a session).
    #[error("go to {0} first")]
    Elsewhere(String),
    /// A form that did not come from one of gaptrack's pages in this session.
    #[error("{0}")]
    ForgedForm(String),
    /// Whatever the shared rules refused, or failed on.
    #[error(transparent)]
    Api(#[from] ApiError),
}

impl From<crate::domain::Failure> for WebError {
    fn from(failure: crate::domain::Failure) -> Self {
        Self::Api(failure.into())
    }
}

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::SignInRequired { .. } | Self::Elsewhere(_) => StatusCode::SEE_OTHER,
            Self::ForgedForm(_) => StatusCode::FORBIDDEN,
            Self::Api(error) => error.status_code(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        let mut retry_after = None;
        let (title, detail, next_step) = match self {
            Self::SignInRequired { return_to } => {
                let target = format!("/signin?return_to={}", encode(return_to));
                return HttpResponse::SeeOther()
                    .insert_header((header::LOCATION, target))
                    .finish();
            }
            Self::Elsewhere(target) => {
                return HttpResponse::SeeOther()
                    .insert_header((header::LOCATION, target.as_str()))
                    .finish();
            }
            Self::ForgedForm(detail) => (
                "This form cannot be accepted",
                detail.clone(),
                "Open the page again and send the form from there.",
            ),
            Self::Api(error) => {
                // Logs internal and database errors once, as the API does, and says when to try
                // again as the API does.
                let api = error.error_response();
                retry_after = api.headers().get(header::RETRY_AFTER).cloned();
                let (heading, next_step) = super::error_words::heading_and_next_step(error);
                (heading, error.problem().detail, next_step)
            }
        };
        let body = html! {
            div.notice.bad role="alert" {
                p { (widgets::message(&sentence(&detail))) }
                p { (next_step) }
                @if let Some(id) = request_id::current() {
                    p.muted { "Request id: " code { (id) } " (quote it when reporting a problem)" }
                }
            }
            p { a href="/" { "Back to the overview" } }
        };
        let mut response = HttpResponse::build(self.status_code())
            .content_type("text/html; charset=utf-8")
            .body(shell::error_page(title, body).into_string());
        if let Self::Api(error) = self {
            crate::http::error::DatabaseFault::mark(&mut response, error);
        }
        crate::http::security_headers::apply(response.headers_mut(), true, false);
        if let Some(seconds) = retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, seconds);
        }
        response
    }
}

/// A refusal's words as a sentence on their own: a capital first letter and a full stop (the
/// shared rules word them to follow a heading, in lower case).
fn sentence(detail: &str) -> String {
    let mut chars = detail.trim().chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut text: String = first.to_uppercase().chain(chars).collect();
    if !text.ends_with(['.', '!', '?', ')']) {
        text.push('.');
    }
    text
}

/// Percent-encodes a path for a query string.
pub fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_refusal_reads_as_a_sentence() {
        assert_eq!(
            super::sentence("this needs the admin role; key `k` has an editor role"),
            "This needs the admin role; key `k` has an editor role."
        );
        assert_eq!(super::sentence("Already one."), "Already one.");
        assert_eq!(super::sentence(""), "");
    }
}
