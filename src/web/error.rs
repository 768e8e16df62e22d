//! The web interface's error edge: the same errors the API answers as problem+json become an
//! HTML page a person can read (with the request id, so a screenshot leads to the log line), or
//! a trip to the sign-in page.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use maud::{Markup, html};

use super::{shell, widgets};
use crate::domain::Refusal;
use crate::http::error::ApiError;
use crate::http::request_id;
use crate::i18n::Locale;

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
    /// No page lives at this address.
    #[error("there is no page at {0}")]
    NoSuchPage(String),
    /// A rule's refusal, which the page words in the reader's language; `error` is how the API
    /// answers it (its status, its headers).
    #[error("{error}")]
    Refused { refusal: Refusal, error: ApiError },
    /// Whatever else the shared rules refused, or failed on.
    #[error(transparent)]
    Api(#[from] ApiError),
}

impl From<crate::domain::Failure> for WebError {
    fn from(failure: crate::domain::Failure) -> Self {
        match failure.refusal().cloned() {
            Some(refusal) => Self::Refused {
                refusal,
                error: failure.into(),
            },
            None => Self::Api(failure.into()),
        }
    }
}

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::SignInRequired { .. } | Self::Elsewhere(_) => StatusCode::SEE_OTHER,
            Self::ForgedForm(_) => StatusCode::FORBIDDEN,
            Self::NoSuchPage(_) => StatusCode::NOT_FOUND,
            Self::Api(error) | Self::Refused { error, .. } => error.status_code(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        let page = match self {
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
            // In English without the person's top bar: `error_page::in_the_readers_words`
            // writes it again in the reader's language, with their top bar, where it knows them.
            _ => self.page(Locale::ENGLISH, shell::anonymous_top_bar(Locale::ENGLISH)),
        };
        let mut retry_after = None;
        let mut response = HttpResponse::build(self.status_code())
            .content_type("text/html; charset=utf-8")
            .body(page.map(Markup::into_string).unwrap_or_default());
        if let Self::Api(error) | Self::Refused { error, .. } = self {
            // Logs internal and database errors once, as the API does, and says when to try
            // again as the API does.
            let api = error.error_response();
            retry_after = api.headers().get(header::RETRY_AFTER).cloned();
            crate::http::error::DatabaseFault::mark(&mut response, error);
        }
        crate::http::security_headers::apply(response.headers_mut(), true, false);
        if let Some(seconds) = retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, seconds);
        }
        response
    }
}

impl WebError {
    /// The error page in `locale`, under `top_bar`: what happened, what to do next, and the
    /// request id that leads to the log line. `None` for the errors that are redirects.
    pub fn page(&self, locale: Locale, top_bar: Markup) -> Option<Markup> {
        let (heading, detail, next_step) = match self {
            Self::SignInRequired { .. } | Self::Elsewhere(_) => return None,
            Self::ForgedForm(detail) => (
                "error-forged-form",
                detail.clone(),
                "error-forged-form-next",
            ),
            Self::NoSuchPage(path) => (
                "error-not-found",
                locale.text_with("error-no-such-page", &[("path", path.as_str().into())]),
                "error-not-found-next",
            ),
            Self::Refused { refusal, error } => {
                let (heading, next_step) = super::error_words::heading_and_next_step(error);
                (heading, locale.refusal(refusal), next_step)
            }
            Self::Api(error) => return Some(api_page(error, locale, top_bar)),
        };
        Some(page(locale, top_bar, heading, &detail, next_step))
    }
}

/// The error page of a fault or refusal the shared HTTP layer answered (a body or an address
/// that cannot be read, a method the address does not take...), for a person's browser.
pub fn api_page(error: &ApiError, locale: Locale, top_bar: Markup) -> Markup {
    let (heading, next_step) = super::error_words::heading_and_next_step(error);
    let detail = match error {
        // The parser's words speak of types and fields, not of what the person did.
        ApiError::BadRequest(_) => locale.text("error-unreadable-detail"),
        other => other.problem().detail,
    };
    page(locale, top_bar, heading, &detail, next_step)
}

/// An error page: its heading, what happened and what to do next (catalogue keys but for
/// `detail`), with the request id that leads to the log line.
fn page(locale: Locale, top_bar: Markup, heading: &str, detail: &str, next_step: &str) -> Markup {
    let title = locale.text(heading);
    let body = html! {
        h1 { (title) }
        div.notice.bad role="alert" {
            p { (widgets::message(&widgets::sentence(detail))) }
            p { (locale.text(next_step)) }
            @if let Some(id) = request_id::current() {
                p.muted { (locale.text_with("error-request-id", &[("id", id.into())])) }
            }
        }
        p { a href="/" { (locale.text("error-back-to-overview")) } }
    };
    shell::shell(locale, shell::Languages::Switcher, &title, top_bar, body)
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
            super::widgets::sentence("this needs the admin role; key `k` has an editor role"),
            "This needs the admin role; key `k` has an editor role."
        );
        assert_eq!(super::widgets::sentence("Already one."), "Already one.");
        assert_eq!(super::widgets::sentence(""), "");
    }
}
