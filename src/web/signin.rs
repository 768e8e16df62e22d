//! Signing in with an API key, and out.
//!
//! The sign-in form is guarded like every other form, before any session exists: its page sets
//! a short-lived `SameSite=Strict` cookie holding a random token and puts the same token in the
//! form, and a post whose token and cookie differ is refused (so another site cannot sign a
//! visitor's browser into its own key), as is one from another origin.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use serde::Deserialize;
use subtle::ConstantTimeEq;

use super::csrf::{self, CheckedForm};
use super::error::WebError;
use super::session;
use super::shell;
use crate::domain::Failure;
use crate::http::AppState;
use crate::http::rate_limit::Limiters;
use crate::usecases::keys::caller_for_token;

#[derive(Debug, Deserialize)]
pub struct SignInQuery {
    return_to: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct SignInForm {
    key: String,
    #[serde(default)]
    return_to: String,
    #[serde(default)]
    signin_token: String,
}

/// The cookie that carries the sign-in form's token until the form is posted.
pub const TOKEN_COOKIE: &str = "gaptrack_signin";

/// How long a sign-in page's form can be posted.
const TOKEN_LIFETIME_SECONDS: i64 = 60 * 60;

/// `GET /signin`.
pub async fn sign_in_page(
    request: HttpRequest,
    query: web::Query<SignInQuery>,
) -> Result<HttpResponse, WebError> {
    let return_to = query.return_to.as_deref().unwrap_or("/");
    fresh_form(&request, return_to, None, HttpResponse::Ok())
}

/// The sign-in page with a new token, in its form and in its cookie.
fn fresh_form(
    request: &HttpRequest,
    return_to: &str,
    error: Option<&str>,
    mut response: actix_web::HttpResponseBuilder,
) -> Result<HttpResponse, WebError> {
    let token = session::random_token()?;
    let cookie = Cookie::build(TOKEN_COOKIE, token.clone())
        .path("/signin")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(crate::http::origin::over_tls(request))
        .max_age(actix_web::cookie::time::Duration::seconds(
            TOKEN_LIFETIME_SECONDS,
        ))
        .finish();
    response.cookie(cookie);
    Ok(render(return_to, &token, error, response))
}

/// Refuses a sign-in post that does not carry the token its page set in the cookie.
fn check_token(request: &HttpRequest, form: &SignInForm) -> Result<(), WebError> {
    let cookie = request.cookie(TOKEN_COOKIE);
    let matches = cookie.is_some_and(|cookie| {
        !form.signin_token.is_empty()
            && bool::from(
                cookie
                    .value()
                    .as_bytes()
                    .ct_eq(form.signin_token.as_bytes()),
            )
    });
    if matches {
        Ok(())
    } else {
        Err(WebError::ForgedForm(
            "this sign-in form is out of date or did not come from gaptrack: open the sign-in \
             page again"
                .into(),
        ))
    }
}

/// `POST /signin`: checks the key, starts a session and goes where the person was going.
pub async fn sign_in(
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
            let cookie =
                session::start(&state, &caller, crate::http::origin::over_tls(&request)).await?;
            let mut spent = Cookie::build(TOKEN_COOKIE, "").path("/signin").finish();
            spent.make_removal();
            Ok(HttpResponse::SeeOther()
                .cookie(cookie)
                .cookie(spent)
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
                Some("That key is unknown or revoked. Check it and paste it again."),
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
pub fn safe_return_to(wanted: &str) -> String {
    const HOME: &str = "/";
    let plain = !wanted.chars().any(|c| c.is_control() || c.is_whitespace());
    if !plain || !wanted.starts_with('/') || wanted.starts_with("//") || wanted.contains('\\') {
        return HOME.to_owned();
    }
    let base = url::Url::parse("http://gaptrack.invalid/").expect("a valid base");
    match base.join(wanted) {
        Ok(url) if url.origin() == base.origin() => {
            let mut path = url.path().to_owned();
            if let Some(query) = url.query() {
                path.push('?');
                path.push_str(query);
            }
            if let Some(fragment) = url.fragment() {
                path.push('#');
                path.push_str(fragment);
            }
            path
        }
        _ => HOME.to_owned(),
    }
}

fn render(
    return_to: &str,
    token: &str,
    error: Option<&str>,
    mut response: actix_web::HttpResponseBuilder,
) -> HttpResponse {
    let body = html! {
        div.panel {
            p { "Paste your gaptrack API key. You stay signed in on this browser for 12 hours, or until you sign out or the key is revoked." }
            form method="post" action="/signin" {
                input type="hidden" name="return_to" value=(safe_return_to(return_to));
                input type="hidden" name="signin_token" value=(token);
                div.field.invalid[error.is_some()] {
                    label for="key" { "API key" }
                    input #key type="password" name="key" required autofocus autocomplete="off"
                        aria-describedby=[error.map(|_| "key-error")] aria-invalid=[error.map(|_| "true")];
                    @if let Some(error) = error {
                        p #key-error .field-error { (error) }
                    }
                }
                button type="submit" { "Sign in" }
            }
            p.muted { "No key? An admin creates one for you; the first admin key is printed when gaptrack first starts." }
        }
    };
    response
        .content_type("text/html; charset=utf-8")
        .body(shell::bare_page("Sign in", body).into_string())
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
        ] {
            assert_eq!(safe_return_to(elsewhere), "/", "{elsewhere:?}");
        }
    }
}
