//! Choosing a response format from the `Accept` header.

use actix_web::HttpRequest;
use actix_web::http::header::{self, Header};

use crate::error::ApiError;

/// The formats an endpoint can answer in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

impl Format {
    fn media_type(self) -> &'static str {
        match self {
            Self::Json => "application/json",
            Self::Csv => "text/csv",
        }
    }
}

/// The best of `offered` for the request's `Accept` header; the first offered when the header is
/// absent or accepts anything, 406 when it accepts none of them.
pub fn negotiate(request: &HttpRequest, offered: &[Format]) -> Result<Format, ApiError> {
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
    Err(ApiError::NotAcceptable(format!(
        "this endpoint answers in {}",
        offered
            .iter()
            .map(|format| format.media_type())
            .collect::<Vec<_>>()
            .join(" or ")
    )))
}
