//! The overview, for grant writers: coverage per country for a report year, filterable by region
//! and organisation, sortable, with a chart of where the gaps are and a CSV download that
//! honours the filters.

use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use serde::Deserialize;

use super::error::WebError;
use super::filters::{self, query_string};
use super::layout::{self, Section};
use super::placements;
use super::session::Visitor;
use super::widgets;
use crate::domain::{RecommendationStatus, Region};
use crate::export::provenance::Provenance;
use crate::export::{coverage_csv, coverage_xlsx, file_name};
use crate::http::AppState;
use crate::http::error::ApiError;
use crate::http::negotiation::{csv_response, xlsx_response};
use crate::i18n::countries::sorting_key;
use crate::i18n::{Locale, Worded, written};
use crate::usecases;
use crate::usecases::coverage::{self, CoverageReport, CoverageRow, CoverageYear};

#[derive(Debug, Default, Deserialize)]
pub struct OverviewQuery {
    year: Option<String>,
    region: Option<String>,
    organisation: Option<String>,
    sort: Option<String>,
    /// The year of the table of every country's placement.
    placements: Option<String>,
}

/// The orders the table can be sorted in.
const SORTS: [(&str, &str); 4] = [
    ("country", "column-country"),
    ("tier", "column-tier"),
    ("unaddressed", "column-unaddressed"),
    ("coverage", "column-coverage"),
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
    sort_rows(locale, &mut report.items, sort);
    let years = usecases::reports::all(state.get_ref()).await?;
    let organisations = usecases::organisations::all(state.get_ref()).await?;
    let filters = query_string(&[
        ("year", query.year.clone()),
        ("region", query.region.clone()),
        ("organisation", query.organisation.clone()),
    ]);
    let pinned_year = filters::optional::<i32>("report year", query.year.as_deref())?;
    let pinned = pinned_year.is_some();
    let placements_year = filters::optional::<i32>("placements year", query.placements.as_deref())?;
    let ranking = usecases::ranking::of_year(
        state.get_ref(),
        placements_year.or(pinned_year),
        report.region,
    )
    .await?;
    let kept = [
        ("year", query.year.clone()),
        ("region", query.region.clone()),
        ("organisation", query.organisation.clone()),
        ("sort", query.sort.clone()),
    ];
    let title = match report.year {
        Some(year) if pinned => locale.text_with("overview-title-year", &[("year", year.into())]),
        Some(_) => locale.text("overview-title-latest"),
        None => locale.text("overview-title"),
    };
    let content = html! {
        h1 { (title) }
        form.filters.panel method="get" action="/" aria-label=(locale.text("filters-label")) {
            div {
                label for="year" { (locale.text("filter-report-year")) }
                select #year name="year" {
                    option value="" { (locale.text("filter-each-latest")) }
                    @for row in &years {
                        option value=(row.year) selected[pinned && report.year == Some(row.year)] { (row.year) }
                    }
                }
            }
            div {
                label for="region" { (locale.text("filter-region")) }
                select #region name="region" {
                    option value="" { (locale.text("filter-all-regions")) }
                    @for region in Region::ALL {
                        option value=(region) selected[report.region == Some(*region)] { (region.label(locale)) }
                    }
                }
            }
            (widgets::organisation_filter(locale, &locale.text("filter-count-work-of"), &organisations, report.organisation))
            input type="hidden" name="sort" value=(sort);
            button type="submit" { (locale.text("filter-apply")) }
            a.button.secondary href={ "/coverage.xlsx?" (filters) } download { (locale.text("download-xlsx")) }
            a.button.secondary href={ "/coverage.csv?" (filters) } download { (locale.text("download-csv")) }
        }
        (totals(locale, &report))
        (chart(locale, &report))
        (countries_table(locale, &report, sort, &filters, query.organisation.as_ref()))
        (placements::section(locale, &ranking, &kept))
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
    visitor: Visitor,
    state: web::Data<AppState>,
    query: web::Query<OverviewQuery>,
) -> Result<HttpResponse, WebError> {
    let report = report_for(&state, &query).await?;
    let csv = coverage_csv::to_people_csv(visitor.locale, &report).map_err(ApiError::internal)?;
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
        visitor.locale,
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

fn sort_rows(locale: Locale, rows: &mut [CoverageRow], sort: &str) {
    // By the names the reader sees, which differ from language to language.
    let name = |row: &CoverageRow| sorting_key(&locale.country(&row.code, &row.tip_name));
    match sort {
        "country" => rows.sort_by_cached_key(name),
        "tier" => rows.sort_by_cached_key(|row| (std::cmp::Reverse(row.tier), name(row))),
        "coverage" => rows.sort_by(|a, b| {
            a.counts
                .coverage_ratio
                .total_cmp(&b.counts.coverage_ratio)
                .then_with(|| name(a).cmp(&name(b)))
        }),
        _ => rows.sort_by_cached_key(|row| (std::cmp::Reverse(row.counts.unaddressed), name(row))),
    }
}

fn sortable_header(
    locale: Locale,
    (key, label): (&str, &str),
    current: &str,
    filters: &str,
) -> Markup {
    let sorted = key == current;
    let numeric = matches!(key, "unaddressed" | "coverage");
    html! {
        th.number[numeric] scope="col" aria-sort=[sorted.then_some(if matches!(key, "country" | "coverage") { "ascending" } else { "descending" })] {
            a href={ "/?" (filters) @if !filters.is_empty() { "&" } "sort=" (key) } {
                (locale.text(label)) @if sorted { " ▾" }
            }
        }
    }
}

/// The coverage table, one row per country, sortable by its headers.
fn countries_table(
    locale: Locale,
    report: &CoverageReport,
    sort: &str,
    filters: &str,
    organisation: Option<&String>,
) -> Markup {
    html! {
    h2 #countries { (locale.text("overview-countries")) }
    @if report.items.is_empty() {
        p { (locale.text("overview-no-country")) }
    } @else {
        div.table-wrap {
            table.cards {
                caption.muted { (locale.text_with("overview-caption", &[("count", report.items.len().into())])) }
                thead { tr {
                    (sortable_header(locale, SORTS[0], sort, filters))
                    th scope="col" { (locale.text("column-report")) }
                    th scope="col" { (locale.text("column-region")) }
                    (sortable_header(locale, SORTS[1], sort, filters))
                    th scope="col" { (locale.text("column-movement")) }
                    th.number scope="col" { (locale.text("column-recommendations")) }
                    th.number scope="col" { (locale.text("column-addressed")) }
                    th.number scope="col" { (locale.text("column-partly")) }
                    th.number scope="col" { (locale.text("column-planned")) }
                    (sortable_header(locale, SORTS[2], sort, filters))
                    (sortable_header(locale, SORTS[3], sort, filters))
                } }
                tbody {
                    @for row in &report.items {
                        tr {
                            th scope="row" { a href={ "/countries/" (row.code) "?" (query_string(&[("year", Some(row.year.to_string())), ("organisation", organisation.cloned())])) } { (locale.country(&row.code, &row.tip_name)) } }
                            td data-label=(locale.text("column-report")) { (row.year) }
                            td data-label=(locale.text("column-region")) { (row.region.map_or("–", |region| region.label(locale))) }
                            td data-label=(locale.text("column-tier")) { (widgets::tier(locale, row.tier)) }
                            td data-label=(locale.text("column-movement")) { (widgets::movement(locale, row.movement)) }
                            td.number data-label=(locale.text("column-recommendations")) { (row.counts.total) }
                            td.number data-label=(locale.text("column-addressed")) { (row.counts.addressed) }
                            td.number data-label=(locale.text("column-partly")) { (row.counts.partially_addressed) }
                            td.number data-label=(locale.text("column-planned")) { (row.counts.planned) }
                            td.number data-label=(locale.text("column-unaddressed")) { (row.counts.unaddressed) }
                            td.number data-label=(locale.text("column-coverage")) { (written::percent(locale, row.counts.coverage_ratio)) }
                        }
                    }
                }
            }
        }
    }
    }
}

fn totals(locale: Locale, report: &CoverageReport) -> Markup {
    let counts = &report.totals;
    html! {
        div.panel {
            p {
                (locale.text_with("overview-totals", &[
                    ("unaddressed", counts.unaddressed.into()),
                    ("total", counts.total.into()),
                    ("addressed", counts.addressed.into()),
                    ("coverage", written::percent(locale, counts.coverage_ratio).into()),
                    ("partly", counts.partially_addressed.into()),
                    ("planned", counts.planned.into()),
                ]))
            }
        }
    }
}

/// A bar per country with the most unaddressed recommendations, split by status: where the gaps
/// are, at a glance. Drawn on the server as SVG, with a text alternative.
fn chart(locale: Locale, report: &CoverageReport) -> Markup {
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
            locale.text_with(
                "chart-country-unaddressed-of",
                &[
                    ("country", locale.country(&r.code, &r.tip_name).into()),
                    ("unaddressed", r.counts.unaddressed.into()),
                    ("total", r.counts.total.into()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        section.panel.chart aria-labelledby="chart-title" {
            h2 #chart-title { (locale.text("chart-title")) }
            p.muted { (locale.text_with("chart-intro", &[("count", rows.len().into())])) }
            // Two drawings of the same bars: names beside them on a wide screen, above them on
            // a phone, so the names are never drawn smaller than 12 px.
            svg.wide xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (label_width + bar_width + 130.0) " " (height) } role="img" aria-label=(description) {
                @for (i, row) in rows.iter().enumerate() {
                    @let y = i as f64 * row_height + 5.0;
                    @let segments = segments(row, label_width, bar_width / widest);
                    text x=(label_width - 6.0) y=(y + 14.0) text-anchor="end" font-size="12" { (locale.country(&row.code, &row.tip_name)) }
                    @for (status, count, x, width) in &segments {
                        rect x=(x) y=(y) width=(width) height=(row_height - 6.0) fill=(widgets::status_colour(status.as_str())) {
                            title { (segment_title(locale, row, *status, *count)) }
                        }
                    }
                    text x=(label_width + row.counts.total as f64 * bar_width / widest + 4.0) y=(y + 14.0) font-size="12" { (unaddressed_of(locale, row)) }
                }
            }
            @let (narrow_width, narrow_row) = (320.0, 40.0);
            svg.narrow xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (narrow_width) " " (rows.len() as f64 * narrow_row + 6.0) } role="img" aria-label=(description) {
                @for (i, row) in rows.iter().enumerate() {
                    @let y = i as f64 * narrow_row + 4.0;
                    @let segments = segments(row, 0.0, narrow_width / widest);
                    text x="0" y=(y + 13.0) font-size="14" { (locale.country(&row.code, &row.tip_name)) " · " (unaddressed_of(locale, row)) }
                    @for (status, count, x, width) in &segments {
                        rect x=(x) y=(y + 18.0) width=(width) height="14" fill=(widgets::status_colour(status.as_str())) {
                            title { (segment_title(locale, row, *status, *count)) }
                        }
                    }
                }
            }
            p.legend {
                @for status in LEGEND {
                    span.(status.as_str()) { (status.label(locale)) }
                }
            }
        }
    }
}

/// What a bar's label says: `3 of 5 unaddressed` (never `3/5`, which reads as "3 of 5 done").
fn unaddressed_of(locale: Locale, row: &CoverageRow) -> String {
    locale.text_with(
        "chart-unaddressed-of",
        &[
            ("unaddressed", row.counts.unaddressed.into()),
            ("total", row.counts.total.into()),
        ],
    )
}

/// A segment's tooltip: `Senegal: 3 Unaddressed`.
fn segment_title(
    locale: Locale,
    row: &CoverageRow,
    status: RecommendationStatus,
    count: i64,
) -> String {
    locale.text_with(
        "chart-segment",
        &[
            ("country", locale.country(&row.code, &row.tip_name).into()),
            ("count", count.into()),
            ("status", status.label(locale).into()),
        ],
    )
}

/// The chart's statuses, in the order its bars draw them.
const LEGEND: [RecommendationStatus; 4] = [
    RecommendationStatus::Unaddressed,
    RecommendationStatus::Planned,
    RecommendationStatus::PartiallyAddressed,
    RecommendationStatus::Addressed,
];

/// A country's bar: each status's count, from `start`, `scale` units wide per recommendation.
fn segments(
    row: &CoverageRow,
    start: f64,
    scale: f64,
) -> Vec<(RecommendationStatus, i64, f64, f64)> {
    let mut x = start;
    LEGEND
        .into_iter()
        .zip([
            row.counts.unaddressed,
            row.counts.planned,
            row.counts.partially_addressed,
            row.counts.addressed,
        ])
        .map(|(status, count)| {
            let width = count as f64 * scale;
            let segment = (status, count, x, width);
            x += width;
            segment
        })
        .collect()
}
