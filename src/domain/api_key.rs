//! API keys: how they are made, written and checked.
//!
//! A key reads `gt_<key id>_<secret>`: the id (32 hex digits) finds the stored key in one indexed
//! look-up, and the secret (256 random bits, base64url) is checked against its stored SHA-256 in
//! constant time. The secret itself is shown once, when the key is made, and never stored.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use uuid::Uuid;

const PREFIX: &str = "gt_";

/// A freshly made key: the text to hand over once, and what to store.
pub struct NewApiKey {
    pub id: Uuid,
    /// The whole key, to show once.
    pub token: String,
    pub secret_sha256: [u8; 32],
}

impl NewApiKey {
    /// Makes a key from the operating system's random source.
    pub fn generate() -> Self {
        let mut secret = [0_u8; 32];
        getrandom::fill(&mut secret).expect("the operating system's random source works");
        let secret = URL_SAFE_NO_PAD.encode(secret);
        let id = Uuid::now_v7();
        Self {
            token: format!("{PREFIX}{}_{secret}", id.simple()),
            secret_sha256: sha256(&secret),
            id,
        }
    }
}

/// A key as presented by a client, split into its id and secret; `None` when it is not shaped
/// like one of ours.
pub fn parse_token(token: &str) -> Option<(Uuid, &str)> {
    let rest = token.strip_prefix(PREFIX)?;
    let (id, secret) = rest.split_once('_')?;
    if id.len() != 32 || secret.is_empty() {
        return None;
    }
    Some((Uuid::parse_str(id).ok()?, secret))
}

/// Whether `secret` is the one whose hash was stored, in time independent of where they differ.
pub fn secret_matches(stored_sha256: &[u8], secret: &str) -> bool {
    stored_sha256.ct_eq(&sha256(secret)).into()
}

fn sha256(secret: &str) -> [u8; 32] {
    Sha256::digest(secret.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_key_parses_back_and_matches_its_hash() {
        let key = NewApiKey::generate();
        let (id, secret) = parse_token(&key.token).unwrap();
        assert_eq!(id, key.id);
        assert!(secret_matches(&key.secret_sha256, secret));
        assert!(!secret_matches(&key.secret_sha256, "guess"));
    }

    #[test]
    fn two_keys_never_share_a_secret() {
        assert_ne!(NewApiKey::generate().token, NewApiKey::generate().token);
    }

    #[test]
    fn malformed_keys_do_not_parse() {
        assert!(parse_token("").is_none());
        assert!(parse_token("gt_").is_none());
        assert!(parse_token("gt_123_abc").is_none());
        assert!(parse_token(&format!("xx_{}_abc", Uuid::nil().simple())).is_none());
        assert!(parse_token(&format!("gt_{}_", Uuid::nil().simple())).is_none());
    }
}
