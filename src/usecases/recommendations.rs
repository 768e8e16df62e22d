//! Recording, changing and deleting the report's recommendations (admins only), and the line a
//! recommendation continues through the reports.

use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::countries::country_from_field;
use crate::db::recommendations::{self, Deletion, NewRecommendation, RecommendationChanges};
pub use crate::db::recommendations::{
    LineageCandidate, RecommendationFilter, RecommendationKey, RecommendationRow,
};
use crate::db::{Connection, Connections, Constrained, Guarded};
use crate::domain::Refusal;
use crate::domain::{
    Caller, Etag, Failure, Pillar, Precondition, Validator, continues, double_option,
};

/// A new recommendation.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"country": "SLE", "year": 2023, "position": 1, "pillar": "prosecution", "prioritized": true, "text": "Increase efforts to investigate, prosecute, and convict traffickers, including complicit officials."}))]
pub struct CreateRecommendation {
    /// An ISO 3166-1 code (alpha-3 or alpha-2) or a country name (`Burma`, `Korea, South`).
    #[schema(example = "SLE")]
    pub country: String,
    /// The report year, which must exist.
    #[schema(example = 2023)]
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: i32,
    #[schema(minimum = 1)]
    pub position: i32,
    #[schema(
        max_length = 20000,
        min_length = 1,
        pattern = "^[^\\u0000]*\\S[^\\u0000]*$"
    )]
    pub text: String,
    pub pillar: Pillar,
    #[serde(default)]
    pub prioritized: bool,
    #[schema(
        pattern = "^\\s*(https?://[A-Za-z0-9.-]+(:[0-9]{1,4})?([/?#][^\\s\\u0000-\\u001f\\u007f-\\u009f]*)?)?\\s*$"
    )]
    pub source_url: Option<String>,
    /// The earlier recommendation (same country, an earlier year) that this one continues.
    pub continues: Option<Uuid>,
}

/// Changes to a recommendation. Its country and year cannot change: links depend on them.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"prioritized": false}))]
pub struct UpdateRecommendation {
    #[schema(minimum = 1)]
    pub position: Option<i32>,
    #[schema(
        max_length = 20000,
        min_length = 1,
        pattern = "^[^\\u0000]*\\S[^\\u0000]*$"
    )]
    pub text: Option<String>,
    pub pillar: Option<Pillar>,
    pub prioritized: Option<bool>,
    /// `null` removes it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    #[schema(
        pattern = "^\\s*(https?://[A-Za-z0-9.-]+(:[0-9]{1,4})?([/?#][^\\s\\u0000-\\u001f\\u007f-\\u009f]*)?)?\\s*$"
    )]
    pub source_url: Option<Option<String>>,
    /// The earlier recommendation this one continues; `null` removes the link.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub continues: Option<Option<Uuid>>,
}

/// The refusal for a recommendation that does not exist.
pub fn not_found(id: Uuid) -> Failure {
    Failure::NotFound(Refusal::no_such("recommendation", id))
}

fn position_taken() -> Failure {
    Failure::Conflict(Refusal::new("refusal-position-taken").about("position"))
}

fn check_position(check: &mut Validator, position: i32) {
    if position < 1 {
        check.error("position", "invalid-position-at-least-one");
    }
}

/// Records a recommendation for `caller`, who must be an admin.
pub async fn create(
    db: &impl Connections,
    caller: &Caller,
    new: &CreateRecommendation,
) -> Result<RecommendationRow, Failure> {
    caller.require_admin()?;
    let mut check = Validator::default();
    check.year("year", new.year);
    check_position(&mut check, new.position);
    let text = check.required_text("text", &new.text);
    let source_url = check.optional_url("source_url", new.source_url.as_deref());
    check.finish()?;

    let mut connection = db.connect().await?;
    let country = country_from_field(&mut connection, "country", &new.country).await?;
    if let Some(earlier) = new.continues {
        check_continues(&mut connection, earlier, &country, new.year).await?;
    }
    let row = NewRecommendation {
        id: Uuid::now_v7(),
        country_code: &country,
        year: new.year,
        position: new.position,
        text: &text,
        pillar: new.pillar,
        prioritized: new.prioritized,
        source_url: source_url.as_deref(),
        continues: new.continues,
    };
    match recommendations::insert(&mut connection, &caller.actor(), &row).await? {
        Constrained::Done(row) => Ok(row),
        Constrained::Duplicate(_) => Err(position_taken()),
        // `continues` was checked above; the reference left is the report year.
        Constrained::MissingReference(_) => {
            Err(Failure::invalid("year", super::reports::missing(new.year)))
        }
    }
}

/// Changes recommendation `id` for `caller`, who must be an admin, if it still meets
/// `precondition`.
pub async fn update(
    db: &impl Connections,
    caller: &Caller,
    id: Uuid,
    precondition: &Precondition,
    body: UpdateRecommendation,
) -> Result<RecommendationRow, Failure> {
    caller.require_admin()?;
    let mut check = Validator::default();
    if let Some(position) = body.position {
        check_position(&mut check, position);
    }
    let text = body
        .text
        .as_deref()
        .map(|text| check.required_text("text", text));
    let source_url = body
        .source_url
        .map(|url| check.optional_url("source_url", url.as_deref()));
    check.finish()?;

    let changes = RecommendationChanges {
        position: body.position,
        text,
        pillar: body.pillar,
        prioritized: body.prioritized,
        source_url,
        continues: body.continues,
    };
    let mut connection = db.connect().await?;
    if let Some(Some(earlier)) = body.continues {
        let current = recommendations::find(&mut connection, id)
            .await?
            .ok_or_else(|| not_found(id))?;
        check_continues(
            &mut connection,
            earlier,
            &current.country_code,
            current.year,
        )
        .await?;
    }
    let outcome = if changes_nothing(&changes) {
        match recommendations::find(&mut connection, id).await? {
            Some(row) if !precondition.holds_for_resource(&row) => Guarded::Stale(Etag::of(&row)),
            Some(row) => Guarded::Done(row),
            None => Guarded::NotFound,
        }
    } else {
        match recommendations::update(&mut connection, &caller.actor(), id, precondition, &changes)
            .await?
        {
            Constrained::Duplicate(_) => return Err(position_taken()),
            // `continues` was checked above, and nothing else it changes refers elsewhere.
            other => other.or_fault()?,
        }
    };
    match outcome {
        Guarded::Done(row) => Ok(row),
        Guarded::NotFound => Err(not_found(id)),
        Guarded::Stale(current) => {
            Err(precondition.refusal(&format!("recommendation {id}"), Some(current)))
        }
    }
}

fn changes_nothing(changes: &RecommendationChanges) -> bool {
    changes.position.is_none()
        && changes.text.is_none()
        && changes.pillar.is_none()
        && changes.prioritized.is_none()
        && changes.source_url.is_none()
        && changes.continues.is_none()
}

/// Checks `continues` against the earlier recommendation it names, by the rule of
/// [`crate::domain::continues`].
async fn check_continues(
    connection: &mut Connection,
    earlier: Uuid,
    country: &str,
    year: i32,
) -> Result<(), Failure> {
    let found = recommendations::find(connection, earlier).await?;
    let earlier_place = found
        .as_ref()
        .map(|row| (row.country_code.as_str(), row.year));
    continues(earlier, earlier_place, country, year)
        .map_err(|refusal| Failure::invalid("continues", refusal))
}

/// Deletes recommendation `id` for `caller`, who must be an admin, if nothing is linked to it or
/// continues it, and it still meets `precondition`.
pub async fn delete(
    db: &impl Connections,
    caller: &Caller,
    id: Uuid,
    precondition: &Precondition,
) -> Result<(), Failure> {
    caller.require_admin()?;
    let mut connection = db.connect().await?;
    match recommendations::delete(&mut connection, &caller.actor(), id, precondition).await? {
        Deletion::Deleted => Ok(()),
        Deletion::Stale(current) => {
            Err(precondition.refusal(&format!("recommendation {id}"), Some(current)))
        }
        Deletion::NotFound => Err(not_found(id)),
        Deletion::Linked => Err(Failure::Conflict(Refusal::new(
            "refusal-recommendation-linked",
        ))),
        Deletion::Continued(later) => Err(Failure::Conflict(
            Refusal::new("refusal-recommendation-continued").with(
                "later",
                later
                    .iter()
                    .map(Uuid::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        )),
    }
}

/// A page of the recommendations `filter` keeps, after `after`.
pub async fn page(
    connection: &mut Connection,
    filter: &RecommendationFilter,
    after: Option<&RecommendationKey>,
    limit: i64,
) -> Result<Vec<RecommendationRow>, Failure> {
    Ok(recommendations::list(connection, filter, after, limit).await?)
}

/// Recommendation `id`; not found when there is none.
pub async fn find(db: &impl Connections, id: Uuid) -> Result<RecommendationRow, Failure> {
    let mut connection = db.connect().await?;
    recommendations::find(&mut connection, id)
        .await?
        .ok_or_else(|| not_found(id))
}

/// Recommendation `id` and whether its report is its country's latest, whose page shows it
/// without a year asked (and with the next report's window); not found when there is none.
pub async fn find_with_standing(
    db: &impl Connections,
    id: Uuid,
) -> Result<(RecommendationRow, bool), Failure> {
    let mut connection = db.connect().await?;
    let recommendation = recommendations::find(&mut connection, id)
        .await?
        .ok_or_else(|| not_found(id))?;
    let latest =
        crate::db::gaps::latest_year(&mut connection, Some(&recommendation.country_code)).await?;
    let is_latest = latest == Some(recommendation.year);
    Ok((recommendation, is_latest))
}

/// The earlier recommendations recommendation `id` may continue, most alike first.
pub async fn lineage_candidates(
    db: &impl Connections,
    id: Uuid,
    limit: i64,
) -> Result<Vec<LineageCandidate>, Failure> {
    let mut connection = db.connect().await?;
    let of = recommendations::find(&mut connection, id)
        .await?
        .ok_or_else(|| not_found(id))?;
    Ok(recommendations::lineage_candidates(&mut connection, &of, limit).await?)
}
