//! The form to log an intervention and to edit one: the pages, with each field's errors beside
//! it; what the form holds is read in [`super::form_values`].

use std::str::FromStr;

use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use uuid::Uuid;

use super::conflict::{Conflict, with_theirs_taken};
use super::form_values::{Choices, InterventionForm, choices, optional_text};
use super::{find, see_other};
use crate::domain::{Failure, InterventionKind, InterventionStatus, Precondition};
use crate::http::AppState;
use crate::http::error::FieldError;
use crate::i18n::{Locale, Worded};
use crate::usecases;
use crate::usecases::interventions::UpdateIntervention;
use crate::web::country_picker::country_picker;
use crate::web::csrf::CheckedForm;
use crate::web::error::WebError;
use crate::web::form_outcome::{Settled, settle};
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;
use crate::web::widgets::{self, FieldErrors};

/// `GET /interventions/new`.
pub(super) async fn new_form(
    visitor: Visitor,
    state: web::Data<AppState>,
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, WebError> {
    visitor.caller.editable_organisation()?;
    let mut connection = state.connection().await?;
    let choices = choices(&mut connection, &visitor).await?;
    let country = query
        .country
        .as_deref()
        .filter(|code| choices.countries.iter().any(|c| c.code == *code));
    let form = InterventionForm {
        status: "planned".into(),
        organisation_id: visitor
            .caller
            .organisation_id
            .map(|id| id.to_string())
            .unwrap_or_default(),
        countries: country
            .map(|code| vec![code.to_owned()])
            .unwrap_or_default(),
        answers: query
            .answers
            .as_deref()
            .and_then(|id| Uuid::from_str(id).ok())
            .map(|id| id.to_string())
            .unwrap_or_default(),
        ..InterventionForm::default()
    };
    Ok(form_page(
        &visitor,
        None,
        &form,
        &choices,
        &[],
        None,
        HttpResponse::Ok(),
    ))
}

/// What a new intervention's form may start from: a country chosen, and the recommendation it
/// is logged to answer (both from a country page). Read leniently: what names nothing is left
/// out.
#[derive(Debug, Default, serde::Deserialize)]
pub struct NewQuery {
    country: Option<String>,
    answers: Option<String>,
}

/// The key of what an edit form says when someone else saved the intervention since it was
/// opened.
pub(super) const STALE_FORM: &str = "interventions-stale";

/// `POST /interventions`.
pub(super) async fn create(
    state: web::Data<AppState>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let CheckedForm {
        visitor,
        form: data,
    } = checked;
    let form = InterventionForm::read(&data);
    let (parsed, mut errors) = form.parsed();
    let outcome = if errors.is_empty() {
        let body = form.as_new(&parsed);
        Some(usecases::interventions::create(state.get_ref(), &visitor.caller, body).await)
    } else {
        // The rules the typed fields break too, so that every error shows at once.
        errors.extend(usecases::interventions::field_errors(&form.as_new(&parsed)));
        None
    };
    let message = match settle(visitor.locale, outcome, STALE_FORM, &mut errors)? {
        Settled::Done(created) => {
            let id = created.row.id;
            return Ok(see_other(&match Uuid::from_str(&form.answers) {
                Ok(recommendation) => format!(
                    "/interventions/{id}?saved=1&link={recommendation}#recommendation-{recommendation}"
                ),
                Err(_) => format!("/interventions/{id}?saved=1"),
            }));
        }
        Settled::Again(message) => message,
    };
    let mut connection = state.connection().await?;
    let choices = choices(&mut connection, &visitor).await?;
    Ok(form_page(
        &visitor,
        None,
        &form,
        &choices,
        &errors,
        message.as_deref(),
        HttpResponse::UnprocessableEntity(),
    ))
}

/// `GET /interventions/{id}/edit`.
pub(super) async fn edit_form(
    visitor: Visitor,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, WebError> {
    let mut connection = state.connection().await?;
    let intervention = find(&mut connection, *id).await?;
    visitor
        .caller
        .require_editor_of(intervention.row.organisation_id)?;
    let choices = choices(&mut connection, &visitor).await?;
    Ok(form_page(
        &visitor,
        Some(*id),
        &InterventionForm::of(visitor.locale, &intervention),
        &choices,
        &[],
        None,
        HttpResponse::Ok(),
    ))
}

/// `POST /interventions/{id}`: saves the edit form.
pub(super) async fn update(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = *id;
    let CheckedForm {
        visitor,
        form: data,
    } = checked;
    let form = with_theirs_taken(InterventionForm::read(&data), &data);
    let (parsed, mut errors) = form.parsed();
    let precondition = Precondition::parse_if_match(&form.etag).unwrap_or_default();
    let outcome = if errors.is_empty() {
        let body = UpdateIntervention {
            organisation_id: parsed.organisation_id,
            countries: Some(form.countries.clone()),
            kind: parsed.kind,
            title: Some(form.title.clone()),
            description: Some(optional_text(&form.description)),
            status: parsed.status,
            started_on: Some(parsed.started_on),
            ended_on: Some(parsed.ended_on),
            location: Some(optional_text(&form.location)),
            people_reached: Some(parsed.people_reached),
        };
        Some(
            usecases::interventions::update(
                state.get_ref(),
                &visitor.caller,
                id,
                &precondition,
                body,
            )
            .await,
        )
    } else {
        None
    };
    if let Some(Err(Failure::Stale { .. })) = &outcome {
        return conflict_page(&state, &visitor, id, form).await;
    }
    let message = match settle(visitor.locale, outcome, STALE_FORM, &mut errors)? {
        Settled::Done(_) => return Ok(see_other(&format!("/interventions/{id}?saved=1"))),
        Settled::Again(message) => message,
    };
    let mut connection = state.connection().await?;
    let choices = choices(&mut connection, &visitor).await?;
    Ok(form_page(
        &visitor,
        Some(id),
        &form,
        &choices,
        &errors,
        message.as_deref(),
        HttpResponse::UnprocessableEntity(),
    ))
}

/// The edit form again after someone else saved the intervention: the person's values, theirs
/// beside each field that differs, and the version now stored as the one the save replaces.
async fn conflict_page(
    state: &AppState,
    visitor: &Visitor,
    id: Uuid,
    mut yours: InterventionForm,
) -> Result<HttpResponse, WebError> {
    let mut connection = state.connection().await?;
    let current = find(&mut connection, id).await?;
    let (by, at) = usecases::interventions::last_change(&mut connection, id)
        .await?
        .unwrap_or_else(|| {
            (
                visitor.locale.text("interventions-form-someone"),
                current.row.updated_at,
            )
        });
    let choices = choices(&mut connection, visitor).await?;
    let theirs = InterventionForm::of(visitor.locale, &current);
    yours.etag = theirs.etag.clone();
    let by = crate::web::admin::audit_words::actor(visitor.locale, &by);
    let conflict = Conflict { theirs, by, at };
    let content = form_content(
        visitor,
        Some(id),
        &yours,
        &choices,
        &[],
        None,
        Some(&conflict),
    );
    Ok(HttpResponse::Conflict()
        .content_type("text/html; charset=utf-8")
        .body(
            layout::page(
                &visitor.locale.text(form_title(Some(id))),
                visitor,
                Section::Interventions,
                content,
            )
            .into_string(),
        ))
}

/// The catalogue's key of the heading of the form to log (`id` is `None`) or edit an
/// intervention.
fn form_title(id: Option<Uuid>) -> &'static str {
    if id.is_some() {
        "interventions-form-edit"
    } else {
        "interventions-log"
    }
}

/// The form to log (`id` is `None`) or edit an intervention, with each field's errors beside it.
fn form_page(
    visitor: &Visitor,
    id: Option<Uuid>,
    form: &InterventionForm,
    choices: &Choices,
    errors: &[FieldError],
    message: Option<&str>,
    mut response: actix_web::HttpResponseBuilder,
) -> HttpResponse {
    let title = visitor.locale.text(form_title(id));
    let content = form_content(visitor, id, form, choices, errors, message, None);
    response
        .content_type("text/html; charset=utf-8")
        .body(layout::page(&title, visitor, Section::Interventions, content).into_string())
}

/// The form's page content: its heading, what was refused, and the form; after an edit
/// conflict, the other person's values beside the fields that differ.
fn form_content(
    visitor: &Visitor,
    id: Option<Uuid>,
    form: &InterventionForm,
    choices: &Choices,
    errors: &[FieldError],
    message: Option<&str>,
    conflict: Option<&Conflict>,
) -> Markup {
    let locale = visitor.locale;
    let title = locale.text(form_title(id));
    let action = id.map_or("/interventions".to_owned(), |id| {
        format!("/interventions/{id}")
    });
    let differing = conflict.map(|conflict| conflict.differing(form));
    html! {
        h1 { (title) }
        @if let (Some(conflict), Some(differing)) = (conflict, &differing) {
            (conflict.notice(locale, differing.len(), &format!("{action}/edit")))
        }
        @if let Some(message) = message {
            div.notice.bad role="alert" { p { (widgets::message(message)) } }
        }
        (FieldErrors(errors, locale).summary_labelled(locale, LABELS))
        form.panel method="post" action=(action) novalidate {
            input type="hidden" name="csrf" value=(visitor.csrf);
            input type="hidden" name="etag" value=(form.etag);
            @if !form.answers.is_empty() { input type="hidden" name="answers" value=(form.answers); }
            (fields(locale, form, choices, &FieldErrors(errors, locale), conflict))
            div.actions {
                button type="submit" { (locale.text("interventions-form-save")) }
                a href=(action) { (locale.text("interventions-form-cancel")) }
            }
        }
    }
}

/// Each field's label, as the form shows it: the summary of a refused form names fields by them.
const LABELS: &[(&str, &str)] = &[
    ("organisation_id", "interventions-organisation"),
    ("title", "interventions-form-title"),
    ("countries", "interventions-column-countries"),
    ("kind", "interventions-kind"),
    ("status", "interventions-status"),
    ("description", "interventions-description"),
    ("started_on", "interventions-started-on"),
    ("ended_on", "interventions-ended-on"),
    ("location", "interventions-location"),
    ("people_reached", "interventions-people-reached"),
];

/// Every field of the intervention form, as typed, with the choices it offers; after an edit
/// conflict, the other person's value under each field that differs.
fn fields(
    locale: Locale,
    form: &InterventionForm,
    choices: &Choices,
    errors: &FieldErrors,
    conflict: Option<&Conflict>,
) -> Markup {
    let (described, invalid) = (|name| errors.described(name), |name| errors.invalid(name));
    let theirs = |field: &str| {
        conflict.map_or_else(
            || html! {},
            |conflict| conflict.theirs_beside(locale, field, form, choices),
        )
    };
    html! {
        (errors.field("organisation_id", &locale.text("interventions-organisation"), html! {
            select #organisation_id name="organisation_id" required aria-describedby=[described("organisation_id")] aria-invalid=[invalid("organisation_id")] {
                @if choices.organisations.len() != 1 { option value="" { (locale.text("interventions-form-choose")) } }
                @for o in &choices.organisations { option value=(o.id) selected[form.organisation_id == o.id.to_string()] { (o.name) } }
            }
        }))
        (theirs("organisation_id"))
        (errors.field("title", &locale.text("interventions-form-title"), html! {
            input #title type="text" name="title" value=(form.title) required aria-describedby=[described("title")] aria-invalid=[invalid("title")];
        }))
        (theirs("title"))
        (country_picker(locale, "countries", &locale.text("interventions-column-countries"), &choices.countries, &form.countries, errors.of("countries").as_deref()))
        (theirs("countries"))
        (errors.field("kind", &locale.text("interventions-kind"), html! {
            select #kind name="kind" aria-describedby=[described("kind")] {
                @for k in InterventionKind::ALL { option value=(k) selected[form.kind == k.as_str()] { (k.label(locale)) } }
            }
        }))
        (theirs("kind"))
        (errors.field("status", &locale.text("interventions-status"), html! {
            select #status name="status" aria-describedby=[described("status")] {
                @for s in InterventionStatus::ALL { option value=(s) selected[form.status == s.as_str()] { (s.label(locale)) } }
            }
        }))
        (theirs("status"))
        (errors.field("description", &locale.text("interventions-description"), html! {
            textarea #description name="description" aria-describedby=[described("description")] { (form.description) }
        }))
        (theirs("description"))
        (errors.field("started_on", &locale.text("interventions-started-on"), html! {
            input #started_on type="text" placeholder=(locale.text("interventions-form-date-hint")) autocomplete="off" name="started_on" value=(form.started_on) aria-describedby=[described("started_on")] aria-invalid=[invalid("started_on")];
        }))
        (theirs("started_on"))
        (errors.field("ended_on", &locale.text("interventions-ended-on"), html! {
            input #ended_on type="text" placeholder=(locale.text("interventions-form-date-hint")) autocomplete="off" name="ended_on" value=(form.ended_on) aria-describedby=[described("ended_on")] aria-invalid=[invalid("ended_on")];
        }))
        (theirs("ended_on"))
        (errors.field("location", &locale.text("interventions-form-location"), html! {
            input #location type="text" name="location" value=(form.location) aria-describedby=[described("location")];
        }))
        (theirs("location"))
        (errors.field("people_reached", &locale.text("interventions-form-people-reached"), html! {
            input #people_reached type="text" inputmode="numeric" autocomplete="off" name="people_reached" value=(form.people_reached) aria-describedby=[described("people_reached")] aria-invalid=[invalid("people_reached")];
        }))
        (theirs("people_reached"))
    }
}
