//! The gap report as a printable summary a reader can take on its own: which report and period,
//! whose work and who made it, the coverage, every recommendation by the report's own number with
//! its text, and each answering intervention with its organisation, rationale and evidence.

use std::collections::BTreeMap;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::provenance::{Provenance, STATUS_RULE, dates_in_words, period_in_words};
use crate::domain::{Movement, RecommendationStatus, reporting_period};
use crate::i18n::{Locale, Worded};
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
    pub fn controls(&self) -> Markup {
        html! {
            nav.screen aria-label="Document" {
                a href=(self.back_to) { "← " (self.back_label) }
                button type="button" data-print hidden { "Print" }
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
}

/// A summary opened through a read-only link, by people with no account: it names no person
/// and shows no small reach, which can point at survivors.
#[derive(Debug, Clone)]
pub struct Shared {
    pub until: chrono::DateTime<chrono::Utc>,
    /// A reach below this shows as "fewer than" it.
    pub min_reach: i32,
}

impl Shared {
    fn reach(&self, reached: i32) -> String {
        if reached < self.min_reach {
            format!("fewer than {}", self.min_reach)
        } else {
            reached.to_string()
        }
    }
}

/// The printable summary of `report`, made for `provenance`, as `view` sees it. Every value is
/// escaped by the template.
pub fn to_html(report: &GapReport, provenance: &Provenance, view: View) -> String {
    let on_screen = view.on_screen;
    let country = &report.country.tip_name;
    let year_text = report
        .year
        .map_or_else(|| "No report".to_string(), |y| format!("{y} TIP Report"));
    let page: Markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (country) " · " (year_text) " · gaps" }
                @if view.shared.is_some() { meta name="robots" content="noindex, nofollow"; }
                style { (PreEscaped(STYLE)) }
                @if let Some(screen) = on_screen { script src=(screen.script) defer {} }
            }
            body {
                @if let Some(screen) = on_screen { (screen.controls()) }
                header {
                    h1 { (country) }
                    p.subtitle { (year_text) (tier_in_words(report)) }
                    (facts(report, provenance, view.shared))
                }
                (coverage_section(report))
                (unaddressed_section(report))
                (answered_section(report, view.shared))
                section {
                    h2 { "Interventions" }
                    (interventions_table(&report.recommendations, view.shared))
                }
                footer {
                    (STATUS_RULE) " Numbers are the recommendations' numbers in the report."
                }
            }
        }
    };
    page.into_string()
}

/// The tier and its movement, after the report year.
fn tier_in_words(report: &GapReport) -> Markup {
    html! {
        @if let Some(tier) = &report.tier {
            " · " strong { (tier.tier.label(Locale::ENGLISH)) }
            @match tier.movement {
                Movement::New => { " (first ranking" }
                movement => { " (" (movement.label(Locale::ENGLISH)) " since the previous report" }
            }
            @if tier.waiver { ", with a waiver" }
            ")"
        }
    }
}

/// The reporting period, whose work counts, and who made the summary when.
fn facts(report: &GapReport, provenance: &Provenance, shared: Option<&Shared>) -> Markup {
    html! {
        dl.facts {
            @if let Some(year) = report.year {
                dt { "Reporting period" } dd { (period_in_words(reporting_period(year))) }
            }
            dt { "Counting the work of" }
            dd { (report.organisation_name.as_deref().unwrap_or("All organisations")) }
            @match shared {
                Some(shared) => {
                    dt { "Made" } dd { (provenance.made_at_in_words()) ", with gaptrack" }
                    dt { "Shared" } dd { "read-only, until " (shared.until.format("%-d %B %Y")) }
                }
                None => {
                    dt { "Made" } dd { (provenance.made_at_in_words()) " by " (provenance.made_by) ", with gaptrack" }
                }
            }
        }
    }
}

fn percent(ratio: f64) -> String {
    format!("{:.0}%", ratio * 100.0)
}

/// How many recommendations stand where, overall and per pillar.
fn coverage_section(report: &GapReport) -> Markup {
    html! {
        section {
            h2 { "Coverage" }
            p {
                strong { (report.summary.addressed) " of " (report.summary.total) }
                " recommendations addressed (" (percent(report.summary.coverage_ratio)) "); "
                (report.summary.partially_addressed) " partly addressed, "
                (report.summary.planned) " planned, "
                (report.summary.unaddressed) " unaddressed."
            }
            @if !report.pillars.is_empty() {
                table {
                    thead { tr {
                        th { "Pillar" } th.number { "Total" } th.number { "Addressed" }
                        th.number { "Partly" } th.number { "Planned" } th.number { "Unaddressed" }
                        th.number { "Coverage" }
                    } }
                    tbody {
                        @for pillar in &report.pillars {
                            tr {
                                td { (pillar.pillar.label(Locale::ENGLISH)) }
                                td.number { (pillar.counts.total) }
                                td.number { (pillar.counts.addressed) }
                                td.number { (pillar.counts.partially_addressed) }
                                td.number { (pillar.counts.planned) }
                                td.number { (pillar.counts.unaddressed) }
                                td.number { (percent(pillar.counts.coverage_ratio)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A recommendation under its report number, with its pillar and how long it has stood.
fn numbered(recommendation: &RecommendationGapDto, below: Markup) -> Markup {
    html! {
        li #{ "no-" (recommendation.position) } {
            span.number-label { "No. " (recommendation.position) ". " }
            (recommendation.text)
            div.meta {
                (recommendation.pillar.label(Locale::ENGLISH))
                @if recommendation.prioritized { " · prioritized" }
                @if recommendation.line.years_standing > 1 {
                    " · standing since " (recommendation.line.since)
                    " (" (recommendation.line.years_standing) " reports)"
                }
            }
            (below)
        }
    }
}

/// The recommendations nothing answers yet, by their number in the report.
fn unaddressed_section(report: &GapReport) -> Markup {
    let unaddressed: Vec<&RecommendationGapDto> = report
        .recommendations
        .iter()
        .filter(|r| r.status == RecommendationStatus::Unaddressed)
        .collect();
    html! {
        section {
            h2 { "Unaddressed recommendations" }
            @if unaddressed.is_empty() {
                p { "None: every recommendation listed has work against it." }
            } @else {
                ol.numbered {
                    @for recommendation in &unaddressed { (numbered(recommendation, html! {})) }
                }
            }
        }
    }
}

/// The recommendations with work against them, each with the interventions that answer it, their
/// organisation, and the rationale and evidence of each link.
fn answered_section(report: &GapReport, shared: Option<&Shared>) -> Markup {
    let answered: Vec<&RecommendationGapDto> = report
        .recommendations
        .iter()
        .filter(|r| r.status != RecommendationStatus::Unaddressed)
        .collect();
    html! {
        @if !answered.is_empty() {
            section {
                h2 { "Recommendations with work against them" }
                ol.numbered {
                    @for recommendation in &answered {
                        (numbered(recommendation, html! {
                            div.meta { strong { (recommendation.status.label(Locale::ENGLISH)) } }
                            ul.answers {
                                @for intervention in &recommendation.interventions {
                                    li { (answer(intervention, shared.is_some())) }
                                }
                                @if recommendation.more_interventions { li { "… and more interventions." } }
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
fn answer(intervention: &CountingInterventionDto, shared: bool) -> Markup {
    html! {
        strong { (intervention.title) } ", " (intervention.organisation_name)
        " (" (intervention.status.label(Locale::ENGLISH).to_lowercase()) ", answers it "
        (intervention.contribution.label(Locale::ENGLISH).to_lowercase()) ")"
        @if let Some(rationale) = &intervention.rationale { ". " (rationale) }
        @if let Some(url) = &intervention.evidence_url { br; "Evidence: " a href=(url) { (url) } }
        @if let (Some(by), false) = (&intervention.linked_by, shared) { br; "Linked by " (by) }
    }
}

/// Each counting intervention once, with its reach and the numbers of the recommendations it
/// answers, which are printed above.
fn interventions_table(
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
            p { "No intervention counts towards these recommendations yet." }
        } @else {
            table {
                thead { tr {
                    th { "Intervention" } th { "Kind" } th { "Status" } th { "Dates" } th { "Organisation" }
                    th.number { "People reached" } th { "Answers" }
                } }
                tbody {
                    @for (intervention, positions) in answered.values() {
                        tr {
                            td { (intervention.title) }
                            td { (intervention.kind.label(Locale::ENGLISH)) }
                            td { (intervention.status.label(Locale::ENGLISH)) }
                            td { (dates_in_words(intervention.started_on, intervention.ended_on)) }
                            td { (intervention.organisation_name) }
                            td.number {
                                @match (intervention.people_reached, shared) {
                                    (Some(count), Some(shared)) => (shared.reach(count)),
                                    (Some(count), None) => (count),
                                    (None, _) => "–",
                                }
                            }
                            td {
                                @for (n, position) in positions.iter().enumerate() {
                                    @if n > 0 { ", " }
                                    a href={ "#no-" (position) } { "No. " (position) }
                                }
                            }
                        }
                    }
                }
                // A total beside rounded-off small numbers would give them away.
                @if let (Some(total), None) = (total_reach, shared) {
                    tfoot { tr {
                        th colspan="5" { "People reached, as the interventions record it" }
                        td.number { (total) } td {}
                    } }
                }
            }
        }
    }
}
