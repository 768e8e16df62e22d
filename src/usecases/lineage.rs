//! Confirming which recommendations of a country's new report continue its previous report's
//! (admins only, as any change to a recommendation): the suggestions come with the country's page
//! ([`super::country_page`]); the answers are checked against the line rule
//! ([`crate::domain::continues`]) and stored all at once or not at all.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::db::lineage;
pub use crate::db::lineage::{LineageAnswer, LineageSuggestion};
use crate::db::recommendations::RecommendationFilter;
pub use crate::db::recommendations::RecommendationRow;
use crate::db::{Connections, countries, recommendations};
use crate::domain::{Caller, Failure, FieldError, Refusal, continues};
use crate::import::ImportRows;

/// Stores `answers` for `country`'s recommendations of `year`; answers how many were stored.
pub async fn answer(
    db: &impl Connections,
    caller: &Caller,
    country: &str,
    year: i32,
    answers: &[LineageAnswer],
) -> Result<usize, Failure> {
    caller.require_admin()?;
    let mut connection = db.connect().await?;
    let ids: Vec<uuid::Uuid> = answers
        .iter()
        .flat_map(|answer| [answer.recommendation, answer.earlier])
        .collect();
    let places = recommendations::countries_and_years(&mut connection, &ids).await?;
    let place = |id| {
        places
            .get(&id)
            .map(|(country, year)| (country.as_str(), *year))
    };
    let mut errors = Vec::new();
    for (index, answer) in answers.iter().enumerate() {
        let field = format!("answers[{index}]");
        if place(answer.recommendation) != Some((country, year)) {
            errors.push(FieldError::new(
                field,
                Refusal::new("invalid-not-of-report")
                    .with("id", answer.recommendation.to_string())
                    .with("country", country)
                    .with("year", i64::from(year)),
            ));
        } else if let Err(message) = continues(answer.earlier, place(answer.earlier), country, year)
        {
            errors.push(FieldError::new(field, message));
        }
    }
    if !errors.is_empty() {
        return Err(Failure::Invalid(errors));
    }
    match lineage::answer(&mut connection, &caller.actor(), answers).await? {
        None => Ok(answers.len()),
        Some(gone) => Err(super::recommendations::not_found(gone)),
    }
}

/// For one recommendation of a report read from its published text: the recommendations of its
/// country's previous report it may continue, and the one proposed (the most alike, each earlier
/// one proposed once).
#[derive(Debug, Clone, Default)]
pub struct ProposedLine {
    pub earlier: Vec<RecommendationRow>,
    pub proposed: Option<uuid::Uuid>,
}

/// The proposed line of each of `rows`' recommendations (read, not stored yet, for the `year`
/// report), in their order. Rows whose country is not known propose nothing (the check says why).
pub async fn proposed_lines(
    db: &impl Connections,
    year: i32,
    rows: &ImportRows,
) -> Result<Vec<ProposedLine>, Failure> {
    let mut connection = db.connect().await?;
    let names: Vec<String> = rows
        .recommendations
        .iter()
        .filter_map(|row| row.country_name.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let matches = countries::resolve(&mut connection, &names).await?;
    let mut by_country: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, row) in rows.recommendations.iter().enumerate() {
        if let Some(country) = row
            .country_name
            .as_deref()
            .and_then(|name| matches.country(name).ok())
        {
            by_country.entry(country.code).or_default().push(index);
        }
    }
    let mut lines = vec![ProposedLine::default(); rows.recommendations.len()];
    for (country, indices) in by_country {
        let Some(before) = recommendations::years_of_country(&mut connection, &country)
            .await?
            .into_iter()
            .filter(|earlier| *earlier < year)
            .max()
        else {
            continue;
        };
        let filter = RecommendationFilter {
            country: Some(country.clone()),
            year: Some(before),
            ..RecommendationFilter::default()
        };
        let mut earlier = recommendations::list(&mut connection, &filter, None, i64::MAX).await?;
        earlier.sort_by_key(|row| row.position);
        let texts: Vec<String> = indices
            .iter()
            .map(|index| {
                rows.recommendations[*index]
                    .text
                    .clone()
                    .unwrap_or_default()
            })
            .collect();
        let pairs = lineage::matches_before(&mut connection, &country, year, &texts).await?;
        // Most alike first, each new one and each earlier one matched once.
        let (mut taken_items, mut taken_earlier) = (HashSet::new(), HashSet::new());
        for pair in pairs {
            if taken_items.contains(&pair.item) || taken_earlier.contains(&pair.earlier_id) {
                continue;
            }
            taken_items.insert(pair.item);
            taken_earlier.insert(pair.earlier_id);
            if let Some(index) = usize::try_from(pair.item)
                .ok()
                .and_then(|item| indices.get(item))
            {
                lines[*index].proposed = Some(pair.earlier_id);
            }
        }
        for index in indices {
            lines[index].earlier = earlier.clone();
        }
    }
    Ok(lines)
}
