//! Adding or correcting a recommendation's French text, for admins, from the country page: the
//! report's English above, the French text and its source in a form, on the same rules as the
//! API's `PUT /recommendations/{id}/translations/{language}`.

use actix_web::{HttpResponse, web};
use maud::html;
use uuid::Uuid;

use crate::domain::{Failure, FieldError, Language};
use crate::http::AppState;
use crate::usecases::recommendations::{self, RecommendationRow};
use crate::usecases::translations::{self, SetTranslation};
use crate::web::csrf::CheckedForm;
use crate::web::error::WebError;
use crate::web::form_data::FormData;
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;
use crate::web::widgets::{self, FieldErrors};

/// The form's labels, as the summary of a refused form names its fields.
const LABELS: &[(&str, &str)] = &[
    ("text", "translation-text"),
    ("source_url", "translation-source"),
];

/// The form's routes, in the pages' route table.
pub fn routes(config: &mut web::ServiceConfig) {
    const PATH: &str = "/recommendations/{id}/translations/{language}";
    config
        .route(PATH, web::get().to(form_page))
        .route(PATH, web::post().to(save));
}

/// The address of the form for recommendation `id` in `language`.
pub fn path(id: Uuid, language: Language) -> String {
    format!("/recommendations/{id}/translations/{language}")
}

/// The language of the address, if a recommendation may be translated into it; else there is
/// no such page.
fn language_of(id: Uuid, code: &str) -> Result<Language, WebError> {
    code.parse::<Language>()
        .ok()
        .filter(|language| *language != Language::English)
        .ok_or_else(|| WebError::NoSuchPage(format!("/recommendations/{id}/translations/{code}")))
}

/// `GET /recommendations/{id}/translations/{language}`.
pub async fn form_page(
    visitor: Visitor,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, String)>,
) -> Result<HttpResponse, WebError> {
    visitor.caller.require_admin()?;
    let (id, code) = path.into_inner();
    let language = language_of(id, &code)?;
    let recommendation = recommendations::find(state.get_ref(), id).await?;
    let current = translations::of(state.get_ref(), id)
        .await?
        .into_iter()
        .find(|row| row.language == language.as_str());
    let form = current.map_or_else(FormData::default, |current| {
        FormData::filled(&[
            ("text", &current.text),
            (
                "source_url",
                current.source_url.as_deref().unwrap_or_default(),
            ),
        ])
    });
    Ok(render(&visitor, &recommendation, language, &form, &[]))
}

/// `POST /recommendations/{id}/translations/{language}`: saves it, then goes back to the
/// recommendation on its country's page.
pub async fn save(
    state: web::Data<AppState>,
    path: web::Path<(Uuid, String)>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let CheckedForm { visitor, form } = checked;
    let (id, code) = path.into_inner();
    let language = language_of(id, &code)?;
    let given = SetTranslation {
        text: form.get("text").to_owned(),
        source_url: form.optional("source_url"),
    };
    let saved = translations::set(
        state.get_ref(),
        &visitor.caller,
        id,
        language.as_str(),
        &given,
    )
    .await;
    let recommendation = recommendations::find(state.get_ref(), id).await?;
    match saved {
        Ok(_) => Ok(widgets::see_other(&format!(
            "/countries/{}?year={}#recommendation-{id}",
            recommendation.country_code, recommendation.year
        ))),
        Err(Failure::Invalid(errors)) => {
            let mut page = render(&visitor, &recommendation, language, &form, &errors);
            *page.status_mut() = actix_web::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok(page)
        }
        Err(other) => Err(other.into()),
    }
}

fn render(
    visitor: &Visitor,
    recommendation: &RecommendationRow,
    language: Language,
    form: &FormData,
    errors: &[FieldError],
) -> HttpResponse {
    let locale = visitor.locale;
    let errors = FieldErrors(errors, locale);
    let title = locale.text_with(
        "translation-title",
        &[("language", language.as_str().into())],
    );
    let back = format!(
        "/countries/{}?year={}#recommendation-{}",
        recommendation.country_code, recommendation.year, recommendation.id
    );
    let content = html! {
        h1 { (title) }
        section.panel {
            p.muted { (locale.text("translation-original")) }
            blockquote lang="en" { (recommendation.text) }
            (errors.summary_labelled(locale, LABELS))
            form method="post" action=(path(recommendation.id, language)) {
                input type="hidden" name="csrf" value=(visitor.csrf);
                (errors.field("text", &locale.text("translation-text"), html! {
                    textarea #text name="text" rows="5" lang=(language.as_str()) required
                        aria-invalid=[errors.invalid("text")] aria-describedby=[errors.described("text")] { (form.get("text")) }
                }))
                (errors.field("source_url", &locale.text("translation-source"), html! {
                    input #source_url type="url" name="source_url" value=(form.get("source_url"))
                        aria-invalid=[errors.invalid("source_url")] aria-describedby=[errors.described("source_url")];
                }))
                div.actions {
                    button type="submit" { (locale.text("translation-save")) }
                    a href=(back) { (locale.text("translation-cancel")) }
                }
            }
        }
    };
    widgets::html_page(layout::page(&title, visitor, Section::Countries, content))
}
