//! Every request gets an id: the client's `X-Request-Id` when it is sane, else a new one. It is
//! sent back in the `X-Request-Id` header, written in the access log line, in every log line
//! about the request, and in every problem+json body, so that a user's error report leads to the
//! log lines of that request.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse, ResponseError};

/// The header, both ways.
pub const HEADER: &str = "x-request-id";

tokio::task_local! {
    static CURRENT: String;
}

/// The id of the request being served, when called while serving one.
pub fn current() -> Option<String> {
    CURRENT.try_with(Clone::clone).ok()
}

/// A client's id is kept when it is 1 to 64 letters, digits, `-`, `_` or `.`: enough for UUIDs
/// and trace ids, and nothing that could forge a log line.
fn is_sane(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Assigns the id, serves the request with it in scope, and echoes it in the response.
pub async fn assign(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let id = request
        .headers()
        .get(HEADER)
        .and_then(|value| value.to_str().ok())
        .filter(|id| is_sane(id))
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::now_v7().simple().to_string());
    let asked = format!("{} {}", request.method(), request.path());
    match CURRENT.scope(id.clone(), next.call(request)).await {
        Ok(mut response) => {
            if let Ok(value) = HeaderValue::from_str(&id) {
                response
                    .headers_mut()
                    .insert(HeaderName::from_static(HEADER), value);
            }
            Ok(response)
        }
        // A middleware (the key check, the deadline) answered with an error, which becomes a
        // response only after this returns: it is given the id now, and logged here, since the
        // access log sees only responses.
        Err(error) => {
            let error = WithRequestId { id, inner: error };
            log::info!(
                "\"{asked}\" {} request_id={}",
                error.status_code().as_u16(),
                error.id
            );
            Err(error.into())
        }
    }
}

/// An error on its way out, with the id of the request it answers.
#[derive(Debug)]
struct WithRequestId {
    id: String,
    inner: Error,
}

impl std::fmt::Display for WithRequestId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

impl ResponseError for WithRequestId {
    fn status_code(&self) -> StatusCode {
        self.inner.as_response_error().status_code()
    }

    fn error_response(&self) -> HttpResponse {
        // Rendered with the id in scope, so the problem body and log lines carry it too.
        let mut response = CURRENT.sync_scope(self.id.clone(), || self.inner.error_response());
        if let Ok(value) = HeaderValue::from_str(&self.id) {
            response
                .headers_mut()
                .insert(HeaderName::from_static(HEADER), value);
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_short_ids_are_taken_from_clients() {
        assert!(is_sane("0192f5c8-6c1e-7a3b-9d2f-4e5a6b7c8d9e"));
        assert!(is_sane("trace.abc_123"));
        assert!(!is_sane(""));
        assert!(!is_sane("a b"));
        assert!(!is_sane("line\nbreak"));
        assert!(!is_sane(&"x".repeat(65)));
    }
}
