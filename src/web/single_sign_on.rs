//! Signing in through the organisation's identity provider (`OIDC_ISSUER_URL`): the button on
//! the sign-in page leads to the provider, which sends the browser back to the callback.
//!
//! The flow's secrets (state, nonce, PKCE verifier) wait in an `HttpOnly` cookie of the
//! callback's path. It is `SameSite=Lax`, not `Strict`: the provider's redirect back is a
//! navigation from another site, on which a strict cookie would not be sent. The state in it
//! must equal the one the provider returns, so another site cannot finish a sign-in it started.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use maud::html;
use serde::Deserialize;

use super::error::WebError;
use super::locale;
use super::shell;
use super::signin::safe_return_to;
use crate::domain::Failure;
use crate::http::AppState;
use crate::http::origin;
use crate::i18n::Locale;
use crate::oidc::{self, Flow, OidcError};
use crate::usecases::accounts;

const COOKIE: &str = "gaptrack_oidc";
const PATH: &str = "/signin/oidc";

#[derive(Debug, Deserialize)]
pub struct StartQuery {
    return_to: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Callback {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

fn callback_address(request: &HttpRequest) -> String {
    format!("{}{PATH}/callback", origin::for_links(request))
}

/// `GET /signin/oidc`: off to the identity provider.
pub async fn start(
    request: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<StartQuery>,
) -> Result<HttpResponse, WebError> {
    let Some(settings) = &state.accounts.oidc else {
        return Ok(refused(
            locale::of_request(&request),
            HttpResponse::NotFound(),
            &locale::of_request(&request).text("sso-not-set-up"),
        ));
    };
    let return_to = safe_return_to(query.return_to.as_deref().unwrap_or("/"));
    match oidc::start(settings, &callback_address(&request), &return_to).await {
        Ok((address, flow)) => {
            let value = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&flow).unwrap_or_default());
            let cookie = Cookie::build(COOKIE, value)
                .path(PATH)
                .http_only(true)
                .same_site(SameSite::Lax)
                .secure(origin::over_tls(&request))
                .max_age(actix_web::cookie::time::Duration::minutes(10))
                .finish();
            Ok(HttpResponse::SeeOther()
                .cookie(cookie)
                .insert_header((LOCATION, address))
                .finish())
        }
        Err(error) => Ok(provider_fault(locale::of_request(&request), &error)),
    }
}

/// `GET /signin/oidc/callback`: the provider's answer.
pub async fn callback(
    request: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<Callback>,
) -> Result<HttpResponse, WebError> {
    let Some(settings) = &state.accounts.oidc else {
        return Ok(refused(
            locale::of_request(&request),
            HttpResponse::NotFound(),
            &locale::of_request(&request).text("sso-not-set-up"),
        ));
    };
    let mut spent = Cookie::build(COOKIE, "").path(PATH).finish();
    spent.make_removal();
    let flow: Option<Flow> = request
        .cookie(COOKIE)
        .and_then(|cookie| URL_SAFE_NO_PAD.decode(cookie.value()).ok())
        .and_then(|bytes| serde_json::from_slice(&bytes).ok());
    let (Some(flow), Some(code), Some(returned_state)) = (flow, &query.code, &query.state) else {
        let locale = locale::of_request(&request);
        let why = locale.text(match &query.error {
            Some(_) => "sso-refused",
            None => "sso-out-of-date",
        });
        let mut response = refused(locale, HttpResponse::Forbidden(), &why);
        response.add_cookie(&spent).ok();
        return Ok(response);
    };
    let identity = match oidc::finish(
        settings,
        &callback_address(&request),
        &flow,
        returned_state,
        code,
    )
    .await
    {
        Ok(identity) => identity,
        Err(error @ OidcError::Mismatch(_)) => {
            log::warn!("single sign-on refused: {error}");
            return Ok(refused(
                locale::of_request(&request),
                HttpResponse::Forbidden(),
                &locale::of_request(&request).text("sso-out-of-date"),
            ));
        }
        Err(error) => return Ok(provider_fault(locale::of_request(&request), &error)),
    };
    match accounts::sign_in_by_provider(
        state.get_ref(),
        &state.accounts,
        &identity.email,
        identity.email_verified,
    )
    .await
    {
        Ok(signed_in) => {
            super::signin::enter(&state, &request, &signed_in, &flow.return_to, spent).await
        }
        Err(Failure::Forbidden(why)) => {
            let locale = locale::of_request(&request);
            let mut response = refused(
                locale,
                HttpResponse::Forbidden(),
                &capitalised(&locale.refusal(&why)),
            );
            response.add_cookie(&spent).ok();
            Ok(response)
        }
        Err(other) => Err(other.into()),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect::<String>() + ".",
        None => String::new(),
    }
}

fn provider_fault(locale: Locale, error: &OidcError) -> HttpResponse {
    log::warn!("single sign-on failed: {error}");
    refused(
        locale,
        HttpResponse::ServiceUnavailable(),
        &locale.text("sso-unreachable"),
    )
}

fn refused(
    locale: Locale,
    mut response: actix_web::HttpResponseBuilder,
    why: &str,
) -> HttpResponse {
    let body = html! {
        div.notice.bad role="alert" { p { (why) } }
        p { a href="/signin" { (locale.text("sso-back")) } }
    };
    response
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(shell::bare_page(locale, &locale.text("sso-title"), body).into_string())
}
