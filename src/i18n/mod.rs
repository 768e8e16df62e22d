//! The words people read, in their language: the Project Fluent catalogues under
//! `src/i18n/locales/<language>/`, compiled into the binary, and the choice of a language for
//! each request.
//!
//! Nothing here is global: every page, document and message is given its [`Locale`] by the
//! request (or the command) it answers, so two requests in two languages at once each read their
//! own. Codes, JSON field values and problem `code`s never change with the language; only what a
//! person reads does.
//!
//! A catalogue is a set of messages by key (`nav-overview = Overview`). Adding a language is
//! adding its folder of `.ftl` files: [`Locale::speaking`] offers a language only once it has a
//! catalogue. `tests/api/catalogue.rs` keeps every key the code uses in every catalogue, and
//! every key of a catalogue used; the pseudo-locale ([`Locale::PSEUDO`]) lets a test find text
//! on a page that does not come from a catalogue.

pub mod countries;
mod labels;
pub mod negotiation;
mod refusals;
pub mod written;

pub use labels::{Worded, every_key as every_vocabulary_key};

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};

pub use crate::domain::Language;

fluent_templates::static_loader! {
    static CATALOGUES = {
        locales: "./src/i18n/locales",
        fallback_language: "en",
        // Fluent wraps each value it inserts in Unicode isolation marks, for right-to-left
        // scripts; in HTML they are invisible noise that breaks copying and searching a page.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static ENGLISH: LanguageIdentifier = langid!("en");
static FRENCH: LanguageIdentifier = langid!("fr");

/// A value put in a message's placeholder: `("count", 3.into())`.
pub type Argument<'a> = (&'static str, FluentValue<'a>);

/// The pseudo-locale's marks around each message.
pub const PSEUDO_OPEN: char = '⟦';
/// See [`PSEUDO_OPEN`].
pub const PSEUDO_CLOSE: char = '⟧';

/// The language a request is answered in. A [`Language`] the catalogues do not speak yet reads
/// as English (and says `lang="en"`), so a page never claims a language it is not written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Locale {
    language: Language,
    /// Each message wrapped in ⟦…⟧ (English inside): for tests and reviewers to see at a glance
    /// what on a page is not from a catalogue.
    pseudo: bool,
}

impl Default for Locale {
    fn default() -> Self {
        Self::ENGLISH
    }
}

impl Locale {
    /// English, which every catalogue falls back to.
    pub const ENGLISH: Self = Self {
        language: Language::English,
        pseudo: false,
    };

    /// English with every message wrapped in ⟦…⟧.
    pub const PSEUDO: Self = Self {
        language: Language::English,
        pseudo: true,
    };

    /// The locale of `language`, if a catalogue speaks it.
    pub fn speaking(language: Language) -> Option<Self> {
        let spoken = CATALOGUES
            .locales()
            .any(|locale| locale == identifier(language));
        spoken.then_some(Self {
            language,
            pseudo: false,
        })
    }

    /// The locale of `language`, or English when no catalogue speaks it yet.
    pub fn of(language: Language) -> Self {
        Self::speaking(language).unwrap_or(Self::ENGLISH)
    }

    /// The language the words are in.
    pub fn language(self) -> Language {
        self.language
    }

    /// Whether this is the pseudo-locale.
    pub fn is_pseudo(self) -> bool {
        self.pseudo
    }

    /// The BCP 47 tag of the words, as `<html lang>` says it.
    pub fn tag(self) -> &'static str {
        self.language.as_str()
    }

    /// The message `key`.
    pub fn text(self, key: &str) -> String {
        self.text_with(key, &[])
    }

    /// The message `key`, with `arguments` in its placeholders. Plurals and the like are the
    /// catalogue's business (`{ $count -> [one] … *[other] … }`): pass the number.
    ///
    /// A key missing from the catalogue reads as the key itself (and is logged), so a page still
    /// shows; the catalogue test keeps that from reaching `main`, and the pseudo-locale leaves
    /// it unwrapped, so that its tests see it as text outside the catalogue.
    pub fn text_with(self, key: &str, arguments: &[Argument<'_>]) -> String {
        let arguments: HashMap<Cow<'static, str>, FluentValue<'_>> = arguments
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
            .collect();
        let arguments = (!arguments.is_empty()).then_some(&arguments);
        match CATALOGUES.try_lookup_complete(identifier(self.language), key, arguments) {
            Some(text) if self.pseudo => format!("{PSEUDO_OPEN}{text}{PSEUDO_CLOSE}"),
            Some(text) => text,
            None => {
                log::error!("the catalogue has no message {key:?} in {}", self.tag());
                key.to_owned()
            }
        }
    }
}

impl Language {
    /// The language's name in itself, as a choice of language offers it: `Français`. Not
    /// translated: a reader looks for their own language by its own name.
    pub fn own_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::French => "Français",
        }
    }
}

fn identifier(language: Language) -> &'static LanguageIdentifier {
    match language {
        Language::English => &ENGLISH,
        Language::French => &FRENCH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_reads_its_catalogue() {
        assert_eq!(Locale::ENGLISH.text("nav-overview"), "Overview");
    }

    #[test]
    fn arguments_fill_placeholders_without_isolation_marks() {
        let signed_in = Locale::ENGLISH.text_with(
            "signed-in-as",
            &[("name", "Awa".into()), ("role", "editor".into())],
        );
        assert_eq!(signed_in, "Awa (editor)");
    }

    #[test]
    fn the_pseudo_locale_wraps_each_message_but_a_missing_one() {
        assert_eq!(Locale::PSEUDO.text("nav-overview"), "⟦Overview⟧");
        assert_eq!(Locale::PSEUDO.text("absent-message"), "absent-message");
    }

    #[test]
    fn french_is_spoken_with_its_own_dates() {
        let french = Locale::speaking(Language::French).expect("a French catalogue");
        assert_eq!(french.tag(), "fr");
        assert_eq!(french.text("nav-overview"), "Vue d'ensemble");
        let first = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        assert_eq!(written::date(french, first), "1er mars 2024");
        let last = chrono::NaiveDate::from_ymd_opt(2024, 3, 31).unwrap();
        assert_eq!(written::date(french, last), "31 mars 2024");
    }

    /// Every message of every catalogue parses and is found: a message Fluent cannot read
    /// would read as its key on a page.
    #[test]
    fn every_message_of_every_catalogue_is_read() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n/locales");
        for (language, locale) in [
            ("en", Locale::ENGLISH),
            ("fr", Locale::of(Language::French)),
        ] {
            for file in std::fs::read_dir(folder.join(language)).unwrap() {
                let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
                for line in text.lines() {
                    let Some((key, _)) = line.split_once(" =") else {
                        continue;
                    };
                    if key.starts_with(|c: char| c.is_ascii_lowercase()) && !key.contains(' ') {
                        // Without its arguments a message reads with errors, but it is found.
                        let found = CATALOGUES.lookup_single_language::<&str>(
                            identifier(locale.language),
                            key,
                            None,
                        );
                        let missing = format!("{found:?}").contains("MessageRetrieval");
                        assert!(!missing, "{language}: {key}: {found:?}");
                    }
                }
            }
        }
    }
}
