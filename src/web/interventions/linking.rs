//! `POST /interventions/{id}/links`: linking an intervention to a recommendation.

use std::str::FromStr;

use actix_web::{HttpResponse, web};
use uuid::Uuid;

use super::form::{STALE_FORM, read_enum};
use super::see_other;
use super::show::{RefusedLink, ShowQuery, render_show};
use crate::domain::{Contribution, Precondition};
use crate::http::AppState;
use crate::http::error::ApiError;
use crate::usecases;
use crate::usecases::links::PutLink;
use crate::web::csrf::CheckedForm;
use crate::web::error::WebError;
use crate::web::form_outcome::{Settled, settle};

/// `POST /interventions/{id}/links`: links the intervention to a recommendation.
pub(super) async fn link(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = *id;
    let CheckedForm {
        visitor,
        form: data,
    } = checked;
    let recommendation_id = Uuid::from_str(data.get("recommendation_id").trim())
        .map_err(|_| ApiError::BadRequest("the form names no recommendation".into()))?;
    let mut errors = Vec::new();
    let contribution =
        read_enum::<Contribution>("contribution", data.get("contribution"), &mut errors);
    let outcome = match contribution {
        Some(contribution) => {
            let body = PutLink {
                contribution,
                rationale: data.optional("rationale"),
                evidence_url: data.optional("evidence_url"),
            };
            Some(
                usecases::links::link(
                    state.get_ref(),
                    &visitor.caller,
                    id,
                    recommendation_id,
                    &Precondition::None,
                    body,
                )
                .await,
            )
        }
        None => None,
    };
    if let Settled::Done(_) = settle(outcome, STALE_FORM, &mut errors)? {
        return Ok(see_other(&format!(
            "/interventions/{id}?linked=1#recommendation-{recommendation_id}"
        )));
    }
    let refused = RefusedLink {
        recommendation_id,
        contribution: data.get("contribution").to_owned(),
        rationale: data.get("rationale").to_owned(),
        evidence_url: data.get("evidence_url").to_owned(),
        errors,
    };
    render_show(
        &visitor,
        &state,
        id,
        &ShowQuery::default(),
        Some(refused),
        HttpResponse::UnprocessableEntity(),
    )
    .await
}
