//! The gap report as a printable summary a reader can take on its own: which report and period,
//! whose work and who made it, the coverage, every recommendation by the report's own number with
//! its text, and each answering intervention with its organisation, rationale and evidence.

use std::collections::BTreeMap;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::provenance::{Provenance, dates_in_words, number};
use super::read_texts::{Translations, read_text};
use crate::domain::{Movement, RecommendationStatus, reporting_period};
use crate::i18n::{Locale, Worded, written};
use crate::usecases::gap_report::{CountingInterventionDto, GapReport, RecommendationGapDto};

/// What the summary shows on screen only: a way back to the page it came from, and the script
/// that makes its Print button work. Neither is printed; the API's summary has neither.
#[derive(Debug, Clone)]
pub struct OnScreen {
    pub back_to: String,
    pub back_label: String,
    pub script: String,
}

impl OnScreen {
    /// The way back and the Print button, which printing hides.
    pub fn controls(&self, locale: Locale) -> Markup {
        html! {
            nav.screen aria-label=(locale.text("doc-controls")) {
                a href=(self.back_to) { "← " (self.back_label) }
                button type="button" data-print hidden { (locale.text("doc-print")) }
            }
        }
    }
}

/// The printable documents' stylesheet (the summary's and the call-for-information pack's).
pub const STYLE: &str = "
body { font-family: Georgia, 'Times New Roman', serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.45; }
h1 { margin-bottom: 0; } h2 { border-bottom: 1px solid #999; padding-bottom: .2rem; margin-top: 2rem; }
.subtitle { color: #444; margin-top: .3rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 1rem 0; }
dl.facts dt { color: #444; } dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
td.number, th.number { text-align: right; }
ol.numbered { list-style: none; padding-left: 0; }
ol.numbered > li { margin-bottom: .9rem; }
.number-label { font-weight: bold; }
.meta { color: #555; font-size: .9rem; }
ul.answers { margin: .3rem 0 0; }
ul.answers li { margin-bottom: .3rem; }
article.action { margin: 1rem 0 1.5rem; } article.action h3 { margin-bottom: .2rem; }
.warning { border-left: 4px solid #a15c00; padding-left: .6rem; font-weight: bold; }
a { overflow-wrap: anywhere; }
nav.screen { display: flex; gap: 1rem; align-items: center; margin-bottom: 1rem; }
nav.screen button { font: inherit; padding: .4rem 1rem; }
footer { margin-top: 3rem; color: #666; font-size: .8rem; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } .screen { display: none !important; } }
";

/// How a summary is seen: in a browser with its controls, and through a read-only share link.
#[derive(Debug, Clone, Copy, Default)]
pub struct View<'a> {
    pub on_screen: Option<&'a OnScreen>,
    pub shared: Option<&'a Shared>,
    /// The recommendations' texts in the reader's language, where an admin added them.
    pub translations: Option<&'a Translations>,
}

/// A summary opened through a read-only link, by people with no account: it names no person
/// and shows no small reach, which can point at survivors.
#[derive(Debug, Clone)]
pub struct Shared {
    pub until: chrono::DateTime<chrono::Utc>,
    /// A reach below this shows as "fewer than" it.
    pub min_reach: i32,
    /// The other languages the summary can be read in (links the pages make), on screen only.
    pub languages: Markup,
}

impl Shared {
    fn reach(&self, locale: Locale, reached: i32) -> String {
        if reached < self.min_reach {
            locale.text_with("doc-gaps-fewer-than", &[("count", self.min_reach.into())])
        } else {
            written::count(locale, reached.into())
        }
    }
}

/// The printable summary of `report`, made for `provenance`, as `view` sees it, in the words of
/// `locale`. Every value is escaped by the template.
pub fn to_html(locale: Locale, report: &GapReport, provenance: &Provenance, view: View) -> String {
    let on_screen = view.on_screen;
    let country = locale.country(&report.country.code, &report.country.tip_name);
    let year_text = report.year.map_or_else(
        || locale.text("doc-gaps-no-report"),
        |year| locale.text_with("doc-gaps-year", &[("year", year.into())]),
    );
    let title = locale.text_with(
        "doc-gaps-page-title",
        &[
            ("country", country.as_ref().into()),
            ("year", year_text.as_str().into()),
        ],
    );
    let page: Markup = html! {
        (DOCTYPE)
        html lang=(locale.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                @if view.shared.is_some() { meta name="robots" content="noindex, nofollow"; }
                style { (PreEscaped(STYLE)) }
                @if let Some(screen) = on_screen { script src=(screen.script) defer {} }
            }
            body {
                @if let Some(screen) = on_screen { (screen.controls(locale)) }
                header {
                    h1 { (country) }
                    p.subtitle { (year_text) (tier_in_words(locale, report)) }
                    (facts(locale, report, provenance, view.shared))
                }
                (coverage_section(locale, report))
                (unaddressed_section(locale, report, view.translations))
                (answered_section(locale, report, view.shared, view.translations))
                section {
                    h2 { (locale.text("doc-gaps-interventions-heading")) }
                    (interventions_table(locale, &report.recommendations, view.shared))
                }
                footer {
                    (locale.text("doc-status-rule")) " " (locale.text("doc-numbers-rule"))
                }
                @if let Some(shared) = view.shared { div.screen { (shared.languages) } }
            }
        }
    };
    page.into_string()
}

/// The tier and its movement, after the report year.
fn tier_in_words(locale: Locale, report: &GapReport) -> Markup {
    html! {
        @if let Some(tier) = &report.tier {
            " · " strong { (tier.tier.label(locale)) }
            @if tier.movement.is_some() || tier.waiver {
                " ("
                @match tier.movement {
                    Some(Movement::New) => { (locale.text("doc-gaps-first-ranking")) }
                    Some(movement) => {
                        (locale.text_with("doc-gaps-moved", &[("movement", movement.label(locale).into())]))
                    }
                    None => {}
                }
                @if tier.waiver {
                    @if tier.movement.is_some() { (locale.text("doc-gaps-with-waiver")) } @else { (locale.text("doc-gaps-waiver-alone")) }
                }
                ")"
            }
        }
    }
}

/// The reporting period, whose work counts, and who made the summary when.
fn facts(
    locale: Locale,
    report: &GapReport,
    provenance: &Provenance,
    shared: Option<&Shared>,
) -> Markup {
    html! {
        dl.facts {
            @if let Some(year) = report.year {
                dt { (locale.text("doc-fact-reporting-period")) }
                dd { (written::period(locale, reporting_period(year))) }
            }
            dt { (locale.text("doc-fact-counting")) }
            dd { (organisation_or_all(locale, report.organisation_name.as_deref())) }
            dt { (locale.text("doc-fact-made")) }
            @match shared {
                Some(shared) => {
                    dd { (locale.text_with("doc-made-anonymously", &[("when", provenance.made_at_in_words(locale).into())])) }
                    dt { (locale.text("doc-fact-shared")) }
                    dd { (locale.text_with("doc-gaps-shared-until", &[("date", written::day_of(locale, shared.until).into())])) }
                }
                None => { dd { (provenance.made_in_words(locale)) } }
            }
        }
    }
}

/// The organisation whose work counts, or that everyone's does.
pub fn organisation_or_all(locale: Locale, organisation: Option<&str>) -> String {
    organisation.map_or_else(|| locale.text("doc-all-organisations"), str::to_owned)
}

/// How many recommendations stand where, overall and per pillar.
fn coverage_section(locale: Locale, report: &GapReport) -> Markup {
    let summary = &report.summary;
    html! {
        section {
            h2 { (locale.text("doc-gaps-coverage-heading")) }
            p {
                strong { (locale.text_with("doc-gaps-addressed-of", &[
                    ("addressed", summary.addressed.into()),
                    ("total", summary.total.into()),
                ])) }
                " "
                (locale.text_with("doc-gaps-coverage", &[
                    ("total", summary.total.into()),
                    ("percent", written::percent(locale, summary.coverage_ratio).into()),
                    ("partly", summary.partially_addressed.into()),
                    ("planned", summary.planned.into()),
                    ("unaddressed", summary.unaddressed.into()),
                ]))
            }
            @if !report.pillars.is_empty() {
                table {
                    thead { tr {
                        th { (locale.text("doc-column-pillar")) }
                        @for key in ["doc-column-total", "doc-column-addressed", "doc-column-partly-short", "doc-column-planned", "doc-column-unaddressed", "doc-column-coverage"] {
                            th.number { (locale.text(key)) }
                        }
                    } }
                    tbody {
                        @for pillar in &report.pillars {
                            tr {
                                td { (pillar.pillar.label(locale)) }
                                td.number { (pillar.counts.total) }
                                td.number { (pillar.counts.addressed) }
                                td.number { (pillar.counts.partially_addressed) }
                                td.number { (pillar.counts.planned) }
                                td.number { (pillar.counts.unaddressed) }
                                td.number { (written::percent(locale, pillar.counts.coverage_ratio)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A recommendation under its report number, with its pillar and how long it has stood.
fn numbered(
    locale: Locale,
    recommendation: &RecommendationGapDto,
    translations: Option<&Translations>,
    below: Markup,
) -> Markup {
    let none = Translations::new();
    let translations = translations.unwrap_or(&none);
    html! {
        li #{ "no-" (recommendation.position) } {
            span.number-label { (locale.text_with("doc-number-label", &[("position", recommendation.position.into())])) }
            (read_text(locale, translations, recommendation.id, &recommendation.text))
            div.meta {
                (recommendation.pillar.label(locale))
                @if recommendation.prioritized { " · " (locale.text("doc-prioritized")) }
                @if recommendation.line.years_standing > 1 {
                    " · " (locale.text_with("doc-standing-since", &[
                        ("since", recommendation.line.since.into()),
                        ("reports", recommendation.line.years_standing.into()),
                    ]))
                }
            }
            (below)
        }
    }
}

/// The recommendations nothing answers yet, by their number in the report.
fn unaddressed_section(
    locale: Locale,
    report: &GapReport,
    translations: Option<&Translations>,
) -> Markup {
    let unaddressed: Vec<&RecommendationGapDto> = report
        .recommendations
        .iter()
        .filter(|r| r.status == RecommendationStatus::Unaddressed)
        .collect();
    html! {
        section {
            h2 { (locale.text("doc-gaps-unaddressed-heading")) }
            @if unaddressed.is_empty() {
                p { (locale.text("doc-gaps-none-unaddressed")) }
            } @else {
                ol.numbered {
                    @for recommendation in &unaddressed { (numbered(locale, recommendation, translations, html! {})) }
                }
            }
        }
    }
}

/// The recommendations with work against them, each with the interventions that answer it, their
/// organisation, and the rationale and evidence of each link.
fn answered_section(
    locale: Locale,
    report: &GapReport,
    shared: Option<&Shared>,
    translations: Option<&Translations>,
) -> Markup {
    let answered: Vec<&RecommendationGapDto> = report
        .recommendations
        .iter()
        .filter(|r| r.status != RecommendationStatus::Unaddressed)
        .collect();
    html! {
        @if !answered.is_empty() {
            section {
                h2 { (locale.text("doc-gaps-answered-heading")) }
                ol.numbered {
                    @for recommendation in &answered {
                        (numbered(locale, recommendation, translations, html! {
                            div.meta { strong { (recommendation.status.label(locale)) } }
                            ul.answers {
                                @for intervention in &recommendation.interventions {
                                    li { (answer(locale, intervention, shared.is_some())) }
                                }
                                @if recommendation.more_interventions {
                                    li { (locale.text("doc-gaps-more-interventions")) }
                                }
                            }
                        }))
                    }
                }
            }
        }
    }
}

/// One intervention's answer to a recommendation; a shared summary names no person, so it says
/// nothing of who made the link.
fn answer(locale: Locale, intervention: &CountingInterventionDto, shared: bool) -> Markup {
    html! {
        strong { (intervention.title) } ", " (intervention.organisation_name)
        " (" (intervention.status.label(locale).to_lowercase()) ", "
        (locale.text_with("doc-answers-it", &[("contribution", intervention.contribution.label(locale).to_lowercase().into())]))
        ")"
        @if let Some(rationale) = &intervention.rationale { ". " (rationale) }
        @if let Some(url) = &intervention.evidence_url {
            br; (locale.text("doc-evidence")) a href=(url) { (url) }
        }
        @if let (Some(by), false) = (&intervention.linked_by, shared) {
            br; (locale.text_with("doc-linked-by", &[("name", by.as_str().into())]))
        }
    }
}

/// The columns of the summary's table of interventions, as the catalogue names them.
const INTERVENTION_HEADINGS: [&str; 5] = [
    "doc-column-intervention",
    "doc-column-kind",
    "doc-column-status",
    "doc-column-dates",
    "doc-column-organisation",
];

/// Each counting intervention once, with its reach and the numbers of the recommendations it
/// answers, which are printed above.
fn interventions_table(
    locale: Locale,
    recommendations: &[RecommendationGapDto],
    shared: Option<&Shared>,
) -> Markup {
    let mut answered: BTreeMap<uuid::Uuid, (&CountingInterventionDto, Vec<i32>)> = BTreeMap::new();
    for recommendation in recommendations {
        for intervention in &recommendation.interventions {
            answered
                .entry(intervention.id)
                .or_insert_with(|| (intervention, Vec::new()))
                .1
                .push(recommendation.position);
        }
    }
    let total_reach = answered
        .values()
        .filter_map(|(intervention, _)| intervention.people_reached)
        .map(i64::from)
        .reduce(|a, b| a + b);
    html! {
        @if answered.is_empty() {
            p { (locale.text("doc-gaps-no-interventions")) }
        } @else {
            table {
                thead { tr {
                    @for key in INTERVENTION_HEADINGS { th { (locale.text(key)) } }
                    th.number { (locale.text("doc-column-reached")) }
                    th { (locale.text("doc-column-answers")) }
                } }
                tbody {
                    @for (intervention, positions) in answered.values() {
                        tr {
                            td { (intervention.title) }
                            td { (intervention.kind.label(locale)) }
                            td { (intervention.status.label(locale)) }
                            td { (dates_in_words(locale, intervention.started_on, intervention.ended_on)) }
                            td { (intervention.organisation_name) }
                            td.number {
                                @match (intervention.people_reached, shared) {
                                    (Some(count), Some(shared)) => (shared.reach(locale, count)),
                                    (Some(count), None) => (written::count(locale, count.into())),
                                    (None, _) => (locale.text("doc-no-value")),
                                }
                            }
                            td {
                                @for (n, position) in positions.iter().enumerate() {
                                    @if n > 0 { ", " }
                                    a href={ "#no-" (position) } { (number(locale, *position)) }
                                }
                            }
                        }
                    }
                }
                // A total beside rounded-off small numbers would give them away.
                @if let (Some(total), None) = (total_reach, shared) {
                    tfoot { tr {
                        th colspan="5" { (locale.text("doc-gaps-total-reach")) }
                        td.number { (written::count(locale, total)) } td {}
                    } }
                }
            }
        }
    }
}
