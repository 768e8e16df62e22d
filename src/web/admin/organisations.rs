//! Organisations, for admins: the list, creating one, renaming, and archiving (asked first) or
//! making active again, on the same rules as the API (names unique ignoring case; an archived
//! organisation keeps its history and gets no new interventions or people).

use actix_web::{HttpResponse, web};
use maud::html;
use uuid::Uuid;

use crate::domain::{Failure, FieldError, Precondition};
use crate::http::AppState;
use crate::http::error::ApiError;
use crate::usecases::organisations as cases;
use crate::usecases::organisations::OrganisationRow;
use crate::web::csrf::CheckedForm;
use crate::web::error::WebError;
use crate::web::form_data::FormData;
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;
use crate::web::widgets;

fn path_of(id: Uuid) -> String {
    format!("/admin/organisations/{id}")
}

/// The errors of a refused name, as the form shows them beside the name.
fn name_errors(failure: Failure) -> Result<Vec<FieldError>, WebError> {
    match failure {
        Failure::Invalid(errors) => Ok(errors
            .into_iter()
            .map(|error| FieldError::new("name", error.problem))
            .collect()),
        Failure::Conflict(refusal) => Ok(vec![FieldError::new(
            refusal.field().unwrap_or("name"),
            refusal,
        )]),
        other => Err(other.into()),
    }
}

/// `GET /admin/organisations`.
pub async fn list_page(
    visitor: Visitor,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    render_list(
        &visitor,
        &state,
        &FormData::default(),
        &[],
        HttpResponse::Ok(),
    )
    .await
}

/// `POST /admin/organisations`.
pub async fn create(
    state: web::Data<AppState>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let CheckedForm { visitor, form } = checked;
    match cases::create(
        state.get_ref(),
        &visitor.caller,
        form.get("name"),
        None,
        None,
    )
    .await
    {
        Ok(row) => Ok(widgets::see_other(&format!(
            "{}?created=1",
            path_of(row.id)
        ))),
        Err(failure) => {
            let errors = name_errors(failure)?;
            render_list(
                &visitor,
                &state,
                &form,
                &errors,
                HttpResponse::UnprocessableEntity(),
            )
            .await
        }
    }
}

/// `GET /admin/organisations/{id}`.
pub async fn organisation_page(
    visitor: Visitor,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let notice = ["created", "renamed", "archived", "restored"]
        .into_iter()
        .find(|done| query.contains_key(*done));
    render_one(
        &visitor,
        &state,
        *id,
        notice,
        &FormData::default(),
        &[],
        HttpResponse::Ok(),
    )
    .await
}

/// `POST /admin/organisations/{id}`: a new name.
pub async fn rename(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let CheckedForm { visitor, form } = checked;
    let renamed = cases::update(
        state.get_ref(),
        &visitor.caller,
        *id,
        &Precondition::None,
        &cases::OrganisationUpdate {
            name: Some(form.get("name")),
            ..Default::default()
        },
    )
    .await;
    match renamed {
        Ok(_) => Ok(widgets::see_other(&format!("{}?renamed=1", path_of(*id)))),
        Err(failure @ Failure::NotFound(_)) => Err(failure.into()),
        Err(failure) => {
            let errors = name_errors(failure)?;
            render_one(
                &visitor,
                &state,
                *id,
                None,
                &form,
                &errors,
                HttpResponse::UnprocessableEntity(),
            )
            .await
        }
    }
}

/// `GET /admin/organisations/{id}/archive`: asks first.
pub async fn confirm_archive(
    visitor: Visitor,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, WebError> {
    let organisation = find(&state, *id).await?;
    let locale = visitor.locale;
    let title = locale.text_with(
        "organisations-archive-title",
        &[("name", organisation.name.as_str().into())],
    );
    let action = format!("{}/archive", path_of(organisation.id));
    let content = widgets::Confirmation {
        title: &title,
        consequence: html! { (locale.text("organisations-archive-consequence")) },
        action: &action,
        button: &locale.text("organisations-archive-submit"),
        cancel: &path_of(organisation.id),
        cancel_label: &locale.text("organisations-cancel"),
    }
    .content(&visitor.csrf);
    Ok(widgets::html_page(layout::page(
        &title,
        &visitor,
        Section::Organisations,
        content,
    )))
}

/// `POST /admin/organisations/{id}/archive` and `/restore`.
pub async fn set_archived(
    state: web::Data<AppState>,
    path: web::Path<(Uuid, String)>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (id, action) = path.into_inner();
    let (archived, done) = match action.as_str() {
        "archive" => (true, "archived"),
        "restore" => (false, "restored"),
        _ => return Err(ApiError::NotFound("there is no such page".into()).into()),
    };
    cases::update(
        state.get_ref(),
        &checked.visitor.caller,
        id,
        &Precondition::None,
        &cases::OrganisationUpdate {
            archived: Some(archived),
            ..Default::default()
        },
    )
    .await?;
    Ok(widgets::see_other(&format!("{}?{done}=1", path_of(id))))
}

async fn find(state: &AppState, id: Uuid) -> Result<OrganisationRow, WebError> {
    Ok(cases::find(state, id).await?)
}

async fn render_list(
    visitor: &Visitor,
    state: &AppState,
    form: &FormData,
    errors: &[FieldError],
    mut response: actix_web::HttpResponseBuilder,
) -> Result<HttpResponse, WebError> {
    let locale = visitor.locale;
    let rows = cases::all(state).await?;
    let errors = widgets::FieldErrors(errors, locale);
    let content = html! {
        h1 { (locale.text("organisations-title")) }
        section.panel aria-labelledby="new-organisation" {
            h2 #new-organisation { (locale.text("organisations-add")) }
            form method="post" action="/admin/organisations" {
                input type="hidden" name="csrf" value=(visitor.csrf);
                (errors.field("name", &locale.text("organisations-name"), html! {
                    input #name type="text" name="name" value=(form.get("name")) required autocomplete="organization"
                        aria-invalid=[errors.invalid("name")] aria-describedby=[errors.described("name")];
                }))
                button type="submit" { (locale.text("organisations-add-submit")) }
            }
        }
        div.table-wrap { table {
            thead { tr {
                th scope="col" { (locale.text("organisations-name")) }
                th scope="col" { (locale.text("organisations-column-iati")) }
                th scope="col" { (locale.text("organisations-column-state")) }
            } }
            tbody {
                @for row in &rows {
                    tr {
                        th scope="row" { a href=(path_of(row.id)) { (row.name) } }
                        td { (row.iati_identifier.as_deref().unwrap_or("–")) }
                        td { @if let Some(at) = row.archived_at {
                            (locale.text_with("organisations-archived-on", &[("day", crate::i18n::written::day_of(locale, at).into())]))
                        } @else { (locale.text("organisations-active")) } }
                    }
                }
            }
        } }
    };
    Ok(response.content_type("text/html; charset=utf-8").body(
        layout::page(
            &locale.text("organisations-title"),
            visitor,
            Section::Organisations,
            content,
        )
        .into_string(),
    ))
}

async fn render_one(
    visitor: &Visitor,
    state: &AppState,
    id: Uuid,
    notice: Option<&str>,
    form: &FormData,
    errors: &[FieldError],
    mut response: actix_web::HttpResponseBuilder,
) -> Result<HttpResponse, WebError> {
    let locale = visitor.locale;
    let organisation = find(state, id).await?;
    let errors = widgets::FieldErrors(errors, locale);
    let name = if form.get("csrf").is_empty() {
        organisation.name.clone()
    } else {
        form.get("name").to_owned()
    };
    let title = organisation.name.clone();
    let content = html! {
        h1 { (title) }
        @if let Some(done) = notice { div.notice role="status" { p { (locale.text_with("organisations-done", &[("done", done.into())])) } } }
        p {
            a href={ "/interventions?organisation=" (organisation.id) } { (locale.text("organisations-interventions")) } " · "
            a href={ "/admin/audit?resource_type=organisation&resource_id=" (organisation.id) } { (locale.text("organisations-history")) }
        }
        section.panel aria-labelledby="rename" {
            h2 #rename { (locale.text("organisations-name")) }
            form method="post" action=(path_of(organisation.id)) {
                input type="hidden" name="csrf" value=(visitor.csrf);
                (errors.field("name", &locale.text("organisations-name"), html! {
                    input #name type="text" name="name" value=(name) required
                        aria-invalid=[errors.invalid("name")] aria-describedby=[errors.described("name")];
                }))
                button type="submit" { (locale.text("organisations-rename")) }
            }
        }
        section.panel aria-labelledby="state" {
            h2 #state { (locale.text("organisations-state")) }
            @if let Some(at) = organisation.archived_at {
                p { (locale.text_with("organisations-archived-since", &[("day", crate::i18n::written::day_of(locale, at).into())])) }
                form method="post" action={ (path_of(organisation.id)) "/restore" } {
                    input type="hidden" name="csrf" value=(visitor.csrf);
                    button type="submit" { (locale.text("organisations-restore")) }
                }
            } @else {
                p { (locale.text("organisations-is-active")) }
                p { a.danger-link href={ (path_of(organisation.id)) "/archive" } { (locale.text("organisations-archive")) } }
            }
        }
        p { a href="/admin/organisations" { (locale.text("organisations-back")) } }
    };
    Ok(response
        .content_type("text/html; charset=utf-8")
        .body(layout::page(&title, visitor, Section::Organisations, content).into_string()))
}
