//! Reading an import from JSON: `{"tiers": [...], "recommendations": [...]}`.

use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::rows::{ImportRows, Location, RawRecommendation, RawTier};

/// The JSON form of an import. Either list may be left out.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"tiers": [{"country": "SLE", "tier": "tier_2"}], "recommendations": [{"country": "SLE", "position": 1, "pillar": "prosecution", "text": "Increase efforts to investigate, prosecute, and convict traffickers."}]}))]
pub struct JsonImport {
    #[serde(default)]
    pub tiers: Vec<JsonTier>,
    #[serde(default)]
    pub recommendations: Vec<JsonRecommendation>,
}

/// A tier placement to import.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonTier {
    /// An ISO code (alpha-3 or alpha-2) or a country name as people write it.
    pub country: String,
    /// Required in a tier history; in a single-year import, must match that year if given.
    pub year: Option<i32>,
    /// `tier_2`, `Tier 2 Watch List`, or research coding 1 to 4; `null` or `NA` skips the row.
    #[schema(value_type = Option<String>, example = "Tier 2 Watch List")]
    pub tier: Option<TierValue>,
    #[serde(default)]
    pub waiver: bool,
    pub note: Option<String>,
}

/// A tier as text or as research coding.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum TierValue {
    Text(String),
    Number(i64),
}

/// A recommendation to import.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonRecommendation {
    pub country: String,
    pub year: Option<i32>,
    pub position: i64,
    pub pillar: String,
    pub text: String,
    #[serde(default)]
    pub prioritized: bool,
    pub source_url: Option<String>,
    pub continues: Option<Uuid>,
    /// The recommendation's text in French, shown on French pages as a translation.
    pub text_fr: Option<String>,
    /// Where the French text comes from.
    pub text_fr_source_url: Option<String>,
}

impl From<JsonImport> for ImportRows {
    fn from(import: JsonImport) -> Self {
        let tiers = import
            .tiers
            .into_iter()
            .enumerate()
            .map(|(index, tier)| RawTier {
                at: Location::Item {
                    list: "tiers",
                    index,
                },
                country: Some(tier.country),
                country_name: None,
                year: tier.year.map(|year| year.to_string()),
                tier: tier.tier.map(|value| match value {
                    TierValue::Text(text) => text,
                    TierValue::Number(number) => number.to_string(),
                }),
                waiver: Some(tier.waiver.to_string()),
                note: tier.note,
            })
            .collect();
        let recommendations = import
            .recommendations
            .into_iter()
            .enumerate()
            .map(|(index, recommendation)| RawRecommendation {
                at: Location::Item {
                    list: "recommendations",
                    index,
                },
                country: Some(recommendation.country),
                country_name: None,
                year: recommendation.year.map(|year| year.to_string()),
                position: Some(recommendation.position.to_string()),
                pillar: Some(recommendation.pillar),
                text: Some(recommendation.text),
                prioritized: Some(recommendation.prioritized.to_string()),
                source_url: recommendation.source_url,
                continues: recommendation.continues.map(|id| id.to_string()),
                text_fr: recommendation.text_fr,
                text_fr_source_url: recommendation.text_fr_source_url,
            })
            .collect();
        Self {
            tiers,
            recommendations,
            ignored_columns: Vec::new(),
        }
    }
}
