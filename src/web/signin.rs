//! Signing in with an API key, and out.

use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use serde::Deserialize;

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
}

/// `GET /signin`.
pub async fn sign_in_page(query: web::Query<SignInQuery>) -> HttpResponse {
    render(
        query.return_to.as_deref().unwrap_or("/"),
        None,
        HttpResponse::Ok(),
    )
}

/// `POST /signin`: checks the key, starts a session and goes where the person was going.
pub async fn sign_in(
    request: HttpRequest,
    state: web::Data<AppState>,
    limiters: web::Data<Limiters>,
    form: web::Form<SignInForm>,
) -> Result<HttpResponse, WebError> {
    csrf::check_origin(&request)?;
    let address = crate::http::client_address::of(&request);
    if let Some(address) = address {
        limiters.check_not_shut_out(address)?;
    }
    let return_to = safe_return_to(&form.return_to);
    match caller_for_token(state.get_ref(), form.key.trim()).await {
        Ok(caller) => {
            let over_tls = request.connection_info().scheme() == "https";
            let cookie = session::start(&state, &caller, over_tls).await?;
            Ok(HttpResponse::SeeOther()
                .cookie(cookie)
                .insert_header((LOCATION, return_to))
                .finish())
        }
        Err(Failure::Unauthenticated(_)) => {
            if let Some(address) = address {
                limiters.record_failed_auth(address);
            }
            Ok(render(
                return_to,
                Some("That key is unknown or revoked. Check it and paste it again."),
                HttpResponse::Unauthorized(),
            ))
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

/// Only a path of this site: never another site (`//evil.example`, `https://...`).
fn safe_return_to(wanted: &str) -> &str {
    if wanted.starts_with('/') && !wanted.starts_with("//") && !wanted.starts_with("/\\") {
        wanted
    } else {
        "/"
    }
}

fn render(
    return_to: &str,
    error: Option<&str>,
    mut response: actix_web::HttpResponseBuilder,
) -> HttpResponse {
    let body = html! {
        div.panel {
            p { "Paste your gaptrack API key. You stay signed in on this browser for 12 hours, or until you sign out or the key is revoked." }
            form method="post" action="/signin" {
                input type="hidden" name="return_to" value=(safe_return_to(return_to));
                div.field.invalid[error.is_some()] {
                    label for="key" { "API key" }
                    input #key type="password" name="key" required autocomplete="off"
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
            safe_return_to("/countries/SLE?year=2023"),
            "/countries/SLE?year=2023"
        );
        for elsewhere in [
            "//evil.example",
            "https://evil.example/",
            "/\\evil.example",
            "",
        ] {
            assert_eq!(safe_return_to(elsewhere), "/", "{elsewhere}");
        }
    }
}
