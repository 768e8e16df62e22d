//! `POST /reports/{year}/import` and `POST /tiers/import`: bulk report data, for admins.

use actix_web::{HttpMessage, HttpRequest, HttpResponse, post, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::auth::Caller;
use super::path_year::PathYear;
use crate::http::AppState;
use crate::http::body::read_bounded;
use crate::http::error::{ApiError, Problem};
use crate::http::json;
use crate::http::upload::receiving;
use crate::import::json_file::JsonImport;
use crate::import::{ImportRows, ImportSummary, csv_file};
pub use crate::usecases::imports::{MAX_IMPORT_BYTES, check_and_run};

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Check the file and say what would change, without writing anything.
    #[serde(default)]
    pub dry_run: bool,
}

/// Reads the request body (up to [`MAX_IMPORT_BYTES`]) as JSON or CSV, by its content type.
async fn read_rows(request: &HttpRequest, payload: web::Payload) -> Result<ImportRows, ApiError> {
    let content_type = request.content_type().to_ascii_lowercase();
    let is_json = content_type == "application/json" || content_type.ends_with("+json");
    let is_csv = matches!(content_type.as_str(), "text/csv" | "application/csv");
    if !is_json && !is_csv {
        return Err(ApiError::UnsupportedMediaType(format!(
            "an import is JSON (application/json) or CSV (text/csv), not `{content_type}`"
        )));
    }
    let body = receiving(read_bounded(payload, MAX_IMPORT_BYTES, || {
        format!(
            "an import may be at most {} MiB; split the file",
            MAX_IMPORT_BYTES / (1024 * 1024)
        )
    }))
    .await??;
    if is_json {
        Ok(json::parse::<JsonImport>(&body)?.into())
    } else {
        Ok(csv_file::read(&body)?)
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
#[utoipa::path(tag = "import",
    params(("year" = i32, Path, description = "The report year, which must exist", example = 2023, minimum = 2000, maximum = 2100), ImportQuery),
    request_body(content(
        (JsonImport = "application/json"),
        (String = "text/csv", example = "country,tier\nSEN,Tier 2\nSLE,Tier 2\n"),
    )),
    responses(
        (status = 200, description = "Imported (or, with dry_run, checked)", body = ImportSummary),
        (status = 400, description = "The file cannot be read", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No report for the year", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The file is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Neither JSON nor CSV", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad rows, each listed with its line and column; nothing was written", body = Problem, content_type = "application/problem+json"),
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
    query: web::Query<ImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let rows = read_rows(&request, payload).await?;
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
    let rows = read_rows(&request, payload).await?;
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
