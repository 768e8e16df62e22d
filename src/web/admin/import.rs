//! Imports of report data: upload a CSV or JSON file, see the dry run's counts and every bad row
//! by line, then confirm. The file is checked and written by the API's own import
//! ([`crate::usecases::imports::check_and_run`]), all or nothing.

use actix_multipart::Multipart;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use maud::{Markup, html};

use super::import_review;
use super::import_summary::{country_names, failure_view, problems, summary_view};
use crate::domain::{Failure, FieldError};
use crate::http::AppState;
use crate::http::body::read_bounded;
use crate::http::error::ApiError;
use crate::http::json;
use crate::http::upload::receiving;
use crate::import::csv_file;
use crate::import::json_file::JsonImport;
use crate::import::{ImportFile, ImportRows};
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
    /// The report's narratives, pasted instead of a file, and where they were published.
    narratives: String,
    source_url: String,
    /// A review of narratives, sent to import: its rows are in `fields`.
    review: bool,
    fields: Vec<(String, String)>,
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
    let year = match year_of(&upload) {
        Ok(year) => year,
        Err(no_year) => return Ok(refused(&visitor, &years, &upload, &[no_year])),
    };
    if let Some(year) = year
        && (upload.review
            || (upload.content.trim().is_empty() && !upload.narratives.trim().is_empty()))
    {
        let given = if upload.review {
            import_review::Narratives::Reviewed(&upload.fields)
        } else {
            import_review::Narratives::Pasted(&upload.narratives)
        };
        let answer =
            import_review::answer(&visitor, &state, year, given, &upload.source_url).await?;
        if !answer.accepted {
            let status = HttpResponse::UnprocessableEntity();
            return Ok(page(&visitor, &years, &upload, answer.view, status));
        }
        // The review holds the rows now: the page does not carry the pasted text back.
        upload.narratives.clear();
        return Ok(page(
            &visitor,
            &years,
            &upload,
            answer.view,
            HttpResponse::Ok(),
        ));
    }
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
        Err(failure) => (
            failure_view(visitor.locale, failure)?,
            HttpResponse::UnprocessableEntity(),
        ),
    };
    Ok(page(&visitor, &years, &upload, result, status))
}

/// The report year an upload names, `None` for a tier history; refused when a report's import
/// names none.
fn year_of(upload: &Upload) -> Result<Option<i32>, FieldError> {
    match upload.kind.as_str() {
        "tiers" => Ok(None),
        _ => upload
            .year
            .trim()
            .parse::<i32>()
            .map(Some)
            .map_err(|_| FieldError::new("year", "import-choose-year")),
    }
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
        let bytes = read_bounded(&mut field, MAX_IMPORT_BYTES, None, || {
            format!(
                "an import may be at most {} MiB; split the file",
                MAX_IMPORT_BYTES / (1024 * 1024)
            )
        })
        .await?;
        // Into the text without a copy when the bytes are the only reference to their buffer.
        let text = String::from_utf8(Vec::from(bytes))
            .map_err(|_| ApiError::BadRequest(format!("{name} is not UTF-8 text")))?;
        match name.as_str() {
            "csrf" => upload.csrf = text,
            "kind" => upload.kind = text,
            "year" => upload.year = text,
            "file" if !text.is_empty() => upload.content = text,
            "checked" => upload.checked = text.trim().parse().ok(),
            "confirm" => upload.confirm = text == "true",
            "narratives" => upload.narratives = text,
            "source_url" => upload.source_url = text,
            "review" => upload.review = text == "true",
            name if name.starts_with("tier-") || name.starts_with("rec-") => {
                upload.fields.push((name.to_owned(), text));
            }
            _ => {}
        }
    }
    Ok(upload)
}

/// The file's rows: JSON when its name ends in `.json` or it starts with `{`, else CSV.
fn rows_of(upload: &Upload) -> Result<ImportFile<'_>, Failure> {
    if upload.content.trim().is_empty() {
        return Err(Failure::invalid("file", "form-choose-file"));
    }
    let is_json = upload.file_name.to_ascii_lowercase().ends_with(".json")
        || upload.content.trim_start().starts_with('{');
    if is_json {
        Ok(ImportRows::from(json::parse::<JsonImport>(upload.content.as_bytes())?).into())
    } else {
        Ok(csv_file::open(upload.content.as_bytes())?.into())
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
                input #file type="file" name="file" accept=".csv,.json,text/csv,application/json";
            }))
            p.muted {
                (locale.text("import-csv-header")) " " code { "country,tier" } " " (locale.text("import-csv-or")) " "
                code { "country,position,pillar,text" } " " (locale.text("import-csv-after"))
            }
            details.paste open[!upload.narratives.is_empty()] {
                summary { (locale.text("import-paste")) }
                p.muted { (locale.text("import-paste-hint")) }
                (widgets::field("narratives", &locale.text("import-narratives"), None, html! {
                    textarea #narratives name="narratives" rows="12" { (upload.narratives) }
                }))
                (widgets::field("source_url", &locale.text("import-source-url"), None, html! {
                    input #source_url type="url" name="source_url" value=(upload.source_url);
                }))
            }
            button type="submit" { (locale.text("import-check")) }
        }
    };
    response
        .content_type("text/html; charset=utf-8")
        .body(layout::page(&title, visitor, Section::Import, content).into_string())
}
