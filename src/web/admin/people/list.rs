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
        errors.push(FieldError::new("role", "form-choose-role"));
    }
    let organisation_choice = form.get("organisation_id");
    let new_organisation = form.optional("new_organisation");
    if organisation_choice == NEW_ORGANISATION && new_organisation.is_none() {
        errors.push(FieldError::new(
            "new_organisation",
            "form-type-new-organisation",
        ));
    }
    let existing = match organisation_choice {
        "" | NEW_ORGANISATION => None,
        text => match text.parse::<Uuid>() {
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
        Ok(made) => {
            // The e-mail's language: the inviter's choice on the form, else their own.
            let letter = form
                .get("letter_language")
                .parse::<Language>()
                .ok()
                .and_then(Locale::speaking)
                .unwrap_or(visitor.locale);
            hand_over(&request, &state, &visitor, &made, letter).await
        }
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
            let refused = [FieldError::new(field, refusal)];
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
    let errors = widgets::FieldErrors(errors, locale);
    let content = html! {
        h1 { (locale.text("people-title")) }
        section.panel aria-labelledby="invite" {
            h2 #invite { (locale.text("people-invite")) }
            p.muted { (locale.text_with("people-invite-intro", &[
                ("mail", if state.mailer.is_some() { "yes" } else { "no" }.into()),
                ("days", state.accounts.invitation_lifetime.num_days().into()),
            ])) }
            (errors.summary(locale))
            form method="post" action="/admin/people" {
                input type="hidden" name="csrf" value=(visitor.csrf);
                (errors.field("display_name", &locale.text("people-name"), html! {
                    input #display_name type="text" name="display_name" value=(form.get("display_name")) required autocomplete="off"
                        aria-invalid=[errors.invalid("display_name")] aria-describedby=[errors.described("display_name")];
                }))
                (errors.field("email", &locale.text("people-email"), html! {
                    input #email type="email" name="email" value=(form.get("email")) required autocomplete="off"
                        aria-invalid=[errors.invalid("email")] aria-describedby=[errors.described("email")];
                }))
                (errors.field("role", &locale.text("people-role"), html! {
                    select #role name="role" aria-describedby="role-help" {
                        @for role in roles_weakest_first() { option value=(role) selected[form.get("role") == role.as_str()] { (role.label(locale)) } }
                    }
                }))
                p #role-help .muted { (locale.text("people-role-help")) }
                (errors.field("organisation_id", &locale.text("people-organisation"), html! {
                    select #organisation_id name="organisation_id" aria-invalid=[errors.invalid("organisation_id")] aria-describedby=[errors.described("organisation_id")] {
                        (organisation_options(locale, &organisations, form.get("organisation_id"), true))
                    }
                }))
                (errors.field("new_organisation", &locale.text("people-new-organisation"), html! {
                    input #new_organisation type="text" name="new_organisation" value=(form.get("new_organisation")) autocomplete="organization"
                        aria-invalid=[errors.invalid("new_organisation")] aria-describedby=[errors.described("new_organisation")];
                }))
                @if state.mailer.is_some() { (letter_language_field(locale, form, &errors)) }
                button type="submit" { (locale.text("people-invite-submit")) }
            }
        }
        h2 { (locale.text("people-accounts")) }
        // On a phone, one card per person, every cell named, so nothing hides off-screen.
        div.table-wrap { table.cards.people {
            thead { tr {
                th scope="col" { (locale.text("people-name")) }
                th scope="col" { (locale.text("people-column-email")) }
                th scope="col" { (locale.text("people-role")) }
                th scope="col" { (locale.text("people-column-organisation")) }
                th scope="col" { (locale.text("people-column-state")) }
                th scope="col" { (locale.text("people-column-second-factor")) }
            } }
            tbody {
                @for user in &people {
                    @let link = links.iter().find(|l| l.user_id == Some(user.id));
                    tr {
                        th scope="row" { a href=(person_path(user.id)) { (user.display_name) } }
                        td data-label=(locale.text("people-column-email")) { (user.email) }
                        td data-label=(locale.text("people-role")) { (user.role.label(locale)) }
                        td data-label=(locale.text("people-column-organisation")) { (organisation_name(user.organisation_id)) }
                        td data-label=(locale.text("people-column-state")) { (state_words(locale, user, link, now)) }
                        td data-label=(locale.text("people-column-second-factor")) {
                            (locale.text(if user.has_second_factor() { "people-yes" } else { "people-no" }))
                        }
                    }
                }
            }
        } }
    };
    Ok(response
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(
            layout::page(
                &locale.text("people-title"),
                visitor,
                Section::People,
                content,
            )
            .into_string(),
        ))
}

/// The choice of the invitation e-mail's language, the reader's own by default.
fn letter_language_field(locale: Locale, form: &FormData, errors: &widgets::FieldErrors) -> Markup {
    let chosen = match form.get("letter_language") {
        "" => locale.tag(),
        chosen => chosen,
    };
    errors.field(
        "letter_language",
        &locale.text("people-letter-language"),
        html! {
            select #letter_language name="letter_language" {
                @for language in Language::ALL.iter().filter_map(|l| Locale::speaking(*l)) {
                    option value=(language.tag()) lang=(language.tag()) selected[chosen == language.tag()] {
                        (language.language().own_name())
                    }
                }
            }
        },
    )
}
