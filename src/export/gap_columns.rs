//! The columns of a gap report for people (see `columns`): a recommendation's row, which the
//! people's CSV and the workbook's "Recommendations" sheet both write. The values that gather a
//! recommendation's answers (who answers it, their evidence, the people reached) are here too.

use std::borrow::Cow;

use super::columns::{DocumentColumn, Value, ValueOf, text, words, yes_no};
use super::read_texts::{GapDocument, text_to_read};
use crate::i18n::{Locale, Worded};
use crate::usecases::gap_report::{CountingInterventionDto, RecommendationGapDto};

/// One column of a recommendation's row.
pub type RecommendationColumn = DocumentColumn<GapDocument, RecommendationGapDto>;

const fn both(
    heading: &'static str,
    wraps: bool,
    value: ValueOf<GapDocument, RecommendationGapDto>,
) -> RecommendationColumn {
    DocumentColumn::both(heading, wraps, value)
}

const fn csv_only(
    heading: &'static str,
    value: ValueOf<GapDocument, RecommendationGapDto>,
) -> RecommendationColumn {
    DocumentColumn {
        in_workbook: false,
        ..DocumentColumn::both(heading, true, value)
    }
}

fn owned<'a>(text: String) -> Value<'a> {
    Value::Text(Cow::Owned(text))
}

/// Each listed intervention's `field`, one per line, as the "Answered by" cell lists them.
fn per_answer<'a>(
    locale: Locale,
    recommendation: &'a RecommendationGapDto,
    field: impl Fn(&'a CountingInterventionDto) -> Option<&'a str>,
) -> Value<'a> {
    let none = locale.text("doc-no-value");
    let lines: Vec<&str> = recommendation
        .interventions
        .iter()
        .map(|i| field(i).unwrap_or(&none))
        .collect();
    if lines.iter().all(|line| *line == none) {
        Value::Empty
    } else {
        owned(lines.join("\n"))
    }
}

/// The columns of a recommendation's row, in order. The workbook's other sheets (each answer,
/// the pillars, "About") and the CSV's report columns are the report's, not a row's.
pub const RECOMMENDATION_COLUMNS: &[RecommendationColumn] = &[
    csv_only("doc-column-country", |locale, document, _| {
        let country = &document.report.country;
        Value::Text(locale.country(&country.code, &country.tip_name))
    }),
    csv_only("doc-column-report-year", |_, document, _| {
        document
            .report
            .year
            .map_or(Value::Empty, |y| Value::Number(y.into()))
    }),
    csv_only("doc-column-tier", |locale, document, _| {
        document.report.tier.as_ref().map_or_else(
            || words(locale, "doc-not-ranked"),
            |t| text(t.tier.label(locale)),
        )
    }),
    both("doc-column-number", false, |_, _, r| {
        Value::Number(r.position.into())
    }),
    both("doc-column-pillar", false, |locale, _, r| {
        text(r.pillar.label(locale))
    }),
    both("doc-column-prioritized", false, |locale, _, r| {
        yes_no(locale, r.prioritized)
    }),
    both("doc-column-status", false, |locale, _, r| {
        text(r.status.label(locale))
    }),
    both("doc-column-recommendation", true, |_, document, r| {
        text(text_to_read(&document.translations, r.id, &r.text))
    }),
    // Beside a translation, the report's words it translates; no column when nothing is read
    // in translation.
    DocumentColumn {
        shown_for: Some(GapDocument::has_translations),
        ..both("doc-column-report-text", true, |_, document, r| {
            if document.translations.contains_key(&r.id) {
                text(&r.text)
            } else {
                Value::Empty
            }
        })
    },
    both("doc-column-reports-standing", false, |_, _, r| {
        Value::Number(r.line.years_standing.into())
    }),
    both("doc-column-standing-since", false, |_, _, r| {
        Value::Number(r.line.since.into())
    }),
    both("doc-column-ever-addressed", false, |locale, _, r| {
        yes_no(locale, r.line.ever_addressed)
    }),
    csv_only("doc-column-answered-by", |locale, _, r| {
        owned(answered_by(locale, r))
    }),
    DocumentColumn {
        in_csv: false,
        ..both("doc-column-interventions", false, |_, _, r| {
            Value::Number(r.interventions.len() as i64)
        })
    },
    both("doc-column-reached", false, |_, _, r| {
        reach(&r.interventions).map_or(Value::Empty, Value::Number)
    }),
    csv_only("doc-column-evidence", |_, _, r| owned(evidence(r))),
    csv_only("doc-column-rationale", |locale, _, r| {
        per_answer(locale, r, |i| i.rationale.as_deref())
    }),
    csv_only("doc-column-linked-by", |locale, _, r| {
        per_answer(locale, r, |i| i.linked_by.as_deref())
    }),
    csv_only("doc-column-counting", |locale, document, _| {
        document
            .report
            .organisation_name
            .as_deref()
            .map_or_else(|| words(locale, "doc-all-organisations"), text)
    }),
];

/// The interventions that count for a recommendation, in words, one per line:
/// `Training of police (Réseau Sahel, active, answers it fully)`.
pub fn answered_by(locale: Locale, recommendation: &RecommendationGapDto) -> String {
    let mut lines: Vec<String> = recommendation
        .interventions
        .iter()
        .map(|i| {
            locale.text_with(
                "doc-answer-in-words",
                &[
                    ("title", i.title.as_str().into()),
                    ("organisation", i.organisation_name.as_str().into()),
                    ("status", i.status.label(locale).to_lowercase().into()),
                    (
                        "contribution",
                        i.contribution.label(locale).to_lowercase().into(),
                    ),
                ],
            )
        })
        .collect();
    if recommendation.more_interventions {
        lines.push(locale.text("doc-and-more"));
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
