//! The review of a report read from its published text: every country the narratives name, with
//! its tier and waiver, and every recommendation in order, its text and the pillar proposed for
//! it, each correctable before anything is written. The review posts the rows back as they stand
//! (not the pasted text), so what is imported is what the admin saw and corrected.

use maud::{Markup, html};

use super::import_summary::{country_names, failure_view, summary_view};
use crate::domain::{Failure, Pillar, Tier, propose_pillar};
use crate::http::AppState;
use crate::i18n::{Locale, Worded};
use crate::import::{ImportRows, Location, RawRecommendation, RawTier};
use crate::usecases::imports::{PublishedText, check_and_run, narrative_rows};
use crate::usecases::lineage::{ProposedLine, proposed_lines};
use crate::web::error::WebError;
use crate::web::session::Visitor;

/// The review form of `rows` (read from narratives) for the `year` report, citing `source_url`.
pub fn review_form(
    visitor: &Visitor,
    year: i32,
    source_url: &str,
    rows: &ImportRows,
    lines: &[ProposedLine],
) -> Markup {
    let locale = visitor.locale;
    html! {
        form.review method="post" action="/admin/import" enctype="multipart/form-data" {
            input type="hidden" name="csrf" value=(visitor.csrf);
            input type="hidden" name="kind" value="report";
            input type="hidden" name="year" value=(year);
            input type="hidden" name="source_url" value=(source_url);
            input type="hidden" name="review" value="true";
            h2 { (locale.text("import-review-title")) }
            p { (locale.text("import-review-intro")) }
            @for (index, tier) in rows.tiers.iter().enumerate() {
                @let country = tier.country_name.as_deref().unwrap_or_default();
                section.panel.review-country aria-labelledby={ "review-" (index) } {
                    h3 id={ "review-" (index) } { (country) }
                    input type="hidden" name={ "tier-" (index) "-country" } value=(country);
                    input type="hidden" name={ "tier-" (index) "-line" } value=(line_of(tier.at));
                    div.field {
                        label for={ "tier-" (index) "-tier" } { (locale.text("import-review-tier")) }
                        select id={ "tier-" (index) "-tier" } name={ "tier-" (index) "-tier" } {
                            @for choice in Tier::ALL {
                                option value=(choice.as_str()) selected[tier_matches(tier, *choice)] { (choice.label(locale)) }
                            }
                        }
                    }
                    label.check {
                        input type="checkbox" name={ "tier-" (index) "-waiver" } value="true" checked[tier.waiver.as_deref() == Some("true")];
                        " " (locale.text("import-review-waiver"))
                    }
                    ol.review-items {
                        @for (number, recommendation) in rows.recommendations.iter().enumerate().filter(|(_, r)| r.country_name.as_deref() == Some(country)) {
                            (item(locale, number, recommendation, lines.get(number)))
                        }
                    }
                }
            }
            button type="submit" { (locale.text("import-review-import")) }
        }
    }
}

fn line_of(at: Location) -> usize {
    match at {
        Location::Line(line) => line,
        Location::Item { index, .. } => index,
    }
}

fn tier_matches(tier: &RawTier, choice: Tier) -> bool {
    tier.tier
        .as_deref()
        .and_then(|text| crate::domain::parse_tier_label(text).ok().flatten())
        == Some(choice)
}

/// One recommendation: its text to correct, the pillar proposed for it, where it was read.
fn item(
    locale: Locale,
    number: usize,
    recommendation: &RawRecommendation,
    line: Option<&ProposedLine>,
) -> Markup {
    let name = |field: &str| format!("rec-{number}-{field}");
    let text = recommendation.text.as_deref().unwrap_or_default();
    let chosen = recommendation.pillar.as_deref().unwrap_or_default();
    let proposed = propose_pillar(text);
    html! {
        li.review-item {
            input type="hidden" name=(name("country")) value=[recommendation.country_name.as_deref()];
            input type="hidden" name=(name("position")) value=[recommendation.position.as_deref()];
            input type="hidden" name=(name("prioritized")) value=[recommendation.prioritized.as_deref()];
            input type="hidden" name=(name("line")) value=(line_of(recommendation.at));
            div.field {
                label for=(name("text")) { (locale.text_with("import-review-item", &[("position", recommendation.position.clone().unwrap_or_default().into())])) }
                textarea id=(name("text")) name=(name("text")) rows="3" { (text) }
            }
            div.field {
                label for=(name("pillar")) { (locale.text("interventions-pillar")) }
                select id=(name("pillar")) name=(name("pillar")) {
                    @for pillar in Pillar::ALL {
                        option value=(pillar.as_str()) selected[pillar.as_str() == chosen] {
                            (pillar.label(locale))
                            @if *pillar == proposed { " " (locale.text("import-review-proposed")) }
                        }
                    }
                }
            }
            @if let Some(line) = line.filter(|line| !line.earlier.is_empty()) {
                (continues_field(locale, &name("continues"), recommendation, line))
            }
        }
    }
}

/// Which recommendation of the previous report this one continues: the most alike proposed, or
/// the one the admin chose.
fn continues_field(
    locale: Locale,
    name: &str,
    recommendation: &RawRecommendation,
    line: &ProposedLine,
) -> Markup {
    let chosen = recommendation
        .continues
        .as_deref()
        .and_then(|id| id.parse::<uuid::Uuid>().ok())
        .or(line.proposed);
    html! {
        div.field {
            label for=(name) { (locale.text("import-review-continues")) }
            select id=(name) name=(name) {
                option value="" selected[chosen.is_none()] { (locale.text("import-review-new")) }
                @for earlier in &line.earlier {
                    @let short: String = earlier.text.chars().take(60).collect();
                    option value=(earlier.id) selected[chosen == Some(earlier.id)] {
                        (locale.text_with("import-review-earlier", &[("year", earlier.year.into()), ("position", earlier.position.into())])) " " (short)
                        @if earlier.text.chars().count() > 60 { "…" }
                        @if line.proposed == Some(earlier.id) { " " (locale.text("import-review-proposed")) }
                    }
                }
            }
        }
    }
}

/// The rows a review posted back, as `fields` hold them, citing `source_url`.
pub fn rows_from_review(fields: &[(String, String)], source_url: Option<&str>) -> ImportRows {
    // By name once: a whole report's review posts some 15,000 fields.
    let by_name: std::collections::HashMap<&str, &str> = fields
        .iter()
        .map(|(field, value)| (field.as_str(), value.as_str()))
        .collect();
    let get =
        |name: String| -> Option<String> { by_name.get(name.as_str()).map(|v| (*v).to_owned()) };
    let line = |prefix: &str, index: usize| {
        Location::Line(
            get(format!("{prefix}-{index}-line"))
                .and_then(|line| line.parse().ok())
                .unwrap_or_default(),
        )
    };
    let mut rows = ImportRows::default();
    for index in 0.. {
        let Some(country) = get(format!("tier-{index}-country")) else {
            break;
        };
        rows.tiers.push(RawTier {
            at: line("tier", index),
            country: None,
            country_name: Some(country),
            year: None,
            tier: get(format!("tier-{index}-tier")),
            waiver: Some(get(format!("tier-{index}-waiver")).is_some().to_string()),
            note: None,
        });
    }
    for number in 0.. {
        let Some(country) = get(format!("rec-{number}-country")) else {
            break;
        };
        rows.recommendations.push(RawRecommendation {
            at: line("rec", number),
            country: None,
            country_name: Some(country),
            year: None,
            position: get(format!("rec-{number}-position")),
            pillar: get(format!("rec-{number}-pillar")),
            text: get(format!("rec-{number}-text")),
            prioritized: get(format!("rec-{number}-prioritized")),
            source_url: source_url.map(str::to_owned),
            continues: get(format!("rec-{number}-continues")).filter(|id| !id.is_empty()),
            text_fr: None,
            text_fr_source_url: None,
        });
    }
    rows
}

/// What the page shows after a paste or a review, and whether it was accepted (a check that
/// passed, an import done) or refused.
pub(super) struct Answer {
    pub view: Markup,
    pub accepted: bool,
}

/// Narratives as the import page received them.
pub(super) enum Narratives<'a> {
    /// Pasted, to check and review.
    Pasted(&'a str),
    /// Reviewed: the review form's fields, to import.
    Reviewed(&'a [(String, String)]),
}

/// The answer to narratives given for the `year` report, citing `source_url`.
pub(super) async fn answer(
    visitor: &Visitor,
    state: &AppState,
    year: i32,
    given: Narratives<'_>,
    source_url: &str,
) -> Result<Answer, WebError> {
    match given {
        Narratives::Pasted(text) => check_narratives(visitor, state, year, text, source_url).await,
        Narratives::Reviewed(fields) => {
            import_reviewed(visitor, state, year, fields, source_url).await
        }
    }
}

/// The answer to a paste of narratives for the `year` report: what importing them would do and
/// the review form, or what could not be read.
async fn check_narratives(
    visitor: &Visitor,
    state: &AppState,
    year: i32,
    text: &str,
    source_url: &str,
) -> Result<Answer, WebError> {
    let locale = visitor.locale;
    let given_source = Some(source_url.trim()).filter(|url| !url.is_empty());
    let rows = match narrative_rows(text, PublishedText::Plain, given_source) {
        Ok(rows) => rows,
        Err(failure) => return refused(locale, failure),
    };
    let checked = check_and_run(
        &visitor.caller,
        state,
        Some(year),
        rows.clone().into(),
        true,
        state.timeouts.import,
    )
    .await;
    match checked {
        Ok(summary) => {
            let countries = country_names(locale, state, &summary.countries).await?;
            let lines = proposed_lines(state, year, &rows).await?;
            let view = html! {
                (summary_view(visitor, None, &summary, &countries))
                (review_form(visitor, year, source_url.trim(), &rows, &lines))
            };
            Ok(Answer {
                view,
                accepted: true,
            })
        }
        Err(failure) => refused(locale, failure),
    }
}

/// Imports the rows of a review as the admin left them; refused, the review comes back with
/// their corrections and what is wrong.
async fn import_reviewed(
    visitor: &Visitor,
    state: &AppState,
    year: i32,
    fields: &[(String, String)],
    source_url: &str,
) -> Result<Answer, WebError> {
    let locale = visitor.locale;
    let given_source = Some(source_url.trim()).filter(|url| !url.is_empty());
    let rows = rows_from_review(fields, given_source);
    let imported = check_and_run(
        &visitor.caller,
        state,
        Some(year),
        rows.clone().into(),
        false,
        state.timeouts.import,
    )
    .await;
    match imported {
        Ok(summary) => {
            let countries = country_names(locale, state, &summary.countries).await?;
            Ok(Answer {
                view: summary_view(visitor, None, &summary, &countries),
                accepted: true,
            })
        }
        Err(failure) => {
            let problems = refused(locale, failure)?.view;
            let lines = proposed_lines(state, year, &rows).await?;
            let view =
                html! { (problems) (review_form(visitor, year, source_url.trim(), &rows, &lines)) };
            Ok(Answer {
                view,
                accepted: false,
            })
        }
    }
}

fn refused(locale: Locale, failure: Failure) -> Result<Answer, WebError> {
    Ok(Answer {
        view: failure_view(locale, failure)?,
        accepted: false,
    })
}
