//! Single sign-on through the organisation's OpenID Connect provider (authorization code with
//! PKCE and a nonce), when `OIDC_ISSUER_URL` is set. This file speaks the protocol; who may sign
//! in (a verified address an admin invited) is the accounts use case's rule.

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use serde::{Deserialize, Serialize};

use crate::config::OidcSettings;

/// What the browser keeps between leaving for the provider and coming back (in an `HttpOnly`
/// cookie of the callback's path): the `state` to compare, the nonce the ID token must carry,
/// the PKCE verifier, and where the person was going.
#[derive(Debug, Serialize, Deserialize)]
pub struct Flow {
    pub state: String,
    pub nonce: String,
    pub verifier: String,
    pub return_to: String,
}

/// Who the provider says came back.
#[derive(Debug, Clone)]
pub struct Identity {
    pub email: String,
    /// Whether the provider vouches that the address is theirs (`email_verified`).
    pub email_verified: bool,
}

/// Why the sign-on did not finish, in words for the person (the cause is logged).
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    /// The provider cannot be reached or answered something unusable.
    #[error("{0}")]
    Provider(String),
    /// The answer does not belong to this browser's sign-in (a stale or forged callback).
    #[error("{0}")]
    Mismatch(String),
}

fn http_client() -> Result<openidconnect::reqwest::Client, OidcError> {
    openidconnect::reqwest::ClientBuilder::new()
        // Following redirects would let a provider's answer point gaptrack elsewhere.
        .redirect(openidconnect::reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .map_err(|error| OidcError::Provider(format!("no HTTP client: {error}")))
}

async fn client(
    settings: &OidcSettings,
    http: &openidconnect::reqwest::Client,
    redirect: &str,
) -> Result<
    CoreClient<
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointMaybeSet,
        openidconnect::EndpointMaybeSet,
    >,
    OidcError,
> {
    let issuer = IssuerUrl::new(settings.issuer_url.clone())
        .map_err(|error| OidcError::Provider(format!("OIDC_ISSUER_URL: {error}")))?;
    let metadata = CoreProviderMetadata::discover_async(issuer, http)
        .await
        .map_err(|error| OidcError::Provider(format!("discovery failed: {error}")))?;
    let redirect = RedirectUrl::new(redirect.to_owned())
        .map_err(|error| OidcError::Provider(format!("the callback address: {error}")))?;
    Ok(CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(settings.client_id.clone()),
        settings.client_secret.clone().map(ClientSecret::new),
    )
    .set_redirect_uri(redirect))
}

/// The provider's address to send the browser to, and the flow to keep until it comes back to
/// `redirect`.
pub async fn start(
    settings: &OidcSettings,
    redirect: &str,
    return_to: &str,
) -> Result<(String, Flow), OidcError> {
    let http = http_client()?;
    let client = client(settings, &http, redirect).await?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (address, state, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("email".into()))
        .add_scope(Scope::new("profile".into()))
        .set_pkce_challenge(challenge)
        .url();
    Ok((
        address.to_string(),
        Flow {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            verifier: verifier.secret().clone(),
            return_to: return_to.to_owned(),
        },
    ))
}

/// Finishes the sign-on the provider sent back to `redirect` with `code` and `state`: the
/// state must be this browser's, the code is exchanged with the PKCE verifier, and the ID
/// token's signature, issuer, audience, expiry and nonce are checked.
pub async fn finish(
    settings: &OidcSettings,
    redirect: &str,
    flow: &Flow,
    state: &str,
    code: &str,
) -> Result<Identity, OidcError> {
    use subtle::ConstantTimeEq;
    if !bool::from(flow.state.as_bytes().ct_eq(state.as_bytes())) {
        return Err(OidcError::Mismatch(
            "this answer of the identity provider is not for this browser's sign-in".into(),
        ));
    }
    let http = http_client()?;
    let client = client(settings, &http, redirect).await?;
    let tokens = client
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .map_err(|error| OidcError::Provider(format!("no token endpoint: {error}")))?
        .set_pkce_verifier(PkceCodeVerifier::new(flow.verifier.clone()))
        .request_async(&http)
        .await
        .map_err(|error| OidcError::Provider(format!("the code exchange failed: {error}")))?;
    let id_token = tokens
        .id_token()
        .ok_or_else(|| OidcError::Provider("the provider sent no ID token".into()))?;
    let claims = id_token
        .claims(&client.id_token_verifier(), &Nonce::new(flow.nonce.clone()))
        .map_err(|error| OidcError::Mismatch(format!("the ID token is not valid: {error}")))?;
    let email = claims
        .email()
        .map(|email| email.as_str().to_owned())
        .ok_or_else(|| OidcError::Provider("the provider sent no e-mail address".into()))?;
    Ok(Identity {
        email,
        email_verified: claims.email_verified() == Some(true),
    })
}
