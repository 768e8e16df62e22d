//! Reading a request body (or a part of a form) into memory, up to a limit.

use actix_web::web::{Bytes, BytesMut};
use futures_util::{Stream, StreamExt};

use crate::http::error::ApiError;

/// Reads `stream` whole: 400 when it breaks off, 413 (saying `too_large`) past `limit` bytes.
/// `declared` is the length the sender announced (`Content-Length`), if any: the buffer is made
/// that size at once (up to `limit`), rather than grown by doubling, which copies the body each
/// time and can hold three times its size at once.
pub async fn read_bounded<E: std::fmt::Display>(
    mut stream: impl Stream<Item = Result<Bytes, E>> + Unpin,
    limit: usize,
    declared: Option<usize>,
    too_large: impl FnOnce() -> String,
) -> Result<Bytes, ApiError> {
    let mut body = BytesMut::with_capacity(declared.unwrap_or(0).min(limit));
    while let Some(chunk) = stream.next().await {
        let chunk = chunk
            .map_err(|error| ApiError::BadRequest(format!("the body cannot be read: {error}")))?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge(too_large()));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// The length a request's `Content-Length` announces, if it has a readable one.
pub fn declared_length(headers: &actix_web::http::header::HeaderMap) -> Option<usize> {
    headers
        .get(actix_web::http::header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// The largest JSON or page-form body gaptrack reads (set as the server's `PayloadConfig`); an
/// import is uploaded through its own reader, with its own limit.
pub const BODY_LIMIT: usize = 262_144;

/// What a body the extractor could not read answers: 413 when it was over [`BODY_LIMIT`], so a
/// client knows to send less rather than to fix its syntax; 400 when it broke off. `what` names
/// it in the detail ("the body", "the form").
pub fn unreadable(error: &actix_web::Error, what: &str) -> ApiError {
    match error.as_error::<actix_web::error::PayloadError>() {
        Some(actix_web::error::PayloadError::Overflow) => ApiError::PayloadTooLarge(format!(
            "{what} is larger than gaptrack reads: at most {BODY_LIMIT} bytes"
        )),
        _ => ApiError::BadRequest(format!("{what} cannot be read: {error}")),
    }
}
