//! A country's gap report as a workbook: one row per recommendation, one row per answer (an
//! intervention's link to a recommendation, with its rationale and evidence), and "About".

use rust_xlsxwriter::XlsxError;

use super::columns::{Value, columns_of, values};
use super::coverage_xlsx::{COUNT_COLUMNS, counts};
use super::gap_columns::RECOMMENDATION_COLUMNS;
use super::provenance::{Provenance, STATUS_RULE, period_in_words};
use super::workbook::{Book, Cell, Column, long, short};
use crate::domain::reporting_period;
use crate::i18n::{Locale, Worded};
use crate::usecases::gap_report::{GapFilters, GapReport};

const ANSWER_COLUMNS: [Column; 11] = [
    short("No."),
    long("Intervention"),
    short("Kind"),
    short("Intervention status"),
    long("Organisation"),
    short("Answers it"),
    short("People reached"),
    long("Rationale"),
    long("Evidence"),
    short("Linked by"),
    short("Recommendation status"),
];

/// The gap report as an `.xlsx` file, listing what `filters` chose, made for `provenance`.
pub fn to_xlsx(
    report: &GapReport,
    filters: &GapFilters,
    provenance: &Provenance,
) -> Result<Vec<u8>, XlsxError> {
    let title = match report.year {
        Some(year) => format!("{} in the {year} TIP Report", report.country.tip_name),
        None => report.country.tip_name.clone(),
    };
    let mut book = Book::new(&title, provenance);
    // The recommendations' columns are the people's CSV's (`gap_columns`), so the two agree.
    let columns: Vec<Column> = columns_of(RECOMMENDATION_COLUMNS, false)
        .map(|column| column.column())
        .collect();
    let values = values(
        RECOMMENDATION_COLUMNS,
        false,
        report,
        &report.recommendations,
    );
    let recommendations = values
        .iter()
        .map(|row| row.iter().map(Value::as_cell).collect());
    book.table("Recommendations", &columns, recommendations)?;
    let answers = report.recommendations.iter().flat_map(|r| {
        r.interventions.iter().map(move |i| {
            vec![
                Cell::Number(f64::from(r.position)),
                Cell::Text(&i.title),
                Cell::Text(i.kind.label(Locale::ENGLISH)),
                Cell::Text(i.status.label(Locale::ENGLISH)),
                Cell::Text(&i.organisation_name),
                Cell::Text(i.contribution.label(Locale::ENGLISH)),
                i.people_reached
                    .map_or(Cell::Empty, |n| Cell::Number(f64::from(n))),
                Cell::from(i.rationale.as_deref()),
                i.evidence_url.as_deref().map_or(Cell::Empty, Cell::Link),
                Cell::from(i.linked_by.as_deref()),
                Cell::Text(r.status.label(Locale::ENGLISH)),
            ]
        })
    });
    book.table("Answers", &ANSWER_COLUMNS, answers)?;
    let pillars = report.pillars.iter().map(|p| {
        let mut cells = vec![Cell::Text(p.pillar.label(Locale::ENGLISH))];
        cells.extend(counts(&p.counts));
        cells
    });
    let mut all = vec![Cell::Text("All pillars")];
    all.extend(counts(&report.summary));
    let columns: Vec<Column> = [short("Pillar")].into_iter().chain(COUNT_COLUMNS).collect();
    book.table_with_totals("Pillars", &columns, pillars, Some(all))?;
    book.about(&about(report, filters, &title, provenance))?;
    book.into_bytes()
}

fn about(
    report: &GapReport,
    filters: &GapFilters,
    title: &str,
    provenance: &Provenance,
) -> Vec<(&'static str, String)> {
    let mut facts = vec![(
        "What this is",
        format!("{title}: each recommendation's status and the work that answers it"),
    )];
    facts.push(("Country", report.country.tip_name.clone()));
    if let Some(year) = report.year {
        facts.push(("Report year", year.to_string()));
        facts.push(("Reporting period", period_in_words(reporting_period(year))));
    }
    if let Some(tier) = &report.tier {
        facts.push(("Tier", tier.tier.label(Locale::ENGLISH).to_owned()));
    }
    facts.extend([
        (
            "Counting the work of",
            report
                .organisation_name
                .clone()
                .unwrap_or_else(|| "All organisations".to_owned()),
        ),
        (
            "Recommendations listed",
            match (filters.status, filters.persistent_only) {
                (None, false) => "All".to_owned(),
                (Some(status), false) => status.label(Locale::ENGLISH).to_owned(),
                (None, true) => "Persistent gaps only".to_owned(),
                (Some(status), true) => {
                    format!("{}, persistent gaps only", status.label(Locale::ENGLISH))
                }
            },
        ),
        (
            "Coverage",
            format!(
                "{} of {} recommendations addressed",
                report.summary.addressed, report.summary.total
            ),
        ),
        ("Made on", provenance.made_at_in_words()),
        ("Made by", provenance.made_by.clone()),
        ("How a status is counted", STATUS_RULE.to_owned()),
    ]);
    facts
}
