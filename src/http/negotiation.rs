//! Choosing a response format: `?format=` when given, else the `Accept` header.

use actix_web::http::header::{self, Header};
use actix_web::{HttpRequest, HttpResponse};

use crate::http::error::ApiError;
use crate::i18n::{Locale, negotiation};

/// The formats one endpoint answers in: an enum of its own (its `format` parameter), so that its
/// contract lists no format it refuses, and a handler's `match` names every format it offers.
pub trait Formats: Copy + PartialEq + 'static {
    /// Every format offered, the default first.
    const OFFERED: &'static [Self];

    /// The media type of a format, as `Accept` names it.
    fn media_type(self) -> &'static str;
}

pub const JSON_MEDIA_TYPE: &str = "application/json";
pub const CSV_MEDIA_TYPE: &str = "text/csv";
pub const HTML_MEDIA_TYPE: &str = "text/html";

/// The media type of an `.xlsx` workbook.
pub const XLSX_MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The media type of a `.docx` document.
pub const DOCX_MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The language of a document the API makes for people to read (a printable summary, a workbook,
/// a Word pack): the first language of the request's `Accept-Language` that a catalogue speaks,
/// else English. What programs read (JSON, the CSV's codes, problem details) never changes with
/// it.
pub fn document_locale(request: &HttpRequest) -> Locale {
    request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .and_then(negotiation::from_accept_language)
        .unwrap_or(Locale::ENGLISH)
}

/// The format to answer in: `asked` (the `format` query parameter) if given, else the best of
/// the offered formats for the `Accept` header, the first offered when it accepts anything. 406
/// when none is acceptable.
pub fn negotiate<F: Formats>(request: &HttpRequest, asked: Option<F>) -> Result<F, ApiError> {
    let offered = F::OFFERED;
    if let Some(format) = asked {
        return Ok(format);
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

fn not_acceptable<F: Formats>(offered: &[F]) -> ApiError {
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
pub fn attachment(
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

/// A body sent as it is written, part by part (a document too large to hold whole).
pub fn streamed(
    parts: impl futures_util::Stream<Item = std::io::Result<Vec<u8>>> + 'static,
) -> impl actix_web::body::MessageBody + 'static {
    use futures_util::StreamExt;
    actix_web::body::BodyStream::new(parts.map(|part| part.map(actix_web::web::Bytes::from)))
}

/// A `.docx` download named `filename`.
pub fn docx_response(filename: &str, body: Vec<u8>) -> HttpResponse {
    attachment(DOCX_MEDIA_TYPE, filename, body)
}

/// A printable HTML page.
pub fn html_response(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
        .body(body)
}
