//! The audit trail: who changed what, when, with the fields before and after; filtered by kind
//! of resource, resource id, key and dates, a page at a time.

use actix_web::{HttpResponse, web};
use chrono::{TimeZone, Utc};
use maud::{Markup, html};
use serde::Deserialize;

use crate::domain::ResourceType;
use crate::http::AppState;
use crate::http::error::ApiError;
use crate::i18n::{Locale, written};
use crate::usecases::audit::{self, AuditFilter, AuditTrail};
use crate::web::admin::audit_words;
use crate::web::error::WebError;
use crate::web::filters::{self, query_string};
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;
use crate::web::widgets;

#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    resource_type: Option<String>,
    resource_id: Option<String>,
    key: Option<String>,
    user: Option<String>,
    from: Option<String>,
    to: Option<String>,
    /// Show events older than this event id (the next page).
    before: Option<String>,
}

/// The table's columns, as the catalogue names them.
const COLUMNS: [&str; 4] = [
    "audit-column-what",
    "audit-column-who",
    "audit-column-when",
    "audit-column-changes",
];

/// Events per page.
const PAGE: usize = 50;

/// `GET /admin/audit`.
pub async fn audit_page(
    visitor: Visitor,
    state: web::Data<AppState>,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, WebError> {
    let locale = visitor.locale;
    let day = |field: &str, value: Option<&str>, end: bool| -> Result<_, WebError> {
        let Some(text) = value.map(str::trim).filter(|t| !t.is_empty()) else {
            return Ok(None);
        };
        let date = written::typed_date(text).ok_or_else(|| {
            ApiError::BadRequest(locale.text_with(
                "audit-date-unreadable",
                &[("text", text.into()), ("field", locale.text(field).into())],
            ))
        })?;
        let time = if end {
            date.succ_opt().unwrap_or(date)
        } else {
            date
        };
        Ok(Some(Utc.from_utc_datetime(
            &time.and_hms_opt(0, 0, 0).expect("midnight exists"),
        )))
    };
    let filter = AuditFilter {
        resource_type: filters::optional::<ResourceType>(
            "resource type",
            query.resource_type.as_deref(),
        )?,
        resource_id: query
            .resource_id
            .clone()
            .filter(|id| !id.trim().is_empty() && !id.contains('\0')),
        key_id: filters::optional("key", query.key.as_deref())?,
        user_id: filters::optional("person", query.user.as_deref())?,
        from: day("audit-filter-from", query.from.as_deref(), false)?,
        to: day("audit-filter-to", query.to.as_deref(), true)?,
    };
    let before = filters::optional::<i64>("page", query.before.as_deref())?;
    let trail = audit::trail(state.get_ref(), &visitor.caller, &filter, before, PAGE).await?;
    let events = &trail.events;
    let names = &trail.names;
    let next = query_string(&[
        ("resource_type", query.resource_type.clone()),
        ("resource_id", query.resource_id.clone()),
        ("key", query.key.clone()),
        ("user", query.user.clone()),
        ("from", query.from.clone()),
        ("to", query.to.clone()),
        ("before", events.last().map(|e| e.id.to_string())),
    ]);
    let content = html! {
        h1 { (locale.text("audit-title")) }
        p { a href="/admin/backups" { (locale.text("audit-backups-link")) } }
        (filters_form(locale, &query, &filter, &trail))
        @if events.is_empty() {
            p { (locale.text("audit-none")) }
        } @else {
            div.table-wrap { table.cards.audit {
                thead { tr {
                    @for key in COLUMNS { th scope="col" { (locale.text(key)) } }
                } }
                tbody {
                    @for event in events {
                        tr {
                            th scope="row" {
                                (audit_words::thing(locale, event, names)) " "
                                span.muted { (audit_words::action(locale, event.action)) }
                            }
                            td data-label=(locale.text("audit-column-who")) {
                                @match event.user_id {
                                    Some(user) => { a href={ "/admin/people/" (user) } { (audit_words::actor(locale, &event.key_name)) } }
                                    None => { (audit_words::actor(locale, &event.key_name)) }
                                }
                            }
                            td data-label=(locale.text("audit-column-when")) { (written::moment(locale, event.occurred_at)) }
                            td data-label=(locale.text("audit-column-changes")) { (audit_words::fields(locale, event, names)) }
                        }
                    }
                }
            } }
            @if trail.more { p { a href={ "/admin/audit?" (next) } { (locale.text("audit-older")) } } }
        }
    };
    Ok(widgets::html_page(layout::page(
        &locale.text("audit-title"),
        &visitor,
        Section::Audit,
        content,
    )))
}

/// The filters, as the admin set them, with every kind, key and person to choose from.
fn filters_form(
    locale: Locale,
    query: &AuditQuery,
    filter: &AuditFilter,
    trail: &AuditTrail,
) -> Markup {
    let text = |key: &str| locale.text(key);
    html! {
        form.filters.panel method="get" aria-label=(text("audit-filters")) {
            (widgets::field("resource_type", &text("audit-filter-kind"), None, html! {
                select #resource_type name="resource_type" {
                    option value="" { (text("audit-filter-any")) }
                    @for kind in ResourceType::ALL {
                        option value=(kind) selected[filter.resource_type == Some(*kind)] { (audit_words::kind(locale, *kind)) }
                    }
                }
            }))
            (widgets::field("resource_id", &text("audit-filter-resource"), None, html! {
                input #resource_id type="text" name="resource_id" value=[query.resource_id.as_deref()];
            }))
            (widgets::field("key", &text("audit-filter-key"), None, html! {
                select #key name="key" {
                    option value="" { (text("audit-filter-any-key")) }
                    @for (id, name) in &trail.keys { option value=(id) selected[filter.key_id == Some(*id)] { (name) } }
                }
            }))
            (widgets::field("user", &text("audit-filter-person"), None, html! {
                select #user name="user" {
                    option value="" { (text("audit-filter-anyone")) }
                    @for (id, name) in &trail.people { option value=(id) selected[filter.user_id == Some(*id)] { (name) } }
                }
            }))
            (widgets::field("from", &text("audit-filter-from"), None, html! {
                input #from type="text" name="from" placeholder=(text("audit-from-example")) autocomplete="off" value=[query.from.as_deref()];
            }))
            (widgets::field("to", &text("audit-filter-to"), None, html! {
                input #to type="text" name="to" placeholder=(text("audit-to-example")) autocomplete="off" value=[query.to.as_deref()];
            }))
            button type="submit" { (text("audit-filter-apply")) }
        }
    }
}
