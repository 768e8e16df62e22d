//! A secret token of a link (a read-only share link, an invitation, a password reset): 256
//! random bits in the link's address, of which only the SHA-256 is stored, so that a copy of
//! the database opens no link.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// A freshly made token: the text for the link, shown once, and its digest, stored.
pub struct NewSecretToken {
    pub token: String,
    pub sha256: [u8; 32],
}

impl NewSecretToken {
    /// Makes a token from the operating system's random source.
    pub fn generate() -> Self {
        let mut secret = [0_u8; 32];
        getrandom::fill(&mut secret).expect("the operating system's random source works");
        let token = URL_SAFE_NO_PAD.encode(secret);
        Self {
            sha256: secret_token_digest(&token),
            token,
        }
    }
}

/// The digest a link's token is stored and looked up by.
pub fn secret_token_digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_tokens_differ_and_each_digest_is_its_own() {
        let (one, two) = (NewSecretToken::generate(), NewSecretToken::generate());
        assert_ne!(one.token, two.token);
        assert_eq!(one.token.len(), 43);
        assert_eq!(secret_token_digest(&one.token), one.sha256);
    }
}
