//! The pages' error page in the reader's words: a page that fails answers a [`WebError`], whose
//! response cannot see the request; this middleware, which can, writes the page again in the
//! reader's language and, when the session was read before the failure, under their own top bar.

use actix_web::Error;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::error::InternalError;
use actix_web::http::header::{ACCEPT, CONTENT_TYPE, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, ResponseError};
use maud::Markup;

use super::error::WebError;
use super::layout;
use super::locale;
use super::session::Visitor;
use super::shell;
use crate::http::API_PREFIX;
use crate::http::error::ApiError;
use crate::i18n::Locale;

/// Wraps the whole app (outside the pages' deadline, whose 503 it words too, in the language the
/// request asks for); the API's problems and every page that did not fail pass through
/// untouched.
pub async fn in_the_readers_words<B: MessageBody + 'static>(
    request: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B, String>>, Error> {
    // The API's requests answer problem+json: nothing to read for them on the way.
    if request.path().starts_with(API_PREFIX) {
        return next
            .call(request)
            .await
            .map(ServiceResponse::map_into_left_body);
    }
    // The request cannot be kept across the call (routing needs it alone), so what a failure
    // that returns no request needs is read before.
    let asked = locale::of_request(request.request());
    match next.call(request).await {
        Ok(response) => {
            let error = response.response().error();
            let page = match error.and_then(|error| error.as_error::<WebError>()) {
                Some(failure) => page_for(response.request(), failure),
                // What the shared HTTP layer answered (an address or a body it cannot read)
                // on a page a browser asked for.
                None => error
                    .and_then(|error| error.as_error::<ApiError>())
                    .filter(|_| wants_html(response.request()))
                    .map(|error| api_page_for(response.request(), error)),
            };
            Ok(match page {
                Some(page) => response.map_body(|head, _| {
                    head.headers_mut().insert(
                        CONTENT_TYPE,
                        HeaderValue::from_static("text/html; charset=utf-8"),
                    );
                    EitherBody::right(page.into_string())
                }),
                None => response.map_into_left_body(),
            })
        }
        Err(error) => {
            let Some(failure) = error.as_error::<WebError>() else {
                return Err(error);
            };
            let Some(page) = failure.page(asked, shell::anonymous_top_bar(asked)) else {
                return Err(error);
            };
            let response = failure
                .error_response()
                .set_body(page.into_string())
                .map_into_boxed_body();
            Err(InternalError::from_response(failure.to_string(), response).into())
        }
    }
}

/// Whether `request` is a browser's, asking for HTML (the API's requests never get here).
fn wants_html(request: &HttpRequest) -> bool {
    request
        .headers()
        .get(ACCEPT)
        .and_then(|accept| accept.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

/// The page of a shared-layer `error` for whoever sent `request`.
fn api_page_for(request: &HttpRequest, error: &ApiError) -> Markup {
    let (locale, top_bar) = reader(request);
    super::error::api_page(error, locale, top_bar)
}

/// The page of `error` for whoever sent `request`: in their language, under their top bar when
/// their session is known.
fn page_for(request: &HttpRequest, error: &WebError) -> Option<Markup> {
    let (locale, top_bar) = reader(request);
    error.page(locale, top_bar)
}

/// The language of whoever sent `request`, and their top bar: their own when their session was
/// read before the failure.
fn reader(request: &HttpRequest) -> (Locale, Markup) {
    let extensions = request.extensions();
    let visitor = extensions.get::<Visitor>();
    let locale = visitor
        .map(|visitor| visitor.locale)
        .or_else(|| extensions.get::<Locale>().copied())
        .unwrap_or_else(|| locale::of_request(request));
    let top_bar = match visitor {
        Some(visitor) => layout::top_bar(visitor, None),
        None => shell::anonymous_top_bar(locale),
    };
    (locale, top_bar)
}
