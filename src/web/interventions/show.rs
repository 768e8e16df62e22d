//! `GET /interventions/{id}`: an intervention, and the recommendations of its countries it may
//! answer, each with the form to link it.

use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use serde::Deserialize;
use uuid::Uuid;

use crate::domain::{Contribution, Pillar};
use crate::http::AppState;
use crate::http::error::FieldError;
use crate::i18n::written;
use crate::i18n::{Locale, Worded};
use crate::usecases::intervention_page::{
    self, Intervention, InterventionPage, LinkRow, RecommendationChoice, ReportRow,
};
use crate::web::error::WebError;
use crate::web::filters;
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;
use crate::web::{translated, widgets};

#[derive(Debug, Default, Deserialize)]
pub struct ShowQuery {
    year: Option<String>,
    pillar: Option<String>,
    /// A piece of text the recommendations listed say, in either language.
    q: Option<String>,
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
    let choice = RecommendationChoice {
        year: filters::optional::<i32>("report year", query.year.as_deref())?,
        pillar: filters::optional::<Pillar>("pillar", query.pillar.as_deref())?,
        text: crate::domain::search_text("q", query.q.as_deref())?,
    };
    let page = intervention_page::intervention_page(
        state,
        &visitor.caller,
        id,
        &choice,
        locale.language(),
    )
    .await?;
    let InterventionPage {
        intervention,
        organisation_name,
        editable,
        linked,
        country_names: names,
        sections,
        years,
        translations,
    } = page;
    let names: Vec<String> = intervention
        .countries
        .iter()
        .zip(&names)
        .map(|(code, name)| locale.country(code, name).into_owned())
        .collect();
    let row = &intervention.row;
    let linked_now = notice_for(query.linked.as_deref());
    let relinked_now = notice_for(query.relinked.as_deref());
    let unlinked_now = notice_for(query.unlinked.as_deref());
    let open_link = notice_for(query.link.as_deref());
    let title = row.title.clone();
    let content = html! {
        h1 { (title) }
        @if query.saved.is_some() { div.notice role="status" { p { (locale.text("interventions-saved")) } } }
        (details(locale, &intervention, &names, organisation_name, editable))
        section aria-labelledby="recommendations" {
            h2 #recommendations { (locale.text("interventions-its-recommendations")) }
            (recommendation_filters(locale, &years, &choice))
            @for section in &sections {
                section.country-recommendations aria-labelledby={ "recommendations-" (section.code) } {
                    h3 id={ "recommendations-" (section.code) } {
                        (locale.country(&section.code, &section.name))
                        @if let Some(year) = section.year { span.muted { " · " (locale.text_with("interventions-section-year", &[("year", year.into())])) } }
                    }
                    @if section.gaps.is_empty() {
                        p.muted {
                            @let country = locale.country(&section.code, &section.name);
                            @if section.year.is_some() { (locale.text_with("interventions-none-matches", &[("country", country.as_ref().into())])) }
                            @else { (locale.text_with("interventions-no-report", &[("country", country.as_ref().into())])) }
                        }
                    }
                    ol.recommendations {
                        @for gap in &section.gaps {
                            li #{ "recommendation-" (gap.id) } data-status=(gap.status) {
                                @let translation = translations.get(&gap.id);
                                p { (widgets::status(locale, gap.status)) " " strong { (gap.position) ". " } (translated::text(&gap.text, translation)) }
                                (translated::original(locale, &gap.text, translation))
                                @if linked_now == Some(gap.id) {
                                    div.notice role="status" { p { (locale.text("linked-notice")) } }
                                }
                                @if relinked_now == Some(gap.id) {
                                    div.notice role="status" { p { (locale.text("relinked-notice")) } }
                                }
                                @if unlinked_now == Some(gap.id) {
                                    div.notice role="status" { p { (locale.text("interventions-unlinked")) } }
                                }
                                @if let Some(link) = linked.get(&gap.id) { (link_evidence(locale, link)) }
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
                dt { (locale.text("interventions-organisation")) } dd { (organisation.unwrap_or_default()) }
                dt { (locale.text("interventions-column-countries")) } dd { (country_names.join(", ")) }
                dt { (locale.text("interventions-kind")) } dd { (row.kind.label(locale)) }
                dt { (locale.text("interventions-status")) } dd { (row.status.label(locale)) }
                @if let Some(d) = &row.description { dt { (locale.text("interventions-description")) } dd { (d) } }
                @if let Some(d) = row.started_on { dt { (locale.text("interventions-started-on")) } dd { (written::date(locale, d)) } }
                @if let Some(d) = row.ended_on { dt { (locale.text("interventions-ended-on")) } dd { (written::date(locale, d)) } }
                @if let Some(l) = &row.location { dt { (locale.text("interventions-location")) } dd { (l) } }
                @if let Some(n) = row.people_reached { dt { (locale.text("interventions-people-reached")) } dd { (written::count(locale, n.into())) } }
            }
            @if editable { p { a.button href={ "/interventions/" (id) "/edit" } { (locale.text("interventions-edit")) } } }
        }
    }
}

/// Which recommendations of its countries the page lists: a report year (each country's latest
/// by default), a pillar, and words they say.
fn recommendation_filters(
    locale: Locale,
    years: &[ReportRow],
    choice: &RecommendationChoice,
) -> Markup {
    let RecommendationChoice { year, pillar, text } = choice;
    let (year, pillar) = (*year, *pillar);
    html! {
        form.filters.panel method="get" aria-label=(locale.text("interventions-which-recommendations")) {
            div {
                label for="year" { (locale.text("filter-report-year")) }
                select #year name="year" {
                    option value="" { (locale.text("filter-each-latest")) }
                    @for report in years { option value=(report.year) selected[year == Some(report.year)] { (report.year) } }
                }
            }
            div {
                label for="pillar" { (locale.text("interventions-pillar")) }
                select #pillar name="pillar" {
                    option value="" { (locale.text("interventions-all-pillars")) }
                    @for p in Pillar::ALL { option value=(p) selected[pillar == Some(*p)] { (p.label(locale)) } }
                }
            }
            div {
                label for="q" { (locale.text("interventions-recommendation-search")) }
                input #q type="search" name="q" value=[text.as_deref()] maxlength="200"
                    placeholder=(locale.text("interventions-recommendation-search-hint"));
            }
            button type="submit" { (locale.text("interventions-show")) }
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
                .map(|e| locale.refusal(&e.problem))
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
            summary { @if current.is_some() { (locale.text("link-change")) } @else { (locale.text("link-this")) } }
            form method="post" action={ "/interventions/" (intervention) "/links" } {
                input type="hidden" name="csrf" value=(visitor.csrf);
                input type="hidden" name="recommendation_id" value=(recommendation);
                div.field {
                    label for={ (prefix) "-contribution" } { (locale.text("offer-contribution")) }
                    select id={ (prefix) "-contribution" } name="contribution" {
                        @for c in Contribution::ALL { option value=(c) selected[contribution == c.as_str()] { (c.label(locale)) } }
                    }
                }
                div.field {
                    label for={ (prefix) "-rationale" } { (locale.text("offer-rationale")) }
                    textarea id={ (prefix) "-rationale" } name="rationale" { (rationale) }
                }
                @let url_error = error_of("evidence_url");
                div.field.invalid[url_error.is_some()] {
                    label for={ (prefix) "-evidence" } { (locale.text("offer-evidence")) }
                    input id={ (prefix) "-evidence" } type="url" name="evidence_url" value=(evidence_url)
                        aria-describedby=[url_error.as_ref().map(|_| format!("{prefix}-evidence-error"))] aria-invalid=[url_error.as_ref().map(|_| "true")];
                    @if let Some(error) = url_error { p.field-error id={ (prefix) "-evidence-error" } { (widgets::message(&error)) } }
                }
                @if let Some(refused) = refused {
                    @for error in refused.errors.iter().filter(|e| e.field != "evidence_url") {
                        p.field-error { (widgets::message(&locale.refusal(&error.problem))) }
                    }
                }
                div.actions {
                    button type="submit" { @if current.is_some() { (locale.text("link-save")) } @else { (locale.text("offer-submit")) } }
                    @if current.is_some() {
                        a.button.secondary href={ "/interventions/" (intervention) "/links/" (recommendation) "/remove" } { (locale.text("link-remove")) }
                    }
                }
            }
        }
    }
}

/// How the intervention answers a linked recommendation, and on what evidence: what a grant writer
/// cites and a colleague checks.
fn link_evidence(locale: Locale, link: &LinkRow) -> Markup {
    let changed =
        link.changed_by.is_some() || link.updated_at.date_naive() != link.created_at.date_naive();
    html! {
        div.link-evidence {
            p { strong { (contribution_in_words(locale, link.contribution)) } }
            @if let Some(rationale) = &link.rationale { p.rationale { (rationale) } }
            @match &link.evidence_url {
                Some(url) => p { (locale.text("answer-evidence")) " " a href=(url) rel="noopener noreferrer" { (url) } },
                None => p.muted { (locale.text("link-no-evidence")) },
            }
            p.muted.link-authors {
                (by_whom(locale, ("link-linked", "link-linked-by"), link.linked_by.as_deref(), link.created_at))
                @if changed {
                    " " (by_whom(locale, ("link-changed", "link-changed-by"), link.changed_by.as_deref(), link.updated_at))
                }
            }
        }
    }
}

/// "Linked on 5 March 2024." or, when who is known, "Linked by Awa on 5 March 2024.": `keys`
/// are the message without a name and the one with.
fn by_whom(
    locale: Locale,
    (anonymous, named): (&str, &str),
    name: Option<&str>,
    at: chrono::DateTime<chrono::Utc>,
) -> String {
    let day = written::day_of(locale, at);
    match name {
        Some(name) => locale.text_with(named, &[("name", name.into()), ("day", day.into())]),
        None => locale.text_with(anonymous, &[("day", day.into())]),
    }
}

/// A link's contribution, said of the intervention.
pub(super) fn contribution_in_words(locale: Locale, contribution: Contribution) -> String {
    locale.text(match contribution {
        Contribution::Full => "link-answers-fully",
        Contribution::Partial => "link-answers-partly",
    })
}
