//! What the edition digest reads: a country's recommendations of two editions (and of any older
//! one the new edition names as continued), and the interventions linked to them.

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use super::schema::{interventions, links, organisations, recommendations};
use super::{Connection, DbError};
use crate::domain::{Contribution, EditionRecommendation, InterventionStatus, LinkedWork, Pillar};

type RecommendationColumns = (
    recommendations::id,
    recommendations::year,
    recommendations::position,
    recommendations::text,
    recommendations::pillar,
    recommendations::continues,
);

const RECOMMENDATION_COLUMNS: RecommendationColumns = (
    recommendations::id,
    recommendations::year,
    recommendations::position,
    recommendations::text,
    recommendations::pillar,
    recommendations::continues,
);

fn edition_recommendation(
    (id, year, position, text, pillar, continues): (Uuid, i32, i32, String, Pillar, Option<Uuid>),
) -> EditionRecommendation {
    EditionRecommendation {
        id,
        year,
        position,
        text,
        pillar,
        continues,
    }
}

/// The latest year before `year` in which `country` has recommendations.
pub async fn earlier_year(
    connection: &mut Connection,
    country: &str,
    year: i32,
) -> Result<Option<i32>, DbError> {
    Ok(recommendations::table
        .filter(recommendations::country_code.eq(country))
        .filter(recommendations::year.lt(year))
        .select(diesel::dsl::max(recommendations::year))
        .get_result(connection)
        .await?)
}

/// The recommendations of `country` in `year`, in order.
pub async fn of_edition(
    connection: &mut Connection,
    country: &str,
    year: i32,
) -> Result<Vec<EditionRecommendation>, DbError> {
    let rows = recommendations::table
        .filter(recommendations::country_code.eq(country))
        .filter(recommendations::year.eq(year))
        .order(recommendations::position)
        .select(RECOMMENDATION_COLUMNS)
        .load(connection)
        .await?;
    Ok(rows.into_iter().map(edition_recommendation).collect())
}

/// The recommendations of `country` in `earlier_year`, and those of older years named in
/// `continued` (what the new edition says it continues), newest year first, in order.
pub async fn continued_or_of_edition(
    connection: &mut Connection,
    country: &str,
    earlier_year: Option<i32>,
    continued: &[Uuid],
) -> Result<Vec<EditionRecommendation>, DbError> {
    let rows = recommendations::table
        .filter(recommendations::country_code.eq(country))
        .filter(
            recommendations::year
                .nullable()
                .eq(earlier_year)
                .or(recommendations::id.eq_any(continued)),
        )
        .order((recommendations::year.desc(), recommendations::position))
        .select(RECOMMENDATION_COLUMNS)
        .load(connection)
        .await?;
    Ok(rows.into_iter().map(edition_recommendation).collect())
}

/// The links to `recommendation_ids`, with their interventions, optionally of one organisation.
pub async fn linked_work(
    connection: &mut Connection,
    recommendation_ids: &[Uuid],
    organisation: Option<Uuid>,
) -> Result<Vec<LinkedWork>, DbError> {
    let mut query = links::table
        .inner_join(interventions::table.inner_join(organisations::table))
        .filter(links::recommendation_id.eq_any(recommendation_ids))
        .order((interventions::title, interventions::id))
        .select((
            interventions::id,
            interventions::title,
            organisations::id,
            organisations::name,
            interventions::status,
            links::contribution,
            links::recommendation_id,
        ))
        .into_boxed();
    if let Some(organisation) = organisation {
        query = query.filter(interventions::organisation_id.eq(organisation));
    }
    let rows: Vec<(
        Uuid,
        String,
        Uuid,
        String,
        InterventionStatus,
        Contribution,
        Uuid,
    )> = query.load(connection).await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                intervention_id,
                title,
                organisation_id,
                organisation_name,
                status,
                contribution,
                recommendation_id,
            )| {
                LinkedWork {
                    intervention_id,
                    title,
                    organisation_id,
                    organisation_name,
                    status,
                    contribution,
                    recommendation_id,
                }
            },
        )
        .collect())
}
