//! `POST /reports/{year}/import` and `POST /tiers/import`: bulk report data, for admins.

use actix_web::web::Bytes;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, post, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::auth::Caller;
use super::path_year::PathYear;
use crate::domain::Failure;
use crate::http::AppState;
use crate::http::body::{declared_length, read_bounded};
use crate::http::error::{ApiError, Problem};
use crate::http::json;
use crate::http::upload::receiving;
use crate::import::json_file::JsonImport;
use crate::import::{ImportFile, ImportRows, ImportSummary, csv_file};
pub use crate::usecases::imports::{MAX_IMPORT_BYTES, check_and_run};
use crate::usecases::imports::{PublishedText, narrative_rows};

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Check the file and say what would change, without writing anything.
    #[serde(default)]
    pub dry_run: bool,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ReportImportQuery {
    /// Check the file and say what would change, without writing anything.
    #[serde(default)]
    pub dry_run: bool,
    /// For published narratives (`text/plain`, `text/html`): where they were published, kept as
    /// each recommendation's source. A file's rows name their own (`source_url` column): given
    /// with JSON or CSV, it is refused.
    #[param(
        pattern = "^\\s*(https?://[A-Za-z0-9.-]+(:[0-9]{1,4})?([/?#][^\\s\\u0000-\\u001f\\u007f-\\u009f]*)?)?\\s*$"
    )]
    pub source_url: Option<String>,
}

/// What a request body holds, by its content type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Body {
    Json,
    Csv,
    /// A report's published country narratives.
    Narratives(PublishedText),
}

impl Body {
    fn of(request: &HttpRequest, narratives: bool) -> Result<Self, ApiError> {
        let content_type = request.content_type().to_ascii_lowercase();
        match content_type.as_str() {
            "application/json" => Ok(Self::Json),
            json if json.ends_with("+json") => Ok(Self::Json),
            "text/csv" | "application/csv" => Ok(Self::Csv),
            "text/plain" if narratives => Ok(Self::Narratives(PublishedText::Plain)),
            "text/html" if narratives => Ok(Self::Narratives(PublishedText::Html)),
            _ if narratives => Err(ApiError::UnsupportedMediaType(format!(
                "a report's import is JSON (application/json), CSV (text/csv), or its published narratives (text/plain, text/html), not `{content_type}`"
            ))),
            _ => Err(ApiError::UnsupportedMediaType(format!(
                "an import is JSON (application/json) or CSV (text/csv), not `{content_type}`"
            ))),
        }
    }
}

/// Reads the request body, up to [`MAX_IMPORT_BYTES`].
async fn read_body(request: &HttpRequest, payload: web::Payload) -> Result<Bytes, ApiError> {
    let declared = declared_length(request.headers());
    receiving(read_bounded(payload, MAX_IMPORT_BYTES, declared, || {
        format!(
            "an import may be at most {} MiB; split the file",
            MAX_IMPORT_BYTES / (1024 * 1024)
        )
    }))
    .await?
}

/// The rows of `body`, read as `body_is` says; narratives cite `source_url`. A CSV file is
/// kept as its bytes and read as it is checked.
fn rows_of<'a>(
    body_is: Body,
    body: &'a [u8],
    source_url: Option<&str>,
) -> Result<ImportFile<'a>, ApiError> {
    match body_is {
        Body::Json => Ok(ImportRows::from(json::parse::<JsonImport>(body)?).into()),
        Body::Csv => Ok(csv_file::open(body)?.into()),
        Body::Narratives(form) => {
            let text = std::str::from_utf8(body).map_err(|_| {
                ApiError::BadRequest("the narratives are not UTF-8 text".to_owned())
            })?;
            Ok(narrative_rows(text, form, source_url)?.into())
        }
    }
}

/// Imports one report year's tiers and recommendations, all or nothing.
///
/// JSON: `{"tiers": [...], "recommendations": [...]}`. CSV (`Content-Type: text/csv`): one file of
/// tiers (columns `country,tier[,waiver,note]`) or of recommendations (columns
/// `country,position,pillar,text[,prioritized,source_url,continues]`), told apart by the header.
/// Countries may be ISO codes or names as people write them; tiers may be written as the API does,
/// as the report does (`Tier 2 Watch List`) or in research coding (1 to 4). Rows are keyed by
/// country (and position), so importing the same file twice changes nothing and a reworded
/// recommendation is updated in place. One bad row rejects the whole file with a 422 listing
/// every problem by line and column.
///
/// Or the report's published text (`text/plain` copied from the State Department's country
/// pages or the PDF, or a saved page as `text/html`): one or several country narratives, each
/// read for its country, tier, waiver and recommendations in order (`PRIORITIZED
/// RECOMMENDATIONS:`, or `RECOMMENDATIONS FOR <COUNTRY>:` before 2019), each recommendation
/// given the pillar its words suggest. Check them with `dry_run` first.
#[utoipa::path(tag = "import",
    params(("year" = i32, Path, description = "The report year, which must exist", example = 2023, minimum = 2000, maximum = 2100), ReportImportQuery),
    request_body(content(
        (JsonImport = "application/json"),
        (String = "text/csv", example = "country,tier\nSEN,Tier 2\nSLE,Tier 2\n"),
        (String = "text/plain", example = "SENEGAL: Tier 2\nThe government remained on Tier 2.\nPRIORITIZED RECOMMENDATIONS:\n\u{2022} Train judges on the law.\n\u{2022} Fund shelters for victims.\nPROSECUTION\n"),
        (String = "text/html"),
    )),
    responses(
        (status = 200, description = "Imported (or, with dry_run, checked)", body = ImportSummary),
        (status = 400, description = "The file cannot be read", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No report for the year", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The file is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Neither JSON, CSV nor published text", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad rows, each listed with its line and column, or narratives that cannot be read, each with its line and the text around it; nothing was written", body = Problem, content_type = "application/problem+json"),
    ))]
#[post(
    "/reports/{year}/import",
    wrap = "actix_web::middleware::from_fn(crate::http::deadline::allow_an_import)"
)]
pub async fn import_report(
    caller: Caller,
    state: web::Data<AppState>,
    request: HttpRequest,
    year: web::Path<PathYear>,
    query: web::Query<ReportImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let body = Body::of(&request, true)?;
    if query.source_url.is_some() && !matches!(body, Body::Narratives(_)) {
        // Said rather than ignored: a file's rows name their own source.
        return Err(Failure::invalid("source_url", "invalid-source-url-for-narratives").into());
    }
    let bytes = read_body(&request, payload).await?;
    let rows = rows_of(body, &bytes, query.source_url.as_deref())?;
    let summary = check_and_run(
        &caller,
        state.get_ref(),
        Some(year.into_inner().0),
        rows,
        query.dry_run,
        state.timeouts.import,
    )
    .await?;
    Ok(HttpResponse::Ok().json(summary))
}

/// Imports a tier history across report years (each row names its `year`), creating the report
/// years not recorded yet; rows without a tier (`NA`) are skipped and counted.
///
/// Takes the same formats as a single year's import; research data such as
/// `countryname,iso,year,ccode,tier` imports as it is.
#[utoipa::path(tag = "import",
    params(ImportQuery),
    request_body(content(
        (JsonImport = "application/json"),
        (String = "text/csv", example = "country,year,tier\nSEN,2022,Tier 2 Watch List\nSEN,2023,Tier 2\n"),
    )),
    responses(
        (status = 200, description = "Imported (or, with dry_run, checked)", body = ImportSummary),
        (status = 400, description = "The file cannot be read", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The file is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Neither JSON nor CSV", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad rows, each listed with its line and column; nothing was written", body = Problem, content_type = "application/problem+json"),
    ))]
#[post(
    "/tiers/import",
    wrap = "actix_web::middleware::from_fn(crate::http::deadline::allow_an_import)"
)]
pub async fn import_tier_history(
    caller: Caller,
    state: web::Data<AppState>,
    request: HttpRequest,
    query: web::Query<ImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let body = Body::of(&request, false)?;
    let bytes = read_body(&request, payload).await?;
    let rows = rows_of(body, &bytes, None)?;
    let summary = check_and_run(
        &caller,
        state.get_ref(),
        None,
        rows,
        query.dry_run,
        state.timeouts.import,
    )
    .await?;
    Ok(HttpResponse::Ok().json(summary))
}
