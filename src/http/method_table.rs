//! Which methods each path answers, read from the OpenAPI document, so that a known path asked
//! with another method answers 405 with an `Allow` header instead of 404.
//!
//! actix registers one resource per method (`#[get]`, `#[patch]`), so a method without a handler
//! falls through to the default service; the document is the one list of every path and method.

use actix_web::{HttpRequest, HttpResponse, web};
use utoipa::openapi::OpenApi;

use crate::http::error::ApiError;

/// One segment of a path template: fixed text, or a `{parameter}` that matches any one segment.
#[derive(Debug, PartialEq, Eq)]
enum Segment {
    Literal(String),
    Parameter,
}

/// Path templates and the methods each answers.
#[derive(Debug, Default)]
pub struct MethodTable {
    routes: Vec<(Vec<Segment>, Vec<&'static str>)>,
}

impl MethodTable {
    /// Every path and method of `document`, plus `extra` routes the document does not list.
    pub fn new(document: &OpenApi, extra: &[(&str, &[&'static str])]) -> Self {
        let mut table = Self::default();
        for (path, item) in &document.paths.paths {
            let operations = [
                ("GET", item.get.is_some()),
                ("PUT", item.put.is_some()),
                ("POST", item.post.is_some()),
                ("DELETE", item.delete.is_some()),
                ("OPTIONS", item.options.is_some()),
                ("HEAD", item.head.is_some()),
                ("PATCH", item.patch.is_some()),
                ("TRACE", item.trace.is_some()),
            ];
            let methods = operations
                .into_iter()
                .filter_map(|(method, present)| present.then_some(method))
                .collect();
            table.routes.push((template(path), methods));
        }
        for (path, methods) in extra {
            table.routes.push((template(path), methods.to_vec()));
        }
        table
    }

    /// The methods `path` answers, as an `Allow` header value; `None` when no route matches.
    pub fn allowed(&self, path: &str) -> Option<String> {
        let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
        let mut allowed: Vec<&str> = self
            .routes
            .iter()
            .filter(|(template, _)| matches(template, &segments))
            .flat_map(|(_, methods)| methods.iter().copied())
            .collect();
        if allowed.is_empty() {
            return None;
        }
        allowed.sort_unstable();
        allowed.dedup();
        Some(allowed.join(", "))
    }
}

fn template(path: &str) -> Vec<Segment> {
    path.trim_end_matches('/')
        .split('/')
        .map(|segment| {
            if segment.starts_with('{') && segment.ends_with('}') {
                Segment::Parameter
            } else {
                Segment::Literal(segment.to_owned())
            }
        })
        .collect()
}

fn matches(template: &[Segment], segments: &[&str]) -> bool {
    template.len() == segments.len()
        && template
            .iter()
            .zip(segments)
            .all(|(expected, actual)| match expected {
                Segment::Literal(text) => text == actual,
                Segment::Parameter => !actual.is_empty(),
            })
}

/// What a request that no route took gets: 405 with `Allow` on a known path, else 404.
pub async fn no_route(
    request: HttpRequest,
    table: web::Data<MethodTable>,
) -> Result<HttpResponse, ApiError> {
    Err(match table.allowed(request.path()) {
        Some(allow) => ApiError::MethodNotAllowed {
            detail: format!(
                "{} does not answer {}; it answers {allow}",
                request.path(),
                request.method()
            ),
            allow,
        },
        None => ApiError::NotFound(format!(
            "there is no {} {} here; the API is described at {}",
            request.method(),
            request.path(),
            super::OPENAPI_PATH
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_path_lists_its_methods_and_an_unknown_one_has_none() {
        let table = MethodTable {
            routes: vec![
                (template("/api/v1/interventions/{id}"), vec!["GET", "PATCH"]),
                (template("/api/v1/interventions/{id}"), vec!["DELETE"]),
                (template("/api/v1/interventions"), vec!["GET", "POST"]),
            ],
        };
        assert_eq!(
            table.allowed("/api/v1/interventions/42").as_deref(),
            Some("DELETE, GET, PATCH")
        );
        assert_eq!(
            table.allowed("/api/v1/interventions/").as_deref(),
            Some("GET, POST")
        );
        assert_eq!(table.allowed("/api/v1/interventions/42/x"), None);
        assert_eq!(table.allowed("/nowhere"), None);
    }
}
