//! The columns of a gap report for people (see `columns`): a recommendation's row, which the
//! people's CSV and the workbook's "Recommendations" sheet both write. The values that gather a
//! recommendation's answers (who answers it, their evidence, the people reached) are here too.

use std::borrow::Cow;

use super::columns::{DocumentColumn, Value, text};
use crate::i18n::{Locale, Worded};
use crate::usecases::gap_report::{CountingInterventionDto, GapReport, RecommendationGapDto};

/// One column of a recommendation's row.
pub type RecommendationColumn = DocumentColumn<GapReport, RecommendationGapDto>;

const fn both(
    heading: &'static str,
    wraps: bool,
    value: for<'a> fn(&'a GapReport, &'a RecommendationGapDto) -> Value<'a>,
) -> RecommendationColumn {
    DocumentColumn::both(heading, wraps, value)
}

const fn csv_only(
    heading: &'static str,
    value: for<'a> fn(&'a GapReport, &'a RecommendationGapDto) -> Value<'a>,
) -> RecommendationColumn {
    DocumentColumn {
        in_workbook: false,
        ..DocumentColumn::both(heading, true, value)
    }
}

fn owned<'a>(text: String) -> Value<'a> {
    Value::Text(Cow::Owned(text))
}

fn yes_no<'a>(value: bool) -> Value<'a> {
    Value::Text(Cow::Borrowed(if value { "Yes" } else { "No" }))
}

/// Each listed intervention's `field`, one per line, as the "Answered by" cell lists them.
fn per_answer<'a>(
    recommendation: &'a RecommendationGapDto,
    field: impl Fn(&'a CountingInterventionDto) -> Option<&'a str>,
) -> Value<'a> {
    let lines: Vec<&str> = recommendation
        .interventions
        .iter()
        .map(|i| field(i).unwrap_or("–"))
        .collect();
    if lines.iter().all(|line| *line == "–") {
        Value::Empty
    } else {
        owned(lines.join("\n"))
    }
}

/// The columns of a recommendation's row, in order. The workbook's other sheets (each answer,
/// the pillars, "About") and the CSV's report columns are the report's, not a row's.
pub const RECOMMENDATION_COLUMNS: &[RecommendationColumn] = &[
    csv_only("Country", |report, _| text(&report.country.tip_name)),
    csv_only("Report year", |report, _| {
        report
            .year
            .map_or(Value::Empty, |y| Value::Number(y.into()))
    }),
    csv_only("Tier", |report, _| {
        text(
            report
                .tier
                .as_ref()
                .map_or("Not ranked", |t| t.tier.label(Locale::ENGLISH)),
        )
    }),
    both("No.", false, |_, r| Value::Number(r.position.into())),
    both("Pillar", false, |_, r| {
        text(r.pillar.label(Locale::ENGLISH))
    }),
    both("Prioritized", false, |_, r| yes_no(r.prioritized)),
    both("Status", false, |_, r| {
        text(r.status.label(Locale::ENGLISH))
    }),
    both("Recommendation", true, |_, r| text(&r.text)),
    both("Reports standing", false, |_, r| {
        Value::Number(r.line.years_standing.into())
    }),
    both("Standing since", false, |_, r| {
        Value::Number(r.line.since.into())
    }),
    both("Ever addressed", false, |_, r| {
        yes_no(r.line.ever_addressed)
    }),
    csv_only("Answered by", |_, r| owned(answered_by(r))),
    DocumentColumn {
        in_csv: false,
        ..both("Interventions", false, |_, r| {
            Value::Number(r.interventions.len() as i64)
        })
    },
    both("People reached", false, |_, r| {
        reach(&r.interventions).map_or(Value::Empty, Value::Number)
    }),
    csv_only("Evidence", |_, r| owned(evidence(r))),
    csv_only("Rationale", |_, r| {
        per_answer(r, |i| i.rationale.as_deref())
    }),
    csv_only("Linked by", |_, r| {
        per_answer(r, |i| i.linked_by.as_deref())
    }),
    csv_only("Counting the work of", |report, _| {
        text(
            report
                .organisation_name
                .as_deref()
                .unwrap_or("All organisations"),
        )
    }),
];

/// The interventions that count for a recommendation, in words, one per line:
/// `Training of police (Réseau Sahel, active, answers it fully)`.
pub fn answered_by(recommendation: &RecommendationGapDto) -> String {
    let mut lines: Vec<String> = recommendation
        .interventions
        .iter()
        .map(|i| {
            format!(
                "{} ({}, {}, answers it {})",
                i.title,
                i.organisation_name,
                i.status.label(Locale::ENGLISH).to_lowercase(),
                i.contribution.label(Locale::ENGLISH).to_lowercase()
            )
        })
        .collect();
    if recommendation.more_interventions {
        lines.push("and more".to_owned());
    }
    lines.join("\n")
}

/// The evidence addresses of the links that count for a recommendation, one per line.
pub fn evidence(recommendation: &RecommendationGapDto) -> String {
    recommendation
        .interventions
        .iter()
        .filter_map(|i| i.evidence_url.as_deref())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The people reached by these interventions, where any say.
pub fn reach(interventions: &[CountingInterventionDto]) -> Option<i64> {
    interventions
        .iter()
        .filter_map(|i| i.people_reached)
        .map(i64::from)
        .reduce(|a, b| a + b)
}
