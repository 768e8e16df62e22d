//! What the pages' filter forms send: every field is text, and an empty one means "any".

use std::str::FromStr;

use uuid::Uuid;

use crate::http::error::ApiError;

/// Reads an optional filter: empty is `None`, anything else must parse.
pub fn optional<T: FromStr>(field: &str, value: Option<&str>) -> Result<Option<T>, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(text) => text
            .parse()
            .map(Some)
            .map_err(|_| ApiError::BadRequest(format!("`{text}` is not a valid {field}"))),
    }
}

/// Reads an optional organisation id.
pub fn organisation(value: Option<&str>) -> Result<Option<Uuid>, ApiError> {
    optional("organisation", value)
}

/// A query string of `pairs` whose value is not empty, to keep filters across links.
pub fn query_string(pairs: &[(&str, Option<String>)]) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs {
        if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
            query.append_pair(name, value);
        }
    }
    query.finish()
}
