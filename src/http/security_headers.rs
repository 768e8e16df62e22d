//! The headers that keep a browser from being turned against gaptrack's users, on every answer:
//! no framing by another site (the keys page's buttons could be clicked through a frame), no
//! guessing of content types, no leaking of paths in `Referer`, no script but gaptrack's own, no
//! answer with data or a key's secret kept in a cache (pages, JSON and downloads alike), and HSTS
//! where the request came over TLS.

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use actix_web::middleware::Next;

use super::origin;
use super::paths::DOCS_PATH;

/// What a page may load: its own stylesheet, images and script file (no inline script, so an
/// injected `<script>` never runs), forms posted only to gaptrack. Inline styles are allowed for
/// the printable summary, which carries its own.
const PAGE_POLICY: &str = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
                           script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// What the interactive API docs (Swagger UI, which runs its own scripts) may load.
const DOCS_POLICY: &str = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
                           script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

/// A year, as browsers keep HSTS.
const HSTS: &str = "max-age=31536000";

/// Sets the headers every answer carries, and a page's policy when it is a page (`html`) of
/// gaptrack's own or of the API docs (`docs`). The error renderers call it too, since an error
/// raised by a middleware reaches the client without passing back through [`add`].
pub fn apply(headers: &mut HeaderMap, html: bool, docs: bool) {
    let mut set = |name: HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "same-origin");
    set(header::X_FRAME_OPTIONS, "DENY");
    if html {
        set(
            header::CONTENT_SECURITY_POLICY,
            if docs { DOCS_POLICY } else { PAGE_POLICY },
        );
    }
    // Pages, JSON and downloads (spreadsheets, Word packs, IATI files) carry people's work, and
    // some a secret shown once: none is kept by a shared cache or the browser, unless its
    // handler said otherwise (the static files, which never change).
    if !docs && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}

/// Middleware: adds the headers to every answer that passes back through it.
pub async fn add(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let over_tls = origin::over_tls(request.request());
    let docs = request.path().starts_with(DOCS_PATH.trim_end_matches('/'));
    let mut response = next.call(request).await?;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    let headers = response.headers_mut();
    apply(headers, is_html, docs);
    if over_tls {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    Ok(response)
}
