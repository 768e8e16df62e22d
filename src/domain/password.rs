//! Passwords: the rule a new one must meet, and how one is kept (Argon2id, never the password).
//!
//! The hash uses the `argon2` crate's defaults, which are OWASP's recommended parameters for
//! Argon2id (19 MiB of memory, 2 passes, 1 lane): slow enough to make a stolen table expensive to
//! guess through, fast enough (tens of milliseconds) that signing in feels instant.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// The shortest password accepted.
pub const MIN_LENGTH: usize = 12;

/// How many wrong passwords for one address, within what window, lock it, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lockout {
    pub failures: i32,
    pub window: std::time::Duration,
    pub lock_for: std::time::Duration,
}

/// Why a new password is refused, in words for the person choosing it; `None` when it is good.
///
/// Beyond its length, a password must resist guessing as zxcvbn estimates it (score 3 of 4: more
/// than 10^8 guesses), counting the person's own name and address as known to an attacker: so
/// `password1234`, `aminata.diop` or a keyboard walk are refused however long they are.
pub fn weakness(password: &str, known_words: &[&str]) -> Option<String> {
    if password.chars().count() < MIN_LENGTH {
        return Some(format!("use at least {MIN_LENGTH} characters"));
    }
    let estimate = zxcvbn::zxcvbn(password, known_words);
    if u8::from(estimate.score()) >= 3 {
        return None;
    }
    let mut why = String::from("this password is too easy to guess");
    if let Some(feedback) = estimate.feedback() {
        let sentence = |text: String| lower_first(text.trim_end_matches('.'));
        if let Some(warning) = feedback.warning() {
            why = format!("{why}: {}", sentence(warning.to_string()));
        }
        if let Some(suggestion) = feedback.suggestions().first() {
            why = format!("{why}; {}", sentence(suggestion.to_string()));
        }
    }
    Some(why + " (a few unrelated words make a good one)")
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The Argon2id hash of `password`, as a PHC string (algorithm, parameters, salt and hash).
pub fn hash(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| format!("hashing a password failed: {error}"))
}

/// Whether `password` is the one `stored` (a PHC string) was made from.
pub fn matches(stored: &str, password: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// Spends the time a real check takes, for an address no account has: the answer then takes as
/// long whether or not the account exists.
pub fn match_nothing(password: &str) {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let decoy = DECOY.get_or_init(|| hash("a decoy nobody signs in with").unwrap_or_default());
    let _ = matches(decoy, password);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_common_and_personal_passwords_are_refused() {
        assert_eq!(
            weakness("Sh0rt!", &[]).as_deref(),
            Some("use at least 12 characters")
        );
        assert!(weakness("password1234", &[]).is_some());
        assert!(weakness("qwertyuiop123", &[]).is_some());
        assert!(weakness("aminata.diop", &["aminata", "diop"]).is_some());
        assert_eq!(weakness("tamarind kettle orbit sandal", &[]), None);
    }

    #[test]
    fn the_refusal_reads_as_one_sentence() {
        let why = weakness("password1234", &[]).unwrap();
        assert!(
            why.starts_with("this password is too easy to guess: "),
            "{why}"
        );
        assert!(!why.contains(".;") && !why.contains(". ("), "{why}");
    }

    #[test]
    fn a_hash_matches_its_password_only() {
        let stored = hash("tamarind kettle orbit sandal").unwrap();
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert!(matches(&stored, "tamarind kettle orbit sandal"));
        assert!(!matches(&stored, "tamarind kettle orbit sandals"));
        assert!(!matches("not a hash", "anything"));
    }
}
