//! The language switcher's door: `GET /language/{code}` keeps the language in the
//! `gaptrack_language` cookie and sends the reader back to the page they were on, so that it
//! works signed out (the sign-in page, an invitation, a shared report) as well as signed in.
//! A person's choice on their account page still comes first (`i18n::negotiation`).

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header::{self, LOCATION};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::error::WebError;
use super::signin::safe_return_to;
use crate::http::origin;
use crate::i18n::{Language, Locale, negotiation};

/// How long the browser keeps the choice: a year, renewed at each switch.
const KEPT_DAYS: i64 = 365;

#[derive(Debug, Deserialize)]
pub struct SwitchQuery {
    /// The page to go back to (the switcher's script adds it); else the page the link was
    /// followed from, else the overview.
    return_to: Option<String>,
}

/// `GET /language/{code}`.
pub async fn switch(
    request: HttpRequest,
    code: web::Path<String>,
    query: web::Query<SwitchQuery>,
) -> Result<HttpResponse, WebError> {
    let spoken = code
        .parse::<Language>()
        .ok()
        .and_then(Locale::speaking)
        .ok_or_else(|| WebError::NoSuchPage(request.path().to_owned()))?;
    let back = query
        .return_to
        .clone()
        .or_else(|| referring_page(&request))
        .map_or_else(|| "/".to_owned(), |path| safe_return_to(&path));
    let cookie = Cookie::build(negotiation::COOKIE, spoken.tag())
        .path("/")
        .same_site(SameSite::Lax)
        .secure(origin::over_tls(&request))
        .max_age(actix_web::cookie::time::Duration::days(KEPT_DAYS))
        .finish();
    Ok(HttpResponse::SeeOther()
        .cookie(cookie)
        .insert_header((LOCATION, back))
        .finish())
}

/// The path and query of the page the link was followed from, when it is one of this site's.
fn referring_page(request: &HttpRequest) -> Option<String> {
    let referer = request.headers().get(header::REFERER)?.to_str().ok()?;
    let referer = url::Url::parse(referer).ok()?;
    let host = request.connection_info().host().to_owned();
    let same_site = match referer.port() {
        Some(port) => format!("{}:{port}", referer.host_str()?) == host,
        None => referer.host_str()? == host,
    };
    same_site.then(|| match referer.query() {
        Some(query) => format!("{}?{query}", referer.path()),
        None => referer.path().to_owned(),
    })
}
