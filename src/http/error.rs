//! The one error type at the HTTP edges, rendered as RFC 9457 `application/problem+json` (the
//! pages wrap it in an error page of their own). A use case's [`Failure`] becomes one through `From`.
//!
//! Every 4xx and 5xx answer of the API goes through [`ApiError`], including the ones actix produces
//! itself for malformed paths and query strings (see [`query_error_handler`] and
//! [`path_error_handler`]). Internal errors are logged once, with their whole cause chain, and the
//! client only learns that something went wrong on our side.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use super::request_id;
use crate::db::DbError;
use crate::domain::{Failure, Refusal};
use crate::i18n::Locale;

/// `request_id=... ` for a log line written while serving a request.
fn log_prefix() -> String {
    request_id::current().map_or_else(String::new, |id| format!("request_id={id} "))
}

/// When a client should try again after a 503: the database is most often back within seconds
/// (a restart, a failover), and a sooner retry only adds to the load.
const RETRY_AFTER_SECONDS: u32 = 2;

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

pub use crate::domain::FieldError;

/// One invalid field of a request, by its path in the body or query (`countries[1]`, `year`).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = FieldError)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
    /// For a file upload (CSV import), the line of the file at fault; the header is line 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
}

impl From<&FieldError> for FieldProblem {
    fn from(error: &FieldError) -> Self {
        Self {
            field: error.field.clone(),
            message: english(&error.problem),
            row: error.row,
        }
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// A stable reference for this kind of problem, e.g. `/problems/validation-failed`.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// The same kind, as a short code a program can match: `validation_failed`, `not_found`, ...
    pub code: &'static str,
    /// A short summary of the kind of problem.
    pub title: &'static str,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request, for a person to read.
    pub detail: String,
    /// The invalid fields, for `validation_failed` problems.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
    /// The id of the request (also its `X-Request-Id` header): quote it when reporting a problem,
    /// it leads to the request's log lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// Everything a handler can answer instead of a success.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request cannot be read: malformed JSON, path or query string.
    #[error("{0}")]
    BadRequest(String),
    /// No valid API key: missing, malformed, unknown or revoked.
    #[error("{0}")]
    Unauthorized(String),
    /// A valid key without the right to do this.
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    /// The path exists but not with this method; `allow` lists the methods it has.
    #[error("{detail}")]
    MethodNotAllowed { detail: String, allow: String },
    /// The request clashes with the current state (a duplicate, or a delete that would orphan data).
    #[error("{0}")]
    Conflict(String),
    /// The request is well-formed but its content is not acceptable.
    #[error("{detail}")]
    Validation {
        detail: String,
        errors: Vec<FieldError>,
    },
    /// An `If-Match` precondition does not hold; `current` is the resource's tag, if it exists.
    #[error("{detail}")]
    PreconditionFailed {
        detail: String,
        current: Option<String>,
    },
    #[error("{0}")]
    PayloadTooLarge(String),
    /// The body arrived more slowly than `UPLOAD_TIMEOUT_MS` allows (see `http::upload`).
    #[error("{0}")]
    RequestTimeout(String),
    /// Over a rate limit; `retry_after` seconds until the next request can go through.
    #[error("{detail}")]
    TooManyRequests { detail: String, retry_after: u64 },
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{0}")]
    NotAcceptable(String),
    /// A dependency (the database) cannot be reached right now. Its cause is logged, never sent.
    #[error("unavailable: {0}")]
    Unavailable(String),
    /// The request's work ran past the deadline it is given (`REQUEST_TIMEOUT_MS`, or
    /// `IMPORT_TIMEOUT_MS` for an import) and was stopped; says which, and how long that is.
    #[error("{0}")]
    TookTooLong(String),
    /// The database connection broke while the request used it. Answered as [`Self::Unavailable`];
    /// kept apart so that a read can be tried once more (see `http::read_retry`).
    #[error("connection lost: {0}")]
    ConnectionLost(String),
    /// A fault on our side. Its cause is logged, never sent.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    /// A 422 for a single invalid field.
    pub fn invalid(field: impl Into<String>, problem: impl Into<Refusal>) -> Self {
        Self::validation(vec![FieldError::new(field, problem)])
    }

    /// A 422 listing every invalid field.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        Self::Validation {
            detail: Locale::ENGLISH.invalid_summary(&errors),
            errors,
        }
    }

    /// An internal error from anything that displays, logged with its cause chain when rendered.
    pub fn internal(error: impl std::error::Error) -> Self {
        Failure::internal(error).into()
    }

    fn kind(&self) -> (&'static str, &'static str) {
        match self {
            Self::BadRequest(_) => ("bad_request", "The request cannot be read"),
            Self::Unauthorized(_) => ("unauthorized", "An API key is required"),
            Self::Forbidden(_) => ("forbidden", "This key may not do that"),
            Self::NotFound(_) => ("not_found", "No such resource"),
            Self::MethodNotAllowed { .. } => ("method_not_allowed", "Method not allowed"),
            Self::Conflict(_) => ("conflict", "The request conflicts with existing data"),
            Self::Validation { .. } => ("validation_failed", "The request is not valid"),
            Self::PreconditionFailed { .. } => (
                "precondition_failed",
                "The resource changed since it was read",
            ),
            Self::PayloadTooLarge(_) => ("payload_too_large", "The body is too large"),
            Self::RequestTimeout(_) => ("request_timeout", "The body arrived too slowly"),
            Self::TooManyRequests { .. } => ("too_many_requests", "Too many requests"),
            Self::UnsupportedMediaType(_) => ("unsupported_media_type", "Unsupported media type"),
            Self::NotAcceptable(_) => ("not_acceptable", "No acceptable representation"),
            Self::Unavailable(_) | Self::ConnectionLost(_) => {
                ("unavailable", "The service is unavailable")
            }
            Self::TookTooLong(_) => ("took_too_long", "The request took too long"),
            Self::Internal(_) => ("internal_error", "Internal server error"),
        }
    }

    /// The problem document sent to the client.
    pub fn problem(&self) -> Problem {
        let (code, title) = self.kind();
        let detail = match self {
            Self::Internal(_) => {
                "Something went wrong on our side. It has been logged; please try again later."
                    .to_string()
            }
            Self::Unavailable(_) | Self::ConnectionLost(_) => {
                "The database cannot be reached right now, or did not answer in time; \
                 please try again shortly."
                    .to_string()
            }
            other => other.to_string(),
        };
        let errors = match self {
            Self::Validation { errors, .. } => errors.iter().map(FieldProblem::from).collect(),
            _ => Vec::new(),
        };
        Problem {
            problem_type: format!("/problems/{}", code.replace('_', "-")),
            code,
            title,
            status: self.status_code().as_u16(),
            detail,
            errors,
            request_id: request_id::current(),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            Self::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::RequestTimeout(_) => StatusCode::REQUEST_TIMEOUT,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::NotAcceptable(_) => StatusCode::NOT_ACCEPTABLE,
            Self::Unavailable(_) | Self::ConnectionLost(_) | Self::TookTooLong(_) => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Internal(cause) => log::error!("{}internal error: {cause}", log_prefix()),
            Self::Unavailable(cause) => log::warn!("{}database unavailable: {cause}", log_prefix()),
            Self::ConnectionLost(cause) => {
                log::warn!("{}database connection lost: {cause}", log_prefix())
            }
            _ => {}
        }
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((header::CONTENT_TYPE, PROBLEM_JSON));
        match self {
            Self::Unauthorized(_) => {
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"gaptrack\""));
            }
            Self::MethodNotAllowed { allow, .. } => {
                response.insert_header((header::ALLOW, allow.as_str()));
            }
            Self::Unavailable(_) | Self::ConnectionLost(_) | Self::TookTooLong(_) => {
                response.insert_header((header::RETRY_AFTER, RETRY_AFTER_SECONDS.to_string()));
            }
            Self::TooManyRequests { retry_after, .. } => {
                response.insert_header((header::RETRY_AFTER, retry_after.to_string()));
            }
            Self::PreconditionFailed {
                current: Some(etag),
                ..
            } => {
                response.insert_header((header::ETAG, etag.as_str()));
            }
            _ => {}
        }
        let mut response = response.json(self.problem());
        DatabaseFault::mark(&mut response, self);
        super::security_headers::apply(response.headers_mut(), false, false);
        response
    }
}

impl From<DbError> for ApiError {
    fn from(error: DbError) -> Self {
        match error {
            DbError::Unavailable(cause) => Self::Unavailable(cause),
            DbError::ConnectionLost(cause) => Self::ConnectionLost(cause),
            other => Self::internal(other),
        }
    }
}

impl From<crate::import::ImportError> for ApiError {
    fn from(error: crate::import::ImportError) -> Self {
        Failure::from(error).into()
    }
}

impl From<Failure> for ApiError {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::Invalid(errors) => Self::validation(errors),
            Failure::BadRows { errors, total } => Self::Validation {
                detail: Locale::ENGLISH.bad_rows_summary(&errors, total),
                errors,
            },
            Failure::Unreadable(refusal) => Self::BadRequest(english(&refusal)),
            Failure::Unauthenticated(refusal) => Self::Unauthorized(english(&refusal)),
            Failure::Forbidden(refusal) => Self::Forbidden(english(&refusal)),
            Failure::NotFound(refusal) => Self::NotFound(english(&refusal)),
            Failure::Conflict(refusal) => Self::Conflict(english(&refusal)),
            Failure::Stale { detail, current } => Self::PreconditionFailed { detail, current },
            Failure::Unavailable(cause) => Self::Unavailable(cause),
            Failure::ConnectionLost(cause) => Self::ConnectionLost(cause),
            Failure::Internal(cause) => Self::Internal(cause),
            Failure::Throttled {
                refusal,
                retry_after,
            } => Self::TooManyRequests {
                detail: english(&refusal),
                retry_after,
            },
        }
    }
}

/// A refusal in the API's words: English, as every problem's `detail`.
fn english(refusal: &crate::domain::Refusal) -> String {
    crate::i18n::Locale::ENGLISH.refusal(refusal)
}

/// Answers a malformed query string with a 400 problem that names the parameter.
pub fn query_error_handler(
    error: actix_web::error::QueryPayloadError,
    _request: &HttpRequest,
) -> actix_web::Error {
    ApiError::BadRequest(format!("invalid query string: {error}")).into()
}

/// Answers a form body that cannot be read: 413 when it is over the limit, else 400, both as
/// problem+json.
pub fn form_error_handler(
    error: actix_web::error::UrlencodedError,
    _request: &HttpRequest,
) -> actix_web::Error {
    use actix_web::error::UrlencodedError;
    match error {
        UrlencodedError::Overflow { size, limit } => ApiError::PayloadTooLarge(format!(
            "the form is {size} bytes; it may be at most {limit}"
        )),
        other => ApiError::BadRequest(format!("the form cannot be read: {other}")),
    }
    .into()
}

/// Answers a malformed path segment (a bad UUID or year) with a 400 problem.
pub fn path_error_handler(
    error: actix_web::error::PathError,
    _request: &HttpRequest,
) -> actix_web::Error {
    ApiError::BadRequest(format!("invalid path: {error}")).into()
}

/// The kind of fault an error answer stands for (`unavailable`, `internal`), kept in the answer
/// by the edge that rendered it (a problem+json or an error page), so that both are counted
/// alike whatever error type they rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatabaseFault(pub &'static str);

impl DatabaseFault {
    /// The fault `error` stands for, if it is one.
    pub fn of(error: &ApiError) -> Option<Self> {
        match error {
            ApiError::Unavailable(_) | ApiError::ConnectionLost(_) | ApiError::TookTooLong(_) => {
                Some(Self("unavailable"))
            }
            ApiError::Internal(_) => Some(Self("internal")),
            _ => None,
        }
    }

    /// Marks `response` as the answer of `error`'s fault, if it is one.
    pub fn mark(response: &mut HttpResponse, error: &ApiError) {
        if let Some(fault) = Self::of(error) {
            response.extensions_mut().insert(fault);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_never_reach_the_body() {
        let problem = ApiError::Internal("password=hunter2 in connection string".into()).problem();
        assert!(!problem.detail.contains("hunter2"));
        assert_eq!(problem.status, 500);
    }

    #[test]
    fn a_single_invalid_field_is_named_in_the_detail() {
        let problem = ApiError::invalid("year", "invalid-report-year").problem();
        assert_eq!(
            problem.detail,
            "year: must be a report year between 2000 and 2100"
        );
        assert_eq!(
            problem.errors[0].message,
            "must be a report year between 2000 and 2100"
        );
        assert_eq!(problem.code, "validation_failed");
        assert_eq!(problem.problem_type, "/problems/validation-failed");
    }
}
