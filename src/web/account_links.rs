//! Opening a one-time link: an invitation, a password reset, or the first admin's link. The
//! person chooses their password there and is signed in.

use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;

use super::error::WebError;
use super::form_data::FormData;
use super::session;
use super::{locale, presession, shell, widgets};
use crate::domain::password::MIN_LENGTH;
use crate::domain::{AccountLinkPurpose, Failure, FieldError};
use crate::http::AppState;
use crate::i18n::{Argument, Locale};
use crate::usecases::accounts::{self, ChosenPassword, LINK_PATH, OpenedLink, SignedIn};
use crate::usecases::sessions::NewHolder;

/// `GET /account-links/{token}`.
pub async fn open(
    request: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    match accounts::open_link(state.get_ref(), &token).await {
        Ok(opened) => form(
            &request,
            &token,
            &opened,
            &FormData::default(),
            &[],
            HttpResponse::Ok(),
        ),
        Err(failure) => closed(locale::of_request(&request), failure),
    }
}

/// `POST /account-links/{token}`: the chosen password.
pub async fn redeem(
    request: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    super::csrf::check_origin(&request)?;
    let posted = FormData::parse(&body);
    presession::check(&request, posted.get("form_token"))?;
    let chosen = ChosenPassword {
        password: posted.get("password"),
        confirmation: posted.get("confirmation"),
        email: posted.get("email"),
        display_name: posted.get("display_name"),
    };
    match accounts::redeem_link(state.get_ref(), &state.accounts, &token, &chosen).await {
        Ok(SignedIn { user, pending }) => {
            let cookie =
                session::start(&state, NewHolder::Person(user.id), &request, pending).await?;
            let target = pending.map_or("/", session::page_for);
            Ok(HttpResponse::SeeOther()
                .cookie(cookie)
                .cookie(presession::spent(LINK_PATH))
                .insert_header((LOCATION, target))
                .finish())
        }
        Err(Failure::Invalid(errors)) => {
            let opened = match accounts::open_link(state.get_ref(), &token).await {
                Ok(opened) => opened,
                Err(failure) => return closed(locale::of_request(&request), failure),
            };
            form(
                &request,
                &token,
                &opened,
                &posted,
                &errors,
                HttpResponse::UnprocessableEntity(),
            )
        }
        Err(failure) => closed(locale::of_request(&request), failure),
    }
}

/// The page of a link that does not open, saying why.
fn closed(locale: Locale, failure: Failure) -> Result<HttpResponse, WebError> {
    let (mut response, message) = match failure {
        Failure::NotFound(refusal) => (HttpResponse::NotFound(), locale.refusal(&refusal)),
        Failure::Conflict(refusal) => (HttpResponse::Gone(), locale.refusal(&refusal)),
        other => return Err(other.into()),
    };
    let body = html! {
        div.notice.bad role="alert" { p { (message) } }
        p { a href="/signin" { (locale.text("link-go-to-sign-in")) } }
    };
    Ok(response
        .insert_header(("Cache-Control", "no-store"))
        .content_type("text/html; charset=utf-8")
        .body(shell::bare_page(locale, &locale.text("link-closed-title"), body).into_string()))
}

fn form(
    request: &HttpRequest,
    token: &str,
    opened: &OpenedLink,
    posted: &FormData,
    errors: &[FieldError],
    mut response: actix_web::HttpResponseBuilder,
) -> Result<HttpResponse, WebError> {
    let locale = locale::of_request(request);
    let (form_token, cookie) = presession::issue(request, LINK_PATH)?;
    let errors = widgets::FieldErrors(errors, locale);
    let person = |name: &str, email: &str| -> [Argument<'static>; 2] {
        [
            ("name", name.to_owned().into()),
            ("email", email.to_owned().into()),
        ]
    };
    let (title, intro) = match (&opened.purpose, &opened.user) {
        (AccountLinkPurpose::FirstAdmin, _) => (
            locale.text("link-first-admin-title"),
            locale.text("link-first-admin-intro"),
        ),
        (AccountLinkPurpose::Invitation, Some(user)) => (
            locale.text("link-welcome-title"),
            locale.text_with(
                "link-welcome-intro",
                &person(&user.display_name, &user.email),
            ),
        ),
        (_, Some(user)) => (
            locale.text("link-reset-title"),
            locale.text_with("link-reset-intro", &person(&user.display_name, &user.email)),
        ),
        (_, None) => (locale.text("link-choose-title"), String::new()),
    };
    let body = html! {
        div.panel {
            p { (intro) }
            (errors.summary(locale))
            form method="post" action={ (LINK_PATH) "/" (token) } {
                input type="hidden" name="form_token" value=(form_token);
                @if opened.user.is_none() {
                    (errors.field("display_name", &locale.text("link-your-name"), html! {
                        input #display_name type="text" name="display_name" value=(posted.get("display_name")) required autofocus autocomplete="name"
                            aria-invalid=[errors.invalid("display_name")] aria-describedby=[errors.described("display_name")];
                    }))
                    (errors.field("email", &locale.text("link-your-email"), html! {
                        input #email type="email" name="email" value=(posted.get("email")) required autocomplete="username"
                            aria-invalid=[errors.invalid("email")] aria-describedby=[errors.described("email")];
                    }))
                } @else if let Some(user) = &opened.user {
                    // For password managers, which file the password under the address.
                    input type="hidden" name="username" value=(user.email) autocomplete="username";
                }
                (errors.field("password", &locale.text_with("link-password", &[("min", MIN_LENGTH.into())]), html! {
                    input #password type="password" name="password" required minlength=(MIN_LENGTH) autocomplete="new-password"
                        autofocus[opened.user.is_some()]
                        aria-invalid=[errors.invalid("password")] aria-describedby=[errors.described("password")];
                }))
                (errors.field("confirmation", &locale.text("link-confirmation"), html! {
                    input #confirmation type="password" name="confirmation" required autocomplete="new-password"
                        aria-invalid=[errors.invalid("confirmation")] aria-describedby=[errors.described("confirmation")];
                }))
                button type="submit" { (locale.text("link-submit")) }
            }
        }
    };
    response
        .cookie(cookie)
        .insert_header(("Cache-Control", "no-store"))
        // The token is in this page's address: it must not leave in a Referer.
        .insert_header(("Referrer-Policy", "no-referrer"));
    Ok(response
        .content_type("text/html; charset=utf-8")
        .body(shell::bare_page(locale, &title, body).into_string()))
}
