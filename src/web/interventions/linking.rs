//! Linking an intervention to a recommendation (`POST /interventions/{id}/links`), and removing
//! a link, once its editor has confirmed (`/interventions/{id}/links/{recommendation}/remove`).

use std::str::FromStr;

use actix_web::{HttpResponse, web};
use maud::html;
use uuid::Uuid;

use super::form::STALE_FORM;
use super::form_values::read_enum;
use super::see_other;
use super::show::{RefusedLink, ShowQuery, contribution_in_words, render_show};
use crate::domain::{Contribution, Precondition};
use crate::http::AppState;
use crate::http::error::ApiError;
use crate::usecases;
use crate::usecases::links::PutLink;
use crate::web::csrf::CheckedForm;
use crate::web::error::WebError;
use crate::web::form_data::FormData;
use crate::web::form_outcome::{Settled, settle};
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;

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
    let refused = match link_from_form(&state, &visitor, id, recommendation_id, &data).await? {
        Ok(linked) => {
            return Ok(see_other(&format!(
                "/interventions/{id}?{}={recommendation_id}#recommendation-{recommendation_id}",
                linked.notice()
            )));
        }
        Err(refused) => refused,
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

/// What a link form did: made a link, or changed the one there was.
#[derive(Debug, Clone, Copy)]
pub(super) enum Linked {
    New,
    Changed,
}

impl Linked {
    /// The notice parameter the page it leads to says it with (`linked`, `relinked`).
    pub(super) fn notice(self) -> &'static str {
        match self {
            Self::New => "linked",
            Self::Changed => "relinked",
        }
    }
}

/// Links `intervention` to `recommendation` as a link form (`contribution`, `rationale`,
/// `evidence_url`) asks, through the use case the API calls: what it did, else the form as
/// typed with what was refused, to show again.
pub(super) async fn link_from_form(
    state: &AppState,
    visitor: &Visitor,
    intervention: Uuid,
    recommendation_id: Uuid,
    data: &FormData,
) -> Result<Result<Linked, RefusedLink>, WebError> {
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
                    state,
                    &visitor.caller,
                    intervention,
                    recommendation_id,
                    &Precondition::None,
                    body,
                )
                .await,
            )
        }
        None => None,
    };
    if let Settled::Done((_, created)) = settle(visitor.locale, outcome, STALE_FORM, &mut errors)? {
        return Ok(Ok(if created {
            Linked::New
        } else {
            Linked::Changed
        }));
    }
    Ok(Err(RefusedLink {
        recommendation_id,
        contribution: data.get("contribution").to_owned(),
        rationale: data.get("rationale").to_owned(),
        evidence_url: data.get("evidence_url").to_owned(),
        errors,
    }))
}

/// `GET /interventions/{id}/links/{recommendation}/remove`: asks the editor to confirm, showing
/// what removing the link loses.
pub(super) async fn confirm_unlink(
    visitor: Visitor,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, WebError> {
    let locale = visitor.locale;
    let (id, recommendation_id) = path.into_inner();
    let (intervention, link, recommendation) =
        usecases::links::removable(state.get_ref(), &visitor.caller, id, recommendation_id).await?;
    let back = format!("/interventions/{id}#recommendation-{recommendation_id}");
    let title = locale.text("unlink-title");
    let content = html! {
        h1 { (title) }
        div.panel {
            p { (locale.text("unlink-intervention")) " " strong { (intervention.row.title) } }
            p {
                (locale.text("unlink-recommendation")) " " strong { (locale.text_with("unlink-numbered", &[
                    ("country", recommendation.country_code.as_str().into()),
                    ("year", recommendation.year.into()),
                    ("position", recommendation.position.into()),
                ])) " " }
                (recommendation.text)
            }
            p { (contribution_in_words(locale, link.contribution)) }
            @if let Some(rationale) = &link.rationale { p { (locale.text_with("unlink-rationale", &[("rationale", rationale.as_str().into())])) } }
            @if let Some(url) = &link.evidence_url { p { (locale.text_with("unlink-evidence", &[("url", url.as_str().into())])) } }
            p { (locale.text("unlink-consequence")) }
            form.actions method="post" action={ "/interventions/" (id) "/links/" (recommendation_id) "/remove" } {
                input type="hidden" name="csrf" value=(visitor.csrf);
                button type="submit" { (locale.text("unlink-submit")) }
                a.button.secondary href=(back) { (locale.text("unlink-keep")) }
            }
        }
    };
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(layout::page(&title, &visitor, Section::Interventions, content).into_string()))
}

/// `POST /interventions/{id}/links/{recommendation}/remove`: removes the link, confirmed.
pub(super) async fn unlink(
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (id, recommendation_id) = path.into_inner();
    usecases::links::unlink(
        state.get_ref(),
        &checked.visitor.caller,
        id,
        recommendation_id,
        &Precondition::None,
    )
    .await?;
    Ok(see_other(&format!(
        "/interventions/{id}?unlinked={recommendation_id}#recommendation-{recommendation_id}"
    )))
}
