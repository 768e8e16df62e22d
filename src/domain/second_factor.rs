//! The second factor: time-based one-time codes (TOTP, RFC 6238: SHA-1, 6 digits, 30-second
//! steps, as every authenticator app reads them) and one-time recovery codes for a lost phone.
//!
//! A code is accepted in the step before, at and after now (a phone's clock drifts) but only once:
//! the step it matched is stored, and a code of that step or an earlier one is refused, so a code
//! seen over a shoulder cannot be replayed in its window.

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, TOTP};

const STEP_SECONDS: u64 = 30;
const DIGITS: usize = 6;
/// The issuer authenticator apps show beside the account.
const ISSUER: &str = "gaptrack";
/// How many recovery codes a person gets at enrolment.
pub const RECOVERY_CODES: usize = 10;

/// A new TOTP secret: 160 random bits, as RFC 4226 recommends.
pub fn new_secret() -> Vec<u8> {
    let mut secret = vec![0_u8; 20];
    getrandom::fill(&mut secret).expect("the operating system's random source works");
    secret
}

fn totp(secret: &[u8], account: &str) -> TOTP {
    // The account name may not hold a colon (it separates issuer and account in the URL).
    TOTP::new_unchecked(
        Algorithm::SHA1,
        DIGITS,
        1,
        STEP_SECONDS,
        secret.to_vec(),
        Some(ISSUER.to_owned()),
        account.replace(':', " "),
    )
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn setup_address(secret: &[u8], account: &str) -> String {
    totp(secret, account).get_url()
}

/// The secret as the base32 text a person types into an app that cannot scan, in groups of four.
pub fn secret_text(secret: &[u8]) -> String {
    let text = totp(secret, "").get_secret_base32();
    text.as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The time step `code` belongs to, if it is right for `secret` at `now` (Unix seconds) within one
/// step either way and newer than `last_step` (the step of the last code accepted).
pub fn accepted_step(secret: &[u8], code: &str, now: u64, last_step: Option<i64>) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != DIGITS || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let totp = totp(secret, "");
    let current = now / STEP_SECONDS;
    (current.saturating_sub(1)..=current + 1)
        .find(|step| {
            bool::from(
                totp.generate(step * STEP_SECONDS)
                    .as_bytes()
                    .ct_eq(code.as_bytes()),
            )
        })
        .map(|step| step as i64)
        .filter(|step| last_step.is_none_or(|last| *step > last))
}

/// The code for `secret` at `now`: for tests, and for the command line's check of a clock.
pub fn code_at(secret: &[u8], now: u64) -> String {
    totp(secret, "").generate(now)
}

/// Fresh recovery codes, as shown once to the person (`abcd-efgh-ijkl`: 60 random bits each).
pub fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0_u8; 12];
            getrandom::fill(&mut bytes).expect("the operating system's random source works");
            let letters: Vec<char> = bytes
                .iter()
                .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
                .collect();
            letters
                .chunks(4)
                .map(|chunk| chunk.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect()
}

/// The digest a recovery code is stored and looked up by, however it was typed (case, dashes and
/// spaces aside).
pub fn recovery_code_digest(code: &str) -> [u8; 32] {
    let plain: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    Sha256::digest(plain.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_good_within_a_step_either_way_and_only_once() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let code = code_at(&secret, now);
        let step = accepted_step(&secret, &code, now, None).expect("the current code");
        assert_eq!(step as u64, now / 30);
        assert_eq!(accepted_step(&secret, &code, now + 30, None), Some(step));
        assert_eq!(accepted_step(&secret, &code, now + 90, None), None);
        assert_eq!(accepted_step(&secret, &code, now, Some(step)), None);
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert_eq!(accepted_step(&secret, &spaced, now, None), Some(step));
        assert_eq!(accepted_step(&secret, "12345", now, None), None);
    }

    #[test]
    fn the_setup_address_names_gaptrack_and_the_person() {
        let address = setup_address(&new_secret(), "aminata@example.org");
        assert!(
            address.starts_with("otpauth://totp/gaptrack:aminata%40example.org?"),
            "{address}"
        );
        assert!(address.contains("issuer=gaptrack"), "{address}");
    }

    #[test]
    fn recovery_codes_are_distinct_and_read_however_typed() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert_eq!(codes[0].len(), 14);
        assert_ne!(codes[0], codes[1]);
        assert_eq!(
            recovery_code_digest(&codes[0]),
            recovery_code_digest(&codes[0].to_uppercase().replace('-', " "))
        );
    }
}
