//! Tiers as the report, research data and people write them.

use super::{Refusal, Tier};

/// Reads a tier written as the API does (`tier_2_watch_list`), as the report does
/// (`Tier 2 Watch List`, `Tier 2 Watchlist`, `Special Case`), or in the numeric coding of research
/// data (1, 2, 3 = Watch List, 4 = Tier 3). Blank and `NA` mean "not ranked": `Ok(None)`.
pub fn parse_tier_label(text: &str) -> Result<Option<Tier>, Refusal> {
    let normalised: String = text
        .trim()
        .to_ascii_lowercase()
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let tier = match normalised.as_str() {
        "" | "na" | "n/a" => return Ok(None),
        "1" | "tier 1" => Tier::Tier1,
        "2" | "tier 2" => Tier::Tier2,
        "3" | "tier 2 watch list" | "tier 2 watchlist" | "tier 2 wl" => Tier::Tier2WatchList,
        "4" | "tier 3" => Tier::Tier3,
        "special case" => Tier::SpecialCase,
        _ => {
            return Err(Refusal::new("invalid-tier").with("given", text.trim()));
        }
    };
    Ok(Some(tier))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_the_watch_list_is_understood() {
        for text in [
            "tier_2_watch_list",
            "Tier 2 Watch List",
            "Tier 2 Watchlist",
            "TIER 2 WATCHLIST",
            "3",
        ] {
            assert_eq!(
                parse_tier_label(text),
                Ok(Some(Tier::Tier2WatchList)),
                "{text}"
            );
        }
    }

    #[test]
    fn research_coding_puts_tier_3_at_4() {
        assert_eq!(parse_tier_label("4"), Ok(Some(Tier::Tier3)));
        assert_eq!(parse_tier_label("1"), Ok(Some(Tier::Tier1)));
        assert_eq!(
            parse_tier_label("Special Case"),
            Ok(Some(Tier::SpecialCase))
        );
    }

    #[test]
    fn not_ranked_is_not_an_error_but_nonsense_is() {
        assert_eq!(parse_tier_label("NA"), Ok(None));
        assert_eq!(parse_tier_label(" "), Ok(None));
        assert!(parse_tier_label("5").is_err());
        assert!(parse_tier_label("Tier 4").is_err());
    }
}
