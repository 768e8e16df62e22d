//! The columns of a gap report for people, once: each column's heading and the value of a
//! recommendation's row. The people's CSV and the workbook's "Recommendations" sheet both read
//! this table, so that their headings, their order and their values cannot drift apart; a column
//! one of them leaves out says so here (`in_csv`, `in_workbook`). The values that gather a
//! recommendation's answers (who answers it, their evidence, the people reached) are here too.

use std::borrow::Cow;

use super::workbook::{Cell, Column};
use crate::usecases::gap_report::{CountingInterventionDto, GapReport, RecommendationGapDto};

/// A value of a row, before a document writes it.
#[derive(Debug, Clone)]
pub enum Value<'a> {
    Text(Cow<'a, str>),
    Number(i64),
    Empty,
}

impl Value<'_> {
    /// As the CSV writes it.
    pub fn as_text(&self) -> Cow<'_, str> {
        match self {
            Self::Text(text) => Cow::Borrowed(text.as_ref()),
            Self::Number(number) => Cow::Owned(number.to_string()),
            Self::Empty => Cow::Borrowed(""),
        }
    }

    /// As the workbook writes it: numbers as numbers, so that they add up.
    pub fn as_cell(&self) -> Cell<'_> {
        match self {
            Self::Text(text) => Cell::Text(text.as_ref()),
            Self::Number(number) => Cell::Number(*number as f64),
            Self::Empty => Cell::Empty,
        }
    }
}

/// One column of a recommendation's row.
pub struct RecommendationColumn {
    pub heading: &'static str,
    /// Whether its values are long text, which wraps in the workbook.
    pub wraps: bool,
    pub in_csv: bool,
    pub in_workbook: bool,
    pub value: for<'a> fn(&'a GapReport, &'a RecommendationGapDto) -> Value<'a>,
}

impl RecommendationColumn {
    /// The workbook's column.
    pub const fn column(&self) -> Column {
        Column {
            heading: self.heading,
            wraps: self.wraps,
        }
    }
}

const fn both(
    heading: &'static str,
    wraps: bool,
    value: for<'a> fn(&'a GapReport, &'a RecommendationGapDto) -> Value<'a>,
) -> RecommendationColumn {
    RecommendationColumn {
        heading,
        wraps,
        in_csv: true,
        in_workbook: true,
        value,
    }
}

const fn csv_only(
    heading: &'static str,
    value: for<'a> fn(&'a GapReport, &'a RecommendationGapDto) -> Value<'a>,
) -> RecommendationColumn {
    RecommendationColumn {
        heading,
        wraps: true,
        in_csv: true,
        in_workbook: false,
        value,
    }
}

fn text(text: &str) -> Value<'_> {
    Value::Text(Cow::Borrowed(text))
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
                .map_or("Not ranked", |t| t.tier.label()),
        )
    }),
    both("No.", false, |_, r| Value::Number(r.position.into())),
    both("Pillar", false, |_, r| text(r.pillar.label())),
    both("Prioritized", false, |_, r| yes_no(r.prioritized)),
    both("Status", false, |_, r| text(r.status.label())),
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
    RecommendationColumn {
        heading: "Interventions",
        wraps: false,
        in_csv: false,
        in_workbook: true,
        value: |_, r| Value::Number(r.interventions.len() as i64),
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

/// The columns one document writes.
pub fn columns_of(in_csv: bool) -> impl Iterator<Item = &'static RecommendationColumn> {
    RECOMMENDATION_COLUMNS.iter().filter(move |column| {
        if in_csv {
            column.in_csv
        } else {
            column.in_workbook
        }
    })
}

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
                i.status.label().to_lowercase(),
                i.contribution.label().to_lowercase()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_is_written_by_some_document_and_headings_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for column in RECOMMENDATION_COLUMNS {
            assert!(column.in_csv || column.in_workbook, "{}", column.heading);
            assert!(seen.insert(column.heading), "{} twice", column.heading);
        }
    }
}
