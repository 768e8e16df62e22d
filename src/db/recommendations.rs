//! The `recommendations` table.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde::Serialize;
use uuid::Uuid;

use super::audit::{self, Actor, Change};
use super::schema::{links, recommendations};
use super::{Connection, Constrained, DbError, Guarded, constrained, text_search};
use crate::domain::{AuditAction, Etag, Pillar, Precondition, ResourceType};

#[derive(Debug, Clone, Queryable, QueryableByName, Selectable, Serialize)]
#[diesel(table_name = recommendations, check_for_backend(diesel::pg::Pg))]
pub struct RecommendationRow {
    pub id: Uuid,
    pub country_code: String,
    pub year: i32,
    pub position: i32,
    pub text: String,
    pub pillar: Pillar,
    pub prioritized: bool,
    pub source_url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The earlier recommendation (same country, an earlier year) that this one continues.
    pub continues: Option<Uuid>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = recommendations)]
pub struct NewRecommendation<'a> {
    pub id: Uuid,
    pub country_code: &'a str,
    pub year: i32,
    pub position: i32,
    pub text: &'a str,
    pub pillar: Pillar,
    pub prioritized: bool,
    pub source_url: Option<&'a str>,
    pub continues: Option<Uuid>,
}

/// The fields a PATCH may change; `None` leaves a field as it is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = recommendations)]
pub struct RecommendationChanges {
    pub position: Option<i32>,
    pub text: Option<String>,
    pub pillar: Option<Pillar>,
    pub prioritized: Option<bool>,
    pub source_url: Option<Option<String>>,
    pub continues: Option<Option<Uuid>>,
}

/// Filters of the recommendation list.
#[derive(Debug, Default)]
pub struct RecommendationFilter {
    pub country: Option<String>,
    pub year: Option<i32>,
    pub pillar: Option<Pillar>,
    /// A piece of text the recommendation says, in English or in a translation.
    pub text: Option<String>,
}

/// Where a page of the list (newest year first, then country, then position) resumes.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RecommendationKey {
    pub year: i32,
    pub country: String,
    pub position: i32,
}

/// Inserts a recommendation and audits it. A taken position is
/// `Constrained::Duplicate("recommendations_position_key")`, an unknown year
/// `Constrained::MissingReference("recommendations_year_fkey")`.
pub async fn insert(
    connection: &mut Connection,
    actor: &Actor,
    recommendation: &NewRecommendation<'_>,
) -> Result<Constrained<RecommendationRow>, DbError> {
    constrained(
        connection
            .transaction::<_, DbError, _>(async |connection| {
                let row = diesel::insert_into(recommendations::table)
                    .values(recommendation)
                    .returning(RecommendationRow::as_returning())
                    .get_result(connection)
                    .await?;
                let change = Change::created(ResourceType::Recommendation, row.id, &row);
                audit::record(connection, actor, AuditAction::Create, change).await?;
                Ok(row)
            })
            .await,
    )
}

pub async fn find(
    connection: &mut Connection,
    id: Uuid,
) -> Result<Option<RecommendationRow>, DbError> {
    Ok(recommendations::table
        .find(id)
        .select(RecommendationRow::as_select())
        .first(connection)
        .await
        .optional()?)
}

async fn find_for_update(
    connection: &mut Connection,
    id: Uuid,
) -> Result<Option<RecommendationRow>, DbError> {
    Ok(recommendations::table
        .find(id)
        .select(RecommendationRow::as_select())
        .for_update()
        .first(connection)
        .await
        .optional()?)
}

/// Applies `changes` and audits them, if the recommendation still meets `precondition`.
pub async fn update(
    connection: &mut Connection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
    changes: &RecommendationChanges,
) -> Result<Constrained<Guarded<RecommendationRow>>, DbError> {
    constrained(
        connection
            .transaction::<_, DbError, _>(async |connection| {
                let Some(before) = find_for_update(connection, id).await? else {
                    return Ok(Guarded::NotFound);
                };
                if !precondition.holds_for_resource(&before) {
                    return Ok(Guarded::Stale(Etag::of(&before)));
                }
                let after = diesel::update(recommendations::table.find(id))
                    .set((changes, recommendations::updated_at.eq(diesel::dsl::now)))
                    .returning(RecommendationRow::as_returning())
                    .get_result(connection)
                    .await?;
                let change = Change::updated(ResourceType::Recommendation, id, &before, &after);
                audit::record(connection, actor, AuditAction::Update, change).await?;
                Ok(Guarded::Done(after))
            })
            .await,
    )
}

/// The outcome of deleting a recommendation.
#[derive(Debug, PartialEq, Eq)]
pub enum Deletion {
    Deleted,
    NotFound,
    /// Interventions are linked to it: deleting it would silently change their coverage.
    Linked,
    /// Later recommendations continue it (their ids): deleting it would cut their lines.
    Continued(Vec<Uuid>),
    /// It changed since the client read it; carries its current tag.
    Stale(Etag),
}

/// Deletes a recommendation that nothing is linked to, and audits it, if it still meets
/// `precondition`.
pub async fn delete(
    connection: &mut Connection,
    actor: &Actor,
    id: Uuid,
    precondition: &Precondition,
) -> Result<Deletion, DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            let Some(before) = find_for_update(connection, id).await? else {
                return Ok(Deletion::NotFound);
            };
            if !precondition.holds_for_resource(&before) {
                return Ok(Deletion::Stale(Etag::of(&before)));
            }
            // The row lock keeps links and continuations from being added until this transaction
            // ends.
            let linked: bool = diesel::select(diesel::dsl::exists(
                links::table.filter(links::recommendation_id.eq(id)),
            ))
            .get_result(connection)
            .await?;
            if linked {
                return Ok(Deletion::Linked);
            }
            let continued_by: Vec<Uuid> = recommendations::table
                .filter(recommendations::continues.eq(id))
                .order(recommendations::id)
                .select(recommendations::id)
                .load(connection)
                .await?;
            if !continued_by.is_empty() {
                return Ok(Deletion::Continued(continued_by));
            }
            diesel::delete(recommendations::table.find(id))
                .execute(connection)
                .await?;
            let change = Change::deleted(ResourceType::Recommendation, id, &before);
            audit::record(connection, actor, AuditAction::Delete, change).await?;
            Ok(Deletion::Deleted)
        })
        .await
}

/// One page of recommendations matching `filter`, resuming after `after`.
pub async fn list(
    connection: &mut Connection,
    filter: &RecommendationFilter,
    after: Option<&RecommendationKey>,
    limit: i64,
) -> Result<Vec<RecommendationRow>, DbError> {
    let mut query = recommendations::table
        .select(RecommendationRow::as_select())
        .order((
            recommendations::year.desc(),
            recommendations::country_code,
            recommendations::position,
        ))
        .limit(limit)
        .into_boxed();
    if let Some(country) = &filter.country {
        query = query.filter(recommendations::country_code.eq(country.clone()));
    }
    if let Some(year) = filter.year {
        query = query.filter(recommendations::year.eq(year));
    }
    if let Some(pillar) = filter.pillar {
        query = query.filter(recommendations::pillar.eq(pillar));
    }
    if let Some(text) = &filter.text {
        query = match text_search::anywhere(text) {
            Some(pattern) => query.filter(text_search::recommendation_says(pattern)),
            // No stored text holds a NUL (PostgreSQL's text cannot), so nothing matches.
            None => query.filter(diesel::dsl::sql::<diesel::sql_types::Bool>("false")),
        };
    }
    if let Some(key) = after {
        query = query.filter(
            recommendations::year
                .lt(key.year)
                .or(recommendations::year.eq(key.year).and(
                    recommendations::country_code.gt(key.country.clone()).or(
                        recommendations::country_code
                            .eq(key.country.clone())
                            .and(recommendations::position.gt(key.position)),
                    ),
                )),
        );
    }
    Ok(query.load(connection).await?)
}

/// A possible earlier form of a recommendation, with how alike the texts are (0 to 1).
#[derive(Debug, Clone, diesel::QueryableByName)]
pub struct LineageCandidate {
    #[diesel(embed)]
    pub recommendation: RecommendationRow,
    #[diesel(sql_type = diesel::sql_types::Float4)]
    pub similarity: f32,
}

/// Earlier recommendations of the same country as `of`, most alike first (pg_trgm similarity of
/// the English texts or of the translations into one language, whichever are closer), then
/// newest first.
pub async fn lineage_candidates(
    connection: &mut Connection,
    of: &RecommendationRow,
    limit: i64,
) -> Result<Vec<LineageCandidate>, DbError> {
    use diesel::sql_types::{Int4, Int8, Text};
    Ok(diesel::sql_query(
        "SELECT r.*, recommendations_alike(r.id, r.text, $5, $1) AS similarity \
           FROM recommendations r \
          WHERE r.country_code = $2 AND r.year < $3 \
          ORDER BY similarity DESC, r.year DESC, r.position \
          LIMIT $4",
    )
    .bind::<Text, _>(&of.text)
    .bind::<Text, _>(&of.country_code)
    .bind::<Int4, _>(of.year)
    .bind::<Int8, _>(limit)
    .bind::<diesel::sql_types::Uuid, _>(of.id)
    .load(connection)
    .await?)
}

/// The country and year of each of these recommendations that exists.
pub async fn countries_and_years(
    connection: &mut Connection,
    ids: &[Uuid],
) -> Result<std::collections::HashMap<Uuid, (String, i32)>, DbError> {
    let rows: Vec<(Uuid, String, i32)> = recommendations::table
        .filter(recommendations::id.eq_any(ids))
        .select((
            recommendations::id,
            recommendations::country_code,
            recommendations::year,
        ))
        .load(connection)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, country, year)| (id, (country, year)))
        .collect())
}

/// The id, country and position of every recommendation of one report year.
pub async fn keys_of_year(
    connection: &mut Connection,
    year: i32,
) -> Result<Vec<(Uuid, String, i32)>, DbError> {
    Ok(recommendations::table
        .filter(recommendations::year.eq(year))
        .select((
            recommendations::id,
            recommendations::country_code,
            recommendations::position,
        ))
        .load(connection)
        .await?)
}

/// The report years with recommendations for `country`, newest first.
pub async fn years_of_country(
    connection: &mut Connection,
    country: &str,
) -> Result<Vec<i32>, DbError> {
    Ok(recommendations::table
        .filter(recommendations::country_code.eq(country.to_owned()))
        .select(recommendations::year)
        .distinct()
        .order(recommendations::year.desc())
        .load(connection)
        .await?)
}
