//! Narratives as import rows: each country's tier (with its waiver) and its recommendations in
//! order, with the pillar their words suggest, and the source the admin gave. The rows are then
//! checked like any file's, and shown for review before anything is written.

use super::super::rows::{ImportRows, Location, RawRecommendation, RawTier};
use super::{Narratives, Unread};
use crate::domain::{Refusal, propose_pillar};

/// The rows of `read`'s narratives, every recommendation citing `source_url`; a French
/// narrative's recommendations are French texts, which need the report's English ones first, so
/// each is said rather than read.
pub fn rows(read: &Narratives, source_url: Option<&str>) -> (ImportRows, Vec<Unread>) {
    let mut rows = ImportRows::default();
    let mut unread = read.unread.clone();
    for narrative in &read.narratives {
        if narrative.french {
            unread.push(Unread {
                line: narrative.line,
                problem: Refusal::new("invalid-narrative-french-alone")
                    .with("country", narrative.country.clone()),
            });
            continue;
        }
        rows.tiers.push(RawTier {
            at: Location::Line(narrative.line),
            country: None,
            country_name: Some(narrative.country.clone()),
            year: None,
            tier: Some(narrative.tier.clone()),
            waiver: Some(narrative.waiver.to_string()),
            note: None,
        });
        for (index, item) in narrative.recommendations.iter().enumerate() {
            rows.recommendations.push(RawRecommendation {
                at: Location::Line(item.line),
                country: None,
                country_name: Some(narrative.country.clone()),
                year: None,
                position: Some((index + 1).to_string()),
                pillar: Some(propose_pillar(&item.text).as_str().to_owned()),
                text: Some(item.text.clone()),
                prioritized: Some(narrative.prioritized.to_string()),
                source_url: source_url.map(str::to_owned),
                continues: None,
                text_fr: None,
                text_fr_source_url: None,
            });
        }
    }
    (rows, unread)
}
