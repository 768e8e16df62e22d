//! Signing in (with an e-mail address and password, then the second factor; or with an API
//! key), and out.
//!
//! Pasting a key stays possible: keys made before people had accounts keep working in the pages,
//! and a person's own key signs in as them. It is the second way, behind the first.
//!
//! The sign-in form is guarded like every other form, before any session exists: its page sets
//! a short-lived `SameSite=Strict` cookie holding a random token and puts the same token in the
//! form, and a post whose token and cookie differ is refused (so another site cannot sign a
//! visitor's browser into its own key), as is one from another origin.

use actix_web::cookie::Cookie;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use serde::Deserialize;

use super::csrf::{self, CheckedForm};
use super::error::WebError;
use super::locale;
use super::presession;
use super::session;
use super::shell;
use crate::domain::Failure;
use crate::http::AppState;
use crate::http::rate_limit::Limiters;
use crate::i18n::Locale;
use crate::usecases::accounts;
use crate::usecases::keys::caller_for_token;
use crate::usecases::sessions::NewHolder;

#[derive(Debug, Deserialize)]
pub struct SignInQuery {
    return_to: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    key: String,
    #[serde(default)]
    return_to: String,
    #[serde(default)]
    signin_token: String,
}

/// `GET /signin`.
pub async fn sign_in_page(
    request: HttpRequest,
    query: web::Query<SignInQuery>,
) -> Result<HttpResponse, WebError> {
    let return_to = query.return_to.as_deref().unwrap_or("/");
    fresh_form(&request, return_to, None, HttpResponse::Ok())
}

/// What the sign-in page says went wrong, beside the form at fault.
enum Refusal {
    Password { email: String, message: String },
    Key(String),
}

/// The sign-in page with a new token, in its form and in its cookie.
fn fresh_form(
    request: &HttpRequest,
    return_to: &str,
    error: Option<Refusal>,
    mut response: actix_web::HttpResponseBuilder,
) -> Result<HttpResponse, WebError> {
    let (token, cookie) = presession::issue(request, "/signin")?;
    response.cookie(cookie);
    let single_sign_on = request
        .app_data::<web::Data<AppState>>()
        .and_then(|state| state.accounts.oidc.as_ref().map(|oidc| oidc.label.clone()));
    Ok(render(
        locale::of_request(request),
        return_to,
        &token,
        error,
        single_sign_on.as_deref(),
        response,
    ))
}

/// Refuses a sign-in post that does not carry the token its page set in the cookie.
fn check_token(request: &HttpRequest, form: &SignInForm) -> Result<(), WebError> {
    presession::check(request, &form.signin_token).map_err(|_| {
        WebError::ForgedForm(
            "this sign-in form is out of date or did not come from gaptrack: open the sign-in \
             page again"
                .into(),
        )
    })
}

/// `POST /signin`: checks the address and password, starts a session and goes where the person
/// was going (by the second factor's page first, when they have one or must set one up).
pub async fn sign_in(
    request: HttpRequest,
    state: web::Data<AppState>,
    limiters: web::Data<Limiters>,
    form: web::Form<SignInForm>,
) -> Result<HttpResponse, WebError> {
    csrf::check_origin(&request)?;
    check_token(&request, &form)?;
    // The address's shut-out (after many failures of any kind) comes before the account's lock.
    let address = crate::http::client_address::of(&request);
    if let Some(address) = address {
        limiters.check_not_shut_out(address)?;
    }
    let return_to = &safe_return_to(&form.return_to);
    let locale = locale::of_request(&request);
    let refused = |message: String, status| {
        fresh_form(
            &request,
            return_to,
            Some(Refusal::Password {
                email: form.email.trim().to_owned(),
                message,
            }),
            status,
        )
    };
    match accounts::sign_in(
        state.get_ref(),
        &state.accounts,
        &form.email,
        &form.password,
    )
    .await
    {
        Ok(signed_in) => enter(&state, &request, &signed_in, return_to, spent_token()).await,
        Err(Failure::Unauthenticated(_)) => {
            if let Some(address) = address {
                limiters.record_failed_auth(address);
            }
            refused(
                locale.text("sign-in-wrong-password"),
                HttpResponse::Unauthorized(),
            )
        }
        Err(Failure::Throttled { retry_after, .. }) => {
            let mut status = HttpResponse::TooManyRequests();
            status.insert_header(("Retry-After", retry_after.to_string()));
            let minutes = retry_after.div_ceil(60);
            refused(
                locale.text_with("sign-in-locked", &[("minutes", minutes.into())]),
                status,
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// Starts the session of a person who just proved who they are, and sends them on: to their
/// second factor first if it is still due, then where they were going. `spent` is the cookie of
/// the way they came in, which is forgotten.
pub async fn enter(
    state: &AppState,
    request: &HttpRequest,
    signed_in: &accounts::SignedIn,
    return_to: &str,
    spent: Cookie<'static>,
) -> Result<HttpResponse, WebError> {
    let return_to = safe_return_to(return_to);
    let cookie = session::start(
        state,
        NewHolder::Person(signed_in.user.id),
        request,
        signed_in.pending,
    )
    .await?;
    let target = match signed_in.pending {
        Some(pending) => format!(
            "{}?return_to={}",
            session::page_for(pending),
            super::error::encode(&return_to)
        ),
        None => return_to,
    };
    Ok(HttpResponse::SeeOther()
        .cookie(cookie)
        .cookie(spent)
        .insert_header((LOCATION, target))
        .finish())
}

fn spent_token() -> Cookie<'static> {
    presession::spent("/signin")
}

/// `POST /signin/key`: checks the key, starts a session and goes where the person was going.
pub async fn sign_in_with_key(
    request: HttpRequest,
    state: web::Data<AppState>,
    limiters: web::Data<Limiters>,
    form: web::Form<SignInForm>,
) -> Result<HttpResponse, WebError> {
    csrf::check_origin(&request)?;
    check_token(&request, &form)?;
    let address = crate::http::client_address::of(&request);
    if let Some(address) = address {
        limiters.check_not_shut_out(address)?;
    }
    let return_to = &safe_return_to(&form.return_to);
    match caller_for_token(state.get_ref(), form.key.trim()).await {
        Ok(caller) => {
            let key_id = caller.key_id.expect("a key's caller has its key");
            let cookie = session::start(&state, NewHolder::Key(key_id), &request, None).await?;
            Ok(HttpResponse::SeeOther()
                .cookie(cookie)
                .cookie(spent_token())
                .insert_header((LOCATION, return_to.as_str()))
                .finish())
        }
        Err(Failure::Unauthenticated(_)) => {
            if let Some(address) = address {
                limiters.record_failed_auth(address);
            }
            fresh_form(
                &request,
                return_to,
                Some(Refusal::Key(
                    locale::of_request(&request).text("sign-in-wrong-key"),
                )),
                HttpResponse::Unauthorized(),
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /signout`.
pub async fn sign_out(
    state: web::Data<AppState>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    checked.visitor.sign_out(&state).await?;
    Ok(HttpResponse::SeeOther()
        .cookie(session::ended())
        .insert_header((LOCATION, "/signin"))
        .finish())
}

/// Where to go after signing in: only a path of this site, read as a browser reads it (relative
/// to this site's own origin), never another site (`//evil.example`, `/\\evil.example`,
/// `https://...`). Control characters and white space, which browsers drop from a URL (so that
/// `/\t/evil.example` becomes `//evil.example`) and which cannot stand in a header, send the person
/// to the overview instead.
///
/// The path is checked again once normalised, since normalising can make another site of it
/// (`/.//evil.example`, `/%2e//evil.example` and `/a/..//evil.example` all become
/// `//evil.example`); so the answer is always a path this function keeps as it is.
pub fn safe_return_to(wanted: &str) -> String {
    const HOME: &str = "/";
    match normalised(wanted) {
        Some(path) if is_own_path(&path) => path,
        _ => HOME.to_owned(),
    }
}

/// Whether `text` reads as a path of this site whatever reads it: it starts with one `/`, and
/// has no `\\` (which browsers take for `/`), no control character and no white space.
fn is_own_path(text: &str) -> bool {
    text.starts_with('/')
        && !text.starts_with("//")
        && !text.contains('\\')
        && !text.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// `wanted`, resolved against this site as a browser resolves a link (dot segments removed,
/// `%2e` read as `.`), if it stays on this site.
fn normalised(wanted: &str) -> Option<String> {
    if !is_own_path(wanted) {
        return None;
    }
    let base = url::Url::parse("http://gaptrack.invalid/").expect("a valid base");
    let url = base.join(wanted).ok()?;
    if url.origin() != base.origin() {
        return None;
    }
    let mut path = url.path().to_owned();
    if let Some(query) = url.query() {
        path.push('?');
        path.push_str(query);
    }
    if let Some(fragment) = url.fragment() {
        path.push('#');
        path.push_str(fragment);
    }
    Some(path)
}

fn render(
    locale: Locale,
    return_to: &str,
    token: &str,
    error: Option<Refusal>,
    single_sign_on: Option<&str>,
    mut response: actix_web::HttpResponseBuilder,
) -> HttpResponse {
    let return_to = safe_return_to(return_to);
    let (email, password_error, key_error) = match &error {
        Some(Refusal::Password { email, message }) => {
            (email.as_str(), Some(message.as_str()), None)
        }
        Some(Refusal::Key(message)) => ("", None, Some(message.as_str())),
        None => ("", None, None),
    };
    let body = html! {
        div.panel {
            form method="post" action="/signin" {
                input type="hidden" name="return_to" value=(return_to);
                input type="hidden" name="signin_token" value=(token);
                @if let Some(error) = password_error {
                    div.notice.bad #signin-error role="alert" { p { (error) } }
                }
                div.field {
                    label for="email" { (locale.text("sign-in-email")) }
                    input #email type="email" name="email" value=(email) required
                        autocomplete="username" autofocus[key_error.is_none()]
                        aria-describedby=[password_error.map(|_| "signin-error")];
                }
                div.field {
                    label for="password" { (locale.text("sign-in-password")) }
                    input #password type="password" name="password" required
                        autocomplete="current-password";
                }
                button type="submit" { (locale.text("sign-in-submit")) }
            }
            p.muted { (locale.text("sign-in-forgotten")) }
            @if let Some(label) = single_sign_on {
                p { a.button.secondary #single-sign-on href={ "/signin/oidc?return_to=" (super::error::encode(&return_to)) } { (locale.text_with("sign-in-single-sign-on", &[("provider", label.into())])) } }
            }
        }
        details.panel open[key_error.is_some()] {
            summary { (locale.text("sign-in-with-key")) }
            p { (locale.text("sign-in-with-key-intro")) }
            form method="post" action="/signin/key" {
                input type="hidden" name="return_to" value=(return_to);
                input type="hidden" name="signin_token" value=(token);
                div.field.invalid[key_error.is_some()] {
                    label for="key" { (locale.text("sign-in-key")) }
                    input #key type="password" name="key" required autocomplete="off"
                        autofocus[key_error.is_some()]
                        aria-describedby=[key_error.map(|_| "key-error")] aria-invalid=[key_error.map(|_| "true")];
                    @if let Some(error) = key_error {
                        p #key-error .field-error { (error) }
                    }
                }
                button.secondary type="submit" { (locale.text("sign-in-key-submit")) }
            }
        }
    };
    response
        .content_type("text/html; charset=utf-8")
        .body(shell::bare_page(locale, &locale.text("sign-in-title"), body).into_string())
}

#[cfg(test)]
mod tests {
    use super::safe_return_to;

    #[test]
    fn only_paths_of_this_site_are_returned_to() {
        assert_eq!(
            safe_return_to("/countries/SLE?year=2023#recommendation-1"),
            "/countries/SLE?year=2023#recommendation-1"
        );
        assert_eq!(safe_return_to("/a/../interventions"), "/interventions");
        for elsewhere in [
            "//evil.example",
            "https://evil.example/",
            "/\\evil.example",
            "/\t/evil.example/page",
            "/\n/evil.example/page",
            "/\r\nSet-Cookie: x=y",
            "/ /evil.example",
            "evil.example",
            "",
            // Paths that normalise to another site.
            "/.//evil.example",
            "/%2e//evil.example",
            "/%2E//evil.example",
            "/a/..//evil.example",
            "/a/%2e%2e//evil.example",
            "/./\\evil.example",
            "/..//evil.example",
            "/.%2f/evil.example",
            "/%09/evil.example",
            "/%5c/evil.example",
            "/./%5cevil.example",
        ] {
            let answered = safe_return_to(elsewhere);
            assert!(
                !answered.starts_with("//") && !answered.contains('\\'),
                "{elsewhere:?} gave {answered:?}"
            );
            assert_eq!(
                safe_return_to(&answered),
                answered,
                "{elsewhere:?} is kept once made safe"
            );
        }
        for known in [
            "/.//evil.example",
            "/%2e//evil.example",
            "/a/..//evil.example",
        ] {
            assert_eq!(safe_return_to(known), "/", "{known:?}");
        }
    }

    proptest::proptest! {
        /// What it answers is a path of this site, and answering again changes nothing, so no
        /// place that applies it once can be led elsewhere.
        #[test]
        fn the_answer_is_a_path_of_this_site_and_is_kept_as_it_is(
            wanted in "(/|\\\\|\\.|%2e|%2f|%5c|a|\\?|#|:|@|\\t){0,12}"
        ) {
            let answered = safe_return_to(&wanted);
            proptest::prop_assert!(answered.starts_with('/') && !answered.starts_with("//"));
            proptest::prop_assert!(!answered.contains('\\'));
            proptest::prop_assert_eq!(safe_return_to(&answered), answered.clone());
            let base = url::Url::parse("http://gaptrack.invalid/").unwrap();
            let opened = base.join(&answered).unwrap();
            proptest::prop_assert_eq!(opened.origin(), base.origin());
        }
    }
}
