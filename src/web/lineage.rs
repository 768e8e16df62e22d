//! On a country's page, for admins: the recommendations of its report that look like its
//! previous report's, offered in one form for the whole country ("this continues 2023 no. 3:
//! yes / no / not sure"), and `POST /countries/{code}/lineage`, which stores the answers
//! through [`usecases::lineage::answer`]. A confirmed line then shows, on the page, how long
//! the recommendation has stood.

use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use uuid::Uuid;

use crate::http::AppState;
use crate::http::error::ApiError;
use crate::i18n::written;
use crate::usecases;
use crate::usecases::lineage::{LineageAnswer, LineageSuggestion};
use crate::web::csrf::CheckedForm;
use crate::web::error::WebError;
use crate::web::session::Visitor;
use crate::web::widgets;

/// The form of the suggestions for `code`'s report of `year`; nothing when there are none.
pub fn suggestions_form(
    visitor: &Visitor,
    code: &str,
    year: i32,
    suggestions: &[LineageSuggestion],
) -> Markup {
    if suggestions.is_empty() {
        return html! {};
    }
    let locale = visitor.locale;
    let earlier = suggestions[0].earlier_year;
    html! {
        section.panel.lineage aria-labelledby="lineage-title" {
            h2 #lineage-title { (locale.text_with("lineage-title", &[("year", earlier.into())])) }
            p.muted {
                (locale.text_with("lineage-intro", &[("year", year.into()), ("earlier", earlier.into())]))
            }
            form method="post" action={ "/countries/" (code) "/lineage" } {
                input type="hidden" name="csrf" value=(visitor.csrf);
                input type="hidden" name="year" value=(year);
                @for suggestion in suggestions {
                    @let name = format!("answer-{}", suggestion.id);
                    fieldset.suggestion {
                        legend { (locale.text_with("lineage-question", &[
                            ("year", year.into()),
                            ("position", suggestion.position.into()),
                            ("earlier", suggestion.earlier_year.into()),
                            ("earlier-position", suggestion.earlier_position.into()),
                        ])) }
                        input type="hidden" name="recommendation" value=(suggestion.id);
                        input type="hidden" name={ "earlier-" (suggestion.id) } value=(suggestion.earlier_id);
                        dl.details {
                            dt { (locale.text_with("lineage-numbered", &[("year", year.into()), ("position", suggestion.position.into())])) }
                            dd { (suggestion.text) }
                            dt { (locale.text_with("lineage-numbered", &[("year", suggestion.earlier_year.into()), ("position", suggestion.earlier_position.into())])) }
                            dd { (suggestion.earlier_text) }
                        }
                        p.muted { (locale.text_with("lineage-alike", &[("similarity", written::percent(locale, f64::from(suggestion.similarity)).into())])) }
                        div.actions role="radiogroup" {
                            label.check { input type="radio" name=(name) value="yes"; (locale.text("lineage-yes")) }
                            label.check { input type="radio" name=(name) value="no"; (locale.text("lineage-no")) }
                            label.check { input type="radio" name=(name) value="" checked; (locale.text("lineage-not-sure")) }
                        }
                    }
                }
                button type="submit" { (locale.text("lineage-submit")) }
            }
        }
    }
}

/// `POST /countries/{code}/lineage`.
pub async fn answer(
    state: web::Data<AppState>,
    code: web::Path<String>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let CheckedForm { visitor, form } = checked;
    let year: i32 = form
        .get("year")
        .parse()
        .map_err(|_| ApiError::BadRequest("the form names no report year".into()))?;
    let mut answers = Vec::new();
    for text in form.all("recommendation") {
        let recommendation = Uuid::parse_str(&text)
            .map_err(|_| ApiError::BadRequest(format!("`{text}` is not a recommendation id")))?;
        let continues = match form.get(&format!("answer-{recommendation}")) {
            "yes" => true,
            "no" => false,
            _ => continue,
        };
        let earlier_text = form.get(&format!("earlier-{recommendation}"));
        let earlier = Uuid::parse_str(earlier_text).map_err(|_| {
            ApiError::BadRequest(format!("`{earlier_text}` is not a recommendation id"))
        })?;
        answers.push(LineageAnswer {
            recommendation,
            earlier,
            continues,
        });
    }
    let country = {
        let mut connection = state.connection().await?;
        usecases::countries::country_from_path(&mut connection, &code).await?
    };
    let stored = usecases::lineage::answer(
        state.get_ref(),
        &visitor.caller,
        &country.code,
        year,
        &answers,
    )
    .await?;
    Ok(widgets::see_other(&format!(
        "/countries/{}?year={year}&answered={stored}#lineage-done",
        country.code
    )))
}
