//! Sessions: a person signs in once (as themselves, or with an API key) and the browser then
//! carries a random session id in a cookie (`HttpOnly`, `SameSite=Strict`, `Secure` over TLS).
//! PostgreSQL keeps only the id's digest, so every instance behind a load balancer knows every
//! session, and a session lives no longer than its holder: disabling the person or revoking the
//! key ends it at once.
//!
//! A person's session opens no page until its second factor is given (or, for a role that
//! requires one, set up): [`Visitor`] sends such a session to that page, which takes a
//! [`PendingVisitor`].

use std::time::Duration;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use futures_util::future::LocalBoxFuture;
use sha2::{Digest, Sha256};

use super::error::WebError;
use super::locale;
use crate::domain::{Caller, SessionPending};
use crate::http::AppState;
use crate::http::error::ApiError;
use crate::i18n::Locale;
use crate::usecases::sessions::{self, NewHolder, NewSession};

/// The session cookie's name.
pub const COOKIE: &str = "gaptrack_session";
/// How long a session lasts after signing in.
pub const LIFETIME: Duration = Duration::from_secs(12 * 60 * 60);

/// The signed-in person (or key), and their session's CSRF token for the forms of the page.
#[derive(Debug, Clone)]
pub struct Visitor {
    pub caller: Caller,
    pub csrf: String,
    /// The language of the pages this visitor reads, resolved once for the request.
    pub locale: Locale,
    /// Whether the person chose a language on their account page (which comes first).
    pub language_chosen: bool,
    session_sha256: Vec<u8>,
}

/// A session that may still wait for its second factor: the visitor, and what it waits for.
#[derive(Debug, Clone)]
pub struct PendingVisitor {
    pub visitor: Visitor,
    pub pending: Option<SessionPending>,
}

/// Where a session that waits for `pending` must go first.
pub fn page_for(pending: SessionPending) -> &'static str {
    match pending {
        SessionPending::SecondFactor => "/signin/second-factor",
        SessionPending::Enrolment => "/account/second-factor",
    }
}

impl FromRequest for Visitor {
    type Error = WebError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        // A guard in front of the handler (the admin pages') may have read the session already.
        if let Some(visitor) = request.extensions().get::<Visitor>().cloned() {
            return Box::pin(async move { Ok(visitor) });
        }
        let pending = PendingVisitor::from_request(request, payload);
        let request = request.clone();
        Box::pin(async move {
            let PendingVisitor { visitor, pending } = pending.await?;
            match pending {
                None => {
                    // For the error page, should the handler fail: it keeps the person's top bar.
                    request.extensions_mut().insert(visitor.clone());
                    Ok(visitor)
                }
                Some(pending) => Err(WebError::Elsewhere(page_for(pending).to_owned())),
            }
        })
    }
}

impl FromRequest for PendingVisitor {
    type Error = WebError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let cookie = request.cookie(COOKIE).map(|c| c.value().to_owned());
        let state = request.app_data::<web::Data<AppState>>().cloned();
        let request = request.clone();
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
            let Some(session) = sessions::find(state.as_ref(), &session_sha256).await? else {
                return Err(sign_in());
            };
            let locale = locale::choose(&request, session.language);
            // For the error page, should the handler fail: it speaks the person's language.
            request.extensions_mut().insert(locale);
            Ok(Self {
                visitor: Visitor {
                    caller: session.caller,
                    csrf: session.csrf_token,
                    locale,
                    language_chosen: session.language.and_then(Locale::speaking).is_some(),
                    session_sha256,
                },
                pending: session.pending,
            })
        })
    }
}

impl Visitor {
    /// How the pages offer this visitor their other languages.
    pub fn languages(&self) -> super::shell::Languages {
        if self.language_chosen {
            super::shell::Languages::OnAccountPage
        } else {
            super::shell::Languages::Switcher
        }
    }

    /// Ends this session.
    pub async fn sign_out(&self, state: &AppState) -> Result<(), WebError> {
        Ok(sessions::end(state, &self.session_sha256).await?)
    }

    /// The digest this session is stored by: to keep it when a password change ends the others.
    pub fn session_digest(&self) -> &[u8] {
        &self.session_sha256
    }

    /// Marks this session as no longer waiting (its second factor was given or set up).
    pub async fn complete(&self, state: &AppState) -> Result<(), WebError> {
        Ok(sessions::complete(state, &self.session_sha256).await?)
    }
}

/// A session's digest, as the person's list of sessions names it (hex), to end one of them.
pub fn handle_of(digest: &[u8]) -> String {
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The digest a handle from [`handle_of`] names, if it is one.
pub fn digest_of_handle(handle: &str) -> Option<Vec<u8>> {
    if handle.len() != 64 {
        return None;
    }
    (0..handle.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(handle.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Starts a session for `holder` and returns the cookie that carries it. `user_agent` is kept
/// (shortened) so the person can tell their sessions apart.
pub async fn start(
    state: &AppState,
    holder: NewHolder,
    request: &HttpRequest,
    pending: Option<SessionPending>,
) -> Result<Cookie<'static>, WebError> {
    let over_tls = crate::http::origin::over_tls(request);
    let user_agent = request
        .headers()
        .get(actix_web::http::header::USER_AGENT)
        .and_then(|value| value.to_str().ok())
        .map(|agent| agent.chars().take(200).collect::<String>());
    let id = random_token()?;
    let csrf = random_token()?;
    let expires_at = state.clock.now()
        + chrono::Duration::from_std(LIFETIME).expect("the lifetime fits in a chrono Duration");
    let new = NewSession {
        id_sha256: &digest(&id),
        holder,
        csrf_token: &csrf,
        expires_at,
        user_agent: user_agent.as_deref(),
        pending,
    };
    sessions::start(state, &new).await?;
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
