//! The domain's closed vocabularies as people read them (a tier, a pillar, a status, a role), in
//! the catalogue under `<kind>-<code>` (`tier-tier_2_watch_list = Tier 2 Watch List`). JSON,
//! SQL and the API's CSV keep the codes; these are for people only.

use std::collections::HashMap;
use std::sync::{LazyLock, RwLock};

use super::Locale;
use crate::domain::{
    Contribution, InterventionKind, InterventionStatus, Movement, Pillar, RecommendationStatus,
    Region, Role, Tier,
};

/// A value of a closed vocabulary, worded by the catalogue.
pub trait Worded: Copy {
    /// The catalogue's key prefix for the vocabulary: `tier`.
    const KIND: &'static str;

    /// The value's code, as JSON writes it: `tier_2_watch_list`.
    fn code(self) -> &'static str;

    /// Every value, for the test that the catalogue words each.
    fn all() -> &'static [Self];

    /// The value in `locale`'s words: `Tier 2 Watch List`.
    fn label(self, locale: Locale) -> &'static str {
        locale.word(Self::KIND, self.code())
    }
}

macro_rules! worded {
    ($($type:ty => $kind:literal),+ $(,)?) => {
        $(impl Worded for $type {
            const KIND: &'static str = $kind;
            fn code(self) -> &'static str {
                self.as_str()
            }
            fn all() -> &'static [Self] {
                Self::ALL
            }
        })+

        /// Every key of the vocabularies: `(kind, code)`, for the catalogue tests.
        pub fn every_key() -> Vec<String> {
            let mut keys = Vec::new();
            $(keys.extend(<$type>::all().iter().map(|value| key(<$type>::KIND, value.code())));)+
            keys
        }
    };
}

worded! {
    Tier => "tier",
    Pillar => "pillar",
    Region => "region",
    Movement => "movement",
    RecommendationStatus => "status",
    InterventionStatus => "intervention-status",
    InterventionKind => "kind",
    Contribution => "contribution",
    Role => "role",
}

fn key(kind: &str, code: &str) -> String {
    format!("{kind}-{code}")
}

impl Locale {
    /// A word of a vocabulary (`tier`, `tier_1`), borrowed for as long as the program runs: each
    /// is looked up once per locale and kept, so a spreadsheet of 50,000 rows does not format
    /// the same word 50,000 times. What is kept is bounded by the vocabularies.
    fn word(self, kind: &'static str, code: &'static str) -> &'static str {
        type Kept = HashMap<(Locale, &'static str, &'static str), &'static str>;
        static KEPT: LazyLock<RwLock<Kept>> = LazyLock::new(Default::default);
        if let Some(word) = KEPT
            .read()
            .ok()
            .and_then(|kept| kept.get(&(self, kind, code)).copied())
        {
            return word;
        }
        let word: &'static str = Box::leak(self.text(&key(kind, code)).into_boxed_str());
        match KEPT.write() {
            Ok(mut kept) => kept.entry((self, kind, code)).or_insert(word),
            Err(_) => word,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_its_words() {
        for key in every_key() {
            let text = Locale::ENGLISH.text(&key);
            assert_ne!(text, key, "the catalogue has no {key}");
        }
    }

    #[test]
    fn a_word_reads_as_the_catalogue_says() {
        assert_eq!(
            Tier::Tier2WatchList.label(Locale::ENGLISH),
            "Tier 2 Watch List"
        );
        assert_eq!(
            RecommendationStatus::PartiallyAddressed.label(Locale::PSEUDO),
            "⟦Partly addressed⟧"
        );
    }
}
