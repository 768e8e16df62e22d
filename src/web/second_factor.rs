//! The second factor in the pages: giving its code after the password, and setting it up (from
//! the account page, or at the first sign-in of a role that requires it).

use actix_web::{HttpResponse, web};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;

use super::csrf::PendingForm;
use super::error::WebError;
use super::session::PendingVisitor;
use super::signin::safe_return_to;
use super::{shell, widgets};
use crate::domain::{Failure, SessionPending};
use crate::http::AppState;
use crate::i18n::Locale;
use crate::usecases::accounts;

#[derive(Debug, Deserialize)]
pub struct ReturnTo {
    return_to: Option<String>,
}

fn person(pending: &PendingVisitor) -> Result<uuid::Uuid, WebError> {
    Ok(accounts::own_account(&pending.visitor.caller)?)
}

/// `GET /signin/second-factor`.
pub async fn code_page(
    pending: PendingVisitor,
    query: web::Query<ReturnTo>,
) -> Result<HttpResponse, WebError> {
    let return_to = safe_return_to(query.return_to.as_deref().unwrap_or("/"));
    if pending.pending != Some(SessionPending::SecondFactor) {
        return Ok(widgets::see_other(&return_to));
    }
    Ok(code_form(&pending, &return_to, None, HttpResponse::Ok()))
}

/// `POST /signin/second-factor`: the code from the app, or a recovery code.
pub async fn check_code(
    state: web::Data<AppState>,
    posted: PendingForm,
) -> Result<HttpResponse, WebError> {
    let PendingForm { pending, form } = posted;
    let return_to = safe_return_to(form.get("return_to"));
    if pending.pending != Some(SessionPending::SecondFactor) {
        return Ok(widgets::see_other(&return_to));
    }
    let user = person(&pending)?;
    match accounts::check_second_factor(state.get_ref(), &state.accounts, user, form.get("code"))
        .await
    {
        Ok(()) => {
            pending.visitor.complete(&state).await?;
            Ok(widgets::see_other(&return_to))
        }
        Err(Failure::Invalid(errors)) => {
            let message = errors
                .first()
                .map(|e| pending.visitor.locale.refusal(&e.problem))
                .unwrap_or_default();
            Ok(code_form(
                &pending,
                &return_to,
                Some(&message),
                HttpResponse::UnprocessableEntity(),
            ))
        }
        Err(Failure::Throttled {
            refusal,
            retry_after,
        }) => {
            let mut status = HttpResponse::TooManyRequests();
            status.insert_header(("Retry-After", retry_after.to_string()));
            let message = pending.visitor.locale.refusal(&refusal);
            Ok(code_form(&pending, &return_to, Some(&message), status))
        }
        Err(other) => Err(other.into()),
    }
}

fn code_form(
    pending: &PendingVisitor,
    return_to: &str,
    error: Option<&str>,
    mut response: actix_web::HttpResponseBuilder,
) -> HttpResponse {
    let locale = pending.visitor.locale;
    let body = html! {
        div.panel {
            p { (locale.text("factor-intro")) }
            form method="post" action="/signin/second-factor" {
                input type="hidden" name="csrf" value=(pending.visitor.csrf);
                input type="hidden" name="return_to" value=(return_to);
                div.field.invalid[error.is_some()] {
                    label for="code" { (locale.text("factor-code")) }
                    input #code type="text" name="code" required autofocus autocomplete="one-time-code"
                        inputmode="numeric" aria-invalid=[error.map(|_| "true")]
                        aria-describedby=[error.map(|_| "code-error")];
                    @if let Some(error) = error {
                        p #code-error .field-error role="alert" { (error) }
                    }
                }
                button type="submit" { (locale.text("factor-continue")) }
            }
            (sign_out_form(locale, &pending.visitor.csrf))
        }
    };
    no_store(&mut response);
    response
        .content_type("text/html; charset=utf-8")
        .body(shell::bare_page(locale, &locale.text("factor-title"), body).into_string())
}

fn sign_out_form(locale: Locale, csrf: &str) -> Markup {
    html! {
        form method="post" action="/signout" {
            input type="hidden" name="csrf" value=(csrf);
            button.secondary type="submit" { (locale.text("sign-out")) }
        }
    }
}

/// `GET /account/second-factor`: the secret as a QR code and as text, and a box for the first
/// code.
pub async fn enrol_page(
    state: web::Data<AppState>,
    pending: PendingVisitor,
    query: web::Query<ReturnTo>,
) -> Result<HttpResponse, WebError> {
    let return_to = safe_return_to(query.return_to.as_deref().unwrap_or("/account"));
    if pending.pending == Some(SessionPending::SecondFactor) {
        return Err(WebError::Elsewhere(
            super::session::page_for(SessionPending::SecondFactor).into(),
        ));
    }
    let user = person(&pending)?;
    match accounts::start_enrolment(state.get_ref(), user).await {
        Ok(enrolment) => Ok(enrol_form(
            &pending,
            &enrolment,
            &return_to,
            None,
            HttpResponse::Ok(),
        )),
        Err(Failure::Conflict(_)) => Ok(widgets::see_other("/account")),
        Err(other) => Err(other.into()),
    }
}

/// `POST /account/second-factor`: confirms with a first code and shows the recovery codes once.
pub async fn confirm(
    state: web::Data<AppState>,
    posted: PendingForm,
) -> Result<HttpResponse, WebError> {
    let PendingForm { pending, form } = posted;
    let locale = pending.visitor.locale;
    if pending.pending == Some(SessionPending::SecondFactor) {
        return Err(WebError::Elsewhere(
            super::session::page_for(SessionPending::SecondFactor).into(),
        ));
    }
    let return_to = safe_return_to(form.get("return_to"));
    let user = person(&pending)?;
    match accounts::confirm_enrolment(state.get_ref(), user, form.get("code")).await {
        Ok(codes) => {
            if pending.pending.is_some() {
                pending.visitor.complete(&state).await?;
            }
            let body = html! {
                div.panel {
                    div.notice role="status" { p { (locale.text("factor-set-up")) } }
                    h2 { (locale.text("recovery-codes-heading")) }
                    p { (locale.text("recovery-codes-intro")) }
                    ul.recovery-codes #recovery-codes { @for code in &codes { li { code { (code) } } } }
                    p { a.button href=(return_to) { (locale.text("factor-continue")) } }
                }
            };
            let mut response = HttpResponse::Ok();
            no_store(&mut response);
            Ok(response.content_type("text/html; charset=utf-8").body(
                shell::bare_page(locale, &locale.text("recovery-codes-title"), body).into_string(),
            ))
        }
        Err(Failure::Invalid(errors)) => {
            let message = errors
                .first()
                .map(|e| pending.visitor.locale.refusal(&e.problem))
                .unwrap_or_default();
            let enrolment = accounts::start_enrolment(state.get_ref(), user).await?;
            Ok(enrol_form(
                &pending,
                &enrolment,
                &return_to,
                Some(&message),
                HttpResponse::UnprocessableEntity(),
            ))
        }
        Err(Failure::Conflict(_)) => Ok(widgets::see_other("/account")),
        Err(other) => Err(other.into()),
    }
}

fn enrol_form(
    pending: &PendingVisitor,
    enrolment: &accounts::Enrolment,
    return_to: &str,
    error: Option<&str>,
    mut response: actix_web::HttpResponseBuilder,
) -> HttpResponse {
    let locale = pending.visitor.locale;
    let required = pending.pending == Some(SessionPending::Enrolment);
    let body = html! {
        div.panel {
            @if required {
                p { (locale.text("enrol-required")) }
            }
            ol {
                li { (locale.text("enrol-install")) }
                li { (locale.text("enrol-scan")) }
            }
            figure.qr { (qr_svg(locale, &enrolment.setup_address)) }
            p { (locale.text("enrol-type-key")) " " code #totp-secret { (enrolment.secret_text) } }
            form method="post" action="/account/second-factor" {
                input type="hidden" name="csrf" value=(pending.visitor.csrf);
                input type="hidden" name="return_to" value=(return_to);
                div.field.invalid[error.is_some()] {
                    label for="code" { (locale.text("enrol-code")) }
                    input #code type="text" name="code" required autocomplete="one-time-code"
                        inputmode="numeric" aria-invalid=[error.map(|_| "true")]
                        aria-describedby=[error.map(|_| "code-error")];
                    @if let Some(error) = error {
                        p #code-error .field-error role="alert" { (error) }
                    }
                }
                button type="submit" { (locale.text("enrol-submit")) }
            }
            @if required { (sign_out_form(locale, &pending.visitor.csrf)) }
            @else { p { a href="/account" { (locale.text("enrol-not-now")) } } }
        }
    };
    no_store(&mut response);
    response
        .content_type("text/html; charset=utf-8")
        .body(shell::bare_page(locale, &locale.text("enrol-title"), body).into_string())
}

/// The QR code of `data`, drawn on the server as SVG (no script, no image request).
fn qr_svg(locale: Locale, data: &str) -> Markup {
    match qrcode::QrCode::new(data.as_bytes()) {
        Ok(code) => {
            let svg = code
                .render::<qrcode::render::svg::Color>()
                .min_dimensions(200, 200)
                .quiet_zone(true)
                .build();
            // The SVG's own XML declaration cannot stand inside HTML.
            let svg = svg
                .find("<svg")
                .map_or(svg.as_str(), |start| &svg[start..])
                .replacen(
                    "<svg",
                    &format!(
                        "<svg role=\"img\" aria-label=\"{}\"",
                        maud::html! { (locale.text("enrol-qr-label")) }.into_string()
                    ),
                    1,
                );
            PreEscaped(svg)
        }
        Err(_) => html! { p { (locale.text("enrol-qr-failed")) } },
    }
}

fn no_store(response: &mut actix_web::HttpResponseBuilder) {
    response.insert_header(("Cache-Control", "no-store"));
}
