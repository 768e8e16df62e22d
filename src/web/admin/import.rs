//! Imports of report data: upload a CSV or JSON file, see the dry run's counts and every bad row
//! by line, then confirm. The file is checked and written by the API's own import
//! ([`crate::usecases::imports::check_and_run`]), all or nothing.

use actix_multipart::Multipart;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use maud::{Markup, html};

use crate::domain::{Failure, FieldError};
use crate::http::AppState;
use crate::http::body::read_bounded;
use crate::http::error::ApiError;
use crate::http::json;
use crate::http::upload::receiving;
use crate::i18n::Locale;
use crate::i18n::countries::sorting_key;
use crate::import::csv_file;
use crate::import::json_file::JsonImport;
use crate::import::{ImportRows, ImportSummary, RowCounts};
use crate::usecases;
use crate::usecases::imports::{self, MAX_IMPORT_BYTES, check_and_run};
use crate::web::csrf;
use crate::web::error::WebError;
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;
use crate::web::widgets;

/// What the import form sent.
#[derive(Debug, Default)]
struct Upload {
    csrf: String,
    /// `report` (one year's tiers and recommendations) or `tiers` (a tier history).
    kind: String,
    year: String,
    file_name: String,
    content: String,
    confirm: bool,
    /// The file checked earlier, which a confirmation imports (kept on the server, so that the
    /// page never carries the file back).
    checked: Option<uuid::Uuid>,
}

/// `GET /admin/import`.
pub async fn import_page(
    visitor: Visitor,
    state: web::Data<AppState>,
    query: web::Query<ImportQuery>,
) -> Result<HttpResponse, WebError> {
    let years = years(&state).await?;
    let year = query.year.filter(|year| years.contains(year));
    let upload = Upload {
        year: year.map(|year| year.to_string()).unwrap_or_default(),
        ..Upload::default()
    };
    let notice = match year {
        Some(year) if query.recorded.is_some() => html! {
            div.notice role="status" { p { (visitor.locale.text_with("import-recorded", &[("year", year.into())])) } }
        },
        _ => html! {},
    };
    Ok(page(&visitor, &years, &upload, notice, HttpResponse::Ok()))
}

/// Which year the import page opens on, and whether it was just recorded. Read leniently: a
/// year that is not recorded is simply not chosen.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ImportQuery {
    #[serde(default, deserialize_with = "lenient_year")]
    year: Option<i32>,
    recorded: Option<String>,
}

fn lenient_year<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<i32>, D::Error> {
    let text: Option<String> = serde::Deserialize::deserialize(deserializer)?;
    Ok(text.and_then(|text| text.trim().parse().ok()))
}

/// `POST /admin/import`: checks the file (a dry run), or imports it once confirmed.
pub async fn check_or_import(
    request: HttpRequest,
    visitor: Visitor,
    state: web::Data<AppState>,
    payload: Multipart,
) -> Result<HttpResponse, WebError> {
    let mut upload = receiving(read_upload(payload)).await??;
    csrf::check(&request, &visitor, &upload.csrf)?;
    let years = years(&state).await?;
    if upload.confirm {
        let file = match upload.checked {
            Some(id) => imports::checked_file(state.get_ref(), &visitor.caller, id).await,
            None => Err(Failure::invalid("file", "form-choose-file")),
        };
        match file {
            Ok(file) => {
                upload.kind = file.kind;
                upload.year = file.year.map(|year| year.to_string()).unwrap_or_default();
                upload.file_name = file.file_name;
                upload.content = file.content;
            }
            Err(Failure::Invalid(errors)) => {
                return Ok(refused(&visitor, &years, &upload, &errors));
            }
            Err(other) => return Err(other.into()),
        }
    }
    let year = match upload.kind.as_str() {
        "tiers" => None,
        _ => match upload.year.trim().parse::<i32>() {
            Ok(year) => Some(year),
            Err(_) => {
                let no_year = FieldError::new("year", "import-choose-year");
                return Ok(refused(&visitor, &years, &upload, &[no_year]));
            }
        },
    };
    let outcome = match rows_of(&upload) {
        Ok(rows) => {
            check_and_run(
                &visitor.caller,
                state.get_ref(),
                year,
                rows,
                !upload.confirm,
                state.timeouts.import,
            )
            .await
        }
        Err(error) => Err(error),
    };
    let (result, status) = match outcome {
        Ok(summary) => {
            let checked = if summary.dry_run {
                let content = std::mem::take(&mut upload.content);
                let id = imports::keep_checked_file(
                    state.get_ref(),
                    &visitor.caller,
                    &upload.kind,
                    year,
                    &upload.file_name,
                    content,
                )
                .await?;
                Some(id)
            } else {
                if let Some(id) = upload.checked {
                    imports::forget_checked_file(state.get_ref(), id).await?;
                }
                None
            };
            let countries = country_names(visitor.locale, &state, &summary.countries).await?;
            (
                summary_view(&visitor, checked, &summary, &countries),
                HttpResponse::Ok(),
            )
        }
        Err(Failure::Invalid(errors) | Failure::BadRows { errors, .. }) => (
            problems(visitor.locale, &errors),
            HttpResponse::UnprocessableEntity(),
        ),
        Err(Failure::Unreadable(refusal)) => (
            html! { div.notice.bad role="alert" { p { (widgets::message(&visitor.locale.refusal(&refusal))) } } },
            HttpResponse::UnprocessableEntity(),
        ),
        Err(Failure::NotFound(refusal)) => (
            html! { div.notice.bad role="alert" { p { (widgets::message(&widgets::sentence(&visitor.locale.refusal(&refusal)))) } } },
            HttpResponse::UnprocessableEntity(),
        ),
        Err(other) => return Err(other.into()),
    };
    Ok(page(&visitor, &years, &upload, result, status))
}

async fn years(state: &AppState) -> Result<Vec<i32>, WebError> {
    Ok(usecases::reports::all(state)
        .await?
        .into_iter()
        .map(|report| report.year)
        .collect())
}

async fn read_upload(mut payload: Multipart) -> Result<Upload, WebError> {
    let mut upload = Upload::default();
    while let Some(field) = payload.next().await {
        let mut field =
            field.map_err(|e| ApiError::BadRequest(format!("the form cannot be read: {e}")))?;
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            upload.file_name = field
                .content_disposition()
                .and_then(|d| d.get_filename())
                .unwrap_or_default()
                .to_owned();
        }
        let bytes = read_bounded(&mut field, MAX_IMPORT_BYTES, || {
            format!(
                "an import may be at most {} MiB; split the file",
                MAX_IMPORT_BYTES / (1024 * 1024)
            )
        })
        .await?;
        let text = String::from_utf8(bytes.to_vec())
            .map_err(|_| ApiError::BadRequest(format!("{name} is not UTF-8 text")))?;
        match name.as_str() {
            "csrf" => upload.csrf = text,
            "kind" => upload.kind = text,
            "year" => upload.year = text,
            "file" if !text.is_empty() => upload.content = text,
            "checked" => upload.checked = text.trim().parse().ok(),
            "confirm" => upload.confirm = text == "true",
            _ => {}
        }
    }
    Ok(upload)
}

/// The file's rows: JSON when its name ends in `.json` or it starts with `{`, else CSV.
fn rows_of(upload: &Upload) -> Result<ImportRows, Failure> {
    if upload.content.trim().is_empty() {
        return Err(Failure::invalid("file", "form-choose-file"));
    }
    let is_json = upload.file_name.to_ascii_lowercase().ends_with(".json")
        || upload.content.trim_start().starts_with('{');
    if is_json {
        Ok(json::parse::<JsonImport>(upload.content.as_bytes())?.into())
    } else {
        Ok(csv_file::read(upload.content.as_bytes())?)
    }
}

/// The page again, with the form's `errors` above it.
fn refused(
    visitor: &Visitor,
    years: &[i32],
    upload: &Upload,
    errors: &[FieldError],
) -> HttpResponse {
    let result = problems(visitor.locale, errors);
    page(
        visitor,
        years,
        upload,
        result,
        HttpResponse::UnprocessableEntity(),
    )
}

fn problems(locale: Locale, errors: &[FieldError]) -> Markup {
    html! {
        div.notice.bad role="alert" {
            p { (locale.text_with("import-nothing-imported", &[("count", errors.len().into())])) }
            ul {
                @for error in errors {
                    li {
                        @if let Some(row) = error.row { (locale.text_with("import-line", &[("row", row.into())])) " " }
                        (locale.text_with("before-colon", &[("name", error.field.as_str().into())])) (widgets::message(&locale.refusal(&error.problem)))
                    }
                }
            }
        }
    }
}

/// The countries of `codes` as (code, name in the reader's language), in the order of their
/// names.
async fn country_names(
    locale: Locale,
    state: &AppState,
    codes: &[String],
) -> Result<Vec<(String, String)>, WebError> {
    let mut named: Vec<(String, String)> = usecases::countries::tip_names(state)
        .await?
        .into_iter()
        .filter(|(code, _)| codes.contains(code))
        .map(|(code, tip_name)| {
            let name = locale.country(&code, &tip_name).into_owned();
            (code, name)
        })
        .collect();
    named.sort_by_cached_key(|(_, name)| sorting_key(name));
    Ok(named)
}

/// What the file changes, in words: `the 2024 report of Senegal and Sierra Leone`.
fn what_it_changes(
    locale: Locale,
    summary: &ImportSummary,
    countries: &[(String, String)],
) -> String {
    let names: Vec<String> = countries.iter().map(|(_, name)| name.clone()).collect();
    let names = if names.is_empty() {
        locale.text("import-no-country")
    } else {
        locale.together(&names)
    };
    match summary.year {
        Some(year) => locale.text_with(
            "import-changes-report",
            &[("year", year.into()), ("countries", names.into())],
        ),
        None => locale.text_with("import-changes-tiers", &[("countries", names.into())]),
    }
}

/// What the check or the import did; after a check, the form that confirms `checked` (the
/// file, kept on the server).
fn summary_view(
    visitor: &Visitor,
    checked: Option<uuid::Uuid>,
    summary: &ImportSummary,
    countries: &[(String, String)],
) -> Markup {
    let locale = visitor.locale;
    let what = what_it_changes(locale, summary, countries);
    let counts = |label: &str, counts: &RowCounts| {
        html! {
            tr {
                th scope="row" { (locale.text(label)) }
                td.number { (counts.received) } td.number { (counts.created) }
                td.number { (counts.updated) } td.number { (counts.unchanged) } td.number { (counts.skipped) }
            }
        }
    };
    html! {
        div.notice role="status" {
            @if summary.dry_run {
                p { (locale.text_with("import-valid", &[("what", what.as_str().into())])) }
            } @else {
                p { (locale.text_with("import-done", &[("what", what.as_str().into())])) }
            }
        }
        @if !summary.dry_run {
            section.panel aria-labelledby="next-steps" {
                h2 #next-steps { (locale.text("import-next")) }
                @match summary.year {
                    Some(year) => {
                        p { (locale.text_with("import-next-countries", &[("year", year.into())])) }
                        ul {
                            @for (code, name) in countries {
                                li { a href={ "/countries/" (code) "?year=" (year) } { (locale.text_with("import-country-in", &[("country", name.as_str().into()), ("year", year.into())])) } }
                            }
                        }
                    }
                    None => {
                        p { a href="/" { (locale.text("import-see-overview")) } (locale.text("import-see-overview-after")) }
                    }
                }
            }
        }
        div.table-wrap { table {
            caption { (locale.text(if summary.dry_run { "import-dry-run" } else { "import-imported" })) }
            thead { tr {
                th scope="col" { (locale.text("import-rows")) }
                th.number scope="col" { (locale.text("import-in-file")) }
                th.number scope="col" { (locale.text("import-new")) }
                th.number scope="col" { (locale.text("import-changed")) }
                th.number scope="col" { (locale.text("import-unchanged")) }
                th.number scope="col" { (locale.text("import-skipped")) }
            } }
            tbody { (counts("import-tiers", &summary.tiers)) (counts("import-recommendations", &summary.recommendations)) }
        } }
        @if !summary.reports_created.is_empty() {
            p { (locale.text_with("import-years-created", &[("years", summary.reports_created.iter().map(i32::to_string).collect::<Vec<_>>().join(", ").into())])) }
        }
        @if !summary.ignored_columns.is_empty() {
            p { (locale.text_with("import-columns-ignored", &[("columns", summary.ignored_columns.join(", ").into())])) }
        }
        @if let Some(checked) = checked {
            form method="post" action="/admin/import" enctype="multipart/form-data" {
                input type="hidden" name="csrf" value=(visitor.csrf);
                input type="hidden" name="checked" value=(checked);
                input type="hidden" name="confirm" value="true";
                button type="submit" { (locale.text("import-confirm")) }
            }
        }
    }
}

fn page(
    visitor: &Visitor,
    years: &[i32],
    upload: &Upload,
    result: Markup,
    mut response: actix_web::HttpResponseBuilder,
) -> HttpResponse {
    let locale = visitor.locale;
    let title = locale.text("import-title");
    let content = html! {
        h1 { (title) }
        (result)
        form.panel method="post" action="/admin/import" enctype="multipart/form-data" {
            input type="hidden" name="csrf" value=(visitor.csrf);
            (widgets::field("kind", &locale.text("import-kind"), None, html! {
                select #kind name="kind" {
                    option value="report" selected[upload.kind != "tiers"] { (locale.text("import-kind-report")) }
                    option value="tiers" selected[upload.kind == "tiers"] { (locale.text("import-kind-tiers")) }
                }
            }))
            (widgets::field("year", &locale.text("import-year"), None, html! {
                select #year name="year" {
                    @for year in years { option value=(year) selected[upload.year == year.to_string()] { (year) } }
                }
            }))
            p.muted { (locale.text("import-new-year")) " " a href="/admin/reports" { (locale.text("import-record-year")) } " " (locale.text("import-new-year-after")) }
            (widgets::field("file", &locale.text("import-file"), None, html! {
                input #file type="file" name="file" accept=".csv,.json,text/csv,application/json" required;
            }))
            p.muted {
                (locale.text("import-csv-header")) " " code { "country,tier" } " " (locale.text("import-csv-or")) " "
                code { "country,position,pillar,text" } " " (locale.text("import-csv-after"))
            }
            button type="submit" { (locale.text("import-check")) }
        }
    };
    response
        .content_type("text/html; charset=utf-8")
        .body(layout::page(&title, visitor, Section::Import, content).into_string())
}
