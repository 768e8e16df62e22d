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
        Some("password") => Some("own-password-changed"),
        Some("language") => Some("own-language-saved"),
        Some("session") => Some("own-session-ended"),
        Some("key") => Some("own-key-revoked"),
        Some("reminders") => Some("own-reminders-saved"),
        _ => None,
    };
    let notice = notice.map(|key| visitor.locale.text(key));
    render(
        &visitor,
        &state,
        notice.as_deref(),
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
                .map_err(|_| ApiError::invalid("language", Language::refusal_of(code)))?,
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
    let locale = visitor.locale;
    let title = locale.text("own-title");
    let content = if visitor.caller.key_id.is_some() {
        html! {
            h1 { (title) }
            p { (locale.text_with("own-with-key", &[("name", visitor.caller.name.as_str().into())])) }
        }
    } else {
        let overview = accounts::account_overview(state, &visitor.caller).await?;
        account_view(visitor, notice, form, errors, &overview)
    };
    Ok(response
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(layout::page(&title, visitor, Section::Account, content).into_string()))
}

/// The account page of a person, from what [`accounts::account_overview`] read.
fn account_view(
    visitor: &Visitor,
    notice: Option<&str>,
    form: &FormData,
    errors: &[FieldError],
    overview: &AccountOverview,
) -> Markup {
    let locale = visitor.locale;
    let errors = widgets::FieldErrors(errors, locale);
    html! {
        h1 { (locale.text("own-title")) }
        @if let Some(notice) = notice { div.notice role="status" { p { (notice) } } }
        (errors.summary(locale))
        (identity_panel(visitor, overview))
        (password_panel(visitor, &errors, overview))
        (second_factor_panel(locale, overview))
        // Letters go to the people of an organisation.
        @if overview.user.organisation_id.is_some() { (letters_panel(visitor, overview)) }
        (sessions_panel(visitor, overview))
        (keys_panel(visitor, form, &errors, overview))
    }
}

/// Which letters the person gets: reminders before the TIP Office's deadlines (editors, who do
/// the work they list), and what each new edition changed.
fn letters_panel(visitor: &Visitor, overview: &AccountOverview) -> Markup {
    let locale = visitor.locale;
    let user = &overview.user;
    let editor = user.role == crate::domain::Role::Editor;
    html! {
        section.panel aria-labelledby="reminders" {
            h2 #reminders { (locale.text("own-reminders-title")) }
            form method="post" action="/account/reminders" {
                input type="hidden" name="csrf" value=(visitor.csrf);
                @if editor {
                    p.muted { (locale.text("own-reminders-intro")) }
                    input type="hidden" name="reminders_offered" value="yes";
                    label.check {
                        input type="checkbox" name="reminders" value="yes" checked[user.reminders_wanted];
                        (locale.text("own-reminders-wanted"))
                    }
                }
                label.check {
                    input type="checkbox" name="digest" value="yes" checked[user.digest_wanted];
                    (locale.text("own-digest-wanted"))
                }
                button.secondary type="submit" { (locale.text("own-reminders-save")) }
            }
        }
    }
}

/// `POST /account/reminders`: which letters the person gets.
pub async fn set_reminders(
    state: web::Data<AppState>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let form = &checked.form;
    let reminders =
        (form.get("reminders_offered") == "yes").then(|| form.get("reminders") == "yes");
    let digest = Some(form.get("digest") == "yes");
    crate::usecases::reminders::set_wanted(
        state.get_ref(),
        &checked.visitor.caller,
        reminders,
        digest,
    )
    .await?;
    Ok(widgets::see_other("/account?done=reminders#reminders"))
}

fn identity_panel(visitor: &Visitor, overview: &AccountOverview) -> Markup {
    let locale = visitor.locale;
    let user = &overview.user;
    html! {
        section.panel aria-labelledby="you" {
            h2 #you { (user.display_name) }
            dl.details {
                dt { (locale.text("own-email")) } dd { (user.email) }
                dt { (locale.text("own-role")) } dd { (user.role.label(locale)) }
                @if let Some(organisation) = &overview.organisation { dt { (locale.text("own-organisation")) } dd { (organisation) } }
            }
            form method="post" action="/account/language" {
                input type="hidden" name="csrf" value=(visitor.csrf);
                label for="language" { (locale.text("own-language")) }
                select #language name="language" {
                    option value=(FOLLOW_THE_BROWSER) selected[user.preferred_language.is_none()] { (locale.text("own-language-browser")) }
                    @for &language in Language::ALL.iter().filter(|&&l| Locale::speaking(l).is_some() || user.preferred_language == Some(l)) {
                        option value=(language.as_str()) lang=(language.as_str()) selected[user.preferred_language == Some(language)] { (language.own_name()) }
                    }
                }
                button.secondary type="submit" { (locale.text("own-save")) }
            }
        }
    }
}

fn password_panel(
    visitor: &Visitor,
    errors: &widgets::FieldErrors<'_>,
    overview: &AccountOverview,
) -> Markup {
    let locale = visitor.locale;
    html! {
        section.panel aria-labelledby="password-heading" {
            h2 #password-heading { (locale.text("own-password")) }
            form method="post" action="/account/password" {
                input type="hidden" name="csrf" value=(visitor.csrf);
                input type="hidden" name="username" value=(overview.user.email) autocomplete="username";
                (errors.field("current_password", &locale.text("own-current-password"), html! {
                    input #current_password type="password" name="current_password" required autocomplete="current-password"
                        aria-invalid=[errors.invalid("current_password")] aria-describedby=[errors.described("current_password")];
                }))
                (errors.field("password", &locale.text_with("own-new-password", &[("min", MIN_LENGTH.into())]), html! {
                    input #password type="password" name="password" required minlength=(MIN_LENGTH) autocomplete="new-password"
                        aria-invalid=[errors.invalid("password")] aria-describedby=[errors.described("password")];
                }))
                (errors.field("confirmation", &locale.text("own-new-password-again"), html! {
                    input #confirmation type="password" name="confirmation" required autocomplete="new-password"
                        aria-invalid=[errors.invalid("confirmation")] aria-describedby=[errors.described("confirmation")];
                }))
                button type="submit" { (locale.text("own-change-password")) }
            }
        }
    }
}

fn second_factor_panel(locale: Locale, overview: &AccountOverview) -> Markup {
    let codes_left = overview.recovery_codes_left;
    html! {
        section.panel aria-labelledby="second-factor" {
            h2 #second-factor { (locale.text("own-second-factor")) }
            @if overview.user.has_second_factor() {
                p { (locale.text_with("own-second-factor-on", &[("codes", codes_left.into())])) }
                p.muted { (locale.text("own-second-factor-lost")) }
            } @else {
                p { (locale.text("own-second-factor-off")) }
                p { a.button href="/account/second-factor" { (locale.text("own-set-up-second-factor")) } }
            }
        }
    }
}

fn sessions_panel(visitor: &Visitor, overview: &AccountOverview) -> Markup {
    let locale = visitor.locale;
    let this_session = session::handle_of(visitor.session_digest());
    html! {
        section.panel aria-labelledby="sessions" {
            h2 #sessions { (locale.text("own-sessions")) }
            div.table-wrap { table {
                thead { tr {
                    th scope="col" { (locale.text("own-browser")) }
                    th scope="col" { (locale.text("own-since")) }
                    th scope="col" { (locale.text("own-last-seen")) }
                    th scope="col" { span.muted { (locale.text("own-action")) } }
                } }
                tbody {
                    @for row in &overview.sessions {
                        @let handle = session::handle_of(&row.id_sha256);
                        tr {
                            @let browser = browser_name(locale, row.user_agent.as_deref());
                            th scope="row" { @if handle == this_session { (locale.text_with("own-this-session", &[("browser", browser.into())])) } @else { (browser) } }
                            td { (crate::i18n::written::moment(locale, row.created_at)) }
                            td { (crate::i18n::written::moment(locale, row.last_seen_at)) }
                            td {
                                form method="post" action={ "/account/sessions/" (handle) "/end" } {
                                    input type="hidden" name="csrf" value=(visitor.csrf);
                                    button.secondary type="submit" { @if handle == this_session { (locale.text("sign-out")) } @else { (locale.text("own-end-session")) } }
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
            h2 #keys { (locale.text("own-keys")) }
            p.muted { (locale.text("own-keys-intro")) }
            @if !overview.keys.is_empty() {
                div.table-wrap { table {
                    thead { tr {
                        th scope="col" { (locale.text("own-key-name")) }
                        th scope="col" { (locale.text("own-role")) }
                        th scope="col" { (locale.text("own-key-created")) }
                        th scope="col" { (locale.text("own-key-last-used")) }
                        th scope="col" { (locale.text("own-key-state")) }
                    } }
                    tbody {
                        @for key in &overview.keys {
                            tr {
                                th scope="row" { (key.name) }
                                td { (key.role.label(locale)) }
                                td { (crate::i18n::written::day_of(locale, key.created_at)) }
                                td { (key.last_used_at.map_or_else(|| locale.text("own-key-never-used"), |at| crate::i18n::written::moment(locale, at))) }
                                td {
                                    @if key.revoked_at.is_some() { (locale.text("own-key-revoked-state")) }
                                    @else { a href={ "/account/keys/" (key.id) "/revoke" } aria-label=(locale.text_with("own-key-revoke-label", &[("name", key.name.as_str().into())])) { (locale.text("own-key-revoke")) } }
                                }
                            }
                        }
                    }
                } }
            }
            form method="post" action="/account/keys" {
                input type="hidden" name="csrf" value=(visitor.csrf);
                (errors.field("name", &locale.text("own-key-name-field"), html! {
                    input #name type="text" name="name" value=(form.get("name")) required
                        aria-invalid=[errors.invalid("name")] aria-describedby=[errors.described("name")];
                }))
                (errors.field("role", &locale.text("own-role"), html! {
                    select #role name="role" {
                        @for role in roles_weakest_first().filter(|r| overview.user.role.covers(*r)) { option value=(role) { (role.label(locale)) } }
                    }
                }))
                button type="submit" { (locale.text("own-key-create")) }
            }
        }
    }
}

/// A browser's name from its user agent, as a person recognises it.
fn browser_name(locale: Locale, agent: Option<&str>) -> String {
    let Some(agent) = agent else {
        return locale.text("own-unknown-browser");
    };
    let system = if agent.contains("Android") {
        Some("Android")
    } else if agent.contains("iPhone") || agent.contains("iPad") {
        Some("iOS")
    } else if agent.contains("Windows") {
        Some("Windows")
    } else if agent.contains("Mac OS") {
        Some("macOS")
    } else if agent.contains("Linux") {
        Some("Linux")
    } else {
        None
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
        return locale.text("own-a-browser");
    };
    // Which system is worth saying: the one a person could have several browsers of.
    let system = match (browser, system) {
        ("Chrome", Some(system @ ("Android" | "Windows" | "macOS" | "Linux")))
        | ("Firefox", Some(system @ ("Windows" | "Linux" | "macOS")))
        | ("Safari", Some(system @ "iOS")) => Some(system),
        _ => None,
    };
    match system {
        Some(system) => locale.text_with(
            "own-browser-on",
            &[("browser", browser.into()), ("system", system.into())],
        ),
        None => browser.to_owned(),
    }
}
