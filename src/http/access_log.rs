//! The access log: one line per answered request, with the client, the route, the status, the
//! size, the time taken and the request id (which error bodies carry, so a person's report leads
//! to its line).
//!
//! A request is written by its route's pattern (`GET /account-links/{token}`), never its raw
//! line: paths and queries carry one-time secrets (invitation, reset and first-admin tokens, share
//! tokens, single sign-on codes), and whoever reads a log must not be able to use them.

use actix_web::HttpRequest;
use actix_web::middleware::Logger;

/// What a request no route took is logged as: its path may be a mistyped secret.
const UNMATCHED: &str = "(no route)";

/// The access log's middleware.
pub fn logger() -> Logger {
    Logger::new("%{client}xi \"%{route}xi\" %s %b %Dms request_id=%{x-request-id}o")
        // The client as the rate limits count it: the peer, or whom a trusted proxy names.
        .custom_request_replace("client", |request| {
            super::client_address::of(request.request())
                .map_or_else(|| "-".to_owned(), |address| address.to_string())
        })
        .custom_request_replace("route", |request| route(request.request()))
}

/// `request`'s method and route pattern, as the log writes them.
pub fn route(request: &HttpRequest) -> String {
    let pattern = request
        .match_pattern()
        .unwrap_or_else(|| UNMATCHED.to_owned());
    format!("{} {pattern}", request.method())
}
