//! The gap report as files a grant writer can use: CSV, and a printable HTML summary.

use std::collections::BTreeMap;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::csv_cells::{into_text, write_row};
use crate::domain::{InterventionKind, Movement, RecommendationStatus};
use crate::usecases::gap_report::{CountingInterventionDto, GapReport, RecommendationGapDto};

/// The columns of the gaps CSV, in order.
const CSV_HEADER: [&str; 16] = [
    "country_code",
    "country_name",
    "year",
    "tier",
    "movement",
    "position",
    "pillar",
    "prioritized",
    "status",
    "years_standing",
    "standing_since",
    "ever_addressed",
    "text",
    "interventions",
    "people_reached",
    "organisation",
];

/// One row per listed recommendation, with the report's filters already applied.
pub fn to_csv(report: &GapReport) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_HEADER)?;
    let year = report.year.map(|y| y.to_string()).unwrap_or_default();
    let tier = report.tier.as_ref().map_or("", |t| t.tier.as_str());
    let movement = report
        .tier
        .as_ref()
        .map_or("", |t| Movement::as_str(t.movement));
    let organisation = report
        .organisation
        .map(|id| id.to_string())
        .unwrap_or_default();
    for recommendation in &report.recommendations {
        let interventions = recommendation
            .interventions
            .iter()
            .map(|i| {
                format!(
                    "{} ({}, {}, {})",
                    i.title, i.status, i.contribution, i.organisation_name
                )
            })
            .collect::<Vec<_>>()
            .join(" | ");
        write_row(
            &mut writer,
            [
                report.country.code.as_str(),
                report.country.tip_name.as_str(),
                &year,
                tier,
                movement,
                &recommendation.position.to_string(),
                recommendation.pillar.as_str(),
                if recommendation.prioritized {
                    "true"
                } else {
                    "false"
                },
                recommendation.status.as_str(),
                &recommendation.line.years_standing.to_string(),
                &recommendation.line.since.to_string(),
                if recommendation.line.ever_addressed {
                    "true"
                } else {
                    "false"
                },
                recommendation.text.as_str(),
                &interventions,
                &reach(&recommendation.interventions)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                &organisation,
            ],
        )?;
    }
    into_text(writer)
}

/// The people reached by these interventions, where any say.
fn reach(interventions: &[CountingInterventionDto]) -> Option<i64> {
    interventions
        .iter()
        .filter_map(|i| i.people_reached)
        .map(i64::from)
        .reduce(|a, b| a + b)
}

fn kind_label(kind: InterventionKind) -> String {
    let text = kind.in_words();
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn percent(ratio: f64) -> String {
    format!("{:.0}%", ratio * 100.0)
}

const STYLE: &str = "
body { font-family: Georgia, 'Times New Roman', serif; max-width: 48rem; margin: 2rem auto; color: #111; line-height: 1.45; }
h1 { margin-bottom: 0; } h2 { border-bottom: 1px solid #999; padding-bottom: .2rem; margin-top: 2rem; }
.subtitle { color: #444; margin-top: .3rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
td.number, th.number { text-align: right; }
li { margin-bottom: .6rem; } .meta { color: #555; font-size: .9rem; }
footer { margin-top: 3rem; color: #666; font-size: .8rem; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
";

/// A printable one-page summary: tier and movement, coverage, the unaddressed recommendations,
/// and the interventions with their reach. Every value is escaped by the template.
pub fn to_html(report: &GapReport) -> String {
    let country = &report.country.tip_name;
    let year_text = report
        .year
        .map_or_else(|| "No report".to_string(), |y| format!("{y} TIP Report"));
    let page: Markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                title { (country) " · " (year_text) " · gaps" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    h1 { (country) }
                    p.subtitle { (year_text) (tier_and_scope(report)) }
                }
                (coverage_section(report))
                (unaddressed_section(report))
                section {
                    h2 { "Interventions" }
                    (interventions_table(&report.recommendations))
                }
                footer {
                    "Made with gaptrack on " (chrono::Utc::now().format("%-d %B %Y"))
                    ". A recommendation counts as addressed when an active or completed intervention "
                    "answers it fully; cancelled interventions never count."
                }
            }
        }
    };
    page.into_string()
}

/// The tier and its movement, and whose work was counted, after the report year.
fn tier_and_scope(report: &GapReport) -> Markup {
    html! {
        @if let Some(tier) = &report.tier {
            " · " strong { (tier.tier.label()) }
            " (" (Movement::as_str(tier.movement)) " since the previous report"
            @if tier.waiver { ", with a waiver" }
            ")"
        }
        @if report.organisation.is_some() {
            " · counting one organisation's work only"
        }
    }
}

/// How many recommendations stand where, overall and per pillar.
fn coverage_section(report: &GapReport) -> Markup {
    html! {
        section {
            h2 { "Coverage" }
            p {
                strong { (report.summary.addressed) " of " (report.summary.total) }
                " recommendations addressed (" (percent(report.summary.coverage_ratio)) "); "
                (report.summary.partially_addressed) " partially addressed, "
                (report.summary.planned) " planned, "
                (report.summary.unaddressed) " unaddressed."
            }
            @if !report.pillars.is_empty() {
                table {
                    thead { tr {
                        th { "Pillar" } th.number { "Total" } th.number { "Addressed" }
                        th.number { "Partially" } th.number { "Planned" } th.number { "Unaddressed" }
                        th.number { "Coverage" }
                    } }
                    tbody {
                        @for pillar in &report.pillars {
                            tr {
                                td { (pillar.pillar.label()) }
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

/// The recommendations nothing answers yet, with their pillar and how long they have stood.
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
                ol {
                    @for recommendation in &unaddressed {
                        li {
                            (recommendation.text)
                            div.meta {
                                (recommendation.pillar.label())
                                @if recommendation.prioritized { " · prioritized" }
                                @if recommendation.line.years_standing > 1 {
                                    " · standing since " (recommendation.line.since)
                                    " (" (recommendation.line.years_standing) " reports)"
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Each counting intervention once, with the recommendations (by position) it answers and the
/// evidence of each of those links, which is what a reader of a proposal checks.
fn interventions_table(recommendations: &[RecommendationGapDto]) -> Markup {
    type Answers<'a> = Vec<(i32, Option<&'a str>)>;
    let mut answered: BTreeMap<uuid::Uuid, (&CountingInterventionDto, Answers)> = BTreeMap::new();
    for recommendation in recommendations {
        for intervention in &recommendation.interventions {
            answered
                .entry(intervention.id)
                .or_insert_with(|| (intervention, Vec::new()))
                .1
                .push((
                    recommendation.position,
                    intervention.evidence_url.as_deref(),
                ));
        }
    }
    html! {
        @if answered.is_empty() {
            p { "No intervention counts towards these recommendations yet." }
        } @else {
            table {
                thead { tr {
                    th { "Intervention" } th { "Kind" } th { "Status" } th { "Organisation" }
                    th.number { "People reached" } th { "Answers" }
                } }
                tbody {
                    @for (intervention, positions) in answered.values() {
                        tr {
                            td { (intervention.title) }
                            td { (kind_label(intervention.kind)) }
                            td { (intervention.status.as_str()) }
                            td { (intervention.organisation_name) }
                            td.number {
                                @match intervention.people_reached {
                                    Some(count) => (count),
                                    None => "–",
                                }
                            }
                            td {
                                @for (n, (position, evidence)) in positions.iter().enumerate() {
                                    @if n > 0 { ", " }
                                    "No. " (position)
                                    @if let Some(url) = evidence { " (evidence: " a href=(url) { (url) } ")" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
