//! A country's gap report as CSV, one row per listed recommendation: with codes for programs (the
//! API's), or with labels for people opening it in a spreadsheet (the pages').

use super::columns::{Value, columns_of, values};
use super::csv_cells::{into_text, into_text_for_spreadsheets, write_row};
use super::gap_columns::{RECOMMENDATION_COLUMNS, reach};
use super::read_texts::GapDocument;
use crate::domain::Movement;
use crate::i18n::Locale;
use crate::usecases::gap_report::GapReport;

/// The columns of the API's CSV, in order: codes, then names where a code alone is an id.
const CSV_HEADER: [&str; 17] = [
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
    "organisation_name",
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
        .and_then(|t| t.movement)
        .map_or("", Movement::as_str);
    let organisation = report
        .organisation
        .map(|id| id.to_string())
        .unwrap_or_default();
    let organisation_name = report.organisation_name.as_deref().unwrap_or_default();
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
                yes_no(recommendation.prioritized, "true", "false"),
                recommendation.status.as_str(),
                &recommendation.line.years_standing.to_string(),
                &recommendation.line.since.to_string(),
                yes_no(recommendation.line.ever_addressed, "true", "false"),
                recommendation.text.as_str(),
                &interventions,
                &optional(reach(&recommendation.interventions)),
                &organisation,
                organisation_name,
            ],
        )?;
    }
    into_text(writer)
}

/// The same rows for a spreadsheet: labels and names instead of codes, each answering
/// intervention in words with its organisation, and a byte-order mark for Excel.
pub fn to_people_csv(locale: Locale, document: &GapDocument) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let headings = columns_of(RECOMMENDATION_COLUMNS, true, document);
    writer.write_record(headings.map(|c| c.csv_heading(locale)))?;
    for row in values(
        RECOMMENDATION_COLUMNS,
        true,
        locale,
        document,
        &document.report.recommendations,
    ) {
        write_row(&mut writer, row.iter().map(Value::as_text))?;
    }
    into_text_for_spreadsheets(writer)
}

fn optional(number: Option<i64>) -> String {
    number.map(|n| n.to_string()).unwrap_or_default()
}

fn yes_no(value: bool, yes: &'static str, no: &'static str) -> &'static str {
    if value { yes } else { no }
}
