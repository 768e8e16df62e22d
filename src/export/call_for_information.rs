//! The call-for-information pack as HTML: the body the pack's page shows, and the printable
//! version around it. The Word version (`call_for_information_docx`) says the same things in the
//! same order.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::gaps_summary::{OnScreen, STYLE};
use super::provenance::{Provenance, dates_in_words, period_in_words};
use crate::i18n::{Locale, Worded};
use crate::usecases::call_for_information::{CallForInformation, PeriodAction, PeriodAnswerDto};

/// The pack's title: `Senegal: actions for the 2027 TIP Report`.
pub fn title(pack: &CallForInformation) -> String {
    format!(
        "{}: actions for the {} TIP Report",
        pack.country.tip_name, pack.report_year
    )
}

/// What the pack is, in a sentence, as it opens.
pub fn introduction(pack: &CallForInformation) -> String {
    format!(
        "Concrete actions taken in {} during the period the {} Trafficking in Persons Report \
         assesses ({}), for the State Department's annual call for information, with the \
         recommendations each answers and its supporting documents.",
        pack.country.tip_name,
        pack.report_year,
        period_in_words(pack.reporting_period)
    )
}

/// How an answer cites its recommendation: `2023 report, No. 4 (Prosecution)`.
pub fn citation(answer: &PeriodAnswerDto) -> String {
    format!(
        "{} report, No. {} ({})",
        answer.year,
        answer.position,
        answer.pillar.label(Locale::ENGLISH)
    )
}

/// The heading of the last part, the recommendations nothing in the period answers.
pub fn unanswered_heading(pack: &CallForInformation) -> String {
    match pack.last_report_year {
        Some(year) => format!("Recommendations of the {year} report with nothing in the period"),
        None => "Recommendations with nothing in the period".to_owned(),
    }
}

/// What the pack says when no work's dates show it was done in the period.
pub const NOTHING_DATED: &str =
    "No intervention recorded in gaptrack has dates that show it was done in this period.";

/// The heading of the work to check before sending.
pub const TO_CHECK_HEADING: &str =
    "To check before sending: work whose dates do not show the period";

/// What the work to check is, and what to do with it.
pub fn to_check_introduction(pack: &CallForInformation) -> String {
    format!(
        "These interventions have no start date, or are completed with no end date, so gaptrack \
         cannot tell whether they were done in the period ({}). They are not counted above, and \
         the recommendations they answer are listed below as having nothing in the period. Give \
         each its dates in gaptrack, or leave it out of what you send.",
        period_in_words(pack.reporting_period)
    )
}

/// An action's facts after its title: `CenHTRO · Training · Active`.
pub fn action_facts(action: &PeriodAction) -> String {
    format!(
        "{} · {} · {}",
        action.organisation_name,
        action.kind.label(Locale::ENGLISH),
        action.status.label(Locale::ENGLISH)
    )
}

/// The pack's content: the facts, the actions by pillar, and what nothing answers.
pub fn body(pack: &CallForInformation, provenance: &Provenance) -> Markup {
    html! {
        p.introduction { (introduction(pack)) }
        dl.facts {
            dt { "Reporting period" } dd { (period_in_words(pack.reporting_period)) }
            @if let Some(year) = pack.last_report_year {
                dt { "Recommendations of" } dd { "the " (year) " TIP Report" }
            }
            dt { "Work of" } dd { (pack.organisation_name.as_deref().unwrap_or("All organisations")) }
            dt { "Made" } dd { (provenance.made_at_in_words()) " by " (provenance.made_by) ", with gaptrack" }
        }
        @if pack.pillars.is_empty() && pack.other_actions.is_empty() {
            p { (NOTHING_DATED) }
        }
        @for pillar in &pack.pillars {
            section.pillar {
                h2 { (pillar.pillar.label(Locale::ENGLISH)) }
                @for action in &pillar.actions { (action_block(action)) }
            }
        }
        @if !pack.other_actions.is_empty() {
            section.pillar {
                h2 { "Other actions in the period" }
                @for action in &pack.other_actions { (action_block(action)) }
            }
        }
        @if !pack.to_check.is_empty() {
            section.to-check {
                h2 { (TO_CHECK_HEADING) }
                p.warning { (to_check_introduction(pack)) }
                @for action in &pack.to_check { (action_block(action)) }
            }
        }
        section {
            h2 { (unanswered_heading(pack)) }
            @if pack.unanswered.is_empty() {
                p { "None: every recommendation has an action in the period." }
            } @else {
                ol.numbered {
                    @for recommendation in &pack.unanswered {
                        li {
                            span.number-label { "No. " (recommendation.position) ". " }
                            (recommendation.text)
                            div.meta {
                                (recommendation.pillar.label(Locale::ENGLISH))
                                @if recommendation.prioritized { " · prioritized" }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn action_block(action: &PeriodAction) -> Markup {
    html! {
        article.action {
            h3 { (action.title) }
            p.meta { (action_facts(action)) }
            dl.facts {
                dt { "Dates" } dd { (dates_in_words(action.started_on, action.ended_on)) }
                @if let Some(reached) = action.people_reached { dt { "People reached" } dd { (reached) } }
                @if let Some(location) = &action.location { dt { "Where" } dd { (location) } }
            }
            @if let Some(description) = &action.description { p { (description) } }
            @if !action.answers.is_empty() {
                p { "Answers:" }
                ul.answers {
                    @for answer in &action.answers {
                        li {
                            strong { (citation(answer)) } ": " (answer.text)
                            " " em { "(answers it " (answer.contribution.label(Locale::ENGLISH).to_lowercase()) ")" }
                            @if let Some(rationale) = &answer.rationale { br; (rationale) }
                            @if let Some(url) = &answer.evidence_url {
                                br; "Evidence: " a href=(url) rel="noopener noreferrer" { (url) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The printable pack, made for `provenance`; `on_screen` adds the controls a browser shows.
pub fn to_html(
    pack: &CallForInformation,
    provenance: &Provenance,
    on_screen: Option<&OnScreen>,
) -> String {
    let title = title(pack);
    let page: Markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(STYLE)) }
                @if let Some(screen) = on_screen { script src=(screen.script) defer {} }
            }
            body {
                @if let Some(screen) = on_screen { (screen.controls()) }
                h1 { (title) }
                (body(pack, provenance))
            }
        }
    };
    page.into_string()
}
