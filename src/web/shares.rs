//! Read-only share links in the pages: made from a country page, shown once, listed for the
//! person who made them with a way to revoke each, and opened by anyone who has one, without an
//! account.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use uuid::Uuid;

use super::csrf::CheckedForm;
use super::error::WebError;
use super::layout::{self, Section};
use super::session::Visitor;
use super::{filters, locale, shell, widgets};
use crate::config::SharingSettings;
use crate::export::gaps_summary::{self, Shared, View};
use crate::export::provenance::Provenance;
use crate::http::AppState;
use crate::http::error::ApiError;
use crate::http::negotiation::html_response;
use crate::http::origin;
use crate::i18n::Locale;
use crate::i18n::written;
use crate::usecases::share_links::ShareLinkRow;
use crate::usecases::share_links::{self as sharing, DescribedLink, ShareRequest};
use crate::usecases::translations;

/// The cookie that carries a new link's token to the one page that shows it.
fn flash_name(id: Uuid) -> String {
    format!("gaptrack_share_{}", id.simple())
}

fn made_path(id: Uuid) -> String {
    format!("/shares/{id}/made")
}

/// `POST /countries/{code}/share`: makes a link, then shows it once on the page it redirects to
/// (the token travels in a cookie for that page only, never in an address), so that reloading
/// makes no second link.
pub async fn create(
    request: HttpRequest,
    state: web::Data<AppState>,
    settings: web::Data<SharingSettings>,
    code: web::Path<String>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let form = &checked.form;
    let year = filters::optional("report year", Some(form.get("year")))?
        .ok_or_else(|| ApiError::BadRequest("say which report year to share".into()))?;
    let days = filters::optional::<i64>("number of days", Some(form.get("days")))?
        .unwrap_or(settings.link_days);
    let made = sharing::create(
        state.get_ref(),
        &checked.visitor.caller,
        &ShareRequest {
            country: &code,
            year,
            organisation: filters::organisation(Some(form.get("organisation")))?,
            days,
        },
    )
    .await?;
    let cookie = Cookie::build(flash_name(made.row.id), made.token)
        .path(made_path(made.row.id))
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(origin::over_tls(&request))
        .max_age(actix_web::cookie::time::Duration::minutes(10))
        .finish();
    Ok(HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, made_path(made.row.id)))
        .cookie(cookie)
        .finish())
}

/// What a link shares, in words: `Senegal, 2023 TIP Report: the work of CenHTRO`.
fn what_it_shares(locale: Locale, link: &DescribedLink) -> String {
    locale.text_with(
        "shares-what",
        &[
            ("country", link.country_name.as_str().into()),
            ("year", link.row.year.into()),
            (
                "organisation",
                link.organisation_name.as_deref().unwrap_or("none").into(),
            ),
        ],
    )
}

/// `GET /shares/{id}/made`: the new link, this once, whole, with a copy button and what it
/// shares until when.
pub async fn made(
    visitor: Visitor,
    request: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, WebError> {
    let locale = visitor.locale;
    let id = id.into_inner();
    let mut connection = state.connection().await?;
    let link = sharing::made_by_caller(&mut connection, &visitor.caller, id).await?;
    drop(connection);
    let token = request
        .cookie(&flash_name(id))
        .map(|c| c.value().to_owned());
    let title = locale.text("shares-made-title");
    let content = html! {
        h1 { (title) }
        dl.details {
            dt { (locale.text("shares-shares")) } dd { (what_it_shares(locale, &link)) }
            dt { (locale.text("shares-until")) }
            dd { (locale.text_with("shares-until-date", &[("day", written::day_of(locale, link.row.expires_at).into())])) }
        }
        @match &token {
            Some(token) => {
                div.panel {
                    p { (locale.text("shares-copy-now")) }
                    label for="share-link" { (locale.text("shares-link")) }
                    div.copyable {
                        textarea #share-link.secret readonly rows="3" { (origin::for_links(&request)) "/shared/" (token) }
                        button.secondary type="button" data-copy="share-link" data-copied=(locale.text("copy-done")) hidden { (locale.text("shares-copy")) }
                    }
                }
            }
            None => {
                p { (locale.text("shares-shown-once")) }
            }
        }
        p.actions { a.button href="/shares" { (locale.text("shares-yours")) } }
    };
    let mut response =
        widgets::html_page(layout::page(&title, &visitor, Section::Countries, content));
    if token.is_some() {
        let mut spent = Cookie::build(flash_name(id), "")
            .path(made_path(id))
            .finish();
        spent.make_removal();
        response.add_cookie(&spent).map_err(ApiError::internal)?;
    }
    Ok(response)
}

/// `GET /shares`: the links the signed-in person made.
pub async fn list(visitor: Visitor, state: web::Data<AppState>) -> Result<HttpResponse, WebError> {
    let locale = visitor.locale;
    let mut connection = state.connection().await?;
    let links = sharing::made_by(&mut connection, &visitor.caller).await?;
    drop(connection);
    let now = state.clock.now();
    let title = locale.text("shares-yours");
    let content = html! {
        h1 { (title) }
        @if links.is_empty() {
            @if sharing::may_share(&visitor.caller) {
                p { (locale.text("shares-none-yet-before")) " " em { (locale.text("sharing-submit")) } " " (locale.text("shares-none-yet-after")) }
            } @else {
                p { (locale.text("shares-not-for-you")) }
            }
        } @else {
            div.table-wrap { table.cards {
                thead { tr {
                    th scope="col" { (locale.text("shares-report")) }
                    th scope="col" { (locale.text("shares-work-of")) }
                    th scope="col" { (locale.text("shares-made")) }
                    th scope="col" { (locale.text("shares-until")) }
                    th scope="col" { (locale.text("shares-state")) }
                    th scope="col" { span.muted { (locale.text("shares-action")) } }
                } }
                tbody {
                    @for link in &links {
                        @let row = &link.row;
                        tr {
                            th scope="row" { a href={ "/countries/" (row.country_code) "?year=" (row.year) } { (locale.text_with("shares-report-of", &[("country", link.country_name.as_str().into()), ("year", row.year.into())])) } }
                            td data-label=(locale.text("shares-work-of")) {
                                @match &link.organisation_name {
                                    Some(name) => (name),
                                    None => (locale.text("shares-all-organisations")),
                                }
                            }
                            td data-label=(locale.text("shares-made")) { (written::day_of(locale, row.created_at)) }
                            td data-label=(locale.text("shares-until")) { (written::day_of(locale, row.expires_at)) }
                            td data-label=(locale.text("shares-state")) { (locale.text(state_of(row, now))) }
                            td {
                                @if row.revoked_at.is_none() && row.expires_at > now {
                                    a href={ "/shares/" (row.id) "/revoke" } { (locale.text("shares-revoke")) }
                                }
                            }
                        }
                    }
                }
            } }
        }
    };
    Ok(widgets::html_page(layout::page(
        &title,
        &visitor,
        Section::Countries,
        content,
    )))
}

/// The key of a link's state in words.
fn state_of(link: &ShareLinkRow, now: chrono::DateTime<chrono::Utc>) -> &'static str {
    if link.revoked_at.is_some() {
        "shares-revoked"
    } else if link.expires_at <= now {
        "shares-expired"
    } else {
        "shares-open"
    }
}

/// `GET /shares/{id}/revoke`: asks first, of who may revoke it.
pub async fn confirm_revoke(
    visitor: Visitor,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, WebError> {
    let id = id.into_inner();
    let mut connection = state.connection().await?;
    let link = sharing::revocable_described(&mut connection, &visitor.caller, id).await?;
    let locale = visitor.locale;
    let title = locale.text("shares-revoke-title");
    let action = format!("/shares/{id}/revoke");
    let content = widgets::Confirmation {
        title: &title,
        consequence: html! { (locale.text_with("shares-revoke-consequence", &[("what", what_it_shares(locale, &link).into())])) },
        action: &action,
        button: &locale.text("shares-revoke-submit"),
        cancel: "/shares",
        cancel_label: &locale.text("shares-keep"),
    }
    .content(&visitor.csrf);
    Ok(widgets::html_page(layout::page(
        &title,
        &visitor,
        Section::Countries,
        content,
    )))
}

/// `POST /shares/{id}/revoke`.
pub async fn revoke(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    sharing::revoke(state.get_ref(), &checked.visitor.caller, id.into_inner()).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, "/shares"))
        .finish())
}

/// `GET /shared/{token}`: the shared report, for anyone with the link: the printable summary,
/// naming no person, with small reach hidden, kept out of search engines.
pub async fn open(
    request: HttpRequest,
    state: web::Data<AppState>,
    settings: web::Data<SharingSettings>,
    token: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let (link, report) = sharing::open_report(state.get_ref(), &token, 20).await?;
    let locale = locale::of_request(&request);
    let shared = Shared {
        until: link.expires_at,
        min_reach: settings.min_reach,
        languages: shell::language_footer(locale, shell::Languages::Switcher),
    };
    let translations = translations::of_report(state.get_ref(), &report, locale.language()).await?;
    let view = View {
        on_screen: None,
        shared: Some(&shared),
        translations: Some(&translations),
    };
    let page = gaps_summary::to_html(
        locale::of_request(&request),
        &report,
        &Provenance::at("", state.clock.now()),
        view,
    );
    let mut response = html_response(page);
    response.headers_mut().insert(
        actix_web::http::header::HeaderName::from_static("x-robots-tag"),
        actix_web::http::header::HeaderValue::from_static("noindex, nofollow"),
    );
    Ok(response)
}
