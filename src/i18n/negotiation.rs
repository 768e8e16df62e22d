//! Which language a request is answered in, resolved once: the person's own choice (their
//! account page), else the language cookie, else the first language of the browser's
//! `Accept-Language` that a catalogue speaks, else English.

use super::{Language, Locale};

/// The cookie that keeps a language for people not signed in (or who chose none on their
/// account page).
pub const COOKIE: &str = "gaptrack_language";

/// The cookie's value that asks for the pseudo-locale, where the server allows it.
pub const PSEUDO: &str = "pseudo";

/// The locale to answer in, from what the request says, in order of precedence. A language no
/// catalogue speaks is passed over, so the next choice decides.
pub fn choose(
    preference: Option<Language>,
    cookie: Option<&str>,
    accept_language: Option<&str>,
) -> Locale {
    preference
        .and_then(Locale::speaking)
        .or_else(|| cookie.and_then(|code| code.parse().ok().and_then(Locale::speaking)))
        .or_else(|| accept_language.and_then(from_accept_language))
        .unwrap_or(Locale::ENGLISH)
}

/// The first language of an `Accept-Language` header a catalogue speaks, by the header's
/// weights (`fr-SN, fr;q=0.9, en;q=0.8` is French); a region (`fr-CA`) counts as its language.
pub fn from_accept_language(header: &str) -> Option<Locale> {
    let mut ranges: Vec<(f32, usize, &str)> = header
        .split(',')
        .enumerate()
        .filter_map(|(position, range)| {
            let mut parts = range.split(';');
            let tag = parts.next()?.trim();
            let weight = parts
                .filter_map(|parameter| parameter.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (!tag.is_empty() && weight > 0.0).then_some((weight, position, tag))
        })
        .collect();
    // The highest weight first; among equal weights, the header's order.
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges.into_iter().find_map(|(_, _, tag)| {
        let primary = tag.split(['-', '_']).next().unwrap_or(tag);
        primary
            .to_ascii_lowercase()
            .parse()
            .ok()
            .and_then(Locale::speaking)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A language as the tests expect it chosen: itself once a catalogue speaks it.
    fn spoken(language: Language) -> Option<Locale> {
        Locale::speaking(language)
    }

    #[test]
    fn the_browser_weights_decide_not_the_order() {
        assert_eq!(
            from_accept_language("fr;q=0.5, en;q=0.9"),
            Some(Locale::ENGLISH)
        );
        assert_eq!(from_accept_language("en-GB"), Some(Locale::ENGLISH));
        assert_eq!(
            from_accept_language("en;q=0.5, fr;q=0.9"),
            spoken(Language::French).or(Some(Locale::ENGLISH))
        );
    }

    #[test]
    fn languages_the_catalogues_lack_are_skipped() {
        assert_eq!(
            from_accept_language("wo-SN, en;q=0.7"),
            Some(Locale::ENGLISH)
        );
        assert_eq!(from_accept_language("de, *;q=0.1"), None);
        assert_eq!(from_accept_language("en;q=0, de"), None);
        assert_eq!(from_accept_language(""), None);
    }

    #[test]
    fn the_account_then_the_cookie_then_the_browser() {
        let english_browser = Some("en-US,en;q=0.9");
        assert_eq!(
            choose(Some(Language::English), Some("fr"), Some("fr")),
            spoken(Language::English).unwrap()
        );
        assert_eq!(choose(None, Some("en"), Some("fr")), Locale::ENGLISH);
        assert_eq!(choose(None, Some("xx"), english_browser), Locale::ENGLISH);
        assert_eq!(choose(None, None, None), Locale::ENGLISH);
        if let Some(french) = spoken(Language::French) {
            assert_eq!(choose(Some(Language::French), Some("en"), None), french);
            assert_eq!(choose(None, None, Some("fr-SN")), french);
        }
    }
}
