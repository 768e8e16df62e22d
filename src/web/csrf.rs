//! Cross-site request forgery: every state-changing form is refused unless it comes from one of
//! gaptrack's own pages. Three layers, any of which stops a forged post: the session cookie is
//! `SameSite=Strict` (a cross-site post arrives without it), the browser's `Origin` must be this
//! server, and the form must carry the session's token, which another site cannot read.

use actix_web::dev::Payload;
use actix_web::http::header::{ORIGIN, REFERER};
use actix_web::web::Bytes;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use subtle::ConstantTimeEq;

use super::error::WebError;
use super::form_data::FormData;
use super::session::{PendingVisitor, Visitor};
use crate::http::body::unreadable;
use crate::http::origin;
use crate::http::upload::receiving;

/// Refuses a form that another site made the browser send: an `Origin` (or, without one, a
/// `Referer`) that is present must be gaptrack's own origin, scheme, host and port. `null` (a
/// sandboxed frame, a redirect across sites) is refused like any other origin.
pub fn check_origin(request: &HttpRequest) -> Result<(), WebError> {
    let claimed = request
        .headers()
        .get(ORIGIN)
        .or_else(|| request.headers().get(REFERER))
        .map(|value| value.to_str().unwrap_or_default());
    let Some(claimed) = claimed else {
        // No browser sends a cross-site form without either; the token check still applies.
        return Ok(());
    };
    match origin::normalise(claimed) {
        Some(claimed) if claimed == origin::own(request) => Ok(()),
        Some(claimed) => Err(WebError::ForgedForm(format!(
            "this form was sent from {claimed}, not from gaptrack's own pages"
        ))),
        None => Err(WebError::ForgedForm(
            "this form was sent from a page whose origin the browser would not name, not from \
             gaptrack's own pages"
                .into(),
        )),
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

/// A submitted form of a signed-in person that passed the forgery checks: handlers that take it
/// cannot forget them.
pub struct CheckedForm {
    pub visitor: Visitor,
    pub form: FormData,
}

impl FromRequest for CheckedForm {
    type Error = WebError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let request = request.clone();
        let visitor = Visitor::from_request(&request, payload);
        let body = Bytes::from_request(&request, payload);
        Box::pin(async move {
            let visitor = visitor.await?;
            let body = receiving(body)
                .await?
                .map_err(|error| unreadable(&error, "the form"))?;
            let form = FormData::parse(&body);
            check(&request, &visitor, form.get("csrf"))?;
            Ok(Self { visitor, form })
        })
    }
}

/// [`CheckedForm`] for the pages a session that still waits for its second factor may post to
/// (giving the code, setting one up).
pub struct PendingForm {
    pub pending: PendingVisitor,
    pub form: FormData,
}

impl FromRequest for PendingForm {
    type Error = WebError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let request = request.clone();
        let pending = PendingVisitor::from_request(&request, payload);
        let body = Bytes::from_request(&request, payload);
        Box::pin(async move {
            let pending = pending.await?;
            let body = receiving(body)
                .await?
                .map_err(|error| unreadable(&error, "the form"))?;
            let form = FormData::parse(&body);
            check(&request, &pending.visitor, form.get("csrf"))?;
            Ok(Self { pending, form })
        })
    }
}
