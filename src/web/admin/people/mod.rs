//! People's accounts, for admins: the list, inviting someone (with a new organisation if need
//! be), an account's page (its role and organisation, a new link, disabling and enabling, each
//! that ends access asked twice), and the one page that shows a new link.
//!
//! - `list.rs`: the list and the invitation form;
//! - `person.rs`: one account's page and what an admin changes there;
//! - `links.rs`: a new invitation or reset link, shown once, and withdrawing one.

mod links;
mod list;
mod person;

pub use links::{confirm_revoke_link, link_page, new_link, revoke_link};
pub use list::{invite, people_page};
pub use person::{confirm_disable, person_page, set_state, update};

use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use uuid::Uuid;

use crate::domain::{AccountLinkPurpose, Failure, FieldError, Role, UserState};
use crate::http::AppState;
use crate::http::error::ApiError;
use crate::http::origin;
use crate::i18n::{Language, Locale};
use crate::usecases::accounts::{self, AccountChanges, Invitation, MadeLink};
use crate::usecases::accounts::{AccountLinkRow, LinkState, OrganisationRow, UserRow};
use crate::web::csrf::CheckedForm;
use crate::web::error::WebError;
use crate::web::form_data::FormData;
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;
use crate::web::{shown_once, widgets};

/// The choice in the organisation list that opens the "new organisation" field.
pub(super) const NEW_ORGANISATION: &str = "new";

pub(super) fn person_path(id: Uuid) -> String {
    format!("/admin/people/{id}")
}

pub(super) fn link_path(id: Uuid) -> String {
    format!("/admin/people/{id}/link")
}

pub(super) fn link_cookie(id: Uuid) -> String {
    format!("gaptrack_link_{}", id.simple())
}

/// Roles, the least powerful first: what a form offers first is the safe choice.
pub fn roles_weakest_first() -> impl Iterator<Item = Role> {
    Role::ALL.iter().rev().copied()
}

/// E-mails a new link when a mail server is set (in `letter`'s language, unless the person chose
/// one of their own), and redirects to the page that shows it once.
pub(super) async fn hand_over(
    request: &HttpRequest,
    state: &AppState,
    visitor: &Visitor,
    made: &MadeLink,
    letter: Locale,
) -> Result<HttpResponse, WebError> {
    let user = made
        .user
        .as_ref()
        .ok_or_else(|| ApiError::Internal("a person's link without its person".into()))?;
    let mailed = match (&state.mailer, made.letter(letter, &visitor.caller.name)) {
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

pub(super) fn organisation_options(
    locale: Locale,
    organisations: &[OrganisationRow],
    selected: &str,
    with_new: bool,
) -> Markup {
    html! {
        option value="" { (locale.text("people-no-organisation")) }
        @for o in organisations.iter().filter(|o| o.archived_at.is_none() || selected == o.id.to_string()) {
            option value=(o.id) selected[selected == o.id.to_string()] { (o.name) }
        }
        @if with_new { option value=(NEW_ORGANISATION) selected[selected == NEW_ORGANISATION] { (locale.text("people-a-new-organisation")) } }
    }
}

/// How the list shows an account's state, with its newest link's.
pub(super) fn state_words(
    locale: Locale,
    user: &UserRow,
    link: Option<&AccountLinkRow>,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    locale.text(match user.state {
        UserState::Invited => match link.map(|l| l.state(now)) {
            Some(LinkState::Open) => "people-invited",
            Some(LinkState::Expired) => "people-invited-expired",
            _ => "people-invited-no-link",
        },
        UserState::Active => "people-active",
        UserState::Disabled => "people-disabled",
    })
}
