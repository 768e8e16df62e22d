//! The overview, for grant writers: coverage per country for a report year, filterable by region
//! and organisation, sortable, with a chart of where the gaps are and a CSV download that
//! honours the filters.

use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use serde::Deserialize;

use super::error::WebError;
use super::filters::{self, query_string};
use super::layout::{self, Section};
use super::session::Visitor;
use super::widgets;
use crate::domain::Region;
use crate::export::provenance::Provenance;
use crate::export::{coverage_csv, coverage_xlsx, file_name};
use crate::http::AppState;
use crate::http::error::ApiError;
use crate::http::negotiation::{csv_response, xlsx_response};
use crate::i18n::Worded;
use crate::usecases;
use crate::usecases::coverage::{self, CoverageReport, CoverageRow, CoverageYear};

#[derive(Debug, Default, Deserialize)]
pub struct OverviewQuery {
    year: Option<String>,
    region: Option<String>,
    organisation: Option<String>,
    sort: Option<String>,
}

/// The orders the table can be sorted in.
const SORTS: [(&str, &str); 4] = [
    ("country", "Country"),
    ("tier", "Tier"),
    ("unaddressed", "Unaddressed"),
    ("coverage", "Coverage"),
];

/// `GET /`.
pub async fn overview(
    visitor: Visitor,
    state: web::Data<AppState>,
    query: web::Query<OverviewQuery>,
) -> Result<HttpResponse, WebError> {
    let locale = visitor.locale;
    let mut report = report_for(&state, &query).await?;
    let sort = query.sort.as_deref().unwrap_or("unaddressed");
    sort_rows(&mut report.items, sort);
    let years = usecases::reports::all(state.get_ref()).await?;
    let organisations = usecases::organisations::all(state.get_ref()).await?;
    let filters = query_string(&[
        ("year", query.year.clone()),
        ("region", query.region.clone()),
        ("organisation", query.organisation.clone()),
    ]);
    let pinned = filters::optional::<i32>("report year", query.year.as_deref())?.is_some();
    let title = match report.year {
        Some(year) if pinned => format!("Coverage of the {year} TIP Report"),
        Some(_) => "Coverage of each country's latest TIP Report".to_owned(),
        None => "Coverage".to_owned(),
    };
    let content = html! {
        h1 { (title) }
        form.filters.panel method="get" action="/" aria-label="Filters" {
            div {
                label for="year" { "Report year" }
                select #year name="year" {
                    option value="" { "Each country's latest" }
                    @for row in &years {
                        option value=(row.year) selected[pinned && report.year == Some(row.year)] { (row.year) }
                    }
                }
            }
            div {
                label for="region" { "Region" }
                select #region name="region" {
                    option value="" { "All regions" }
                    @for region in Region::ALL {
                        option value=(region) selected[report.region == Some(*region)] { (region.label(locale)) }
                    }
                }
            }
            (widgets::organisation_filter("Count the work of", &organisations, report.organisation))
            input type="hidden" name="sort" value=(sort);
            button type="submit" { "Apply filters" }
            a.button.secondary href={ "/coverage.xlsx?" (filters) } download { "Download spreadsheet (.xlsx)" }
            a.button.secondary href={ "/coverage.csv?" (filters) } download { "Download CSV" }
        }
        (totals(&report))
        (chart(&report))
        h2 #countries { "Countries" }
        @if report.items.is_empty() {
            p { "No country has recommendations for these filters." }
        } @else {
            div.table-wrap {
                table.cards {
                    caption.muted { (countries(report.items.len())) "; select a country for its recommendations" }
                    thead { tr {
                        (sortable_header(SORTS[0], sort, &filters))
                        th scope="col" { "Report" }
                        th scope="col" { "Region" }
                        (sortable_header(SORTS[1], sort, &filters))
                        th scope="col" { "Movement" }
                        th.number scope="col" { "Recommendations" }
                        th.number scope="col" { "Addressed" }
                        th.number scope="col" { "Partly" }
                        th.number scope="col" { "Planned" }
                        (sortable_header(SORTS[2], sort, &filters))
                        (sortable_header(SORTS[3], sort, &filters))
                    } }
                    tbody {
                        @for row in &report.items {
                            tr {
                                th scope="row" { a href={ "/countries/" (row.code) "?" (query_string(&[("year", Some(row.year.to_string())), ("organisation", query.organisation.clone())])) } { (row.tip_name) } }
                                td data-label="Report" { (row.year) }
                                td data-label="Region" { (row.region.map_or("–", |region| region.label(locale))) }
                                td data-label="Tier" { (widgets::tier(locale, row.tier)) }
                                td data-label="Movement" { (widgets::movement(locale, row.movement)) }
                                td.number data-label="Recommendations" { (row.counts.total) }
                                td.number data-label="Addressed" { (row.counts.addressed) }
                                td.number data-label="Partly" { (row.counts.partially_addressed) }
                                td.number data-label="Planned" { (row.counts.planned) }
                                td.number data-label="Unaddressed" { (row.counts.unaddressed) }
                                td.number data-label="Coverage" { (widgets::percent(row.counts.coverage_ratio)) }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(widgets::html_page(layout::page(
        &title,
        &visitor,
        Section::Overview,
        content,
    )))
}

/// `GET /coverage.csv`: the overview's rows, with its filters, for a spreadsheet.
pub async fn download_csv(
    _visitor: Visitor,
    state: web::Data<AppState>,
    query: web::Query<OverviewQuery>,
) -> Result<HttpResponse, WebError> {
    let report = report_for(&state, &query).await?;
    let csv = coverage_csv::to_people_csv(&report).map_err(ApiError::internal)?;
    Ok(csv_response(&file_name::coverage(&report, "csv"), csv))
}

/// `GET /coverage.xlsx`: the overview's rows, with its filters, as a workbook.
pub async fn download_xlsx(
    visitor: Visitor,
    state: web::Data<AppState>,
    query: web::Query<OverviewQuery>,
) -> Result<HttpResponse, WebError> {
    let report = report_for(&state, &query).await?;
    let workbook = coverage_xlsx::to_xlsx(
        &report,
        &Provenance::at(&visitor.caller.name, state.clock.now()),
    )
    .map_err(ApiError::internal)?;
    Ok(xlsx_response(
        &file_name::coverage(&report, "xlsx"),
        workbook,
    ))
}

async fn report_for(state: &AppState, query: &OverviewQuery) -> Result<CoverageReport, WebError> {
    let year = match filters::optional("report year", query.year.as_deref())? {
        Some(year) => CoverageYear::Year(year),
        None => CoverageYear::EachCountrysLatest,
    };
    let region = filters::optional::<Region>("region", query.region.as_deref())?;
    let organisation = filters::organisation(query.organisation.as_deref())?;
    let mut connection = state.connection().await?;
    Ok(coverage::coverage_report(&mut connection, year, organisation, region).await?)
}

fn sort_rows(rows: &mut [CoverageRow], sort: &str) {
    match sort {
        "country" => rows.sort_by(|a, b| a.tip_name.cmp(&b.tip_name)),
        "tier" => rows.sort_by(|a, b| b.tier.cmp(&a.tier).then(a.tip_name.cmp(&b.tip_name))),
        "coverage" => rows.sort_by(|a, b| {
            a.counts
                .coverage_ratio
                .total_cmp(&b.counts.coverage_ratio)
                .then(a.tip_name.cmp(&b.tip_name))
        }),
        _ => rows.sort_by(|a, b| {
            b.counts
                .unaddressed
                .cmp(&a.counts.unaddressed)
                .then(a.tip_name.cmp(&b.tip_name))
        }),
    }
}

fn sortable_header((key, label): (&str, &str), current: &str, filters: &str) -> Markup {
    let sorted = key == current;
    let numeric = matches!(key, "unaddressed" | "coverage");
    html! {
        th.number[numeric] scope="col" aria-sort=[sorted.then_some(if matches!(key, "country" | "coverage") { "ascending" } else { "descending" })] {
            a href={ "/?" (filters) @if !filters.is_empty() { "&" } "sort=" (key) } {
                (label) @if sorted { " ▾" }
            }
        }
    }
}

fn totals(report: &CoverageReport) -> Markup {
    let counts = &report.totals;
    html! {
        div.panel {
            p {
                strong { (counts.unaddressed) } " of " (counts.total) " recommendations remain unaddressed; "
                strong { (counts.addressed) } @if counts.addressed == 1 { " is" } @else { " are" } " addressed (" (widgets::percent(counts.coverage_ratio)) "), "
                (counts.partially_addressed) " partly and " (counts.planned) " only planned."
            }
        }
    }
}

/// A bar per country with the most unaddressed recommendations, split by status: where the gaps
/// are, at a glance. Drawn on the server as SVG, with a text alternative.
fn chart(report: &CoverageReport) -> Markup {
    let mut rows: Vec<&CoverageRow> = report.items.iter().filter(|r| r.counts.total > 0).collect();
    rows.sort_by(|a, b| {
        b.counts
            .unaddressed
            .cmp(&a.counts.unaddressed)
            .then(a.tip_name.cmp(&b.tip_name))
    });
    rows.truncate(15);
    if rows.is_empty() {
        return html! {};
    }
    let widest = rows
        .iter()
        .map(|r| r.counts.total)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let (label_width, bar_width, row_height) = (160.0, 440.0, 24.0);
    let height = rows.len() as f64 * row_height + 10.0;
    let description = rows
        .iter()
        .map(|r| {
            format!(
                "{}: {} of {} unaddressed",
                r.tip_name, r.counts.unaddressed, r.counts.total
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        section.panel.chart aria-labelledby="chart-title" {
            h2 #chart-title { "Where the gaps are" }
            p.muted { @if rows.len() == 1 { "The country" } @else { "The " (rows.len()) " countries" } " with the most unaddressed recommendations." }
            // Two drawings of the same bars: names beside them on a wide screen, above them on
            // a phone, so the names are never drawn smaller than 12 px.
            svg.wide xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (label_width + bar_width + 130.0) " " (height) } role="img" aria-label=(description) {
                @for (i, row) in rows.iter().enumerate() {
                    @let y = i as f64 * row_height + 5.0;
                    @let segments = segments(row, label_width, bar_width / widest);
                    text x=(label_width - 6.0) y=(y + 14.0) text-anchor="end" font-size="12" { (row.tip_name) }
                    @for (status, count, x, width) in &segments {
                        rect x=(x) y=(y) width=(width) height=(row_height - 6.0) fill=(widgets::status_colour(status)) {
                            title { (row.tip_name) ": " (count) " " (status.replace('_', " ")) }
                        }
                    }
                    text x=(label_width + row.counts.total as f64 * bar_width / widest + 4.0) y=(y + 14.0) font-size="12" { (unaddressed_of(row)) }
                }
            }
            @let (narrow_width, narrow_row) = (320.0, 40.0);
            svg.narrow xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (narrow_width) " " (rows.len() as f64 * narrow_row + 6.0) } role="img" aria-label=(description) {
                @for (i, row) in rows.iter().enumerate() {
                    @let y = i as f64 * narrow_row + 4.0;
                    @let segments = segments(row, 0.0, narrow_width / widest);
                    text x="0" y=(y + 13.0) font-size="14" { (row.tip_name) " · " (unaddressed_of(row)) }
                    @for (status, count, x, width) in &segments {
                        rect x=(x) y=(y + 18.0) width=(width) height="14" fill=(widgets::status_colour(status)) {
                            title { (row.tip_name) ": " (count) " " (status.replace('_', " ")) }
                        }
                    }
                }
            }
            p.legend {
                span.unaddressed { "Unaddressed" } span.planned { "Planned" }
                span.partially_addressed { "Partly addressed" } span.addressed { "Addressed" }
            }
        }
    }
}

/// What a bar's label says: `3 of 5 unaddressed` (never `3/5`, which reads as "3 of 5 done").
fn unaddressed_of(row: &CoverageRow) -> String {
    format!(
        "{} of {} unaddressed",
        row.counts.unaddressed, row.counts.total
    )
}

/// A country's bar: each status's count, from `start`, `scale` units wide per recommendation.
fn segments(row: &CoverageRow, start: f64, scale: f64) -> Vec<(&'static str, i64, f64, f64)> {
    let mut x = start;
    [
        ("unaddressed", row.counts.unaddressed),
        ("planned", row.counts.planned),
        ("partially_addressed", row.counts.partially_addressed),
        ("addressed", row.counts.addressed),
    ]
    .into_iter()
    .map(|(status, count)| {
        let width = count as f64 * scale;
        let segment = (status, count, x, width);
        x += width;
        segment
    })
    .collect()
}

/// "1 country", "12 countries".
fn countries(count: usize) -> String {
    match count {
        1 => "1 country".to_owned(),
        _ => format!("{count} countries"),
    }
}
