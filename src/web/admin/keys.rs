//! API keys: the list (every key, whose it is), a form to create a key for a named service (its
//! secret shown once, on the page the form redirects to, so reloading makes no second key), and
//! revocation, asked first.

use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use uuid::Uuid;

use crate::domain::Failure;
use crate::domain::Role;
use crate::http::AppState;
use crate::http::error::FieldError;
use crate::i18n::{Locale, Worded};
use crate::usecases;
use crate::usecases::keys::{CreateApiKey, create_key_for};
use crate::web::account_keys::secret_page;
use crate::web::admin::people::roles_weakest_first;
use crate::web::csrf::CheckedForm;
use crate::web::error::WebError;
use crate::web::form_data::FormData;
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;
use crate::web::{shown_once, widgets};

/// What the page says above the list.
enum Outcome {
    None,
    Revoked,
    Refused(String),
}

/// `GET /admin/keys`.
pub async fn keys_page(
    visitor: Visitor,
    state: web::Data<AppState>,
    query: web::Query<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let outcome = if query.contains_key("revoked") {
        Outcome::Revoked
    } else {
        Outcome::None
    };
    render(
        &visitor,
        &state,
        outcome,
        &FormData::default(),
        &[],
        HttpResponse::Ok(),
    )
    .await
}

const KEY_COOKIE: &str = "gaptrack_new_service_key";
const MADE_PATH: &str = "/admin/keys/made";

/// `GET /admin/keys/made`: the new key's secret, this once.
pub async fn made(visitor: Visitor, request: HttpRequest) -> Result<HttpResponse, WebError> {
    let carried = shown_once::read(&request, KEY_COOKIE);
    secret_page(
        &visitor,
        carried.as_deref(),
        "/admin/keys",
        Section::Keys,
        carried.is_some(),
        KEY_COOKIE,
        MADE_PATH,
    )
}

/// `POST /admin/keys`: creates a key, then shows its secret once on the page it redirects to.
pub async fn create(
    http_request: HttpRequest,
    state: web::Data<AppState>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let CheckedForm { visitor, form } = checked;
    let mut errors = Vec::new();
    let role = form.get("role").parse::<Role>().ok();
    if role.is_none() {
        errors.push(FieldError::new("role", "form-choose-role"));
    }
    let organisation_id = match form.optional("organisation_id") {
        None => None,
        Some(text) => match text.parse::<Uuid>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.push(FieldError::new(
                    "organisation_id",
                    "form-choose-organisation",
                ));
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
            Ok((_, secret)) => {
                return Ok(HttpResponse::SeeOther()
                    .cookie(shown_once::carry(
                        &http_request,
                        KEY_COOKIE,
                        MADE_PATH,
                        &secret,
                    ))
                    .insert_header((actix_web::http::header::LOCATION, MADE_PATH))
                    .finish());
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
    let mut connection = state.connection().await?;
    let revocation = usecases::keys::revoke_key(&mut connection, &visitor.caller, *id).await;
    drop(connection);
    let (outcome, status) = match revocation {
        Ok(_) => (Outcome::Revoked, HttpResponse::Ok()),
        Err(Failure::Conflict(refusal)) => (
            Outcome::Refused(widgets::sentence(&visitor.locale.refusal(&refusal))),
            HttpResponse::Conflict(),
        ),
        Err(other) => return Err(other.into()),
    };
    render(&visitor, &state, outcome, &FormData::default(), &[], status).await
}

async fn render(
    visitor: &Visitor,
    state: &AppState,
    outcome: Outcome,
    form: &FormData,
    errors: &[FieldError],
    mut response: actix_web::HttpResponseBuilder,
) -> Result<HttpResponse, WebError> {
    let locale = visitor.locale;
    let usecases::keys::KeysOverview {
        keys: rows,
        people,
        organisations,
    } = usecases::keys::overview(state, &visitor.caller).await?;
    let a_service = locale.text("keys-a-service");
    let owner_name = |id: Option<Uuid>| {
        id.and_then(|id| people.iter().find(|(person, _)| *person == id))
            .map_or(a_service.as_str(), |(_, name)| name.as_str())
    };
    let organisation_name = |id: Option<Uuid>| {
        id.and_then(|id| organisations.iter().find(|o| o.id == id))
            .map_or("–", |o| o.name.as_str())
    };
    let errors = widgets::FieldErrors(errors, locale);
    let content = html! {
        h1 { (locale.text("keys-title")) }
        (notice(locale, &outcome))
        section.panel aria-labelledby="new-key" {
            h2 #new-key { (locale.text("keys-create-heading")) }
            p.muted { (locale.text("keys-create-intro")) }
            form method="post" action="/admin/keys" {
                input type="hidden" name="csrf" value=(visitor.csrf);
                (errors.field("name", &locale.text("keys-name"), html! {
                    input #name type="text" name="name" value=(form.get("name")) required
                        aria-invalid=[errors.invalid("name")] aria-describedby=[errors.described("name")];
                }))
                (errors.field("role", &locale.text("keys-role"), html! {
                    select #role name="role" {
                        @for role in roles_weakest_first() { option value=(role) selected[form.get("role") == role.as_str()] { (role.label(locale)) } }
                    }
                }))
                (errors.field("organisation_id", &locale.text("keys-organisation"), html! {
                    select #organisation_id name="organisation_id" aria-invalid=[errors.invalid("organisation_id")] aria-describedby=[errors.described("organisation_id")] {
                        option value="" { (locale.text("keys-none")) }
                        @for o in &organisations { option value=(o.id) selected[form.get("organisation_id") == o.id.to_string()] { (o.name) } }
                    }
                }))
                button type="submit" { (locale.text("keys-create")) }
            }
        }
        h2 { (locale.text("keys-list")) }
        div.table-wrap { table {
            thead { tr {
                th scope="col" { (locale.text("keys-column-name")) }
                th scope="col" { (locale.text("keys-column-whose")) }
                th scope="col" { (locale.text("keys-role")) }
                th scope="col" { (locale.text("keys-column-organisation")) }
                th scope="col" { (locale.text("keys-column-created")) }
                th scope="col" { (locale.text("keys-column-last-used")) }
                th scope="col" { (locale.text("keys-column-state")) }
            } }
            tbody {
                @for key in &rows {
                    tr {
                        th scope="row" { (key.name) }
                        td { (owner_name(key.owner_id)) }
                        td { (key.role.label(locale)) }
                        td { (organisation_name(key.organisation_id)) }
                        td { (crate::i18n::written::day_of(locale, key.created_at)) }
                        td { (key.last_used_at.map_or_else(|| locale.text("keys-never"), |at| crate::i18n::written::moment(locale, at))) }
                        td {
                            @if let Some(revoked) = key.revoked_at {
                                (locale.text_with("keys-revoked-on", &[("day", crate::i18n::written::day_of(locale, revoked).into())]))
                            } @else {
                                a href={ "/account/keys/" (key.id) "/revoke" } aria-label=(locale.text_with("keys-revoke-label", &[("name", key.name.as_str().into())])) { (locale.text("keys-revoke")) }
                            }
                        }
                    }
                }
            }
        } }
    };
    Ok(response.content_type("text/html; charset=utf-8").body(
        layout::page(&locale.text("keys-title"), visitor, Section::Keys, content).into_string(),
    ))
}

fn notice(locale: Locale, outcome: &Outcome) -> Markup {
    match outcome {
        Outcome::None => html! {},
        Outcome::Revoked => {
            html! { div.notice role="status" { p { (locale.text("keys-revoked")) } } }
        }
        Outcome::Refused(why) => html! { div.notice.bad role="alert" { p { (why) } } },
    }
}
