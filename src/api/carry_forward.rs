//! `POST /interventions/{id}/recommendations/{recommendation_id}/carry-forward`: an editor's yes
//! or no to carrying an intervention's link to an earlier recommendation forward to the new
//! edition's recommendation that continues it, as the digest page asks.

use actix_web::{HttpResponse, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::api::auth::Caller;
use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::json::JsonBody;
use crate::usecases::carry_forward::{Carried, CarryAnswer, answer};

/// The answer.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"from": "0190a5b2-7c1e-7c3a-9d41-2f6a8b0c1d2e", "carry": true}))]
pub struct CarryForward {
    /// The earlier recommendation the intervention is linked to, which `recommendation_id`
    /// continues.
    pub from: Uuid,
    /// `true` to carry the link forward; `false` to say no (kept, so the digest does not ask
    /// again).
    pub carry: bool,
}

/// What the answer did.
#[derive(Debug, Serialize, ToSchema)]
pub struct CarryAnswered {
    pub outcome: CarryOutcome,
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CarryOutcome {
    /// The link to the new recommendation is made, with the earlier link's contribution,
    /// rationale and evidence, and `carried_from` naming the earlier recommendation.
    Carried,
    /// The no is kept.
    Declined,
    /// The intervention was linked to the new recommendation already: nothing changed.
    AlreadyLinked,
}

/// Carries a link forward to a new edition, or says no.
///
/// For an ongoing intervention linked to an earlier recommendation (`from`) that the new
/// edition's recommendation (`recommendation_id`) continues: `carry: true` links it to the new
/// one with the same contribution, rationale and evidence (audited as a link by the caller);
/// `carry: false` keeps the no, so that the digest lists it as declined. Nothing is carried
/// without this answer.
#[utoipa::path(tag = "links",
    params(("id" = Uuid, Path, description = "The intervention"), ("recommendation_id" = Uuid, Path, description = "The new edition's recommendation")),
    request_body = CarryForward,
    responses(
        (status = 200, description = "Answered", body = CarryAnswered),
        (status = 400, description = "Malformed id or JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A viewer, or another organisation's intervention", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such intervention or recommendation", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The recommendation does not continue `from`, or the intervention is not linked to `from`", body = Problem, content_type = "application/problem+json"),
    ))]
#[post("/interventions/{id}/recommendations/{recommendation_id}/carry-forward")]
pub async fn carry_forward(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    body: JsonBody<CarryForward>,
) -> Result<HttpResponse, ApiError> {
    let (intervention_id, to) = path.into_inner();
    let done = answer(
        state.get_ref(),
        &caller,
        CarryAnswer {
            intervention_id,
            from: body.0.from,
            to,
            carry: body.0.carry,
        },
    )
    .await?;
    let outcome = match done {
        Carried::Carried => CarryOutcome::Carried,
        Carried::Declined => CarryOutcome::Declined,
        Carried::AlreadyLinked => CarryOutcome::AlreadyLinked,
    };
    Ok(HttpResponse::Ok().json(CarryAnswered { outcome }))
}
