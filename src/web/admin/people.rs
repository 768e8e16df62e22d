//! People's accounts, for admins: the list, inviting someone (with a new organisation if need
//! be), an account's page (its role and organisation, a new link, disabling and enabling, each
//! that ends access asked twice), and the one page that shows a new link.

use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use uuid::Uuid;

use crate::db::account_links::{self, AccountLinkRow, LinkState};
use crate::db::organisations::{self, OrganisationRow};
use crate::db::users::{self, UserRow};
use crate::domain::{AccountLinkPurpose, Failure, FieldError, Role, UserState};
use crate::http::AppState;
use crate::http::error::ApiError;
use crate::http::origin;
use crate::usecases::accounts::{self, AccountChanges, Invitation, MadeLink};
use crate::web::csrf::CheckedForm;
use crate::web::error::WebError;
use crate::web::form_data::FormData;
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;
use crate::web::{shown_once, widgets};

/// The choice in the organisation list that opens the "new organisation" field.
const NEW_ORGANISATION: &str = "new";

fn person_path(id: Uuid) -> String {
    format!("/admin/people/{id}")
}

fn link_path(id: Uuid) -> String {
    format!("/admin/people/{id}/link")
}

fn link_cookie(id: Uuid) -> String {
    format!("gaptrack_link_{}", id.simple())
}

/// Roles, the least powerful first: what a form offers first is the safe choice.
pub fn roles_weakest_first() -> impl Iterator<Item = Role> {
    Role::ALL.iter().rev().copied()
}

/// `GET /admin/people`.
pub async fn people_page(
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

/// `POST /admin/people`: invites someone, then shows the link once on the page it redirects to.
pub async fn invite(
    request: HttpRequest,
    state: web::Data<AppState>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let CheckedForm { visitor, form } = checked;
    visitor.caller.require_person_admin()?;
    let mut errors = Vec::new();
    let role = form.get("role").parse::<Role>().ok();
    if role.is_none() {
        errors.push(FieldError::new("role", "choose a role"));
    }
    let organisation_choice = form.get("organisation_id");
    let new_organisation = form.optional("new_organisation");
    if organisation_choice == NEW_ORGANISATION && new_organisation.is_none() {
        errors.push(FieldError::new(
            "new_organisation",
            "type the new organisation's name",
        ));
    }
    let existing = match organisation_choice {
        "" | NEW_ORGANISATION => None,
        text => match text.parse::<Uuid>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.push(FieldError::new("organisation_id", "choose an organisation"));
                None
            }
        },
    };
    let (Some(role), true) = (role, errors.is_empty()) else {
        return render_list(
            &visitor,
            &state,
            &form,
            &errors,
            HttpResponse::UnprocessableEntity(),
        )
        .await;
    };
    let invitation = Invitation {
        email: form.get("email"),
        display_name: form.get("display_name"),
        role,
        organisation_id: existing,
        new_organisation: new_organisation
            .as_deref()
            .filter(|_| organisation_choice == NEW_ORGANISATION),
    };
    let made = accounts::invite(
        state.get_ref(),
        &visitor.caller,
        &state.accounts,
        &origin::for_links(&request),
        &invitation,
    )
    .await;
    match made {
        Ok(made) => hand_over(&request, &state, &visitor, &made).await,
        Err(Failure::Invalid(refused)) => {
            render_list(
                &visitor,
                &state,
                &form,
                &refused,
                HttpResponse::UnprocessableEntity(),
            )
            .await
        }
        Err(Failure::Conflict(message)) => {
            let refused = [FieldError::new("email", message)];
            render_list(&visitor, &state, &form, &refused, HttpResponse::Conflict()).await
        }
        Err(other) => Err(other.into()),
    }
}

/// E-mails a new link when a mail server is set, and redirects to the page that shows it once.
async fn hand_over(
    request: &HttpRequest,
    state: &AppState,
    visitor: &Visitor,
    made: &MadeLink,
) -> Result<HttpResponse, WebError> {
    let user = made
        .user
        .as_ref()
        .ok_or_else(|| ApiError::Internal("a person's link without its person".into()))?;
    let mailed = match (&state.mailer, made.letter(&visitor.caller.name)) {
        (Some(mailer), Some(letter)) => match mailer.send(&letter).await {
            Ok(()) => "sent",
            Err(error) => {
                log::warn!("the link for account {} was not e-mailed: {error}", user.id);
                "failed"
            }
        },
        _ => "off",
    };
    let value = format!("{mailed} {}", made.address);
    Ok(HttpResponse::SeeOther()
        .cookie(shown_once::carry(
            request,
            &link_cookie(user.id),
            &link_path(user.id),
            &value,
        ))
        .insert_header((LOCATION, link_path(user.id)))
        .finish())
}

/// `GET /admin/people/{id}/link`: a new link, this once.
pub async fn link_page(
    visitor: Visitor,
    request: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, WebError> {
    let id = id.into_inner();
    let mut connection = state.connection().await?;
    let user = users::find(&mut connection, id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("there is no account {id}")))?;
    let carried = shown_once::read(&request, &link_cookie(id));
    let (mailed, address) = carried
        .as_deref()
        .and_then(|value| value.split_once(' '))
        .map_or((None, None), |(mailed, address)| {
            (Some(mailed), Some(address))
        });
    let title = format!("A link for {}", user.display_name);
    let content = html! {
        h1 { (title) }
        @match address {
            Some(address) => {
                div.panel {
                    @match mailed {
                        Some("sent") => { div.notice role="status" { p { "It was e-mailed to " strong { (user.email) } ". You can also pass it on yourself:" } } }
                        Some("failed") => { div.notice.bad role="alert" { p { "It could not be e-mailed (the mail server refused or did not answer): pass it on yourself." } } }
                        _ => { p { "Pass this link on to " strong { (user.display_name) } " (" (user.email) "), by a channel you trust. It works once." } }
                    }
                    label for="account-link" { "Link" }
                    div.copyable {
                        input #account-link.secret type="text" readonly value=(address);
                        button.secondary type="button" data-copy="account-link" hidden { "Copy" }
                    }
                    p.muted { "It is shown only this once. If it is lost, make a new one from " a href=(person_path(id)) { (user.display_name) "'s page" } "." }
                }
            }
            None => {
                p { "The link was shown once, when it was made; it cannot be shown again. Make a new one from " a href=(person_path(id)) { (user.display_name) "'s page" } " if it was lost." }
            }
        }
        p.actions { a.button href="/admin/people" { "Back to people" } }
    };
    let mut response = widgets::html_page(layout::page(&title, &visitor, Section::People, content));
    if carried.is_some() {
        response
            .add_cookie(&shown_once::spent(&link_cookie(id), &link_path(id)))
            .map_err(ApiError::internal)?;
    }
    response.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

/// `POST /admin/people/{id}/link`: a fresh invitation, or a password reset.
pub async fn new_link(
    request: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let made = accounts::new_link(
        state.get_ref(),
        &checked.visitor.caller,
        &state.accounts,
        &origin::for_links(&request),
        *id,
    )
    .await?;
    hand_over(&request, &state, &checked.visitor, &made).await
}

/// `GET /admin/people/{id}`.
pub async fn person_page(
    visitor: Visitor,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let done = [
        ("saved", "Saved."),
        (
            "disabled",
            "The account is disabled: its sessions have ended and its keys no longer work.",
        ),
        ("enabled", "The account is enabled again."),
        ("withdrawn", "The link is withdrawn."),
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
        Err(Failure::Conflict(message)) => {
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
    let mut connection = state.connection().await?;
    let user = users::find(&mut connection, *id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("there is no account {id}")))?;
    let title = format!("Disable {}?", user.display_name);
    let action = format!("{}/disable", person_path(user.id));
    let button = format!("Disable {}", user.display_name);
    let content = widgets::Confirmation {
        title: &title,
        consequence: html! { (user.display_name) " (" (user.email) ") will be signed out at once, on every device, and none of their keys will work. Their work and its history stay. You can enable the account again later." },
        action: &action,
        button: &button,
        cancel: &person_path(user.id),
        cancel_label: "Cancel",
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
        Err(Failure::Conflict(message)) => {
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

/// `GET /admin/links/{id}/revoke`: asks before withdrawing an invitation or a reset link.
pub async fn confirm_revoke_link(
    visitor: Visitor,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, WebError> {
    let mut connection = state.connection().await?;
    let link = account_links::find(&mut connection, *id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("there is no link {id}")))?;
    let user = match link.user_id {
        Some(user) => users::find(&mut connection, user).await?,
        None => None,
    };
    let whose = user
        .as_ref()
        .map_or("the first admin".to_owned(), |u| u.display_name.clone());
    let title = format!("Withdraw the link for {whose}?");
    let action = format!("/admin/links/{}/revoke", link.id);
    let cancel = user
        .as_ref()
        .map_or("/admin/people".to_owned(), |u| person_path(u.id));
    let content = widgets::Confirmation {
        title: &title,
        consequence: html! { "The link will no longer open. You can make a new one later." },
        action: &action,
        button: "Withdraw the link",
        cancel: &cancel,
        cancel_label: "Cancel",
    }
    .content(&visitor.csrf);
    Ok(widgets::html_page(layout::page(
        &title,
        &visitor,
        Section::People,
        content,
    )))
}

/// `POST /admin/links/{id}/revoke`.
pub async fn revoke_link(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let link = accounts::withdraw_link(state.get_ref(), &checked.visitor.caller, *id).await?;
    Ok(widgets::see_other(
        &link.user_id.map_or("/admin/people".to_owned(), |user| {
            format!("{}?withdrawn=1", person_path(user))
        }),
    ))
}

/// What a person's page says above it.
enum Said<'a> {
    Done(&'a str),
    Refused(&'a str),
}

fn organisation_options(
    organisations: &[OrganisationRow],
    selected: &str,
    with_new: bool,
) -> Markup {
    html! {
        option value="" { "None: admin or viewer of all" }
        @for o in organisations.iter().filter(|o| o.archived_at.is_none() || selected == o.id.to_string()) {
            option value=(o.id) selected[selected == o.id.to_string()] { (o.name) }
        }
        @if with_new { option value=(NEW_ORGANISATION) selected[selected == NEW_ORGANISATION] { "A new organisation…" } }
    }
}

/// How the list shows an account's state, with its newest link's.
fn state_words(user: &UserRow, link: Option<&AccountLinkRow>) -> String {
    let now = chrono::Utc::now();
    match user.state {
        UserState::Invited => match link.map(|l| l.state(now)) {
            Some(LinkState::Open) => "invited".into(),
            Some(LinkState::Expired) => "invited (link expired)".into(),
            _ => "invited (no open link)".into(),
        },
        UserState::Active => "active".into(),
        UserState::Disabled => "disabled".into(),
    }
}

async fn render_list(
    visitor: &Visitor,
    state: &AppState,
    form: &FormData,
    errors: &[FieldError],
    mut response: actix_web::HttpResponseBuilder,
) -> Result<HttpResponse, WebError> {
    let mut connection = state.connection().await?;
    let people = users::list(&mut connection).await?;
    let links = account_links::newest_per_user(&mut connection).await?;
    let organisations = organisations::all(&mut connection).await?;
    let organisation_name = |id: Option<Uuid>| {
        id.and_then(|id| organisations.iter().find(|o| o.id == id))
            .map_or("–", |o| o.name.as_str())
    };
    let errors = widgets::FieldErrors(errors);
    let content = html! {
        h1 { "People" }
        section.panel aria-labelledby="invite" {
            h2 #invite { "Invite someone" }
            p.muted { "They get a one-time link to choose their password" @if state.mailer.is_some() { ", by e-mail and shown to you" } @else { ", shown to you to pass on" } "; it works for " (state.accounts.invitation_lifetime.num_days()) " days." }
            (errors.summary())
            form method="post" action="/admin/people" {
                input type="hidden" name="csrf" value=(visitor.csrf);
                (errors.field("display_name", "Name", html! {
                    input #display_name type="text" name="display_name" value=(form.get("display_name")) required autocomplete="off"
                        aria-invalid=[errors.invalid("display_name")] aria-describedby=[errors.described("display_name")];
                }))
                (errors.field("email", "E-mail address", html! {
                    input #email type="email" name="email" value=(form.get("email")) required autocomplete="off"
                        aria-invalid=[errors.invalid("email")] aria-describedby=[errors.described("email")];
                }))
                (errors.field("role", "Role", html! {
                    select #role name="role" aria-describedby="role-help" {
                        @for role in roles_weakest_first() { option value=(role) selected[form.get("role") == role.as_str()] { (role.label()) } }
                    }
                }))
                p #role-help .muted { "Viewers read everything; editors also log their organisation's work; admins also import report data and manage people and keys." }
                (errors.field("organisation_id", "Organisation (an editor's)", html! {
                    select #organisation_id name="organisation_id" aria-invalid=[errors.invalid("organisation_id")] aria-describedby=[errors.described("organisation_id")] {
                        (organisation_options(&organisations, form.get("organisation_id"), true))
                    }
                }))
                (errors.field("new_organisation", "New organisation's name (if you chose a new one)", html! {
                    input #new_organisation type="text" name="new_organisation" value=(form.get("new_organisation")) autocomplete="organization"
                        aria-invalid=[errors.invalid("new_organisation")] aria-describedby=[errors.described("new_organisation")];
                }))
                button type="submit" { "Invite" }
            }
        }
        h2 { "Accounts" }
        // On a phone, one card per person, every cell named, so nothing hides off-screen.
        div.table-wrap { table.cards.people {
            thead { tr {
                th scope="col" { "Name" } th scope="col" { "E-mail" } th scope="col" { "Role" }
                th scope="col" { "Organisation" } th scope="col" { "State" } th scope="col" { "Second factor" }
            } }
            tbody {
                @for user in &people {
                    @let link = links.iter().find(|l| l.user_id == Some(user.id));
                    tr {
                        th scope="row" { a href=(person_path(user.id)) { (user.display_name) } }
                        td data-label="E-mail" { (user.email) }
                        td data-label="Role" { (user.role.label()) }
                        td data-label="Organisation" { (organisation_name(user.organisation_id)) }
                        td data-label="State" { (state_words(user, link)) }
                        td data-label="Second factor" { @if user.has_second_factor() { "yes" } @else { "no" } }
                    }
                }
            }
        } }
    };
    Ok(response
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(layout::page("People", visitor, Section::People, content).into_string()))
}

/// What a person's page says besides the account: a message above it, and the form as typed
/// with what was refused.
#[derive(Default)]
struct PersonPage<'a> {
    said: Option<Said<'a>>,
    form: Option<&'a FormData>,
    errors: &'a [FieldError],
}

async fn render_person(
    visitor: &Visitor,
    state: &AppState,
    id: Uuid,
    page: PersonPage<'_>,
    mut response: actix_web::HttpResponseBuilder,
) -> Result<HttpResponse, WebError> {
    let PersonPage { said, form, errors } = page;
    let blank = FormData::default();
    let form = form.unwrap_or(&blank);
    let mut connection = state.connection().await?;
    let user = users::find(&mut connection, id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("there is no account {id}")))?;
    let links = account_links::newest_per_user(&mut connection).await?;
    let link = links.into_iter().find(|l| l.user_id == Some(id));
    let organisations = organisations::all(&mut connection).await?;
    let keys = users::active_key_count(&mut connection, id).await?;
    let errors = widgets::FieldErrors(errors);
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
    let open_link = link
        .as_ref()
        .filter(|l| l.state(chrono::Utc::now()) == LinkState::Open);
    let title = user.display_name.clone();
    let content = html! {
        h1 { (title) }
        @match said {
            Some(Said::Refused(why)) => { div.notice.bad role="alert" { p { (widgets::message(why)) } } }
            Some(Said::Done(what)) => { div.notice role="status" { p { (what) } } }
            None => {}
        }
        p { (user.email) " · " (state_words(&user, link.as_ref())) " · " (keys) " active key" @if keys != 1 { "s" } " of their own · "
            a href={ "/admin/audit?user=" (user.id) } { "their changes in the audit trail" } }
        section.panel aria-labelledby="details" {
            h2 #details { "Role and organisation" }
            (errors.summary())
            form method="post" action=(person_path(user.id)) {
                input type="hidden" name="csrf" value=(visitor.csrf);
                (errors.field("display_name", "Name", html! {
                    input #display_name type="text" name="display_name" value=(value("display_name", user.display_name.clone())) required
                        aria-invalid=[errors.invalid("display_name")] aria-describedby=[errors.described("display_name")];
                }))
                (errors.field("role", "Role", html! {
                    select #role name="role" {
                        @for role in roles_weakest_first() { option value=(role) selected[selected_role == role.as_str()] { (role.label()) } }
                    }
                }))
                (errors.field("organisation_id", "Organisation (an editor's)", html! {
                    select #organisation_id name="organisation_id" aria-invalid=[errors.invalid("organisation_id")] aria-describedby=[errors.described("organisation_id")] {
                        (organisation_options(&organisations, &selected_organisation, false))
                    }
                }))
                button type="submit" { "Save" }
            }
        }
        section.panel aria-labelledby="access" {
            h2 #access { "Access" }
            @match user.state {
                UserState::Disabled => {
                    p { "This account is disabled: it cannot sign in and its keys do not work." }
                    form method="post" action={ (person_path(user.id)) "/enable" } {
                        input type="hidden" name="csrf" value=(visitor.csrf);
                        button type="submit" { "Enable the account" }
                    }
                }
                _ => {
                    form method="post" action=(link_path(user.id)) {
                        input type="hidden" name="csrf" value=(visitor.csrf);
                        button.secondary type="submit" {
                            @if user.state == UserState::Invited { "Make a new invitation link" } @else { "Make a password reset link" }
                        }
                    }
                    @if let Some(open) = open_link {
                        p { "An " (if open.purpose == AccountLinkPurpose::Invitation { "invitation" } else { "reset" }) " link is open until " (crate::web::written::moment(open.expires_at)) ". "
                            a href={ "/admin/links/" (open.id) "/revoke" } { "Withdraw it…" } }
                    }
                    p { a.danger-link href={ (person_path(user.id)) "/disable" } { "Disable the account…" } }
                }
            }
        }
        p { a href="/admin/people" { "Back to people" } }
    };
    Ok(response
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(layout::page(&title, visitor, Section::People, content).into_string()))
}
