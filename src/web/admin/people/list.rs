//! The people list, and inviting someone from it.

use super::*;
use crate::i18n::Worded;

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
        Err(Failure::Conflict(refusal)) => {
            // Beside the field the refusal names: a new organisation's name is this form's
            // `new_organisation`; a refusal of no field is said above the form.
            let field = match refusal.field() {
                Some("name") => "new_organisation",
                Some(field) => field,
                None => "",
            };
            let refused = [FieldError::new(field, visitor.locale.refusal(&refusal))];
            render_list(&visitor, &state, &form, &refused, HttpResponse::Conflict()).await
        }
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn render_list(
    visitor: &Visitor,
    state: &AppState,
    form: &FormData,
    errors: &[FieldError],
    mut response: actix_web::HttpResponseBuilder,
) -> Result<HttpResponse, WebError> {
    let locale = visitor.locale;
    let now = state.clock.now();
    let accounts::PeopleOverview {
        people,
        newest_links: links,
        organisations,
    } = accounts::people(state, &visitor.caller).await?;
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
            (errors.summary(locale))
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
                        @for role in roles_weakest_first() { option value=(role) selected[form.get("role") == role.as_str()] { (role.label(locale)) } }
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
                        td data-label="Role" { (user.role.label(locale)) }
                        td data-label="Organisation" { (organisation_name(user.organisation_id)) }
                        td data-label="State" { (state_words(user, link, now)) }
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
