//! Linking from where a person sees the gap: under a recommendation on the country page, an
//! editor links one of their organisation's interventions in that country
//! (`POST /recommendations/{id}/link`, through the same [`usecases::links::link`](crate::usecases::links::link) as the
//! intervention page and the API), or logs a new one with the country and the recommendation
//! already chosen.

use std::str::FromStr;

use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use uuid::Uuid;

use super::linking::{Linked, link_from_form};
use super::see_other;
use super::show::{ShowQuery, render_show};
use crate::domain::Contribution;
use crate::http::AppState;
use crate::http::error::ApiError;
use crate::i18n::{Locale, Worded};
use crate::usecases::country_page::{LINKABLE_SHOWN, Linkable};
use crate::web::csrf::CheckedForm;
use crate::web::error::WebError;
use crate::web::session::Visitor;

/// The choices every link offer of a page shares, worded once for the page: the interventions
/// the visitor may link (up to [`LINKABLE_SHOWN`]) and the contributions. Worded under each of a
/// report's recommendations instead, they were over a thousand catalogue messages per view and
/// most of an editor's page's cost.
pub struct OfferChoices {
    interventions: Markup,
    contributions: Markup,
}

impl OfferChoices {
    /// The options of `linkable`'s interventions and of the contributions, in `locale`'s words.
    pub fn of(locale: Locale, linkable: &Linkable) -> Self {
        let interventions = match linkable {
            Linkable::Interventions { interventions, .. } => html! {
                @for intervention in interventions {
                    option value=(intervention.id) { (locale.text_with("offer-intervention-option", &[
                        ("title", intervention.title.as_str().into()),
                        ("status", intervention.status.label(locale).into()),
                    ])) }
                }
            },
            Linkable::Nothing | Linkable::ChooseAnOrganisation => html! {},
        };
        let contributions = html! {
            @for c in Contribution::ALL { option value=(c) { (c.label(locale)) } }
        };
        Self {
            interventions,
            contributions,
        }
    }
}

/// Under a recommendation of `code`'s report: the form to link one of the interventions the
/// visitor may link there (with `choices`, worded once for the page), and the way to log a new
/// one. `year_asked` is the year the page was opened at, if one was: linking leads back to the
/// page as it was opened (without a year, the latest report's, with the next report's window).
pub fn link_offer(
    visitor: &Visitor,
    code: &str,
    year_asked: Option<i32>,
    recommendation: Uuid,
    linkable: &Linkable,
    choices: &OfferChoices,
) -> Markup {
    let locale = visitor.locale;
    let prefix = format!("offer-{recommendation}");
    html! {
        details.link-offer.no-print {
            summary { (locale.text("offer-summary")) }
            @match linkable {
                Linkable::Nothing => {}
                Linkable::ChooseAnOrganisation => {
                    p.muted { (locale.text("offer-choose-organisation")) }
                }
                Linkable::Interventions { interventions, .. } if interventions.is_empty() => {
                    p.muted { (locale.text("offer-none-here")) }
                }
                Linkable::Interventions { more, .. } => {
                    form method="post" action={ "/recommendations/" (recommendation) "/link" } {
                        input type="hidden" name="csrf" value=(visitor.csrf);
                        input type="hidden" name="country" value=(code);
                        @if let Some(year) = year_asked { input type="hidden" name="year" value=(year); }
                        div.field {
                            label for={ (prefix) "-intervention" } { (locale.text("offer-intervention")) }
                            select id={ (prefix) "-intervention" } name="intervention_id" required {
                                (choices.interventions)
                            }
                            @if *more {
                                p.muted { (locale.text_with("offer-more-before", &[("count", LINKABLE_SHOWN.into())])) " "
                                    a href={ "/interventions?country=" (code) } { (locale.text("offer-more-link")) } "." }
                            }
                        }
                        div.field {
                            label for={ (prefix) "-contribution" } { (locale.text("offer-contribution")) }
                            select id={ (prefix) "-contribution" } name="contribution" {
                                (choices.contributions)
                            }
                        }
                        div.field {
                            label for={ (prefix) "-rationale" } { (locale.text("offer-rationale")) }
                            textarea id={ (prefix) "-rationale" } name="rationale" {}
                        }
                        div.field {
                            label for={ (prefix) "-evidence" } { (locale.text("offer-evidence")) }
                            input id={ (prefix) "-evidence" } type="url" name="evidence_url";
                        }
                        button type="submit" { (locale.text("offer-submit")) }
                    }
                }
            }
            p { a.button.secondary href={ "/interventions/new?country=" (code) "&answers=" (recommendation) } { (locale.text("offer-new")) } }
        }
    }
}

/// `POST /recommendations/{id}/link`: links the chosen intervention, then goes back to the
/// country page beside the recommendation; a refusal shows the intervention's page with what
/// was typed and why.
pub(super) async fn link(
    state: web::Data<AppState>,
    recommendation: web::Path<Uuid>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let recommendation_id = *recommendation;
    let CheckedForm { visitor, form } = checked;
    let intervention = Uuid::from_str(form.get("intervention_id").trim())
        .map_err(|_| ApiError::BadRequest("the form names no intervention".into()))?;
    let refused =
        match link_from_form(&state, &visitor, intervention, recommendation_id, &form).await? {
            Ok(linked) => {
                return Ok(see_other(&back_to_country(
                    form.get("country"),
                    form.get("year"),
                    recommendation_id,
                    linked,
                )));
            }
            Err(refused) => refused,
        };
    render_show(
        &visitor,
        &state,
        intervention,
        &ShowQuery::default(),
        Some(refused),
        HttpResponse::UnprocessableEntity(),
    )
    .await
}

/// The country page the form came from, at the recommendation, saying it is linked: at the year
/// it was opened at, or without one when it was opened without one. Only a country code and a
/// year are taken from the form, so the answer never leaves gaptrack.
fn back_to_country(country: &str, year: &str, recommendation: Uuid, linked: Linked) -> String {
    let code_ok = country.len() == 3 && country.bytes().all(|b| b.is_ascii_uppercase());
    let year = match year {
        "" => Some(None),
        year => year.parse::<i32>().ok().map(Some),
    };
    let notice = linked.notice();
    match (code_ok, year) {
        (true, Some(Some(year))) => format!(
            "/countries/{country}?year={year}&{notice}={recommendation}#recommendation-{recommendation}"
        ),
        (true, Some(None)) => format!(
            "/countries/{country}?{notice}={recommendation}#recommendation-{recommendation}"
        ),
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linking_leads_back_to_the_page_as_it_was_opened() {
        let id = Uuid::nil();
        assert_eq!(
            back_to_country("SLE", "2023", id, Linked::New),
            format!("/countries/SLE?year=2023&linked={id}#recommendation-{id}")
        );
        assert_eq!(
            back_to_country("SLE", "", id, Linked::Changed),
            format!("/countries/SLE?relinked={id}#recommendation-{id}")
        );
        assert_eq!(back_to_country("SLE", "soon", id, Linked::New), "/");
        assert_eq!(
            back_to_country("https://elsewhere", "", id, Linked::New),
            "/"
        );
    }
}
