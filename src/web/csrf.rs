//! Cross-site request forgery: every state-changing form is refused unless it comes from one of
//! gaptrack's own pages. Three layers, any of which stops a forged post: the session cookie is
//! `SameSite=Strict` (a cross-site post arrives without it), the browser's `Origin` must be this
//! server, and the form must carry the session's token, which another site cannot read.

use actix_web::HttpRequest;
use actix_web::http::header::{ORIGIN, REFERER};
use subtle::ConstantTimeEq;

use super::error::WebError;
use super::session::Visitor;

/// Refuses a form that another site made the browser send.
pub fn check_origin(request: &HttpRequest) -> Result<(), WebError> {
    let claimed = request
        .headers()
        .get(ORIGIN)
        .or_else(|| request.headers().get(REFERER))
        .and_then(|value| value.to_str().ok())
        .and_then(|value| url::Url::parse(value).ok());
    let Some(claimed) = claimed else {
        // No browser sends a cross-site form without Origin; the token check still applies.
        return Ok(());
    };
    let host = request.connection_info().host().to_owned();
    let claimed_host = match claimed.port() {
        Some(port) => format!("{}:{port}", claimed.host_str().unwrap_or_default()),
        None => claimed.host_str().unwrap_or_default().to_owned(),
    };
    if claimed_host.eq_ignore_ascii_case(&host) {
        Ok(())
    } else {
        Err(WebError::ForgedForm(format!(
            "this form was sent from {}, not from gaptrack's own pages",
            claimed.origin().ascii_serialization()
        )))
    }
}

/// Refuses a form of a signed-in person that does not carry their session's token.
pub fn check(request: &HttpRequest, visitor: &Visitor, token: &str) -> Result<(), WebError> {
    check_origin(request)?;
    if bool::from(token.as_bytes().ct_eq(visitor.csrf.as_bytes())) {
        Ok(())
    } else {
        Err(WebError::ForgedForm(
            "this form is out of date or did not come from gaptrack: reload the page and try again"
                .into(),
        ))
    }
}
