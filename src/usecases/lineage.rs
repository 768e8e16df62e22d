//! Confirming which recommendations of a country's new report continue its previous report's
//! (admins only, as any change to a recommendation): the suggestions come from
//! [`db::lineage::suggestions`](crate::db::lineage::suggestions); the answers are checked against the line rule
//! ([`crate::domain::continues`]) and stored all at once or not at all.

use crate::db::lineage;
pub use crate::db::lineage::{LineageAnswer, LineageSuggestion};
use crate::db::{Connections, recommendations};
use crate::domain::{Caller, Failure, FieldError, Refusal, continues};

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
