//! A country's page: its tier history and the gap report by pillar, every recommendation with its
//! status, its line and the interventions that answer it; and its printable version.

use std::collections::HashMap;

use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use serde::Deserialize;
use uuid::Uuid;

use super::error::WebError;
use super::filters::{self, query_string};
use super::layout::{self, Section};
use super::session::Visitor;
use super::{translated, widgets};
use crate::config::SharingSettings;
use crate::domain::{Pillar, RecommendationStatus, Role, known_movement, reporting_period};
use crate::http::AppState;
use crate::i18n::written;
use crate::i18n::{Locale, Worded};
use crate::usecases::country_page::{
    self, CountryPage, Linkable, OrganisationRow, TierRow, TierSource, Window,
};
use crate::usecases::gap_report::{self as gaps, GapFilters, GapReport};
use crate::usecases::translations::TranslationRow;
use crate::web::interventions::from_country::{OfferChoices, link_offer};

#[derive(Debug, Default, Deserialize)]
pub struct CountryQuery {
    year: Option<String>,
    organisation: Option<String>,
    status: Option<String>,
    persistent_only: Option<String>,
    /// How many lineage answers were just saved, to say so.
    answered: Option<String>,
    /// The recommendation just linked from this page, to say so beside it (read leniently).
    linked: Option<String>,
    /// The recommendation whose link was just changed from this page.
    relinked: Option<String>,
}

impl CountryQuery {
    pub(super) fn gap_filters(&self) -> Result<GapFilters, WebError> {
        Ok(GapFilters {
            year: filters::optional("report year", self.year.as_deref())?,
            organisation: filters::organisation(self.organisation.as_deref())?,
            status: filters::optional("status", self.status.as_deref())?,
            persistent_only: self.persistent_only.as_deref() == Some("true"),
        })
    }

    pub(super) fn as_query_string(&self) -> String {
        query_string(&[
            ("year", self.year.clone()),
            ("organisation", self.organisation.clone()),
            ("status", self.status.clone()),
            ("persistent_only", self.persistent_only.clone()),
        ])
    }
}

/// `path`, with `query` when there is one.
pub(super) fn with_query(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

/// How many interventions the page lists per recommendation, the strongest first, as the API
/// does by default: enough to show what makes each status; past them the page links to the
/// interventions list narrowed to the recommendation.
const INTERVENTIONS_SHOWN: u32 = 10;

pub(super) async fn report(
    state: &AppState,
    code: &str,
    query: &CountryQuery,
) -> Result<GapReport, WebError> {
    Ok(gaps::gap_report(state, code, &query.gap_filters()?, INTERVENTIONS_SHOWN).await?)
}

/// `GET /countries/{code}`.
pub async fn country_page(
    visitor: Visitor,
    state: web::Data<AppState>,
    sharing: web::Data<SharingSettings>,
    code: web::Path<String>,
    query: web::Query<CountryQuery>,
) -> Result<HttpResponse, WebError> {
    let page = country_page::country_page(
        state.get_ref(),
        &visitor.caller,
        &code,
        &query.gap_filters()?,
        INTERVENTIONS_SHOWN,
        visitor.locale.language(),
    )
    .await?;
    Ok(country_view(&visitor, &query, sharing.link_days, &page))
}

/// The country's page, from what [`country_page::country_page`] read.
fn country_view(
    visitor: &Visitor,
    query: &CountryQuery,
    link_days: i64,
    page: &CountryPage,
) -> HttpResponse {
    let locale = visitor.locale;
    let report = &page.report;
    let offers = LinkOffers {
        visitor,
        linkable: &page.linkable,
        choices: OfferChoices::of(locale, &page.linkable),
        year_asked: query.year.as_ref().and(report.year),
        linked: query.linked.as_deref().and_then(|id| id.parse().ok()),
        relinked: query.relinked.as_deref().and_then(|id| id.parse().ok()),
    };
    let country = &report.country;
    let title = match report.year {
        Some(year) => locale.text_with(
            "gaps-title-year",
            &[
                (
                    "country",
                    locale.country(&country.code, &country.tip_name).into(),
                ),
                ("year", year.into()),
            ],
        ),
        None => locale
            .country(&country.code, &country.tip_name)
            .into_owned(),
    };
    let window = page.window.as_ref();
    let content = html! {
        h1 { (title) }
        (summary_panel(locale, report, query, window))
        (filter_form(locale, report, query, &page.organisations, &page.years))
        @if crate::usecases::share_links::may_share(&visitor.caller) {
            @if let Some(year) = report.year { (share_form(report, year, visitor, link_days)) }
        }
        @if let Some(answered) = query.answered.as_deref().and_then(|n| n.parse::<usize>().ok()) {
            div.notice role="status" #lineage-done {
                p { (locale.text_with("lineage-answers-saved", &[("count", answered.into())])) }
            }
        }
        @if let Some(year) = report.year { (crate::web::lineage::suggestions_form(visitor, &country.code, year, &page.suggestions)) }
        (tier_history(locale, &page.history, &page.tier_sources))
        (recommendations_by_pillar(locale, report, &page.translations, visitor.caller.is_admin(), window, Some(&offers)))
        @if report.recommendations.is_empty() {
            p { (locale.text("gaps-no-match")) }
        }
    };
    widgets::html_page(layout::page(&title, visitor, Section::Countries, content))
}

/// The note beside a recommendation nothing answers yet in the period the next report will
/// assess.
fn window_note(locale: Locale, window: &Window) -> String {
    locale.text_with(
        "gaps-window-note",
        &[(
            "period",
            written::period(locale, reporting_period(window.next_year)).into(),
        )],
    )
}

/// The country's tier and how many of its recommendations stand where, with the ways to the
/// printable summary, the downloads and the call-for-information pack.
fn summary_panel(
    locale: Locale,
    report: &GapReport,
    query: &CountryQuery,
    window: Option<&Window>,
) -> Markup {
    let country = &report.country;
    html! {
        div.panel {
            @if let Some(tier) = &report.tier {
                p { (locale.text_with("gaps-placed", &[
                    ("tier", tier.tier.label(locale).into()),
                    ("movement", widgets::movement(locale, tier.movement).into()),
                    ("waiver", if tier.waiver { "yes" } else { "no" }.into()),
                ])) }
            }
            p {
                (locale.text_with("gaps-summary", &[
                    ("unaddressed", report.summary.unaddressed.into()),
                    ("total", report.summary.total.into()),
                    ("addressed", report.summary.addressed.into()),
                    ("coverage", written::percent(locale, report.summary.coverage_ratio).into()),
                    ("partly", report.summary.partially_addressed.into()),
                    ("planned", report.summary.planned.into()),
                ]))
            }
            @if let Some(window) = window {
                @let waiting = report.recommendations.iter().filter(|r| !window.answered.contains(&r.id)).count();
                p {
                    (locale.text_with("gaps-window-waiting", &[
                        ("waiting", waiting.into()),
                        ("total", report.recommendations.len().into()),
                        ("year", window.next_year.into()),
                        ("period", written::period(locale, reporting_period(window.next_year)).into()),
                    ]))
                }
            }
            p.actions.no-print {
                @let filters = query.as_query_string();
                a href=(with_query(&format!("/countries/{}/print", country.code), &filters)) { (locale.text("gaps-printable")) }
                a href=(with_query(&format!("/countries/{}/gaps.xlsx", country.code), &filters)) download { (locale.text("download-xlsx")) }
                a href=(with_query(&format!("/countries/{}/gaps.csv", country.code), &filters)) download { (locale.text("download-csv")) }
                a href={ "/countries/" (country.code) "/call-for-information" } { (locale.text("gaps-pack")) }
                @if let Some(year) = report.year {
                    a href=(with_query(&format!("/countries/{}/digest", country.code), &query_string(&[("year", Some(year.to_string())), ("organisation", report.organisation.map(|id| id.to_string()))]))) { (locale.text_with("digest-link", &[("year", year.into())])) }
                }
                a href="/" { (locale.text("back-to-overview")) }
            }
    }
    }
}

/// The filters of the page: whose work counts, which statuses, persistent gaps only.
fn filter_form(
    locale: Locale,
    report: &GapReport,
    query: &CountryQuery,
    organisations: &[OrganisationRow],
    years: &[i32],
) -> Markup {
    html! {
        form.filters.panel method="get" aria-label=(locale.text("filters-label")) {
            div {
                label for="year" { (locale.text("filter-report-year")) }
                select #year name="year" {
                    @if years.is_empty() { option value="" { (locale.text("gaps-no-year")) } }
                    @for year in years {
                        option value=(year) selected[report.year == Some(*year)] { (year) }
                    }
                }
            }
            (widgets::organisation_filter(locale, &locale.text("filter-count-work-of"), organisations, report.organisation))
            div {
                label for="status" { (locale.text("filter-status")) }
                select #status name="status" {
                    option value="" { (locale.text("filter-any-status")) }
                    @for status in RecommendationStatus::ALL {
                        option value=(status) selected[query.status.as_deref() == Some(status.as_str())] { (status.label(locale)) }
                    }
                }
            }
            div.check {
                input #persistent_only type="checkbox" name="persistent_only" value="true" checked[query.persistent_only.as_deref() == Some("true")];
                label for="persistent_only" { (locale.text("filter-persistent-only")) }
            }
            button type="submit" { (locale.text("filter-apply")) }
    }
    }
}

/// The form that makes a read-only link to what the page shows: its year and whose work (an
/// admin's, as filtered; anyone else's, their own organisation's, as the sharing rule says).
fn share_form(report: &GapReport, year: i32, visitor: &Visitor, days: i64) -> Markup {
    let locale = visitor.locale;
    let organisation = if visitor.caller.is_admin() {
        report.organisation
    } else {
        visitor.caller.organisation_id
    };
    html! {
        form.filters.panel method="post" action={ "/countries/" (report.country.code) "/share" } aria-label=(locale.text("sharing-label")) {
            input type="hidden" name="csrf" value=(visitor.csrf);
            input type="hidden" name="year" value=(year);
            @if let Some(organisation) = organisation { input type="hidden" name="organisation" value=(organisation); }
            @if !visitor.caller.is_admin() {
                p.muted { (locale.text("sharing-own-work")) }
            }
            div {
                label for="days" { (locale.text("sharing-days")) }
                input #days type="number" name="days" min="1" max="365" inputmode="numeric" value=(days);
            }
            button type="submit" { (locale.text("sharing-submit")) }
            a href="/shares" { (locale.text("sharing-yours")) }
        }
    }
}

/// Every placement of the country, newest first, with its movement and where it comes from. A
/// year known only in part says so, and the move from it is not guessed.
fn tier_history(locale: Locale, history: &[TierRow], sources: &HashMap<i32, TierSource>) -> Markup {
    html! {
        section aria-labelledby="tiers" {
            h2 #tiers { (locale.text("placement-history")) }
            @if history.is_empty() {
                p { (locale.text("placement-none")) }
            } @else {
                div.table-wrap { table {
                    thead { tr {
                        th scope="col" { (locale.text("column-report")) }
                        th scope="col" { (locale.text("column-tier")) }
                        th scope="col" { (locale.text("column-movement")) }
                        th scope="col" { (locale.text("column-placement-source")) }
                    } }
                    tbody {
                        @for (i, row) in history.iter().enumerate().rev() {
                            @let previous = i.checked_sub(1).map(|p| &history[p]).filter(|p| p.year == row.year - 1).map(|p| p.tier);
                            @let year_before_partial = sources.get(&(row.year - 1)).is_some_and(|s| !s.complete);
                            tr {
                                th scope="row" { (row.year) }
                                td { (widgets::placed_tier(locale, row.tier, row.waiver)) }
                                td { (widgets::movement(locale, known_movement(previous, row.tier, year_before_partial))) }
                                td { (placement_source(locale, row, sources.get(&row.year))) }
                            }
                        }
                    }
                } }
            }
        }
    }
}

/// Where a placement comes from: the shipped history's kind of source, the page its note names,
/// and whether its year is known only in part.
fn placement_source(locale: Locale, row: &TierRow, source: Option<&TierSource>) -> Markup {
    let page = row
        .note
        .as_deref()
        .and_then(|note| note.split_whitespace().next())
        .filter(|first| first.starts_with("https://") || first.starts_with("http://"));
    html! {
        @if let Some(source) = source {
            (widgets::placement_source_kind(locale, &source.kind))
        }
        @if let Some(page) = page {
            " " a href=(page) rel="noopener noreferrer" { (locale.text("placement-source-page")) }
        }
        @if source.is_some_and(|s| !s.complete) {
            " " em.muted { (locale.text("placement-year-partial")) }
        }
    }
}

/// The recommendations, one section per pillar, each with its status, its line and the work that
/// answers it.
fn recommendations_by_pillar(
    locale: Locale,
    report: &GapReport,
    translations: &HashMap<Uuid, TranslationRow>,
    can_translate: bool,
    window: Option<&Window>,
    offers: Option<&LinkOffers>,
) -> Markup {
    html! {
        @for pillar in Pillar::ALL {
            @let recommendations: Vec<_> = report.recommendations.iter().filter(|r| r.pillar == *pillar).collect();
            @if !recommendations.is_empty() {
                section aria-labelledby={ "pillar-" (pillar) } {
                    h2 #{ "pillar-" (pillar) } { (pillar.label(locale)) }
                    ol.recommendations {
                        @for recommendation in recommendations {
                            li #{ "recommendation-" (recommendation.id) } data-status=(recommendation.status) {
                                p { (widgets::status(locale, recommendation.status)) " "
                                    @let translation = translations.get(&recommendation.id);
                                    strong { (recommendation.position) ". " } (translated::text(&recommendation.text, translation))
                                    @if recommendation.prioritized { " " em { (locale.text("recommendation-prioritized")) } } }
                                (translated::original(locale, &recommendation.text, translations.get(&recommendation.id)))
                                @if can_translate { (translated::edit_link(locale, recommendation.id)) }
                                p.muted {
                                    @if recommendation.line.years_standing > 1 {
                                        (locale.text_with("recommendation-standing", &[
                                            ("since", recommendation.line.since.into()),
                                            ("reports", recommendation.line.years_standing.into()),
                                            ("ever", if recommendation.line.ever_addressed { "yes" } else { "no" }.into()),
                                        ]))
                                    } @else { (locale.text("recommendation-new")) }
                                }
                                @if let Some(window) = window.filter(|w| !w.answered.contains(&recommendation.id)) {
                                    p.window-note { (window_note(locale, window)) }
                                }
                                @if !recommendation.interventions.is_empty() {
                                    p { (locale.text("recommendation-answered-by")) }
                                    ul {
                                        @for intervention in &recommendation.interventions {
                                            li {
                                                a href={ "/interventions/" (intervention.id) } { (intervention.title) }
                                                " — " (locale.text_with("answer-line", &[
                                                    ("organisation", intervention.organisation_name.as_str().into()),
                                                    ("status", intervention.status.label(locale).into()),
                                                    ("contribution", intervention.contribution.as_str().into()),
                                                ]))
                                                @if let Some(by) = &intervention.linked_by { br; span.muted { (locale.text_with("answer-linked-by", &[("name", by.as_str().into())])) } }
                                                @if let Some(rationale) = &intervention.rationale { br; span.rationale { (rationale) } }
                                                @if let Some(url) = &intervention.evidence_url {
                                                    br; (locale.text("answer-evidence")) " " a.evidence href=(url) rel="noopener noreferrer" { (url) }
                                                }
                                            }
                                        }
                                    }
                                    @if recommendation.more_interventions {
                                        p.muted { (locale.text("answers-more")) " "
                                            a.no-print href={ "/interventions?answers=" (recommendation.id) } { (locale.text("answers-all")) } }
                                    }
                                }
                                @if let Some(offers) = offers {
                                    @if offers.linked == Some(recommendation.id) {
                                        div.notice role="status" { p { (locale.text("linked-notice")) } }
                                    }
                                    @if offers.relinked == Some(recommendation.id) {
                                        div.notice role="status" { p { (locale.text("relinked-notice")) } }
                                    }
                                    @if report.year.is_some() && offers.visitor.caller.role != Role::Viewer {
                                        (link_offer(offers.visitor, &report.country.code, offers.year_asked, recommendation.id, offers.linkable, &offers.choices))
                                    }
                                }
                            }
                        }
                    }
                }
            }
    }
    }
}

/// What the page offers under each recommendation for linking: the interventions the visitor may
/// link, and which recommendation was just linked, or had its link changed.
struct LinkOffers<'a> {
    visitor: &'a Visitor,
    linkable: &'a Linkable,
    choices: OfferChoices,
    /// The report year the page was opened at, if one was asked.
    year_asked: Option<i32>,
    linked: Option<Uuid>,
    relinked: Option<Uuid>,
}
