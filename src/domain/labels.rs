//! The domain's words as people read them: in the pages, the printable summaries, the
//! spreadsheets and the CSV files made for people. One place, so that a tier or a status reads
//! the same in every document, and so that translations have one list to follow.
//!
//! JSON, SQL and the API's CSV keep the codes (`as_str`); these are for people only.

use super::{
    Contribution, InterventionKind, InterventionStatus, Movement, Pillar, RecommendationStatus,
    Region, Role, Tier,
};

impl Tier {
    /// The tier as the report writes it: `Tier 2 Watch List`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Tier1 => "Tier 1",
            Self::Tier2 => "Tier 2",
            Self::Tier2WatchList => "Tier 2 Watch List",
            Self::Tier3 => "Tier 3",
            Self::SpecialCase => "Special Case",
        }
    }
}

impl Pillar {
    /// The pillar as a heading: `Prosecution`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Prosecution => "Prosecution",
            Self::Protection => "Protection",
            Self::Prevention => "Prevention",
            Self::Partnership => "Partnership",
        }
    }
}

impl Region {
    /// The State Department's name of the regional bureau: `East Asia and Pacific`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Af => "Africa",
            Self::Eap => "East Asia and Pacific",
            Self::Eur => "Europe",
            Self::Nea => "Near East",
            Self::Sca => "South and Central Asia",
            Self::Wha => "Western Hemisphere",
        }
    }
}

impl Movement {
    /// The movement since the previous report, in words: `upgraded`, `first ranking`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Upgraded => "upgraded",
            Self::Downgraded => "downgraded",
            Self::Unchanged => "unchanged",
            Self::New => "first ranking",
        }
    }
}

impl RecommendationStatus {
    /// The status as a badge or a cell says it: `Partly addressed`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Addressed => "Addressed",
            Self::PartiallyAddressed => "Partly addressed",
            Self::Planned => "Planned",
            Self::Unaddressed => "Unaddressed",
        }
    }
}

impl InterventionStatus {
    /// Where an intervention stands: `Active`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Planned => "Planned",
            Self::Active => "Active",
            Self::Completed => "Completed",
            Self::Cancelled => "Cancelled",
        }
    }
}

impl InterventionKind {
    /// The kind of work: `Legal aid`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Training => "Training",
            Self::LegalAid => "Legal aid",
            Self::VictimServices => "Victim services",
            Self::DataCollection => "Data collection",
            Self::PolicySupport => "Policy support",
            Self::Coordination => "Coordination",
            Self::Prevention => "Prevention",
            Self::Research => "Research",
            Self::Other => "Other",
        }
    }
}

impl Contribution {
    /// How much of a recommendation a link answers: `Fully`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Full => "Fully",
            Self::Partial => "Partly",
        }
    }
}

impl Role {
    /// A role in words: `Viewer`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Admin => "Admin",
            Self::Editor => "Editor",
            Self::Viewer => "Viewer",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_as_its_code_in_words() {
        for kind in InterventionKind::ALL {
            assert_eq!(kind.label().to_lowercase(), kind.in_words());
        }
    }
}
