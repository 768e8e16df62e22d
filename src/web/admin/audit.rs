//! The audit trail: who changed what, when, with the fields before and after; filtered by kind
//! of resource, resource id, key and dates, a page at a time.

use actix_web::{HttpResponse, web};
use chrono::{TimeZone, Utc};
use maud::{Markup, html};
use serde::Deserialize;

use crate::domain::ResourceType;
use crate::http::AppState;
use crate::http::error::ApiError;
use crate::i18n::written::{self, DATE_HINT};
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
            ApiError::BadRequest(format!(
                "`{text}` is not a date for “{field}”: give {DATE_HINT}"
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
        from: day("from", query.from.as_deref(), false)?,
        to: day("to", query.to.as_deref(), true)?,
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
        h1 { "Audit trail" }
        (filters_form(&query, &filter, &trail))
        @if events.is_empty() {
            p { "No change matches these filters." }
        } @else {
            div.table-wrap { table.cards.audit {
                thead { tr { th scope="col" { "What" } th scope="col" { "Who" } th scope="col" { "When" } th scope="col" { "Changes" } } }
                tbody {
                    @for event in events {
                        tr {
                            th scope="row" { (audit_words::thing(event, names)) " " span.muted { (audit_words::action(event.action)) } }
                            td data-label="Who" {
                                @match event.user_id {
                                    Some(user) => { a href={ "/admin/people/" (user) } { (audit_words::actor(&event.key_name)) } }
                                    None => { (audit_words::actor(&event.key_name)) }
                                }
                            }
                            td data-label="When" { (crate::i18n::written::moment(locale, event.occurred_at)) }
                            td data-label="Changes" { (audit_words::fields(event, names)) }
                        }
                    }
                }
            } }
            @if trail.more { p { a href={ "/admin/audit?" (next) } { "Older changes" } } }
        }
    };
    Ok(widgets::html_page(layout::page(
        "Audit trail",
        &visitor,
        Section::Audit,
        content,
    )))
}

/// The filters, as the admin set them, with every kind, key and person to choose from.
fn filters_form(query: &AuditQuery, filter: &AuditFilter, trail: &AuditTrail) -> Markup {
    html! {
        form.filters.panel method="get" aria-label="Filters" {
            (widgets::field("resource_type", "Kind", None, html! {
                select #resource_type name="resource_type" {
                    option value="" { "Any" }
                    @for kind in ResourceType::ALL { option value=(kind) selected[filter.resource_type == Some(*kind)] { (audit_words::kind(*kind)) } }
                }
            }))
            (widgets::field("resource_id", "Resource id", None, html! {
                input #resource_id type="text" name="resource_id" value=[query.resource_id.as_deref()];
            }))
            (widgets::field("key", "Key", None, html! {
                select #key name="key" {
                    option value="" { "Any" }
                    @for (id, name) in &trail.keys { option value=(id) selected[filter.key_id == Some(*id)] { (name) } }
                }
            }))
            (widgets::field("user", "Person", None, html! {
                select #user name="user" {
                    option value="" { "Anyone" }
                    @for (id, name) in &trail.people { option value=(id) selected[filter.user_id == Some(*id)] { (name) } }
                }
            }))
            (widgets::field("from", "From", None, html! { input #from type="text" name="from" placeholder="e.g. 1 March 2026" autocomplete="off" value=[query.from.as_deref()]; }))
            (widgets::field("to", "To", None, html! { input #to type="text" name="to" placeholder="e.g. 31 March 2026" autocomplete="off" value=[query.to.as_deref()]; }))
            button type="submit" { "Apply filters" }
        }
    }
}
