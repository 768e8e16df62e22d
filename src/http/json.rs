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

use super::upload::receiving;
use crate::domain::{Failure, Refusal};
use crate::http::error::ApiError;

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
            let body = receiving(body)
                .await?
                .map_err(|error| super::body::unreadable(&error, "the body"))?;
            if !is_object_or_unreadable(&body) {
                return Err(
                    ApiError::from(Failure::invalid("body", "invalid-not-an-object")).into(),
                );
            }
            Ok(JsonBody(parse(&body).map_err(ApiError::from)?))
        })
    }
}

/// Whether `body` is a JSON object, or no JSON at all (which [`parse`] refuses as unreadable):
/// every body of the API is an object, and serde would otherwise read a struct of optional
/// fields from an array (`[null, null]`).
fn is_object_or_unreadable(body: &[u8]) -> bool {
    body.trim_ascii_start().first() == Some(&b'{')
        || serde_json::from_slice::<serde::de::IgnoredAny>(body).is_err()
}

/// Parses a JSON document, naming the field at fault when it does not fit `T`: for a request
/// body, and for a file a person uploads or the command line reads.
///
/// A number written with a fraction of zero (`2023.0`, `1e3`) is an integer, as JSON Schema says
/// and as some clients and generators write them.
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, Failure> {
    let mut value: serde_json::Value = serde_json::from_slice(body).map_err(|error| {
        Failure::Unreadable(Refusal::new("unreadable-json").with("detail", error.to_string()))
    })?;
    integral_numbers_as_integers(&mut value);
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        let field = if path == "." {
            "body".to_string()
        } else {
            path
        };
        // serde's own words (`unknown field `cuont``), which no catalogue holds.
        Failure::invalid(
            field,
            Refusal::new("invalid-json-value").with("detail", without_position(&inner)),
        )
    })
}

/// Rewrites every number that is a whole number but written as a float into an integer.
fn integral_numbers_as_integers(value: &mut serde_json::Value) {
    /// Beyond 2^53 a float no longer says which integer it is.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    match value {
        serde_json::Value::Number(number) if number.is_f64() => {
            if let Some(float) = number.as_f64()
                && float.fract() == 0.0
                && float.abs() <= EXACT
            {
                #[expect(
                    clippy::cast_possible_truncation,
                    reason = "a whole number within 2^53 is exact as i64"
                )]
                let whole = float as i64;
                *number = whole.into();
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(integral_numbers_as_integers),
        serde_json::Value::Object(fields) => {
            fields.values_mut().for_each(integral_numbers_as_integers)
        }
        _ => {}
    }
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
    struct Sample {
        name: String,
        count: u32,
    }

    #[test]
    fn an_unknown_field_is_a_validation_error() {
        let error = parse::<Sample>(br#"{"name": "a", "count": 1, "cuont": 2}"#).unwrap_err();
        let problem = ApiError::from(error).problem();
        assert_eq!(problem.status, 422);
        assert!(problem.errors[0].message.contains("unknown field `cuont`"));
    }

    #[test]
    fn a_wrong_type_names_its_field() {
        let error = parse::<Sample>(br#"{"name": "a", "count": "many"}"#).unwrap_err();
        assert_eq!(ApiError::from(error).problem().errors[0].field, "count");
    }

    #[test]
    fn a_whole_number_written_as_a_float_is_an_integer() {
        let sample = parse::<Sample>(br#"{"name": "a", "count": 2023.0}"#).unwrap();
        assert_eq!((sample.name.as_str(), sample.count), ("a", 2023));
        let error = parse::<Sample>(br#"{"name": "a", "count": 2023.5}"#).unwrap_err();
        assert_eq!(ApiError::from(error).problem().status, 422);
    }

    #[test]
    fn broken_json_is_a_bad_request() {
        let error = parse::<Sample>(br#"{"name": "a", "#).unwrap_err();
        assert_eq!(ApiError::from(error).problem().status, 400);
    }
}
