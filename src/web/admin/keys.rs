//! API keys: the list, a form to create one (its secret shown once, on the page that answers the
//! form, never again), and revocation.

use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use uuid::Uuid;

use crate::db::keys::{self, Revocation};
use crate::db::organisations;
use crate::domain::Failure;
use crate::domain::Role;
use crate::http::AppState;
use crate::http::error::{ApiError, FieldError};
use crate::usecases::keys::{CreateApiKey, LAST_ADMIN, create_key_for};
use crate::web::csrf::CheckedForm;
use crate::web::error::WebError;
use crate::web::form_data::FormData;
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;
use crate::web::widgets;

/// What the page says above the list.
enum Outcome<'a> {
    None,
    /// A key was just created: its secret, shown this once.
    Created {
        name: &'a str,
        secret: &'a str,
    },
    Revoked(&'a str),
    Refused(&'a str),
}

/// `GET /admin/keys`.
pub async fn keys_page(
    visitor: Visitor,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    visitor.caller.require_admin()?;
    render(
        &visitor,
        &state,
        Outcome::None,
        &FormData::default(),
        &[],
        HttpResponse::Ok(),
    )
    .await
}

/// `POST /admin/keys`: creates a key and shows its secret once.
pub async fn create(
    state: web::Data<AppState>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let CheckedForm { visitor, form } = checked;
    visitor.caller.require_admin()?;
    let mut errors = Vec::new();
    let role = form.get("role").parse::<Role>().ok();
    if role.is_none() {
        errors.push(FieldError::new("role", "choose a role"));
    }
    let organisation_id = match form.optional("organisation_id") {
        None => None,
        Some(text) => match text.parse::<Uuid>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.push(FieldError::new("organisation_id", "choose an organisation"));
                None
            }
        },
    };
    if let (Some(role), true) = (role, errors.is_empty()) {
        let request = CreateApiKey {
            name: form.get("name").to_owned(),
            role,
            organisation_id,
        };
        let mut connection = state.connection().await?;
        match create_key_for(&mut connection, &visitor.caller, &request).await {
            Ok((row, secret)) => {
                let outcome = Outcome::Created {
                    name: &row.name,
                    secret: &secret,
                };
                let mut response = HttpResponse::Ok();
                // The secret must not be kept by any cache.
                response.insert_header(("Cache-Control", "no-store"));
                return render(
                    &visitor,
                    &state,
                    outcome,
                    &FormData::default(),
                    &[],
                    response,
                )
                .await;
            }
            Err(Failure::Invalid(refused)) => errors.extend(refused),
            Err(other) => return Err(other.into()),
        }
    }
    render(
        &visitor,
        &state,
        Outcome::None,
        &form,
        &errors,
        HttpResponse::UnprocessableEntity(),
    )
    .await
}

/// `POST /admin/keys/{id}/revoke`.
pub async fn revoke(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let CheckedForm { visitor, .. } = checked;
    visitor.caller.require_admin()?;
    let mut connection = state.connection().await?;
    let revocation = keys::revoke(&mut connection, &visitor.caller.actor(), *id).await?;
    drop(connection);
    let (outcome, status) = match &revocation {
        Revocation::Revoked(row) => (Outcome::Revoked(&row.name), HttpResponse::Ok()),
        Revocation::LastAdmin => (Outcome::Refused(LAST_ADMIN), HttpResponse::Conflict()),
        Revocation::Missing => {
            return Err(ApiError::NotFound(format!("there is no key {id}")).into());
        }
    };
    render(&visitor, &state, outcome, &FormData::default(), &[], status).await
}

async fn render(
    visitor: &Visitor,
    state: &AppState,
    outcome: Outcome<'_>,
    form: &FormData,
    errors: &[FieldError],
    mut response: actix_web::HttpResponseBuilder,
) -> Result<HttpResponse, WebError> {
    let mut connection = state.connection().await?;
    let rows = keys::list(&mut connection, None, 1000).await?;
    let organisations = organisations::list(&mut connection, None, 1000).await?;
    let organisation_name = |id: Option<Uuid>| {
        id.and_then(|id| organisations.iter().find(|o| o.id == id))
            .map_or("–", |o| o.name.as_str())
    };
    let errors = widgets::FieldErrors(errors);
    let content = html! {
        h1 { "API keys" }
        (notice(&outcome))
        section.panel aria-labelledby="new-key" {
            h2 #new-key { "Create a key" }
            form method="post" action="/admin/keys" {
                input type="hidden" name="csrf" value=(visitor.csrf);
                (errors.field("name", "Name (who or what uses it)", html! {
                    input #name type="text" name="name" value=(form.get("name")) required
                        aria-invalid=[errors.invalid("name")] aria-describedby=[errors.described("name")];
                }))
                (errors.field("role", "Role", html! {
                    select #role name="role" {
                        @for role in Role::ALL { option value=(role) selected[form.get("role") == role.as_str()] { (role) } }
                    }
                }))
                (errors.field("organisation_id", "Organisation (for an editor key)", html! {
                    select #organisation_id name="organisation_id" aria-invalid=[errors.invalid("organisation_id")] aria-describedby=[errors.described("organisation_id")] {
                        option value="" { "None" }
                        @for o in &organisations { option value=(o.id) selected[form.get("organisation_id") == o.id.to_string()] { (o.name) } }
                    }
                }))
                button type="submit" { "Create the key" }
            }
        }
        h2 { "Keys" }
        div.table-wrap { table {
            thead { tr {
                th scope="col" { "Name" } th scope="col" { "Role" } th scope="col" { "Organisation" }
                th scope="col" { "Created" } th scope="col" { "Last used" } th scope="col" { "State" }
            } }
            tbody {
                @for key in &rows {
                    tr {
                        th scope="row" { (key.name) }
                        td { (key.role) }
                        td { (organisation_name(key.organisation_id)) }
                        td { (key.created_at.format("%Y-%m-%d")) }
                        td { (key.last_used_at.map_or("never".to_owned(), |t| t.format("%Y-%m-%d %H:%M").to_string())) }
                        td {
                            @if let Some(revoked) = key.revoked_at {
                                "revoked " (revoked.format("%Y-%m-%d"))
                            } @else {
                                form method="post" action={ "/admin/keys/" (key.id) "/revoke" } {
                                    input type="hidden" name="csrf" value=(visitor.csrf);
                                    button.secondary type="submit" aria-label={ "Revoke " (key.name) } { "Revoke" }
                                }
                            }
                        }
                    }
                }
            }
        } }
    };
    Ok(response
        .content_type("text/html; charset=utf-8")
        .body(layout::page("API keys", visitor, Section::Keys, content).into_string()))
}

fn notice(outcome: &Outcome) -> Markup {
    match outcome {
        Outcome::None => html! {},
        Outcome::Created { name, secret } => html! {
            div.notice role="status" {
                p { "Key " strong { (name) } " created. Copy its secret now: it is shown only this once." }
                p.secret #secret { (secret) }
            }
        },
        Outcome::Revoked(name) => {
            html! { div.notice role="status" { p { "Key " strong { (name) } " is revoked: its requests and sessions are refused from now on." } } }
        }
        Outcome::Refused(why) => html! { div.notice.bad role="alert" { p { (why) } } },
    }
}
