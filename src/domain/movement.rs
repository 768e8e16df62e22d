//! How a country's tier moved since the previous report.

use super::Tier;

/// A tier placement compared with the same country's placement in the previous report year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    /// A better tier than the year before.
    Upgraded,
    /// A worse tier than the year before.
    Downgraded,
    /// The same tier as the year before.
    Unchanged,
    /// No placement the year before, or a move onto or off the scale (Special Case), which is not a
    /// step up or down.
    New,
}

impl Movement {
    /// Every movement.
    pub const ALL: &'static [Self] =
        &[Self::Upgraded, Self::Downgraded, Self::Unchanged, Self::New];

    /// The movement as written in JSON and CSV, and read by people: `upgraded`, `new`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Upgraded => "upgraded",
            Self::Downgraded => "downgraded",
            Self::Unchanged => "unchanged",
            Self::New => "new",
        }
    }
}

/// A placement's move, when it can be told: not when the country has no placement the year
/// before and that year is known only in part (it may have been ranked there, unseen).
pub fn known_movement(
    previous: Option<Tier>,
    current: Tier,
    year_before_partial: bool,
) -> Option<Movement> {
    if previous.is_none() && year_before_partial {
        None
    } else {
        Some(movement(previous, current))
    }
}

/// Compares a placement with the previous year's, if there was one.
pub fn movement(previous: Option<Tier>, current: Tier) -> Movement {
    let Some(previous) = previous else {
        return Movement::New;
    };
    match (previous.rank(), current.rank()) {
        (Some(before), Some(now)) if now < before => Movement::Upgraded,
        (Some(before), Some(now)) if now > before => Movement::Downgraded,
        _ if previous == current => Movement::Unchanged,
        _ => Movement::New,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaving_the_watch_list_for_tier_2_is_an_upgrade() {
        assert_eq!(
            movement(Some(Tier::Tier2WatchList), Tier::Tier2),
            Movement::Upgraded
        );
    }

    #[test]
    fn falling_to_tier_3_is_a_downgrade() {
        assert_eq!(
            movement(Some(Tier::Tier2), Tier::Tier3),
            Movement::Downgraded
        );
    }

    #[test]
    fn same_tier_is_unchanged_and_first_placement_is_new() {
        assert_eq!(
            movement(Some(Tier::Tier1), Tier::Tier1),
            Movement::Unchanged
        );
        assert_eq!(movement(None, Tier::Tier1), Movement::New);
        assert_eq!(
            movement(Some(Tier::SpecialCase), Tier::SpecialCase),
            Movement::Unchanged
        );
    }

    #[test]
    fn moving_onto_or_off_the_scale_is_new() {
        assert_eq!(
            movement(Some(Tier::SpecialCase), Tier::Tier3),
            Movement::New
        );
        assert_eq!(
            movement(Some(Tier::Tier3), Tier::SpecialCase),
            Movement::New
        );
    }
}
