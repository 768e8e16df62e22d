//! A country's gap report as a workbook: one row per recommendation, one row per answer (an
//! intervention's link to a recommendation, with its rationale and evidence), and "About".

use rust_xlsxwriter::XlsxError;

use super::columns::{Value, columns_of, values};
use super::coverage_xlsx::{COUNT_COLUMNS, counts};
use super::gap_columns::RECOMMENDATION_COLUMNS;
use super::gaps_summary::organisation_or_all;
use super::provenance::Provenance;
use super::read_texts::GapDocument;
use super::workbook::{Book, Cell, Column, long, short};
use crate::domain::reporting_period;
use crate::i18n::{Locale, Worded, written};
use crate::usecases::gap_report::{GapFilters, GapReport};

const ANSWER_COLUMNS: [Column; 11] = [
    short("doc-column-number"),
    long("doc-column-intervention"),
    short("doc-column-kind"),
    short("doc-column-intervention-status"),
    long("doc-column-organisation"),
    short("doc-column-answers-it"),
    short("doc-column-reached"),
    long("doc-column-rationale"),
    long("doc-column-evidence"),
    short("doc-column-linked-by"),
    short("doc-column-recommendation-status"),
];

/// The gap report as an `.xlsx` file, listing what `filters` chose, made for `provenance`, in
/// the words of `locale`.
pub fn to_xlsx(
    locale: Locale,
    document: &GapDocument,
    filters: &GapFilters,
    provenance: &Provenance,
) -> Result<Vec<u8>, XlsxError> {
    let report = &document.report;
    let country = locale.country(&report.country.code, &report.country.tip_name);
    let title = match report.year {
        Some(year) => locale.text_with(
            "doc-gaps-workbook-title",
            &[("country", country.as_ref().into()), ("year", year.into())],
        ),
        None => country.clone().into_owned(),
    };
    let mut book = Book::new(&title, provenance, locale);
    // The recommendations' columns are the people's CSV's (`gap_columns`), so the two agree.
    let columns: Vec<Column> = columns_of(RECOMMENDATION_COLUMNS, false, document)
        .map(|column| column.column())
        .collect();
    let values = values(
        RECOMMENDATION_COLUMNS,
        false,
        locale,
        document,
        &report.recommendations,
    );
    let recommendations = values
        .iter()
        .map(|row| row.iter().map(Value::as_cell).collect());
    book.table("doc-sheet-recommendations", &columns, recommendations)?;
    let answers = report.recommendations.iter().flat_map(|r| {
        r.interventions.iter().map(move |i| {
            vec![
                Cell::Number(f64::from(r.position)),
                Cell::Text(&i.title),
                Cell::Text(i.kind.label(locale)),
                Cell::Text(i.status.label(locale)),
                Cell::Text(&i.organisation_name),
                Cell::Text(i.contribution.label(locale)),
                i.people_reached
                    .map_or(Cell::Empty, |n| Cell::Number(f64::from(n))),
                Cell::from(i.rationale.as_deref()),
                i.evidence_url.as_deref().map_or(Cell::Empty, Cell::Link),
                Cell::from(i.linked_by.as_deref()),
                Cell::Text(r.status.label(locale)),
            ]
        })
    });
    book.table("doc-sheet-answers", &ANSWER_COLUMNS, answers)?;
    let pillars = report.pillars.iter().map(|p| {
        let mut cells = vec![Cell::Text(p.pillar.label(locale))];
        cells.extend(counts(&p.counts));
        cells
    });
    let all_pillars = locale.text("doc-all-pillars");
    let mut all = vec![Cell::Text(&all_pillars)];
    all.extend(counts(&report.summary));
    let columns: Vec<Column> = [short("doc-column-pillar")]
        .into_iter()
        .chain(COUNT_COLUMNS)
        .collect();
    book.table_with_totals("doc-sheet-pillars", &columns, pillars, Some(all))?;
    book.about(&about(locale, report, filters, &title, provenance))?;
    book.into_bytes()
}

fn about(
    locale: Locale,
    report: &GapReport,
    filters: &GapFilters,
    title: &str,
    provenance: &Provenance,
) -> Vec<(&'static str, String)> {
    let mut facts = vec![(
        "doc-fact-what",
        locale.text_with("doc-gaps-workbook-what", &[("title", title.into())]),
    )];
    facts.push((
        "doc-fact-country",
        locale
            .country(&report.country.code, &report.country.tip_name)
            .into_owned(),
    ));
    if let Some(year) = report.year {
        facts.push(("doc-fact-report-year", year.to_string()));
        facts.push((
            "doc-fact-reporting-period",
            written::period(locale, reporting_period(year)),
        ));
    }
    if let Some(tier) = &report.tier {
        facts.push(("doc-fact-tier", tier.tier.label(locale).to_owned()));
    }
    let listed = match (filters.status, filters.persistent_only) {
        (None, false) => locale.text("doc-gaps-listed-all"),
        (Some(status), false) => status.label(locale).to_owned(),
        (None, true) => locale.text("doc-gaps-listed-persistent"),
        (Some(status), true) => locale.text_with(
            "doc-gaps-listed-status-persistent",
            &[("status", status.label(locale).into())],
        ),
    };
    let coverage = locale.text_with(
        "doc-gaps-coverage-fact",
        &[
            ("addressed", report.summary.addressed.into()),
            ("total", report.summary.total.into()),
        ],
    );
    facts.extend([
        (
            "doc-fact-counting",
            organisation_or_all(locale, report.organisation_name.as_deref()),
        ),
        ("doc-fact-listed", listed),
        ("doc-fact-coverage", coverage),
        ("doc-fact-made-on", provenance.made_at_in_words(locale)),
        ("doc-fact-made-by", provenance.made_by.clone()),
        ("doc-fact-rule", locale.text("doc-status-rule")),
    ]);
    facts
}
