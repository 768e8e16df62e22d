//! A person's own API keys, from their account page: made (its secret shown once, on a page of
//! its own), and revoked after asking. Admins revoke any key the same way.

use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use uuid::Uuid;

use super::account::render;
use super::csrf::CheckedForm;
use super::error::WebError;
use super::layout::{self, Section};
use super::session::Visitor;
use super::{shown_once, widgets};
use crate::domain::{Failure, FieldError, Role};
use crate::http::AppState;
use crate::http::error::ApiError;
use crate::usecases::keys::{create_own_key, revocable_key, revoke_key};

const KEY_COOKIE: &str = "gaptrack_new_key";
const KEY_MADE_PATH: &str = "/account/keys/made";

/// `POST /account/keys`: a key for the person's own scripts, shown once on the next page.
pub async fn create_key(
    request: HttpRequest,
    state: web::Data<AppState>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let CheckedForm { visitor, form } = checked;
    let Ok(role) = form.get("role").parse::<Role>() else {
        let errors = [FieldError::new("role", "form-choose-role")];
        return render(
            &visitor,
            &state,
            None,
            &form,
            &errors,
            HttpResponse::UnprocessableEntity(),
        )
        .await;
    };
    let mut connection = state.connection().await?;
    match create_own_key(&mut connection, &visitor.caller, form.get("name"), role).await {
        Ok((row, secret)) => Ok(HttpResponse::SeeOther()
            .cookie(shown_once::carry(
                &request,
                KEY_COOKIE,
                KEY_MADE_PATH,
                &format!("{} {secret}", row.id),
            ))
            .insert_header((LOCATION, KEY_MADE_PATH))
            .finish()),
        Err(Failure::Invalid(errors)) => {
            drop(connection);
            render(
                &visitor,
                &state,
                None,
                &form,
                &errors,
                HttpResponse::UnprocessableEntity(),
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

/// `GET /account/keys/made`: the new key's secret, this once.
pub async fn key_made(visitor: Visitor, request: HttpRequest) -> Result<HttpResponse, WebError> {
    let carried = shown_once::read(&request, KEY_COOKIE);
    let secret = carried
        .as_deref()
        .and_then(|value| value.split_once(' '))
        .map(|(_, s)| s);
    secret_page(
        &visitor,
        secret,
        "/account",
        Section::Account,
        carried.is_some(),
        KEY_COOKIE,
        KEY_MADE_PATH,
    )
}

/// The page that shows a new key's secret once, with a copy button, and clears its cookie.
pub fn secret_page(
    visitor: &Visitor,
    secret: Option<&str>,
    back: &str,
    section: Section,
    carried: bool,
    cookie: &str,
    path: &str,
) -> Result<HttpResponse, WebError> {
    let locale = visitor.locale;
    let title = locale.text("made-key-title");
    let content = html! {
        h1 { (title) }
        @match secret {
            Some(secret) => {
                div.panel {
                    p { (locale.text("made-key-copy-now")) " " code { "Authorization: Bearer <key>" } "." }
                    label for="secret" { (locale.text("made-key-label")) }
                    div.copyable {
                        input #secret.secret type="text" readonly value=(secret);
                        button.secondary type="button" data-copy="secret" data-copied=(locale.text("copy-done")) hidden { (locale.text("made-key-copy")) }
                    }
                }
            }
            None => { p { (locale.text("made-key-shown-once")) } }
        }
        p.actions { a.button href=(back) { (locale.text("made-key-back")) } }
    };
    let mut response = widgets::html_page(layout::page(&title, visitor, section, content));
    if carried {
        response
            .add_cookie(&shown_once::spent(cookie, path))
            .map_err(ApiError::internal)?;
    }
    response.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

/// `GET /account/keys/{id}/revoke`: asks first.
pub async fn confirm_revoke_key(
    visitor: Visitor,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, WebError> {
    let mut connection = state.connection().await?;
    let key = revocable_key(&mut connection, &visitor.caller, *id).await?;
    let locale = visitor.locale;
    let title = locale.text_with("revoke-key-title", &[("name", key.name.as_str().into())]);
    let back = if key.owner_id == visitor.caller.user_id {
        "/account"
    } else {
        "/admin/keys"
    };
    let action = format!("/account/keys/{}/revoke", key.id);
    let content = widgets::Confirmation {
        title: &title,
        consequence: html! { (locale.text("revoke-key-consequence")) },
        action: &action,
        button: &locale.text("revoke-key-submit"),
        cancel: back,
        cancel_label: &locale.text("revoke-key-cancel"),
    }
    .content(&visitor.csrf);
    Ok(widgets::html_page(layout::page(
        &title,
        &visitor,
        Section::Account,
        content,
    )))
}

/// `POST /account/keys/{id}/revoke`: a person's own key, or (for an admin) any key.
pub async fn revoke(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let mut connection = state.connection().await?;
    let row = revoke_key(&mut connection, &checked.visitor.caller, *id).await?;
    if row.owner_id.is_some() && row.owner_id == checked.visitor.caller.user_id {
        Ok(widgets::see_other("/account?done=key"))
    } else {
        Ok(widgets::see_other("/admin/keys?revoked=1"))
    }
}
