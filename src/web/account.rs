//! The signed-in person's own page: their details and language, their password, their second
//! factor, their sessions (each can be ended), and their own API keys.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use maud::{Markup, html};

use super::admin::people::roles_weakest_first;
use super::csrf::CheckedForm;
use super::error::WebError;
use super::form_data::FormData;
use super::layout::{self, Section};
use super::session::{self, Visitor};
use super::widgets;
use crate::domain::password::MIN_LENGTH;
use crate::domain::{Failure, FieldError, Language};
use crate::http::AppState;
use crate::http::error::ApiError;
use crate::i18n::{Locale, Worded};
use crate::usecases::accounts::{self, AccountOverview};
use crate::usecases::sessions;

/// `GET /account`.
pub async fn account_page(
    visitor: Visitor,
    state: web::Data<AppState>,
    query: web::Query<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let notice = match query.get("done").map(String::as_str) {
        Some("password") => Some("Your password is changed. Your other sessions have ended."),
        Some("language") => Some("Your language is saved."),
        Some("session") => Some("That session has ended."),
        Some("key") => Some("The key is revoked."),
        _ => None,
    };
    render(
        &visitor,
        &state,
        notice,
        &FormData::default(),
        &[],
        HttpResponse::Ok(),
    )
    .await
}

/// `POST /account/password`.
pub async fn change_password(
    state: web::Data<AppState>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let CheckedForm { visitor, form } = checked;
    match accounts::change_password(
        state.get_ref(),
        &visitor.caller,
        form.get("current_password"),
        form.get("password"),
        form.get("confirmation"),
        Some(visitor.session_digest()),
    )
    .await
    {
        Ok(()) => Ok(widgets::see_other("/account?done=password")),
        Err(Failure::Invalid(errors)) => {
            render(
                &visitor,
                &state,
                None,
                &FormData::default(),
                &errors,
                HttpResponse::UnprocessableEntity(),
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

/// The language form's choice of no language: the pages follow the browser.
const FOLLOW_THE_BROWSER: &str = "browser";

/// `POST /account/language`.
pub async fn set_language(
    state: web::Data<AppState>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let language = match checked.form.get("language") {
        FOLLOW_THE_BROWSER => None,
        code => Some(
            code.parse::<Language>()
                .map_err(|why| ApiError::invalid("language", why))?,
        ),
    };
    accounts::set_language(state.get_ref(), &checked.visitor.caller, language).await?;
    Ok(widgets::see_other("/account?done=language"))
}

/// `POST /account/sessions/{handle}/end`.
pub async fn end_session(
    state: web::Data<AppState>,
    handle: web::Path<String>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let digest = session::digest_of_handle(&handle)
        .ok_or_else(|| ApiError::NotFound("there is no such session".into()))?;
    sessions::end_own(state.get_ref(), &checked.visitor.caller, &digest).await?;
    if digest == checked.visitor.session_digest() {
        return Ok(HttpResponse::SeeOther()
            .cookie(session::ended())
            .insert_header((LOCATION, "/signin"))
            .finish());
    }
    Ok(widgets::see_other("/account?done=session"))
}

pub(super) async fn render(
    visitor: &Visitor,
    state: &AppState,
    notice: Option<&str>,
    form: &FormData,
    errors: &[FieldError],
    mut response: actix_web::HttpResponseBuilder,
) -> Result<HttpResponse, WebError> {
    let content = if visitor.caller.key_id.is_some() {
        html! {
            h1 { (TITLE) }
            p { "You are signed in with the API key " strong { (visitor.caller.name) } ". Passwords, a second factor and keys of your own belong to personal accounts: ask an admin to invite you." }
        }
    } else {
        let overview = accounts::account_overview(state, &visitor.caller).await?;
        account_view(visitor, notice, form, errors, &overview)
    };
    Ok(response
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(layout::page(TITLE, visitor, Section::Account, content).into_string()))
}

const TITLE: &str = "Your account";

/// The account page of a person, from what [`accounts::account_overview`] read.
fn account_view(
    visitor: &Visitor,
    notice: Option<&str>,
    form: &FormData,
    errors: &[FieldError],
    overview: &AccountOverview,
) -> Markup {
    let locale = visitor.locale;
    let errors = widgets::FieldErrors(errors);
    html! {
        h1 { (TITLE) }
        @if let Some(notice) = notice { div.notice role="status" { p { (notice) } } }
        (errors.summary(locale))
        (identity_panel(visitor, overview))
        (password_panel(visitor, &errors, overview))
        (second_factor_panel(overview))
        (sessions_panel(visitor, overview))
        (keys_panel(visitor, form, &errors, overview))
    }
}

fn identity_panel(visitor: &Visitor, overview: &AccountOverview) -> Markup {
    let locale = visitor.locale;
    let user = &overview.user;
    html! {
        section.panel aria-labelledby="you" {
            h2 #you { (user.display_name) }
            dl.details {
                dt { "E-mail address" } dd { (user.email) }
                dt { "Role" } dd { (user.role.label(locale)) }
                @if let Some(organisation) = &overview.organisation { dt { "Organisation" } dd { (organisation) } }
            }
            form method="post" action="/account/language" {
                input type="hidden" name="csrf" value=(visitor.csrf);
                label for="language" { "Language of the pages" }
                select #language name="language" {
                    option value=(FOLLOW_THE_BROWSER) selected[user.preferred_language.is_none()] { "As my browser asks" }
                    @for &language in Language::ALL.iter().filter(|&&l| Locale::speaking(l).is_some() || user.preferred_language == Some(l)) {
                        option value=(language.as_str()) lang=(language.as_str()) selected[user.preferred_language == Some(language)] { (language.own_name()) }
                    }
                }
                button.secondary type="submit" { "Save" }
            }
        }
    }
}

fn password_panel(
    visitor: &Visitor,
    errors: &widgets::FieldErrors<'_>,
    overview: &AccountOverview,
) -> Markup {
    html! {
        section.panel aria-labelledby="password-heading" {
            h2 #password-heading { "Password" }
            form method="post" action="/account/password" {
                input type="hidden" name="csrf" value=(visitor.csrf);
                input type="hidden" name="username" value=(overview.user.email) autocomplete="username";
                (errors.field("current_password", "Current password", html! {
                    input #current_password type="password" name="current_password" required autocomplete="current-password"
                        aria-invalid=[errors.invalid("current_password")] aria-describedby=[errors.described("current_password")];
                }))
                (errors.field("password", &format!("New password (at least {MIN_LENGTH} characters)"), html! {
                    input #password type="password" name="password" required minlength=(MIN_LENGTH) autocomplete="new-password"
                        aria-invalid=[errors.invalid("password")] aria-describedby=[errors.described("password")];
                }))
                (errors.field("confirmation", "The new password again", html! {
                    input #confirmation type="password" name="confirmation" required autocomplete="new-password"
                        aria-invalid=[errors.invalid("confirmation")] aria-describedby=[errors.described("confirmation")];
                }))
                button type="submit" { "Change the password" }
            }
        }
    }
}

fn second_factor_panel(overview: &AccountOverview) -> Markup {
    let codes_left = overview.recovery_codes_left;
    html! {
        section.panel aria-labelledby="second-factor" {
            h2 #second-factor { "Second factor" }
            @if overview.user.has_second_factor() {
                p { "Signing in asks for a code from your authenticator app. " (codes_left) " recovery code" @if codes_left != 1 { "s" } " left." }
                p.muted { "Lost your phone and your recovery codes? An admin can reset your second factor with the command line." }
            } @else {
                p { "Signing in asks only for your password. A code from an app on your phone makes a stolen password worthless." }
                p { a.button href="/account/second-factor" { "Set up a second factor" } }
            }
        }
    }
}

fn sessions_panel(visitor: &Visitor, overview: &AccountOverview) -> Markup {
    let locale = visitor.locale;
    let this_session = session::handle_of(visitor.session_digest());
    html! {
        section.panel aria-labelledby="sessions" {
            h2 #sessions { "Where you are signed in" }
            div.table-wrap { table {
                thead { tr { th scope="col" { "Browser" } th scope="col" { "Since" } th scope="col" { "Last seen" } th scope="col" { span.muted { "Action" } } } }
                tbody {
                    @for row in &overview.sessions {
                        @let handle = session::handle_of(&row.id_sha256);
                        tr {
                            th scope="row" { (row.user_agent.as_deref().map_or("unknown browser", browser_name)) @if handle == this_session { " (this one)" } }
                            td { (crate::web::written::moment(locale, row.created_at)) }
                            td { (crate::web::written::moment(locale, row.last_seen_at)) }
                            td {
                                form method="post" action={ "/account/sessions/" (handle) "/end" } {
                                    input type="hidden" name="csrf" value=(visitor.csrf);
                                    button.secondary type="submit" { @if handle == this_session { "Sign out" } @else { "End" } }
                                }
                            }
                        }
                    }
                }
            } }
        }
    }
}

fn keys_panel(
    visitor: &Visitor,
    form: &FormData,
    errors: &widgets::FieldErrors<'_>,
    overview: &AccountOverview,
) -> Markup {
    let locale = visitor.locale;
    html! {
        section.panel aria-labelledby="keys" {
            h2 #keys { "Your API keys" }
            p.muted { "For your own scripts: a key acts as you, never with more rights than your role, and stops when your account is disabled." }
            @if !overview.keys.is_empty() {
                div.table-wrap { table {
                    thead { tr { th scope="col" { "Name" } th scope="col" { "Role" } th scope="col" { "Created" } th scope="col" { "Last used" } th scope="col" { "State" } } }
                    tbody {
                        @for key in &overview.keys {
                            tr {
                                th scope="row" { (key.name) }
                                td { (key.role.label(locale)) }
                                td { (crate::web::written::day_of(locale, key.created_at)) }
                                td { (key.last_used_at.map_or("never".to_owned(), |at| crate::web::written::moment(locale, at))) }
                                td {
                                    @if key.revoked_at.is_some() { "revoked" }
                                    @else { a href={ "/account/keys/" (key.id) "/revoke" } aria-label={ "Revoke " (key.name) } { "Revoke…" } }
                                }
                            }
                        }
                    }
                } }
            }
            form method="post" action="/account/keys" {
                input type="hidden" name="csrf" value=(visitor.csrf);
                (errors.field("name", "Name (what will use it)", html! {
                    input #name type="text" name="name" value=(form.get("name")) required
                        aria-invalid=[errors.invalid("name")] aria-describedby=[errors.described("name")];
                }))
                (errors.field("role", "Role", html! {
                    select #role name="role" {
                        @for role in roles_weakest_first().filter(|r| overview.user.role.covers(*r)) { option value=(role) { (role.label(locale)) } }
                    }
                }))
                button type="submit" { "Create a key" }
            }
        }
    }
}

/// A browser's name from its user agent, as a person recognises it.
fn browser_name(agent: &str) -> &'static str {
    let os = if agent.contains("Android") {
        "Android"
    } else if agent.contains("iPhone") || agent.contains("iPad") {
        "iOS"
    } else if agent.contains("Windows") {
        "Windows"
    } else if agent.contains("Mac OS") {
        "macOS"
    } else if agent.contains("Linux") {
        "Linux"
    } else {
        ""
    };
    let browser = if agent.contains("Edg/") {
        "Edge"
    } else if agent.contains("Firefox/") {
        "Firefox"
    } else if agent.contains("Chrome/") || agent.contains("Chromium/") {
        "Chrome"
    } else if agent.contains("Safari/") {
        "Safari"
    } else {
        "a browser"
    };
    match (browser, os) {
        ("Chrome", "Android") => "Chrome on Android",
        ("Chrome", "Windows") => "Chrome on Windows",
        ("Chrome", "macOS") => "Chrome on macOS",
        ("Chrome", "Linux") => "Chrome on Linux",
        ("Chrome", _) => "Chrome",
        ("Firefox", "Windows") => "Firefox on Windows",
        ("Firefox", "Linux") => "Firefox on Linux",
        ("Firefox", "macOS") => "Firefox on macOS",
        ("Firefox", _) => "Firefox",
        ("Safari", "iOS") => "Safari on iOS",
        ("Safari", _) => "Safari",
        ("Edge", _) => "Edge",
        _ => "a browser",
    }
}
