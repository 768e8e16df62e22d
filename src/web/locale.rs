//! The locale of a page, resolved once per request: the person's choice on their account page,
//! else the language cookie, else the browser's `Accept-Language`, else English. Every page
//! and document is handed it; nothing reads a "current" language from anywhere else.

use actix_web::HttpRequest;
use actix_web::http::header::ACCEPT_LANGUAGE;
use actix_web::web;

use crate::i18n::{Language, Locale, negotiation};

/// What the server allows of locales beyond the catalogues' languages.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocaleSettings {
    /// Whether the language cookie may ask for the pseudo-locale (each message wrapped in ⟦…⟧),
    /// which tests and reviewers use to find words that are not from a catalogue.
    pub pseudo_allowed: bool,
}

/// The locale of `request`, for someone whose own choice is `preference` (`None` when not
/// signed in, signed in with a key, or following their browser).
pub fn choose(request: &HttpRequest, preference: Option<Language>) -> Locale {
    let cookie = request.cookie(negotiation::COOKIE);
    let cookie = cookie.as_ref().map(|cookie| cookie.value());
    let pseudo_allowed = request
        .app_data::<web::Data<LocaleSettings>>()
        .is_some_and(|settings| settings.pseudo_allowed);
    if pseudo_allowed && cookie == Some(negotiation::PSEUDO) {
        return Locale::PSEUDO;
    }
    let accept_language = request
        .headers()
        .get(ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok());
    negotiation::choose(preference, cookie, accept_language)
}

/// The locale of a page for someone not (yet) known: the sign-in page, an invitation.
pub fn of_request(request: &HttpRequest) -> Locale {
    choose(request, None)
}
