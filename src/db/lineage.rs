//! Which recommendations of a new report continue last year's: the suggestions a person
//! answers in one pass for a country, and the answers (a "yes" is the recommendation's
//! `continues`; a "no" is kept in `lineage_refusals` so the pair is not suggested again).

use diesel::prelude::*;
use diesel::sql_types::{Float4, Int4, Text, Uuid as SqlUuid};
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde_json::json;
use uuid::Uuid;

use super::audit::{self, Actor, Change};
use super::recommendations::{self, RecommendationChanges};
use super::schema::lineage_refusals;
use super::{Connection, Constrained, DbError, Guarded};
use crate::domain::{AuditAction, Precondition, ResourceType};

/// How alike (pg_trgm similarity, 0 to 1) two texts must be for one to be suggested as the
/// other's continuation: reworded recommendations of the TIP Report score 0.4 to 0.9, unrelated
/// ones of the same country under 0.25.
pub const SUGGESTION_THRESHOLD: f32 = 0.35;

/// A recommendation of the year asked for that has no earlier one yet, with the most alike
/// recommendation of the country's previous report that nobody has refused for it: read with
/// the country's page ([`super::country_page::page_reads`]), from the database's
/// `lineage_suggestions_remembered` (`src/db/sql/lineage.sql`), which computes them again only
/// when the recommendations, translations or refusals they come from have changed.
#[derive(Debug, Clone, QueryableByName, serde::Deserialize)]
pub struct LineageSuggestion {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Int4)]
    pub position: i32,
    #[diesel(sql_type = Text)]
    pub text: String,
    #[diesel(sql_type = SqlUuid)]
    pub earlier_id: Uuid,
    #[diesel(sql_type = Int4)]
    pub earlier_year: i32,
    #[diesel(sql_type = Int4)]
    pub earlier_position: i32,
    #[diesel(sql_type = Text)]
    pub earlier_text: String,
    #[diesel(sql_type = Float4)]
    pub similarity: f32,
}

/// One answer to a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineageAnswer {
    pub recommendation: Uuid,
    pub earlier: Uuid,
    pub continues: bool,
}

/// Stores every answer in one transaction, each audited: all of them, or none when one names
/// a recommendation that is gone (`Ok(Some(id))` names it).
pub async fn answer(
    connection: &mut Connection,
    actor: &Actor,
    answers: &[LineageAnswer],
) -> Result<Option<Uuid>, DbError> {
    let outcome = connection
        .transaction::<_, Stopped, _>(async |connection| {
            for answer in answers {
                if answer.continues {
                    let changes = RecommendationChanges {
                        continues: Some(Some(answer.earlier)),
                        ..RecommendationChanges::default()
                    };
                    match recommendations::update(
                        connection,
                        actor,
                        answer.recommendation,
                        &Precondition::None,
                        &changes,
                    )
                    .await?
                    {
                        Constrained::Done(Guarded::Done(_)) => {}
                        _ => return Err(Stopped::Gone(answer.recommendation)),
                    }
                } else {
                    let inserted = diesel::insert_into(lineage_refusals::table)
                        .values((
                            lineage_refusals::recommendation_id.eq(answer.recommendation),
                            lineage_refusals::earlier_id.eq(answer.earlier),
                        ))
                        .on_conflict_do_nothing()
                        .execute(connection)
                        .await;
                    match inserted {
                        Ok(_) => {}
                        Err(error) => match DbError::from(error) {
                            DbError::ForeignKeyViolation(_) => {
                                return Err(Stopped::Gone(answer.recommendation));
                            }
                            other => return Err(other.into()),
                        },
                    }
                    audit::record(
                        connection,
                        actor,
                        AuditAction::Update,
                        Change {
                            resource_type: ResourceType::Recommendation,
                            resource_id: answer.recommendation.to_string(),
                            before: Some(json!({})),
                            after: Some(json!({ "does_not_continue": answer.earlier })),
                        },
                    )
                    .await?;
                }
            }
            Ok(())
        })
        .await;
    match outcome {
        Ok(()) => Ok(None),
        Err(Stopped::Gone(id)) => Ok(Some(id)),
        Err(Stopped::Db(error)) => Err(error),
    }
}

/// Why the answers' transaction stopped: a recommendation is gone, or the database failed.
#[derive(Debug)]
enum Stopped {
    Gone(Uuid),
    Db(DbError),
}

impl From<DbError> for Stopped {
    fn from(error: DbError) -> Self {
        Self::Db(error)
    }
}

impl From<diesel::result::Error> for Stopped {
    fn from(error: diesel::result::Error) -> Self {
        Self::Db(error.into())
    }
}

/// A recommendation of a country's previous report, with how alike it is to a new text.
#[derive(Debug, Clone, QueryableByName)]
pub struct EarlierMatch {
    /// The new text's place in the list asked about (0 for the first).
    #[diesel(sql_type = Int4)]
    pub item: i32,
    #[diesel(sql_type = SqlUuid)]
    pub earlier_id: Uuid,
    #[diesel(sql_type = Float4)]
    pub similarity: f32,
}

/// The pairs of `texts` (new recommendations of `country` for `year`, not stored yet) and
/// recommendations of the country's report before `year` that are alike enough to suggest, most
/// alike first.
pub async fn matches_before(
    connection: &mut Connection,
    country: &str,
    year: i32,
    texts: &[String],
) -> Result<Vec<EarlierMatch>, DbError> {
    use diesel::sql_types::Array;
    Ok(diesel::sql_query(
        "SELECT (t.ord - 1)::int4 AS item, r.id AS earlier_id, \
                similarity(r.text, t.text) AS similarity \
           FROM unnest($1::text[]) WITH ORDINALITY AS t (text, ord) \
           JOIN recommendations r ON r.country_code = $2 \
            AND r.year = (SELECT max(p.year) FROM recommendations p \
                           WHERE p.country_code = $2 AND p.year < $3) \
          WHERE similarity(r.text, t.text) >= $4 \
          ORDER BY 3 DESC, 1, r.position",
    )
    .bind::<Array<Text>, _>(texts)
    .bind::<Text, _>(country)
    .bind::<Int4, _>(year)
    .bind::<Float4, _>(SUGGESTION_THRESHOLD)
    .load(connection)
    .await?)
}
