//! The JSON body extractor of the API.
//!
//! Unlike `actix_web::web::Json`, it tells apart a body that cannot be read (malformed JSON: 400) from
//! one that reads but does not fit (a missing field, a wrong type, an unknown field: 422), and names
//! the offending field by its path, so a typo in a field name never silently drops data.

use actix_web::dev::Payload;
use actix_web::web::Bytes;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use serde_json::error::Category;

use crate::error::ApiError;

/// A request body parsed from JSON into `T`.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for JsonBody<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let content_type = request.content_type().to_ascii_lowercase();
        let body = Bytes::from_request(request, payload);
        Box::pin(async move {
            if content_type != "application/json" && !content_type.ends_with("+json") {
                return Err(ApiError::UnsupportedMediaType(format!(
                    "the body must be JSON (Content-Type: application/json), not `{content_type}`"
                ))
                .into());
            }
            let body = body.await.map_err(|error| {
                ApiError::BadRequest(format!("the body cannot be read: {error}"))
            })?;
            Ok(JsonBody(parse(&body)?))
        })
    }
}

/// Parses a JSON document, naming the field at fault when it does not fit `T`.
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        match inner.classify() {
            Category::Data => {
                let field = if path == "." {
                    "body".to_string()
                } else {
                    path
                };
                ApiError::invalid(field, without_position(&inner))
            }
            Category::Syntax | Category::Eof | Category::Io => {
                ApiError::BadRequest(format!("the body is not valid JSON: {inner}"))
            }
        }
    })?;
    deserializer
        .end()
        .map_err(|error| ApiError::BadRequest(format!("the body is not valid JSON: {error}")))?;
    Ok(value)
}

/// serde_json's message without its " at line 1 column 42" suffix, which says nothing once the
/// field is named.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "only deserialised")]
    struct Sample {
        name: String,
        count: u32,
    }

    #[test]
    fn an_unknown_field_is_a_validation_error() {
        let error = parse::<Sample>(br#"{"name": "a", "count": 1, "cuont": 2}"#).unwrap_err();
        let problem = error.problem();
        assert_eq!(problem.status, 422);
        assert!(problem.errors[0].message.contains("unknown field `cuont`"));
    }

    #[test]
    fn a_wrong_type_names_its_field() {
        let error = parse::<Sample>(br#"{"name": "a", "count": "many"}"#).unwrap_err();
        assert_eq!(error.problem().errors[0].field, "count");
    }

    #[test]
    fn broken_json_is_a_bad_request() {
        let error = parse::<Sample>(br#"{"name": "a", "#).unwrap_err();
        assert_eq!(error.problem().status, 400);
    }
}
