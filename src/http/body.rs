//! Reading a request body (or a part of a form) into memory, up to a limit.

use actix_web::web::{Bytes, BytesMut};
use futures_util::{Stream, StreamExt};

use crate::http::error::ApiError;

/// Reads `stream` whole: 400 when it breaks off, 413 (saying `too_large`) past `limit` bytes.
pub async fn read_bounded<E: std::fmt::Display>(
    mut stream: impl Stream<Item = Result<Bytes, E>> + Unpin,
    limit: usize,
    too_large: impl FnOnce() -> String,
) -> Result<Bytes, ApiError> {
    let mut body = BytesMut::new();
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
