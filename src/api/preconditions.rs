//! Optimistic concurrency at the HTTP edge: `ETag` on every answer that carries an intervention,
//! recommendation, organisation or link, and `If-Match` on the requests that change them.
//!
//! Without `If-Match` a change applies as it always has. With it, the database layer compares the
//! tag against the row it has locked, so a change made between the client's read and its write is
//! refused with 412 instead of being overwritten.

use actix_web::dev::Payload;
use actix_web::http::header::{ETAG, IF_MATCH};
use actix_web::{FromRequest, HttpRequest, HttpResponse, HttpResponseBuilder};
use futures_util::future::{Ready, ready};
use serde::Serialize;
use utoipa::openapi::path::{Operation, Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::{HttpMethod, ObjectBuilder};

use crate::domain::{Etag, Precondition};
use crate::http::error::ApiError;

/// The request's `If-Match`, read into a [`Precondition`].
#[derive(Debug, Default)]
pub struct IfMatch(pub Precondition);

impl FromRequest for IfMatch {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let Some(value) = request.headers().get(IF_MATCH) else {
            return ready(Ok(Self::default()));
        };
        // A value that is no entity tag matches no resource: the change is refused with 412
        // once the request is otherwise valid, and the detail says what to send.
        let precondition = value
            .to_str()
            .ok()
            .and_then(Precondition::parse_if_match)
            .unwrap_or(Precondition::Unreadable);
        ready(Ok(Self(precondition)))
    }
}

/// Answers with `body` and the `ETag` of `resource`, the stored state `body` shows.
pub fn tagged(
    mut response: HttpResponseBuilder,
    resource: &impl Serialize,
    body: impl Serialize,
) -> HttpResponse {
    response
        .insert_header((ETAG, Etag::of(resource).as_header()))
        .json(body)
}

/// The 412 for a change to `what` under `precondition`, which its current state (`current`, if
/// it exists) does not meet.
pub fn stale(precondition: &Precondition, what: &str, current: Option<Etag>) -> ApiError {
    precondition.refusal(what, current).into()
}

/// The operations that honour `If-Match`, by method and path.
const GUARDED: [(HttpMethod, &str); 7] = [
    (HttpMethod::Patch, "/api/v1/interventions/{id}"),
    (HttpMethod::Delete, "/api/v1/interventions/{id}"),
    (HttpMethod::Patch, "/api/v1/recommendations/{id}"),
    (HttpMethod::Delete, "/api/v1/recommendations/{id}"),
    (HttpMethod::Patch, "/api/v1/organisations/{id}"),
    (
        HttpMethod::Put,
        "/api/v1/interventions/{id}/recommendations/{recommendation_id}",
    ),
    (
        HttpMethod::Delete,
        "/api/v1/interventions/{id}/recommendations/{recommendation_id}",
    ),
];

/// Declares `If-Match` and its 412 on the guarded operations, and the `ETag` header on every
/// success of an operation whose path is one of theirs (their GETs, PATCHes, PUTs and the POSTs
/// that create them).
pub fn declare(document: &mut utoipa::openapi::OpenApi) {
    let paths = &mut document.paths.paths;
    for (method, path) in GUARDED {
        let Some(operation) = paths
            .get_mut(path)
            .and_then(|item| operation_mut(item, &method))
        else {
            panic!("{path} has no such operation to guard");
        };
        operation
            .parameters
            .get_or_insert_with(Vec::new)
            .push(if_match_parameter());
        operation.responses.responses.insert(
            "412".into(),
            super::problem_response(
                "The resource changed since the ETag sent in If-Match was read (or it does not \
                 exist): read it again and retry",
            )
            .into(),
        );
    }
    let tagged_paths = [
        "/api/v1/interventions",
        "/api/v1/interventions/{id}",
        "/api/v1/recommendations",
        "/api/v1/recommendations/{id}",
        "/api/v1/organisations",
        "/api/v1/organisations/{id}",
        "/api/v1/interventions/{id}/recommendations/{recommendation_id}",
    ];
    for path in tagged_paths {
        let Some(item) = paths.get_mut(path) else {
            panic!("{path} is not in the document");
        };
        let single = path.ends_with('}');
        let operations = [
            (&mut item.get, single),
            (&mut item.post, !single),
            (&mut item.put, true),
            (&mut item.patch, true),
        ];
        for (operation, carries_one) in operations {
            let Some(operation) = operation.as_mut().filter(|_| carries_one) else {
                continue;
            };
            for (status, response) in operation.responses.responses.iter_mut() {
                let utoipa::openapi::RefOr::T(response) = response else {
                    continue;
                };
                if status.starts_with('2') && !response.content.is_empty() {
                    response.headers.insert(
                        "ETag".into(),
                        utoipa::openapi::header::HeaderBuilder::new()
                            .schema(ObjectBuilder::new().schema_type(utoipa::openapi::Type::String))
                            .description(Some(
                                "The resource's entity tag: send it in If-Match to change it \
                                 only if nobody else has meanwhile",
                            ))
                            .build(),
                    );
                }
            }
        }
    }
}

fn operation_mut<'a>(
    item: &'a mut utoipa::openapi::PathItem,
    method: &HttpMethod,
) -> Option<&'a mut Operation> {
    match method {
        HttpMethod::Patch => item.patch.as_mut(),
        HttpMethod::Put => item.put.as_mut(),
        HttpMethod::Delete => item.delete.as_mut(),
        _ => None,
    }
}

fn if_match_parameter() -> Parameter {
    ParameterBuilder::new()
        .name("If-Match")
        .parameter_in(ParameterIn::Header)
        .required(utoipa::openapi::Required::False)
        .description(Some(
            "Change the resource only if its ETag is still this one (or, with `*`, only if it \
             exists); otherwise 412. `*` or a comma-separated list of entity tags as the ETag \
             header gives them (`\"3f2a9c\"`); a value that is neither matches nothing. \
             Without it, the change applies to whatever is there.",
        ))
        .schema(Some(
            ObjectBuilder::new().schema_type(utoipa::openapi::Type::String),
        ))
        .build()
}
