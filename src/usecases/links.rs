//! Linking an intervention to the recommendations it answers, fully or partially, with evidence.

use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

pub use crate::db::interventions::InterventionRow;
pub use crate::db::links::LinkRow;
use crate::db::links::{self, Linking, NewLink};
pub use crate::db::recommendations::RecommendationRow;
use crate::db::{Connections, Guarded, interventions};
use crate::domain::Refusal;
use crate::domain::{Caller, Contribution, Failure, Precondition, Validator};

/// How an intervention answers a recommendation.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"contribution": "full", "rationale": "Trained every district prosecutor named in the recommendation.", "evidence_url": "https://example.org/reports/training-2023.pdf"}))]
pub struct PutLink {
    pub contribution: Contribution,
    #[schema(max_length = 20000, pattern = "^[^\\u0000]*$")]
    pub rationale: Option<String>,
    #[schema(
        pattern = "^\\s*(https?://[A-Za-z0-9.-]+(:[0-9]{1,4})?([/?#][^\\s\\u0000-\\u001f\\u007f-\\u009f]*)?)?\\s*$"
    )]
    pub evidence_url: Option<String>,
}

/// Links intervention `intervention_id` to recommendation `recommendation_id` for `caller`, by
/// the one way in for every edge; says whether the link is new.
pub async fn link(
    db: &impl Connections,
    caller: &Caller,
    intervention_id: Uuid,
    recommendation_id: Uuid,
    precondition: &Precondition,
    body: PutLink,
) -> Result<(LinkRow, bool), Failure> {
    let mut check = Validator::default();
    let rationale = check.optional_text("rationale", body.rationale.as_deref());
    let evidence_url = check.optional_url("evidence_url", body.evidence_url.as_deref());
    check.finish()?;

    let only_of = caller.editable_organisation()?;
    let new = NewLink {
        intervention_id,
        recommendation_id,
        contribution: body.contribution,
        rationale: rationale.as_deref(),
        evidence_url: evidence_url.as_deref(),
    };
    let mut connection = db.connect().await?;
    match links::upsert(
        &mut connection,
        &caller.actor(),
        only_of,
        precondition,
        &new,
    )
    .await?
    {
        Linking::Created(row) => Ok((row, true)),
        Linking::Updated(row) => Ok((row, false)),
        Linking::Stale(current) => {
            Err(precondition.refusal(&the_link(intervention_id, recommendation_id), current))
        }
        refused => Err(refusal(caller, refused, intervention_id, recommendation_id)),
    }
}

/// Why a link of `intervention_id` to `recommendation_id` cannot be made, in words.
pub(super) fn refusal(
    caller: &Caller,
    refused: Linking,
    intervention_id: Uuid,
    recommendation_id: Uuid,
) -> Failure {
    match refused {
        Linking::InterventionMissing => {
            Failure::NotFound(Refusal::no_such("intervention", intervention_id))
        }
        Linking::RecommendationMissing => {
            Failure::NotFound(Refusal::no_such("recommendation", recommendation_id))
        }
        Linking::OtherOrganisation => caller.not_yours(),
        Linking::OutsideCountries { country, countries } => Failure::invalid(
            "recommendation_id",
            Refusal::new("invalid-outside-countries")
                .with("country", country)
                .with("countries", countries.join(", ")),
        ),
        Linking::Created(_) | Linking::Updated(_) | Linking::Stale(_) => {
            unreachable!("a link made or stale is not a refusal")
        }
    }
}

/// Removes the link of intervention `intervention_id` to recommendation `recommendation_id` for
/// `caller`, an editor of the intervention's organisation; audited, like every write.
pub async fn unlink(
    db: &impl Connections,
    caller: &Caller,
    intervention_id: Uuid,
    recommendation_id: Uuid,
    precondition: &Precondition,
) -> Result<(), Failure> {
    let mut connection = db.connect().await?;
    let intervention = interventions::find(&mut connection, intervention_id)
        .await?
        .ok_or_else(|| super::interventions::not_found(intervention_id))?;
    caller.require_editor_of(intervention.row.organisation_id)?;
    match links::delete(
        &mut connection,
        &caller.actor(),
        intervention_id,
        recommendation_id,
        precondition,
    )
    .await?
    {
        Guarded::Done(()) => Ok(()),
        Guarded::NotFound => Err(not_linked(intervention_id, recommendation_id)),
        Guarded::Stale(current) => {
            Err(precondition.refusal(&the_link(intervention_id, recommendation_id), Some(current)))
        }
    }
}

/// There is no link of intervention `intervention_id` to recommendation `recommendation_id`.
pub fn not_linked(intervention_id: Uuid, recommendation_id: Uuid) -> Failure {
    Failure::NotFound(
        Refusal::new("refusal-not-linked")
            .with("intervention", intervention_id.to_string())
            .with("recommendation", recommendation_id.to_string()),
    )
}

/// How a refusal names a link.
fn the_link(intervention_id: Uuid, recommendation_id: Uuid) -> String {
    format!("the link of intervention {intervention_id} to recommendation {recommendation_id}")
}

/// The link of intervention `id` to `recommendation_id`, with both ends, if `caller` may remove
/// it (an editor of the intervention's organisation, or an admin): what the page that asks first
/// shows.
pub async fn removable(
    db: &impl Connections,
    caller: &Caller,
    id: Uuid,
    recommendation_id: Uuid,
) -> Result<
    (
        super::interventions::Intervention,
        LinkRow,
        RecommendationRow,
    ),
    Failure,
> {
    let mut connection = db.connect().await?;
    let intervention = super::interventions::find(&mut connection, id).await?;
    caller.require_editor_of(intervention.row.organisation_id)?;
    let no_link = || not_linked(id, recommendation_id);
    let link = links::find(&mut connection, id, recommendation_id)
        .await?
        .ok_or_else(no_link)?;
    let recommendation = crate::db::recommendations::find(&mut connection, recommendation_id)
        .await?
        .ok_or_else(no_link)?;
    Ok((intervention, link, recommendation))
}

/// A page of intervention `id`'s links, by recommendation; not found when there is no such
/// intervention.
pub async fn of_intervention(
    db: &impl Connections,
    id: Uuid,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<LinkRow>, Failure> {
    let mut connection = db.connect().await?;
    if interventions::find(&mut connection, id).await?.is_none() {
        return Err(super::interventions::not_found(id));
    }
    Ok(links::of_intervention(&mut connection, id, after, limit).await?)
}

/// A page of the links to recommendation `id`, with their interventions; not found when there
/// is no such recommendation.
pub async fn of_recommendation(
    db: &impl Connections,
    id: Uuid,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<(LinkRow, InterventionRow)>, Failure> {
    let mut connection = db.connect().await?;
    if crate::db::recommendations::find(&mut connection, id)
        .await?
        .is_none()
    {
        return Err(super::recommendations::not_found(id));
    }
    Ok(links::of_recommendation(&mut connection, id, after, limit).await?)
}

/// The link of intervention `intervention_id` to `recommendation_id`.
pub async fn find(
    db: &impl Connections,
    intervention_id: Uuid,
    recommendation_id: Uuid,
) -> Result<LinkRow, Failure> {
    let mut connection = db.connect().await?;
    links::find(&mut connection, intervention_id, recommendation_id)
        .await?
        .ok_or_else(|| not_linked(intervention_id, recommendation_id))
}
