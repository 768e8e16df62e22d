//! The token of a form posted before any session exists (signing in, opening an invitation):
//! its page sets a short-lived `SameSite=Strict` cookie holding a random token and puts the same
//! token in the form, and a post whose token and cookie differ is refused, so that another site
//! cannot sign a visitor's browser into an account of its choosing.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite};
use subtle::ConstantTimeEq;

use super::error::WebError;
use super::session;

/// The cookie's name.
pub const TOKEN_COOKIE: &str = "gaptrack_signin";

/// How long such a page's form can be posted.
const LIFETIME_SECONDS: i64 = 60 * 60;

/// A new token for a form under `path`, and the cookie that carries it.
pub fn issue(request: &HttpRequest, path: &str) -> Result<(String, Cookie<'static>), WebError> {
    let token = session::random_token()?;
    let cookie = Cookie::build(TOKEN_COOKIE, token.clone())
        .path(path.to_owned())
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(crate::http::origin::over_tls(request))
        .max_age(actix_web::cookie::time::Duration::seconds(LIFETIME_SECONDS))
        .finish();
    Ok((token, cookie))
}

/// Refuses a post that does not carry the token its page set in the cookie.
pub fn check(request: &HttpRequest, posted: &str) -> Result<(), WebError> {
    let matches = request.cookie(TOKEN_COOKIE).is_some_and(|cookie| {
        !posted.is_empty() && bool::from(cookie.value().as_bytes().ct_eq(posted.as_bytes()))
    });
    if matches {
        Ok(())
    } else {
        Err(WebError::ForgedForm(
            "this form is out of date or did not come from gaptrack: open its page again".into(),
        ))
    }
}

/// The cookie that forgets a spent token under `path`.
pub fn spent(path: &str) -> Cookie<'static> {
    let mut spent = Cookie::build(TOKEN_COOKIE, "")
        .path(path.to_owned())
        .finish();
    spent.make_removal();
    spent
}
