//! The closed vocabularies of the TIP Report and of interventions.
//!
//! Each is stored as text in PostgreSQL (guarded there by a CHECK constraint) and written as the same
//! snake_case text in JSON, so one string names a value everywhere.

/// Declares an enum whose values are written as fixed strings in JSON, SQL and CSV.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
            diesel::AsExpression, diesel::FromSqlRow,
        )]
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in the order the API lists them.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The value as written in JSON, SQL and CSV.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }

            /// The value in words, for a person to read: `legal_aid` is `legal aid`.
            pub fn in_words(self) -> String {
                self.as_str().replace('_', " ")
            }
        }

        // The schema is written from the same strings as serde's, not derived: utoipa's derive
        // does not see `serde(rename)` through a macro's literal and would publish the variant
        // names (`Tier1`), which the API neither reads nor writes.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($text),+]))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $name {
            /// The refusal of `text` that is none of the codes: which it is not, and the codes.
            pub fn refusal_of(text: &str) -> $crate::domain::Refusal {
                $crate::domain::Refusal::new("invalid-one-of")
                    .with("given", text)
                    .with(
                        "choices",
                        $crate::domain::Argument::Alternatives(
                            Self::ALL.iter().map(|v| v.as_str().to_owned()).collect(),
                        ),
                    )
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                match text {
                    $($text => Ok(Self::$variant),)+
                    _ => Err(format!(
                        "`{text}` is not one of {}",
                        Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
                    )),
                }
            }
        }

        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for $name {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                diesel::serialize::ToSql::<diesel::sql_types::Text, diesel::pg::Pg>::to_sql(
                    self.as_str(),
                    out,
                )
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for $name {
            fn from_sql(value: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
                let text = <String as diesel::deserialize::FromSql<
                    diesel::sql_types::Text,
                    diesel::pg::Pg,
                >>::from_sql(value)?;
                Ok(text.parse()?)
            }
        }
    };
}

text_enum! {
    /// A country's placement on the TIP Report's tier scale.
    Tier {
        /// Fully meets the minimum standards.
        Tier1 => "tier_1",
        /// Does not fully meet them, but makes significant efforts.
        Tier2 => "tier_2",
        /// Tier 2, with an estimated number of victims that is significant or growing.
        Tier2WatchList => "tier_2_watch_list",
        /// Does not fully meet them and is not making significant efforts.
        Tier3 => "tier_3",
        /// Not ranked, for lack of a functioning government or information.
        SpecialCase => "special_case",
    }
}

impl Tier {
    /// The position on the scale, best first; `None` for Special Case, which is off the scale.
    pub fn rank(self) -> Option<u8> {
        match self {
            Self::Tier1 => Some(1),
            Self::Tier2 => Some(2),
            Self::Tier2WatchList => Some(3),
            Self::Tier3 => Some(4),
            Self::SpecialCase => None,
        }
    }
}

text_enum! {
    /// The 3P paradigm (prosecution, protection, prevention) plus partnership.
    Pillar {
        Prosecution => "prosecution",
        Protection => "protection",
        Prevention => "prevention",
        Partnership => "partnership",
    }
}

text_enum! {
    /// What kind of work an intervention is.
    InterventionKind {
        Training => "training",
        LegalAid => "legal_aid",
        VictimServices => "victim_services",
        DataCollection => "data_collection",
        PolicySupport => "policy_support",
        Coordination => "coordination",
        Prevention => "prevention",
        Research => "research",
        Other => "other",
    }
}

text_enum! {
    /// Where an intervention stands.
    InterventionStatus {
        Planned => "planned",
        Active => "active",
        Completed => "completed",
        Cancelled => "cancelled",
    }
}

text_enum! {
    /// How much of a recommendation an intervention answers.
    Contribution {
        Full => "full",
        Partial => "partial",
    }
}

text_enum! {
    /// How far a recommendation has been answered (the rule is in the `recommendation_statuses` SQL
    /// function).
    RecommendationStatus {
        Addressed => "addressed",
        PartiallyAddressed => "partially_addressed",
        Planned => "planned",
        Unaddressed => "unaddressed",
    }
}

text_enum! {
    /// What an audit event is about.
    ResourceType {
        ApiKey => "api_key",
        Intervention => "intervention",
        Link => "link",
        Organisation => "organisation",
        Recommendation => "recommendation",
        Report => "report",
        /// A read-only link to a country's report.
        ShareLink => "share_link",
        Tier => "tier",
        /// A whole tier history imported at once.
        TierHistory => "tier_history",
        /// A person's account.
        User => "user",
        /// An invitation, a password reset or the first admin's link.
        AccountLink => "account_link",
    }
}

text_enum! {
    /// The State Department's regional bureaus, as the TIP Report groups countries.
    Region {
        /// Africa.
        Af => "AF",
        /// East Asia and the Pacific.
        Eap => "EAP",
        /// Europe and Eurasia.
        Eur => "EUR",
        /// Near East.
        Nea => "NEA",
        /// South and Central Asia.
        Sca => "SCA",
        /// Western Hemisphere.
        Wha => "WHA",
    }
}

text_enum! {
    /// What an API key may do.
    Role {
        /// Everything, including report data, organisations and keys.
        Admin => "admin",
        /// Creates and changes its own organisation's interventions and links; reads everything.
        Editor => "editor",
        /// Reads everything, writes nothing.
        Viewer => "viewer",
    }
}

impl Role {
    /// The less powerful of two roles: a person's key never has more rights than they do.
    pub fn at_most(self, ceiling: Role) -> Role {
        // Declared most powerful first, so the greater value is the weaker role.
        self.max(ceiling)
    }

    /// Whether `self` has every right of `other`.
    pub fn covers(self, other: Role) -> bool {
        self <= other
    }

    /// Whether a key of this role must name its organisation: an editor changes only its own
    /// organisation's work.
    pub fn needs_organisation(self) -> bool {
        self == Self::Editor
    }
}

text_enum! {
    /// What a write did, as the audit trail records it.
    AuditAction {
        Create => "create",
        Update => "update",
        Delete => "delete",
        Link => "link",
        Unlink => "unlink",
        Import => "import",
        Revoke => "revoke",
    }
}

text_enum! {
    /// What kind of organisation it is, by IATI's OrganisationType codes, which its IATI
    /// activity files report it as.
    IatiOrganisationType {
        /// Government.
        Government => "10",
        /// Local government.
        LocalGovernment => "11",
        /// Other public sector.
        OtherPublicSector => "15",
        /// International NGO.
        InternationalNgo => "21",
        /// National NGO.
        NationalNgo => "22",
        /// Regional NGO.
        RegionalNgo => "23",
        /// Partner-country-based NGO.
        PartnerCountryNgo => "24",
        /// Public-private partnership.
        PublicPrivatePartnership => "30",
        /// Multilateral.
        Multilateral => "40",
        /// Foundation.
        Foundation => "60",
        /// Private sector.
        PrivateSector => "70",
        /// Private sector in the provider country.
        PrivateSectorProviderCountry => "71",
        /// Private sector in the aid-recipient country.
        PrivateSectorRecipientCountry => "72",
        /// Private sector in a third country.
        PrivateSectorThirdCountry => "73",
        /// Academic, training and research.
        Academic => "80",
        /// Other.
        Other => "90",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_parses_back_from_its_text() {
        for tier in Tier::ALL {
            assert_eq!(tier.as_str().parse::<Tier>(), Ok(*tier));
        }
        for kind in InterventionKind::ALL {
            assert_eq!(kind.as_str().parse::<InterventionKind>(), Ok(*kind));
        }
    }

    #[test]
    fn an_unknown_value_is_rejected_with_the_allowed_ones() {
        let error = "tier_4".parse::<Tier>().unwrap_err();
        assert!(error.contains("tier_2_watch_list"), "{error}");
    }

    #[test]
    fn json_uses_the_same_text_as_sql() {
        assert_eq!(
            serde_json::to_string(&Tier::Tier2WatchList).unwrap(),
            "\"tier_2_watch_list\""
        );
        assert_eq!(serde_json::to_string(&Region::Eap).unwrap(), "\"EAP\"");
    }
}

text_enum! {
    /// Where a person's account stands.
    UserState {
        /// Invited: a link is out, no password chosen yet.
        Invited => "invited",
        Active => "active",
        /// Disabled by an admin: no session or key of theirs works; their history stays.
        Disabled => "disabled",
    }
}

text_enum! {
    /// The languages the pages speak.
    Language {
        English => "en",
        French => "fr",
    }
}

text_enum! {
    /// What a one-time account link is for.
    AccountLinkPurpose {
        /// Opening it lets an invited person choose their password.
        Invitation => "invitation",
        /// Issued by an admin for a forgotten password.
        PasswordReset => "password_reset",
        /// Printed at the first start: it creates the first admin account.
        FirstAdmin => "first_admin",
    }
}

text_enum! {
    /// What a person's session still waits for before it opens any page.
    SessionPending {
        /// The code of the second factor, after a right password.
        SecondFactor => "second_factor",
        /// Setting up a second factor, which the person's role requires.
        Enrolment => "enrolment",
    }
}
