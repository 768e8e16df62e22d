//! Choosing a response format: `?format=` when given, else the `Accept` header.

use actix_web::http::header::{self, Header};
use actix_web::{HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::http::error::ApiError;

/// The formats a report endpoint can answer in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Json,
    Csv,
    Html,
    /// A spreadsheet workbook (Office Open XML).
    Xlsx,
}

/// The media type of an `.xlsx` workbook.
pub const XLSX_MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

impl Format {
    fn media_type(self) -> &'static str {
        match self {
            Self::Json => "application/json",
            Self::Csv => "text/csv",
            Self::Html => "text/html",
            Self::Xlsx => XLSX_MEDIA_TYPE,
        }
    }
}

/// The format to answer in: `asked` (the `format` query parameter) if given, else the best of
/// `offered` for the `Accept` header, the first offered when it accepts anything. 406 when none of
/// `offered` is acceptable.
pub fn negotiate(
    request: &HttpRequest,
    asked: Option<Format>,
    offered: &[Format],
) -> Result<Format, ApiError> {
    if let Some(format) = asked {
        return if offered.contains(&format) {
            Ok(format)
        } else {
            Err(not_acceptable(offered))
        };
    }
    let Ok(accept) = header::Accept::parse(request) else {
        return Ok(offered[0]);
    };
    if accept.is_empty() {
        return Ok(offered[0]);
    }
    for wanted in accept.ranked() {
        let essence = wanted.essence_str();
        if essence == "*/*" {
            return Ok(offered[0]);
        }
        if let Some(format) = offered.iter().find(|format| {
            let media_type = format.media_type();
            essence == media_type
                || (essence.ends_with("/*")
                    && media_type.starts_with(essence.trim_end_matches('*')))
        }) {
            return Ok(*format);
        }
    }
    Err(not_acceptable(offered))
}

fn not_acceptable(offered: &[Format]) -> ApiError {
    ApiError::NotAcceptable(format!(
        "this endpoint answers in {}",
        offered
            .iter()
            .map(|format| format.media_type())
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// A CSV download named `filename`.
pub fn csv_response(filename: &str, body: String) -> HttpResponse {
    attachment("text/csv; charset=utf-8", filename, body)
}

/// An `.xlsx` download named `filename`.
pub fn xlsx_response(filename: &str, body: Vec<u8>) -> HttpResponse {
    attachment(XLSX_MEDIA_TYPE, filename, body)
}

/// A file to download: `filename` is one of gaptrack's own names (`export::file_name`), made of
/// letters, digits and hyphens, so it needs no quoting beyond the quotes.
fn attachment(
    content_type: &'static str,
    filename: &str,
    body: impl actix_web::body::MessageBody + 'static,
) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .body(body)
}

/// A printable HTML page.
pub fn html_response(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
        .body(body)
}
