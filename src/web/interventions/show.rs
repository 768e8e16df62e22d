//! `GET /interventions/{id}`: an intervention, and the recommendations of its countries it may
//! answer, each with the form to link it.

use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use serde::Deserialize;
use uuid::Uuid;

use crate::domain::{Contribution, Pillar};
use crate::http::AppState;
use crate::http::error::FieldError;
use crate::i18n::{Locale, Worded};
use crate::usecases::intervention_page::{
    self, Intervention, InterventionPage, LinkRow, ReportRow,
};
use crate::web::error::WebError;
use crate::web::filters;
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;
use crate::web::widgets;
use crate::web::written;

#[derive(Debug, Default, Deserialize)]
pub struct ShowQuery {
    year: Option<String>,
    pillar: Option<String>,
    saved: Option<String>,
    /// The recommendation just linked, to say so beside it. Text, read leniently: a notice that
    /// cannot be placed is left out, never an error page.
    linked: Option<String>,
    /// The recommendation whose link was just changed.
    relinked: Option<String>,
    /// The recommendation whose link was just removed.
    unlinked: Option<String>,
    /// The recommendation whose link form opens (the intervention was logged to answer it).
    link: Option<String>,
}

/// The recommendation a notice parameter names, if it names one.
fn notice_for(parameter: Option<&str>) -> Option<Uuid> {
    parameter.and_then(|text| text.parse().ok())
}

/// What a link form held when it was refused.
pub(super) struct RefusedLink {
    pub(super) recommendation_id: Uuid,
    pub(super) contribution: String,
    pub(super) rationale: String,
    pub(super) evidence_url: String,
    pub(super) errors: Vec<FieldError>,
}

/// `GET /interventions/{id}`.
pub(super) async fn show(
    visitor: Visitor,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<ShowQuery>,
) -> Result<HttpResponse, WebError> {
    render_show(&visitor, &state, *id, &query, None, HttpResponse::Ok()).await
}

pub(super) async fn render_show(
    visitor: &Visitor,
    state: &AppState,
    id: Uuid,
    query: &ShowQuery,
    refused: Option<RefusedLink>,
    mut response: actix_web::HttpResponseBuilder,
) -> Result<HttpResponse, WebError> {
    let locale = visitor.locale;
    let chosen_year = filters::optional::<i32>("report year", query.year.as_deref())?;
    let pillar = filters::optional::<Pillar>("pillar", query.pillar.as_deref())?;
    let page =
        intervention_page::intervention_page(state, &visitor.caller, id, chosen_year, pillar)
            .await?;
    let InterventionPage {
        intervention,
        organisation_name,
        editable,
        linked,
        country_names: names,
        sections,
        years,
    } = page;
    let row = &intervention.row;
    let linked_now = notice_for(query.linked.as_deref());
    let relinked_now = notice_for(query.relinked.as_deref());
    let unlinked_now = notice_for(query.unlinked.as_deref());
    let open_link = notice_for(query.link.as_deref());
    let title = row.title.clone();
    let content = html! {
        h1 { (title) }
        @if query.saved.is_some() { div.notice role="status" { p { "Saved." } } }
        (details(locale, &intervention, &names, organisation_name, editable))
        section aria-labelledby="recommendations" {
            h2 #recommendations { "Recommendations of its countries" }
            (recommendation_filters(locale, &years, chosen_year, pillar))
            @for section in &sections {
                section.country-recommendations aria-labelledby={ "recommendations-" (section.code) } {
                    h3 id={ "recommendations-" (section.code) } {
                        (section.name)
                        @if let Some(year) = section.year { span.muted { " · " (year) " report" } }
                    }
                    @if section.gaps.is_empty() {
                        p.muted {
                            @if section.year.is_some() { "No recommendation to " (section.name) " matches these filters." }
                            @else { "No report has recommendations for " (section.name) " yet." }
                        }
                    }
                    ol.recommendations {
                        @for gap in &section.gaps {
                            li #{ "recommendation-" (gap.id) } data-status=(gap.status) {
                                p { (widgets::status(locale, gap.status)) " " strong { (gap.position) ". " } (gap.text) }
                                @if linked_now == Some(gap.id) {
                                    div.notice role="status" { p { (locale.text("linked-notice")) } }
                                }
                                @if relinked_now == Some(gap.id) {
                                    div.notice role="status" { p { (locale.text("relinked-notice")) } }
                                }
                                @if unlinked_now == Some(gap.id) {
                                    div.notice role="status" { p { "The link is removed, with its rationale and evidence." } }
                                }
                                @if let Some(link) = linked.get(&gap.id) { (link_evidence(link)) }
                                @if editable {
                                    (link_form(visitor, id, gap.id, refused.as_ref().filter(|r| r.recommendation_id == gap.id), linked.get(&gap.id), open_link == Some(gap.id)))
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(response
        .content_type("text/html; charset=utf-8")
        .body(layout::page(&title, visitor, Section::Interventions, content).into_string()))
}

/// What the intervention is: who runs it, where, what kind, since when, and how many it reached;
/// with the way to edit it, for those who may.
fn details(
    locale: Locale,
    intervention: &Intervention,
    country_names: &[String],
    organisation: Option<String>,
    editable: bool,
) -> Markup {
    let row = &intervention.row;
    let id = row.id;
    html! {
        div.panel {
            dl.details {
                dt { "Organisation" } dd { (organisation.unwrap_or_default()) }
                dt { "Countries" } dd { (country_names.join(", ")) }
                dt { "Kind" } dd { (row.kind.label(locale)) }
                dt { "Status" } dd { (row.status.label(locale)) }
                @if let Some(d) = &row.description { dt { "Description" } dd { (d) } }
                @if let Some(d) = row.started_on { dt { "Started on" } dd { (written::date(d)) } }
                @if let Some(d) = row.ended_on { dt { "Ended on" } dd { (written::date(d)) } }
                @if let Some(l) = &row.location { dt { "Location" } dd { (l) } }
                @if let Some(n) = row.people_reached { dt { "People reached" } dd { (written::count(n.into())) } }
            }
            @if editable { p { a.button href={ "/interventions/" (id) "/edit" } { "Edit" } } }
        }
    }
}

/// Which recommendations of its countries the page lists: a report year (each country's latest
/// by default) and a pillar.
fn recommendation_filters(
    locale: Locale,
    years: &[ReportRow],
    year: Option<i32>,
    pillar: Option<Pillar>,
) -> Markup {
    html! {
        form.filters.panel method="get" aria-label="Which recommendations" {
            div {
                label for="year" { "Report year" }
                select #year name="year" {
                    option value="" { "Each country's latest" }
                    @for report in years { option value=(report.year) selected[year == Some(report.year)] { (report.year) } }
                }
            }
            div {
                label for="pillar" { "Pillar" }
                select #pillar name="pillar" {
                    option value="" { "All pillars" }
                    @for p in Pillar::ALL { option value=(p) selected[pillar == Some(*p)] { (p.label(locale)) } }
                }
            }
            button type="submit" { "Show" }
        }
    }
}

fn link_form(
    visitor: &Visitor,
    intervention: Uuid,
    recommendation: Uuid,
    refused: Option<&RefusedLink>,
    current: Option<&LinkRow>,
    open: bool,
) -> Markup {
    let locale = visitor.locale;
    let error_of = |field: &str| {
        refused.and_then(|r| {
            r.errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    };
    // What the form opens with: what was typed when it was refused, else what is stored, so that
    // changing one field keeps the others.
    let contribution = refused
        .map(|r| r.contribution.clone())
        .or(current.map(|c| c.contribution.to_string()))
        .unwrap_or_else(|| "full".into());
    let rationale = match (refused, current) {
        (Some(r), _) => r.rationale.clone(),
        (None, Some(c)) => c.rationale.clone().unwrap_or_default(),
        (None, None) => String::new(),
    };
    let evidence_url = match (refused, current) {
        (Some(r), _) => r.evidence_url.clone(),
        (None, Some(c)) => c.evidence_url.clone().unwrap_or_default(),
        (None, None) => String::new(),
    };
    let prefix = format!("link-{recommendation}");
    html! {
        details open[refused.is_some() || open] {
            summary { @if current.is_some() { "Change the link" } @else { "Link this intervention" } }
            form method="post" action={ "/interventions/" (intervention) "/links" } {
                input type="hidden" name="csrf" value=(visitor.csrf);
                input type="hidden" name="recommendation_id" value=(recommendation);
                div.field {
                    label for={ (prefix) "-contribution" } { "Contribution" }
                    select id={ (prefix) "-contribution" } name="contribution" {
                        @for c in Contribution::ALL { option value=(c) selected[contribution == c.as_str()] { (c.label(locale)) } }
                    }
                }
                div.field {
                    label for={ (prefix) "-rationale" } { "Rationale" }
                    textarea id={ (prefix) "-rationale" } name="rationale" { (rationale) }
                }
                @let url_error = error_of("evidence_url");
                div.field.invalid[url_error.is_some()] {
                    label for={ (prefix) "-evidence" } { "Evidence URL" }
                    input id={ (prefix) "-evidence" } type="url" name="evidence_url" value=(evidence_url)
                        aria-describedby=[url_error.as_ref().map(|_| format!("{prefix}-evidence-error"))] aria-invalid=[url_error.as_ref().map(|_| "true")];
                    @if let Some(error) = url_error { p.field-error id={ (prefix) "-evidence-error" } { (widgets::message(&error)) } }
                }
                @if let Some(refused) = refused {
                    @for error in refused.errors.iter().filter(|e| e.field != "evidence_url") {
                        p.field-error { (widgets::message(&error.message)) }
                    }
                }
                div.actions {
                    button type="submit" { @if current.is_some() { "Save the link" } @else { "Link" } }
                    @if current.is_some() {
                        a.button.secondary href={ "/interventions/" (intervention) "/links/" (recommendation) "/remove" } { "Remove the link…" }
                    }
                }
            }
        }
    }
}

/// How the intervention answers a linked recommendation, and on what evidence: what a grant writer
/// cites and a colleague checks.
fn link_evidence(link: &LinkRow) -> Markup {
    html! {
        div.link-evidence {
            p { strong { (contribution_in_words(link.contribution)) } }
            @if let Some(rationale) = &link.rationale { p.rationale { (rationale) } }
            @match &link.evidence_url {
                Some(url) => p { "Evidence: " a href=(url) rel="noopener noreferrer" { (url) } },
                None => p.muted { "No evidence given yet." },
            }
            p.muted.link-authors {
                "Linked" @if let Some(by) = &link.linked_by { " by " (by) }
                " on " (crate::web::written::day_of(link.created_at))
                @if link.changed_by.is_some() || link.updated_at.date_naive() != link.created_at.date_naive() {
                    "; changed" @if let Some(by) = &link.changed_by { " by " (by) }
                    " on " (crate::web::written::day_of(link.updated_at))
                }
                "."
            }
        }
    }
}

/// A link's contribution, said of the intervention.
pub(super) fn contribution_in_words(contribution: Contribution) -> &'static str {
    match contribution {
        Contribution::Full => "This intervention answers it in full.",
        Contribution::Partial => "This intervention answers it in part.",
    }
}
