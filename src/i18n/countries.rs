//! Country names in the reader's language. English pages show the TIP Report's name of each
//! country (the database's `tip_name`); French pages show its French name, from
//! `countries_fr.tsv` (written from ISO 3166-1's French names by
//! `scripts/french_country_names.py`, which also teaches the database to find them).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::{Language, Locale};

/// The French name of each country, by its alpha-3 code.
static FRENCH: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("countries_fr.tsv")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .collect()
});

impl Locale {
    /// The name of the country `code` as this language writes it; `tip_name` (the TIP Report's
    /// name) in English, or where the language has no name for it.
    pub fn country<'a>(self, code: &str, tip_name: &'a str) -> Cow<'a, str> {
        match self.language() {
            Language::French => FRENCH
                .get(code)
                .map_or(Cow::Borrowed(tip_name), |name| Cow::Borrowed(*name)),
            Language::English => Cow::Borrowed(tip_name),
        }
    }
}

/// A name as a list sorts it: without case or accents, so that `Égypte` comes before `Espagne`.
pub fn sorting_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every French name, by code: for the test that the database finds each of them.
pub fn every_french_name() -> Vec<(&'static str, &'static str)> {
    let mut names: Vec<_> = FRENCH.iter().map(|(code, name)| (*code, *name)).collect();
    names.sort_unstable();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_pages_name_countries_in_french() {
        let french = Locale::of(Language::French);
        assert_eq!(french.country("SEN", "Senegal"), "Sénégal");
        assert_eq!(french.country("TCD", "Chad"), "Tchad");
        assert_eq!(french.country("CPV", "Cabo Verde"), "Cabo Verde");
        assert_eq!(Locale::ENGLISH.country("MMR", "Burma"), "Burma");
        assert!(every_french_name().len() > 240);
        let mut names = ["Espagne", "Égypte", "Eswatini"];
        names.sort_by_key(|name| sorting_key(name));
        assert_eq!(names, ["Égypte", "Espagne", "Eswatini"]);
    }
}
