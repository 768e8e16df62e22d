//! Which origin (scheme, host and port) a request was made to: what a browser's `Origin` must be
//! for a form to be gaptrack's own, and whether the request came over TLS.
//!
//! `Forwarded`, `X-Forwarded-Host` and `X-Forwarded-Proto` are believed only from a trusted proxy
//! (`TRUSTED_PROXIES`); from anyone else they are the client's own words, and the origin is the
//! `Host` the request was sent to, over the scheme this server serves.
//!
//! A link that leaves the page (an e-mailed invitation or reset, a share link, the address the
//! identity provider sends people back to) is built on `PUBLIC_URL` when it is set
//! ([`for_links`]): a `Host` header is the client's to choose, and must not decide where a link
//! in someone else's mailbox points.

use actix_web::HttpRequest;
use actix_web::http::header::HOST;
use actix_web::web;

use crate::config::TrustedProxies;

/// The origin `request` was made to, as `scheme://host[:port]`, in lower case.
pub fn own(request: &HttpRequest) -> String {
    let (scheme, host) = if from_trusted_proxy(request) {
        let info = request.connection_info();
        (info.scheme().to_owned(), info.host().to_owned())
    } else {
        let scheme = if request.app_config().secure() {
            "https"
        } else {
            "http"
        };
        let host = request
            .headers()
            .get(HOST)
            .and_then(|value| value.to_str().ok())
            .map_or_else(|| request.app_config().host().to_owned(), str::to_owned);
        (scheme.to_owned(), host)
    };
    normalise(&format!("{scheme}://{host}")).unwrap_or_default()
}

/// `PUBLIC_URL`, as an origin, when it was set; shared by the server's workers.
#[derive(Debug, Clone, Default)]
pub struct PublicUrl(pub Option<String>);

/// The origin of links that leave the page: `PUBLIC_URL` when set, else the one `request` was
/// made to ([`own`]).
pub fn for_links(request: &HttpRequest) -> String {
    request
        .app_data::<web::Data<PublicUrl>>()
        .and_then(|public| public.0.clone())
        .unwrap_or_else(|| own(request))
}

/// The public address of the API's `path` (`/recommendations`), as documents cite it: on the
/// origin `request` was made to.
pub fn api_address(request: &HttpRequest, path: &str) -> String {
    format!("{}{}{path}", for_links(request), super::paths::API_PREFIX)
}

/// Whether `request` came over TLS, to gaptrack or to the trusted proxy in front of it.
pub fn over_tls(request: &HttpRequest) -> bool {
    own(request).starts_with("https://")
}

/// `text` as an origin (`scheme://host[:port]`, the port left out where it is the scheme's
/// default), or `None` when it is none (`null`, a path, garbage).
pub fn normalise(text: &str) -> Option<String> {
    let url = url::Url::parse(text).ok()?;
    let origin = url.origin();
    origin
        .is_tuple()
        .then(|| origin.ascii_serialization().to_ascii_lowercase())
}

fn from_trusted_proxy(request: &HttpRequest) -> bool {
    let Some(peer) = request.peer_addr() else {
        return false;
    };
    request
        .app_data::<web::Data<TrustedProxies>>()
        .is_some_and(|proxies| proxies.trusts(peer.ip()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_origin_is_a_scheme_a_host_and_a_port() {
        assert_eq!(
            normalise("HTTP://Example.org:80").as_deref(),
            Some("http://example.org")
        );
        assert_eq!(
            normalise("https://example.org:8443/x").as_deref(),
            Some("https://example.org:8443")
        );
        assert_eq!(normalise("null"), None);
        assert_eq!(normalise("/signin"), None);
    }
}
