//! Static assets, embedded in the binary. Their path carries a digest of their content, so they
//! can be cached for a year: a new build that changes them changes their path.

use std::sync::LazyLock;

use actix_web::HttpResponse;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use sha2::{Digest, Sha256};

const STYLESHEET: &str = include_str!("assets/gaptrack.css");
const SCRIPT: &str = include_str!("assets/gaptrack.js");

/// The stylesheet's path, with its digest.
pub static STYLESHEET_PATH: LazyLock<String> = LazyLock::new(|| path_of(STYLESHEET, "css"));

/// The script's path, with its digest.
pub static SCRIPT_PATH: LazyLock<String> = LazyLock::new(|| path_of(SCRIPT, "js"));

fn path_of(content: &str, extension: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    let short: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
    format!("/static/gaptrack-{short}.{extension}")
}

/// `GET /static/gaptrack-<digest>.css`.
pub async fn stylesheet() -> HttpResponse {
    immutable("text/css; charset=utf-8", STYLESHEET)
}

/// `GET /static/gaptrack-<digest>.js`.
pub async fn script() -> HttpResponse {
    immutable("text/javascript; charset=utf-8", SCRIPT)
}

fn immutable(content_type: &'static str, body: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, content_type))
        .insert_header((CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(body)
}
