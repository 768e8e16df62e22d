//! `GET /interventions`: the list, with its filters.

use std::collections::HashMap;

use actix_web::{HttpResponse, web};
use maud::html;
use serde::Deserialize;
use uuid::Uuid;

use crate::db::interventions::InterventionFilter;
use crate::db::{interventions, organisations};
use crate::domain::{InterventionKind, InterventionStatus};
use crate::http::AppState;
use crate::usecases;
use crate::web::error::WebError;
use crate::web::filters;
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;
use crate::web::widgets;

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    organisation: Option<String>,
    country: Option<String>,
    status: Option<String>,
    kind: Option<String>,
}

/// `GET /interventions`.
pub(super) async fn list(
    visitor: Visitor,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, WebError> {
    let mut connection = state.connection().await?;
    let country = match query.country.as_deref().filter(|c| !c.is_empty()) {
        Some(name) => {
            Some(usecases::countries::country_from_filter(&mut connection, "country", name).await?)
        }
        None => None,
    };
    let filter = InterventionFilter {
        organisation: filters::organisation(query.organisation.as_deref())?,
        country,
        kind: filters::optional("kind", query.kind.as_deref())?,
        status: filters::optional("status", query.status.as_deref())?,
    };
    let rows = interventions::list(&mut connection, &filter, None, 500).await?;
    let organisations = organisations::list(&mut connection, None, 1000).await?;
    let names: HashMap<Uuid, &str> = organisations
        .iter()
        .map(|o| (o.id, o.name.as_str()))
        .collect();
    let can_create = visitor.caller.may_edit(None);
    let content = html! {
        h1 { "Interventions" }
        @if can_create { p { a.button href="/interventions/new" { "Log an intervention" } } }
        form.filters.panel method="get" aria-label="Filters" {
            (widgets::organisation_filter("Organisation", &organisations, filter.organisation))
            div {
                label for="country" { "Country" }
                input #country type="text" name="country" value=[query.country.as_deref()] placeholder="e.g. Sierra Leone";
            }
            div {
                label for="status" { "Status" }
                select #status name="status" {
                    option value="" { "Any" }
                    @for s in InterventionStatus::ALL { option value=(s) selected[filter.status == Some(*s)] { (s) } }
                }
            }
            div {
                label for="kind" { "Kind" }
                select #kind name="kind" {
                    option value="" { "Any" }
                    @for k in InterventionKind::ALL { option value=(k) selected[filter.kind == Some(*k)] { (k.label()) } }
                }
            }
            button type="submit" { "Apply filters" }
        }
        @if let Some(organisation) = organisations.iter().find(|o| Some(o.id) == filter.organisation) {
            p.actions {
                @if organisation.iati_identifier.is_some() {
                    a.button.secondary href={ "/organisations/" (organisation.id) "/iati-activities.xml" } download {
                        "Download " (organisation.name) "'s IATI activity file (XML)"
                    }
                } @else {
                    span.muted { (organisation.name) " has no IATI organisation identifier yet: an admin records it to offer its IATI activity file." }
                }
            }
        }
        @if rows.is_empty() {
            p { "No intervention matches these filters." }
        } @else {
            div.table-wrap { table {
                thead { tr { th scope="col" { "Title" } th scope="col" { "Organisation" } th scope="col" { "Countries" } th scope="col" { "Kind" } th scope="col" { "Status" } } }
                tbody {
                    @for i in &rows {
                        tr {
                            th scope="row" { a href={ "/interventions/" (i.row.id) } { (i.row.title) } }
                            td { (names.get(&i.row.organisation_id).copied().unwrap_or("–")) }
                            td { (i.countries.join(", ")) }
                            td { (i.row.kind.label()) }
                            td { (i.row.status) }
                        }
                    }
                }
            } }
        }
    };
    Ok(widgets::html_page(layout::page(
        "Interventions",
        &visitor,
        Section::Interventions,
        content,
    )))
}
