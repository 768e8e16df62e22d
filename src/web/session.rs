//! Sessions: a person signs in once with an API key and the browser then carries a random
//! session id in a cookie (`HttpOnly`, `SameSite=Strict`, `Secure` over TLS). PostgreSQL keeps
//! only the id's digest, so every instance behind a load balancer knows every session, and a
//! session lives no longer than its key: revoking the key ends it at once.

use std::time::Duration;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use futures_util::future::LocalBoxFuture;
use sha2::{Digest, Sha256};

use super::error::WebError;
use crate::db::sessions;
use crate::domain::Caller;
use crate::http::AppState;
use crate::http::error::ApiError;

/// The session cookie's name.
pub const COOKIE: &str = "gaptrack_session";
/// How long a session lasts after signing in.
pub const LIFETIME: Duration = Duration::from_secs(12 * 60 * 60);

/// The signed-in person: their key, and their session's CSRF token for the forms of the page.
#[derive(Debug, Clone)]
pub struct Visitor {
    pub caller: Caller,
    pub csrf: String,
    session_sha256: Vec<u8>,
}

impl FromRequest for Visitor {
    type Error = WebError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let cookie = request.cookie(COOKIE).map(|c| c.value().to_owned());
        let state = request.app_data::<web::Data<AppState>>().cloned();
        let return_to = match request.method() {
            &actix_web::http::Method::GET => request
                .uri()
                .path_and_query()
                .map_or("/".to_owned(), |p| p.to_string()),
            _ => "/".to_owned(),
        };
        Box::pin(async move {
            let sign_in = || WebError::SignInRequired { return_to };
            let (Some(cookie), Some(state)) = (cookie, state) else {
                return Err(sign_in());
            };
            let session_sha256 = digest(&cookie);
            let mut connection = state.connection().await?;
            match sessions::find_live(&mut connection, &session_sha256).await? {
                Some(session) => Ok(Self {
                    caller: session.key.caller(),
                    csrf: session.csrf_token,
                    session_sha256,
                }),
                None => Err(sign_in()),
            }
        })
    }
}

impl Visitor {
    /// Ends this session.
    pub async fn sign_out(&self, state: &AppState) -> Result<(), WebError> {
        let mut connection = state.connection().await?;
        sessions::delete(&mut connection, &self.session_sha256).await?;
        Ok(())
    }
}

/// Starts a session for `caller` and returns the cookie that carries it.
pub async fn start(
    state: &AppState,
    caller: &Caller,
    over_tls: bool,
) -> Result<Cookie<'static>, WebError> {
    let id = random_token()?;
    let csrf = random_token()?;
    let expires_at = chrono::Utc::now()
        + chrono::Duration::from_std(LIFETIME).expect("the lifetime fits in a chrono Duration");
    let mut connection = state.connection().await?;
    sessions::insert(
        &mut connection,
        &digest(&id),
        caller.key_id,
        &csrf,
        expires_at,
    )
    .await?;
    Ok(Cookie::build(COOKIE, id)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(over_tls)
        .max_age(actix_web::cookie::time::Duration::seconds(
            LIFETIME.as_secs() as i64,
        ))
        .finish())
}

/// The cookie that tells the browser to forget the session.
pub fn ended() -> Cookie<'static> {
    let mut cookie = Cookie::build(COOKIE, "")
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .finish();
    cookie.make_removal();
    cookie
}

fn digest(session_id: &str) -> Vec<u8> {
    Sha256::digest(session_id.as_bytes()).to_vec()
}

/// 256 random bits, URL-safe.
pub fn random_token() -> Result<String, ApiError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|error| ApiError::Internal(error.to_string()))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}
