//! Passwords: the rule a new one must meet, and how one is kept (Argon2id, never the password).
//!
//! The hash uses the `argon2` crate's defaults, which are OWASP's recommended parameters for
//! Argon2id (19 MiB of memory, 2 passes, 1 lane): slow enough to make a stolen table expensive to
//! guess through, fast enough (tens of milliseconds) that signing in feels instant.

use argon2::Argon2;
use zxcvbn::feedback::{Suggestion, Warning};

use super::Refusal;
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
pub fn weakness(password: &str, known_words: &[&str]) -> Option<Refusal> {
    if password.chars().count() < MIN_LENGTH {
        return Some(Refusal::new("invalid-password-short").with("least", MIN_LENGTH as i64));
    }
    let estimate = zxcvbn::zxcvbn(password, known_words);
    if u8::from(estimate.score()) >= 3 {
        return None;
    }
    let feedback = estimate.feedback();
    let warning = feedback
        .and_then(|f| f.warning())
        .map_or("none", warning_code);
    let suggestion = feedback
        .and_then(|f| f.suggestions().first().copied())
        .map_or("none", suggestion_code);
    Some(
        Refusal::new("invalid-password-guessable")
            .with("warning", warning)
            .with("suggestion", suggestion),
    )
}

/// zxcvbn's warning, as the catalogue's message selects its words.
fn warning_code(warning: Warning) -> &'static str {
    match warning {
        Warning::StraightRowsOfKeysAreEasyToGuess => "rows-of-keys",
        Warning::ShortKeyboardPatternsAreEasyToGuess => "keyboard-pattern",
        Warning::RepeatsLikeAaaAreEasyToGuess => "repeats",
        Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => "repeated-groups",
        Warning::ThisIsATop10Password | Warning::ThisIsATop100Password => "top-password",
        Warning::ThisIsACommonPassword => "common-password",
        Warning::ThisIsSimilarToACommonlyUsedPassword => "like-common-password",
        Warning::SequencesLikeAbcAreEasyToGuess => "sequences",
        Warning::RecentYearsAreEasyToGuess => "recent-years",
        Warning::AWordByItselfIsEasyToGuess => "one-word",
        Warning::DatesAreOftenEasyToGuess => "dates",
        Warning::NamesAndSurnamesByThemselvesAreEasyToGuess => "names",
        Warning::CommonNamesAndSurnamesAreEasyToGuess => "common-names",
    }
}

/// zxcvbn's first suggestion, as the catalogue's message selects its words.
fn suggestion_code(suggestion: Suggestion) -> &'static str {
    match suggestion {
        Suggestion::UseAFewWordsAvoidCommonPhrases => "few-words",
        Suggestion::NoNeedForSymbolsDigitsOrUppercaseLetters => "no-symbols-needed",
        Suggestion::AddAnotherWordOrTwo => "another-word",
        Suggestion::CapitalizationDoesntHelpVeryMuch => "capitals",
        Suggestion::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => "all-capitals",
        Suggestion::ReversedWordsArentMuchHarderToGuess => "reversed",
        Suggestion::PredictableSubstitutionsDontHelpVeryMuch => "substitutions",
        Suggestion::UseALongerKeyboardPatternWithMoreTurns => "longer-pattern",
        Suggestion::AvoidRepeatedWordsAndCharacters => "avoid-repeats",
        Suggestion::AvoidSequences => "avoid-sequences",
        Suggestion::AvoidRecentYears => "avoid-recent-years",
        Suggestion::AvoidYearsThatAreAssociatedWithYou => "avoid-your-years",
        Suggestion::AvoidDatesAndYearsThatAreAssociatedWithYou => "avoid-your-dates",
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
            weakness("Sh0rt!", &[]),
            Some(Refusal::new("invalid-password-short").with("least", 12))
        );
        assert!(weakness("password1234", &[]).is_some());
        assert!(weakness("qwertyuiop123", &[]).is_some());
        assert!(weakness("aminata.diop", &["aminata", "diop"]).is_some());
        assert_eq!(weakness("tamarind kettle orbit sandal", &[]), None);
    }

    #[test]
    fn a_guessable_password_is_told_why() {
        let why = weakness("password1234", &[]).unwrap();
        assert_eq!(why.code(), "invalid-password-guessable");
        assert!(
            why.arguments()
                .iter()
                .any(|(name, value)| *name == "warning"
                    && *value != super::super::Argument::Text("none".into())),
            "{why}"
        );
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
