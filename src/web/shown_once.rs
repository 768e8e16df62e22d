//! A secret shown once on the page a form redirects to (a new key, an invitation's link): it
//! travels in a short-lived cookie for that page's path only, never in an address, and the page
//! clears it, so that reloading the form's answer neither makes a second one nor shows it again.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite};

/// The cookie that carries `value` to the page at `path`, for ten minutes at most.
pub fn carry(request: &HttpRequest, name: &str, path: &str, value: &str) -> Cookie<'static> {
    Cookie::build(name.to_owned(), value.to_owned())
        .path(path.to_owned())
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(crate::http::origin::over_tls(request))
        .max_age(actix_web::cookie::time::Duration::minutes(10))
        .finish()
}

/// What the cookie carried, if the page is opened with it.
pub fn read(request: &HttpRequest, name: &str) -> Option<String> {
    request.cookie(name).map(|cookie| cookie.value().to_owned())
}

/// The cookie that forgets it, once shown.
pub fn spent(name: &str, path: &str) -> Cookie<'static> {
    let mut spent = Cookie::build(name.to_owned(), "")
        .path(path.to_owned())
        .finish();
    spent.make_removal();
    spent
}
