//! One account's page: its name, role and organisation, disabling and enabling it.

use super::*;
use crate::i18n::Worded;

/// `GET /admin/people/{id}`.
pub async fn person_page(
    visitor: Visitor,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let done = [
        ("saved", "person-saved"),
        ("disabled", "person-disabled"),
        ("enabled", "person-enabled"),
        ("withdrawn", "person-withdrawn"),
    ]
    .into_iter()
    .find(|(key, _)| query.contains_key(*key))
    .map(|(_, said)| Said::Done(said));
    render_person(
        &visitor,
        &state,
        *id,
        PersonPage {
            said: done,
            ..PersonPage::default()
        },
        HttpResponse::Ok(),
    )
    .await
}

/// `POST /admin/people/{id}`: name, role and organisation.
pub async fn update(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let CheckedForm { visitor, form } = checked;
    let id = id.into_inner();
    let role = form.get("role").parse::<Role>().ok();
    let organisation_id = match form.optional("organisation_id") {
        None => Some(None),
        Some(text) => text.parse::<Uuid>().ok().map(Some),
    };
    let changes = AccountChanges {
        display_name: Some(form.get("display_name").to_owned()),
        role,
        organisation_id,
        state: None,
    };
    match accounts::update_account(state.get_ref(), &visitor.caller, id, &changes).await {
        Ok(_) => Ok(widgets::see_other(&format!("{}?saved=1", person_path(id)))),
        Err(Failure::Invalid(errors)) => {
            render_person(
                &visitor,
                &state,
                id,
                PersonPage {
                    form: Some(&form),
                    errors: &errors,
                    ..PersonPage::default()
                },
                HttpResponse::UnprocessableEntity(),
            )
            .await
        }
        Err(Failure::Conflict(refusal)) => {
            let message = visitor.locale.refusal(&refusal);
            render_person(
                &visitor,
                &state,
                id,
                PersonPage {
                    said: Some(Said::Refused(&message)),
                    form: Some(&form),
                    ..PersonPage::default()
                },
                HttpResponse::Conflict(),
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

/// `GET /admin/people/{id}/disable`: asks before disabling.
pub async fn confirm_disable(
    visitor: Visitor,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, WebError> {
    let user = accounts::account(state.get_ref(), &visitor.caller, *id).await?;
    let locale = visitor.locale;
    let name = [("name", user.display_name.as_str().into())];
    let title = locale.text_with("person-disable-title", &name);
    let action = format!("{}/disable", person_path(user.id));
    let button = locale.text_with("person-disable-submit", &name);
    let content = widgets::Confirmation {
        title: &title,
        consequence: html! { (locale.text_with("person-disable-consequence", &[
            ("name", user.display_name.as_str().into()),
            ("email", user.email.as_str().into()),
        ])) },
        action: &action,
        button: &button,
        cancel: &person_path(user.id),
        cancel_label: &locale.text("people-cancel"),
    }
    .content(&visitor.csrf);
    Ok(widgets::html_page(layout::page(
        &title,
        &visitor,
        Section::People,
        content,
    )))
}

/// `POST /admin/people/{id}/disable` and `/enable`.
pub async fn set_state(
    state: web::Data<AppState>,
    path: web::Path<(Uuid, String)>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (id, action) = path.into_inner();
    let target = match action.as_str() {
        "disable" => UserState::Disabled,
        "enable" => UserState::Active,
        _ => return Err(ApiError::NotFound("there is no such page".into()).into()),
    };
    let changes = AccountChanges {
        state: Some(target),
        ..AccountChanges::default()
    };
    match accounts::update_account(state.get_ref(), &checked.visitor.caller, id, &changes).await {
        Ok(_) => Ok(widgets::see_other(&format!(
            "{}?{action}d=1",
            person_path(id)
        ))),
        Err(Failure::Conflict(refusal)) => {
            let message = checked.visitor.locale.refusal(&refusal);
            render_person(
                &checked.visitor,
                &state,
                id,
                PersonPage {
                    said: Some(Said::Refused(&message)),
                    ..PersonPage::default()
                },
                HttpResponse::Conflict(),
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

/// What a person's page says above it.
pub(super) enum Said<'a> {
    Done(&'a str),
    Refused(&'a str),
}

/// What a person's page says besides the account: a message above it, and the form as typed
/// with what was refused.
#[derive(Default)]
pub(super) struct PersonPage<'a> {
    said: Option<Said<'a>>,
    form: Option<&'a FormData>,
    errors: &'a [FieldError],
}

pub(super) async fn render_person(
    visitor: &Visitor,
    state: &AppState,
    id: Uuid,
    page: PersonPage<'_>,
    mut response: actix_web::HttpResponseBuilder,
) -> Result<HttpResponse, WebError> {
    let locale = visitor.locale;
    let PersonPage { said, form, errors } = page;
    let now = state.clock.now();
    let blank = FormData::default();
    let form = form.unwrap_or(&blank);
    let accounts::PersonOverview {
        user,
        newest_link: link,
        organisations,
        active_keys: keys,
    } = accounts::person(state, &visitor.caller, id).await?;
    let errors = widgets::FieldErrors(errors, locale);
    let value = |field: &str, stored: String| {
        if form.get("csrf").is_empty() {
            stored
        } else {
            form.get(field).to_owned()
        }
    };
    let selected_organisation = value(
        "organisation_id",
        user.organisation_id
            .map(|id| id.to_string())
            .unwrap_or_default(),
    );
    let selected_role = value("role", user.role.to_string());
    let open_link = link.as_ref().filter(|l| l.state(now) == LinkState::Open);
    let title = user.display_name.clone();
    let content = html! {
        h1 { (title) }
        @match said {
            Some(Said::Refused(why)) => { div.notice.bad role="alert" { p { (widgets::message(why)) } } }
            Some(Said::Done(what)) => { div.notice role="status" { p { (locale.text(what)) } } }
            None => {}
        }
        p { (locale.text_with("person-summary", &[
                ("email", user.email.as_str().into()),
                ("state", state_words(locale, &user, link.as_ref(), now).into()),
                ("keys", keys.into()),
            ])) " "
            a href={ "/admin/audit?user=" (user.id) } { (locale.text("person-audit")) } }
        section.panel aria-labelledby="details" {
            h2 #details { (locale.text("person-details")) }
            (errors.summary(locale))
            form method="post" action=(person_path(user.id)) {
                input type="hidden" name="csrf" value=(visitor.csrf);
                (errors.field("display_name", &locale.text("people-name"), html! {
                    input #display_name type="text" name="display_name" value=(value("display_name", user.display_name.clone())) required
                        aria-invalid=[errors.invalid("display_name")] aria-describedby=[errors.described("display_name")];
                }))
                (errors.field("role", &locale.text("people-role"), html! {
                    select #role name="role" {
                        @for role in roles_weakest_first() { option value=(role) selected[selected_role == role.as_str()] { (role.label(locale)) } }
                    }
                }))
                (errors.field("organisation_id", &locale.text("people-organisation"), html! {
                    select #organisation_id name="organisation_id" aria-invalid=[errors.invalid("organisation_id")] aria-describedby=[errors.described("organisation_id")] {
                        (organisation_options(locale, &organisations, &selected_organisation, false))
                    }
                }))
                button type="submit" { (locale.text("person-save")) }
            }
        }
        section.panel aria-labelledby="access" {
            h2 #access { (locale.text("person-access")) }
            @match user.state {
                UserState::Disabled => {
                    p { (locale.text("person-is-disabled")) }
                    form method="post" action={ (person_path(user.id)) "/enable" } {
                        input type="hidden" name="csrf" value=(visitor.csrf);
                        button type="submit" { (locale.text("person-enable")) }
                    }
                }
                _ => {
                    form method="post" action=(link_path(user.id)) {
                        input type="hidden" name="csrf" value=(visitor.csrf);
                        button.secondary type="submit" {
                            @if user.state == UserState::Invited { (locale.text("person-new-invitation")) } @else { (locale.text("person-new-reset")) }
                        }
                    }
                    @if let Some(open) = open_link {
                        p { (locale.text_with("person-open-link", &[
                                ("purpose", if open.purpose == AccountLinkPurpose::Invitation { "invitation" } else { "reset" }.into()),
                                ("moment", crate::i18n::written::moment(locale, open.expires_at).into()),
                            ])) " "
                            a href={ "/admin/links/" (open.id) "/revoke" } { (locale.text("person-withdraw")) } }
                    }
                    p { a.danger-link href={ (person_path(user.id)) "/disable" } { (locale.text("person-disable")) } }
                }
            }
        }
        p { a href="/admin/people" { (locale.text("people-back")) } }
    };
    Ok(response
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(layout::page(&title, visitor, Section::People, content).into_string()))
}
