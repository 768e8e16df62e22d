//! The call-for-information pack as HTML: the body the pack's page shows, and the printable
//! version around it. The Word version (`call_for_information_docx`) says the same things in the
//! same order.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::gaps_summary::{OnScreen, STYLE, organisation_or_all};
use super::provenance::{Provenance, dates_in_words};
use super::read_texts::{Translations, read_text};
use crate::i18n::{Locale, Worded, written};
use crate::usecases::call_for_information::{CallForInformation, PeriodAction, PeriodAnswerDto};

/// The pack's title: `Senegal: actions for the 2027 TIP Report`.
pub fn title(locale: Locale, pack: &CallForInformation) -> String {
    locale.text_with(
        "doc-pack-title",
        &[
            (
                "country",
                locale
                    .country(&pack.country.code, &pack.country.tip_name)
                    .into(),
            ),
            ("year", pack.report_year.into()),
        ],
    )
}

/// What the pack is, in a sentence, as it opens.
pub fn introduction(locale: Locale, pack: &CallForInformation) -> String {
    locale.text_with(
        "doc-pack-introduction",
        &[
            (
                "country",
                locale
                    .country(&pack.country.code, &pack.country.tip_name)
                    .into(),
            ),
            ("year", pack.report_year.into()),
            (
                "period",
                written::period(locale, pack.reporting_period).into(),
            ),
        ],
    )
}

/// How an answer cites its recommendation: `2023 report, No. 4 (Prosecution)`.
pub fn citation(locale: Locale, answer: &PeriodAnswerDto) -> String {
    locale.text_with(
        "doc-pack-citation",
        &[
            ("year", answer.year.into()),
            ("position", answer.position.into()),
            ("pillar", answer.pillar.label(locale).into()),
        ],
    )
}

/// What the last report changed since the one before it: a heading and its sentences, as the
/// country's digest says them; `None` when there is no last report, or none before it to
/// compare with.
pub fn edition_changes(locale: Locale, pack: &CallForInformation) -> Option<(String, Vec<String>)> {
    let brief = pack.edition_changes.as_ref()?;
    let earlier = brief.earlier_year?;
    let heading = locale.text_with("doc-pack-changed", &[("year", brief.year.into())]);
    let mut sentences = vec![locale.text_with(
        "digest-counts",
        &[
            ("earlier", earlier.into()),
            ("continuing", brief.continuing.into()),
            ("reworded", brief.reworded.into()),
            ("new", brief.new.into()),
            ("dropped", brief.dropped.into()),
        ],
    )];
    if brief.dropped > 0 {
        let counts = [
            ("answered", brief.dropped_answered.into()),
            ("dropped", brief.dropped.into()),
            ("year", brief.year.into()),
        ];
        sentences.push(match &pack.organisation_name {
            Some(name) => locale.text_with(
                "digest-dropped-answered-by",
                &[&counts[..], &[("organisation", name.as_str().into())]].concat(),
            ),
            None => locale.text_with("digest-dropped-answered", &counts),
        });
    }
    if brief.waiting_to_carry > 0 {
        sentences.push(locale.text_with(
            "digest-letter-waiting",
            &[("count", brief.waiting_to_carry.into())],
        ));
    }
    Some((heading, sentences))
}

/// The heading of the last part, the recommendations nothing in the period answers.
pub fn unanswered_heading(locale: Locale, pack: &CallForInformation) -> String {
    match pack.last_report_year {
        Some(year) => locale.text_with("doc-pack-unanswered-of", &[("year", year.into())]),
        None => locale.text("doc-pack-unanswered"),
    }
}

/// What the work to check is, and what to do with it.
pub fn to_check_introduction(locale: Locale, pack: &CallForInformation) -> String {
    locale.text_with(
        "doc-pack-to-check",
        &[(
            "period",
            written::period(locale, pack.reporting_period).into(),
        )],
    )
}

/// An action's facts after its title: `CenHTRO · Training · Active`.
pub fn action_facts(locale: Locale, action: &PeriodAction) -> String {
    format!(
        "{} · {} · {}",
        action.organisation_name,
        action.kind.label(locale),
        action.status.label(locale)
    )
}

/// The pack's facts, each a name (a key) and its value: the period, whose recommendations, whose
/// work, and who made it when.
pub fn facts(
    locale: Locale,
    pack: &CallForInformation,
    provenance: &Provenance,
) -> Vec<(&'static str, String)> {
    let mut facts = vec![(
        "doc-fact-reporting-period",
        written::period(locale, pack.reporting_period),
    )];
    if let Some(year) = pack.last_report_year {
        facts.push((
            "doc-fact-recommendations-of",
            locale.text_with("doc-pack-report-of", &[("year", year.into())]),
        ));
    }
    facts.push((
        "doc-fact-work-of",
        organisation_or_all(locale, pack.organisation_name.as_deref()),
    ));
    facts.push(("doc-fact-made", provenance.made_in_words(locale)));
    facts
}

/// The pack's content: the facts, the actions by pillar, and what nothing answers.
pub fn body(
    locale: Locale,
    pack: &CallForInformation,
    translations: &Translations,
    provenance: &Provenance,
) -> Markup {
    html! {
        p.introduction { (introduction(locale, pack)) }
        dl.facts {
            @for (name, value) in facts(locale, pack, provenance) {
                dt { (locale.text(name)) } dd { (value) }
            }
        }
        @if let Some((heading, sentences)) = edition_changes(locale, pack) {
            section.changes {
                h2 { (heading) }
                @for sentence in sentences { p { (sentence) } }
            }
        }
        @if pack.pillars.is_empty() && pack.other_actions.is_empty() {
            p { (locale.text("doc-pack-nothing-dated")) }
        }
        @for pillar in &pack.pillars {
            section.pillar {
                h2 { (pillar.pillar.label(locale)) }
                @for action in &pillar.actions { (action_block(locale, translations, action)) }
            }
        }
        @if !pack.other_actions.is_empty() {
            section.pillar {
                h2 { (locale.text("doc-pack-other-actions")) }
                @for action in &pack.other_actions { (action_block(locale, translations, action)) }
            }
        }
        @if !pack.to_check.is_empty() {
            section.to-check {
                h2 { (locale.text("doc-pack-to-check-heading")) }
                p.warning { (to_check_introduction(locale, pack)) }
                @for action in &pack.to_check { (action_block(locale, translations, action)) }
            }
        }
        section {
            h2 { (unanswered_heading(locale, pack)) }
            @if pack.unanswered.is_empty() {
                p { (locale.text("doc-pack-none-unanswered")) }
            } @else {
                ol.numbered {
                    @for recommendation in &pack.unanswered {
                        li {
                            span.number-label { (locale.text_with("doc-number-label", &[("position", recommendation.position.into())])) }
                            (read_text(locale, translations, recommendation.id, &recommendation.text))
                            div.meta {
                                (recommendation.pillar.label(locale))
                                @if recommendation.prioritized { " · " (locale.text("doc-prioritized")) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// An action's facts below its title, each a name (a key) and its value.
pub fn action_facts_listed(locale: Locale, action: &PeriodAction) -> Vec<(&'static str, String)> {
    let mut facts = vec![(
        "doc-fact-dates",
        dates_in_words(locale, action.started_on, action.ended_on),
    )];
    if let Some(reached) = action.people_reached {
        facts.push(("doc-fact-reached", written::count(locale, reached.into())));
    }
    if let Some(location) = &action.location {
        facts.push(("doc-fact-where", location.clone()));
    }
    facts
}

fn action_block(locale: Locale, translations: &Translations, action: &PeriodAction) -> Markup {
    html! {
        article.action {
            h3 { (action.title) }
            p.meta { (action_facts(locale, action)) }
            dl.facts {
                @for (name, value) in action_facts_listed(locale, action) {
                    dt { (locale.text(name)) } dd { (value) }
                }
            }
            @if let Some(description) = &action.description { p { (description) } }
            @if !action.answers.is_empty() {
                p { (locale.text("doc-pack-answers")) }
                ul.answers {
                    @for answer in &action.answers {
                        li {
                            strong { (locale.text_with("before-colon", &[("name", citation(locale, answer).into())])) }
                            (read_text(locale, translations, answer.recommendation_id, &answer.text))
                            " " em { "(" (locale.text_with("doc-answers-it", &[("contribution", answer.contribution.label(locale).to_lowercase().into())])) ")" }
                            @if let Some(rationale) = &answer.rationale { br; (rationale) }
                            @if let Some(url) = &answer.evidence_url {
                                br; (locale.text("doc-evidence")) a href=(url) rel="noopener noreferrer" { (url) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The printable pack, made for `provenance`, in the words of `locale`; `on_screen` adds the
/// controls a browser shows.
pub fn to_html(
    locale: Locale,
    pack: &CallForInformation,
    translations: &Translations,
    provenance: &Provenance,
    on_screen: Option<&OnScreen>,
) -> String {
    let title = title(locale, pack);
    let page: Markup = html! {
        (DOCTYPE)
        html lang=(locale.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(STYLE)) }
                @if let Some(screen) = on_screen { script src=(screen.script) defer {} }
            }
            body {
                @if let Some(screen) = on_screen { (screen.controls(locale)) }
                h1 { (title) }
                (body(locale, pack, translations, provenance))
            }
        }
    };
    page.into_string()
}
