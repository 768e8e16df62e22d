//! An edit saved over someone else's change: the form comes back with the person's own values,
//! and beside each field the other person set differently, their value, with a box to take it.
//! Saving then applies what the person chose over the version they have now seen (the form
//! carries its tag), and a third change meanwhile is caught the same way.

use maud::{Markup, html};

use super::form_values::{Choices, InterventionForm};
use crate::domain::{InterventionKind, InterventionStatus};
use crate::i18n::written;
use crate::i18n::{Locale, Worded};
use crate::web::form_data::FormData;

/// The form's fields that can differ, as the form names them.
pub(super) const FIELDS: [&str; 10] = [
    "organisation_id",
    "title",
    "countries",
    "kind",
    "status",
    "description",
    "started_on",
    "ended_on",
    "location",
    "people_reached",
];

/// What the other person saved, and who and when: what the form shows beside the person's own.
pub(super) struct Conflict {
    pub theirs: InterventionForm,
    /// Who saved it, as the audit trail names them.
    pub by: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

impl Conflict {
    /// The fields where `yours` and theirs differ.
    pub(super) fn differing(&self, yours: &InterventionForm) -> Vec<&'static str> {
        FIELDS
            .into_iter()
            .filter(|field| yours.values(field) != self.theirs.values(field))
            .collect()
    }

    /// What the page says above the form.
    pub(super) fn notice(&self, locale: Locale, differing: usize, edit_path: &str) -> Markup {
        html! {
            div.notice.bad role="alert" #conflict {
                p {
                    (locale.text_with("conflict-saved-by", &[
                        ("name", self.by.as_str().into()),
                        ("moment", written::moment(locale, self.at).into()),
                        ("differing", differing.into()),
                    ]))
                }
                p { a href=(edit_path) { (locale.text("conflict-start-again")) } " " (locale.text("conflict-not-kept")) }
            }
        }
    }

    /// Under `field`, if it differs from `yours`: their value in words, and a box to take it
    /// (their value travels with it, so that saving needs nothing else).
    pub(super) fn theirs_beside(
        &self,
        locale: Locale,
        field: &str,
        yours: &InterventionForm,
        choices: &Choices,
    ) -> Markup {
        if yours.values(field) == self.theirs.values(field) {
            return html! {};
        }
        let id = format!("use-theirs-{field}");
        html! {
            div.theirs {
                span.muted { (locale.text("interventions-form-theirs")) " " } (in_words(locale, field, &self.theirs, choices))
                @for value in self.theirs.values(field) {
                    input type="hidden" name={ "theirs_" (field) } value=(value);
                }
                label.check for=(id) {
                    input #(id) type="checkbox" name="use_theirs" value=(field);
                    " " (locale.text("interventions-form-take-theirs"))
                }
            }
        }
    }
}

/// `form` with the fields the person ticked to take the other person's value.
pub(super) fn with_theirs_taken(mut form: InterventionForm, data: &FormData) -> InterventionForm {
    for field in data.all("use_theirs") {
        if let Some(field) = FIELDS.into_iter().find(|known| *known == field) {
            form.set(field, data.all(&format!("theirs_{field}")));
        }
    }
    form
}

/// A field's value as a person reads it: names for ids and codes, a dash for nothing.
fn in_words(locale: Locale, field: &str, form: &InterventionForm, choices: &Choices) -> String {
    let values = form.values(field);
    let words: Vec<String> = values
        .iter()
        .filter(|value| !value.trim().is_empty())
        .map(|value| match field {
            "organisation_id" => choices
                .organisations
                .iter()
                .find(|o| o.id.to_string() == *value)
                .map_or_else(|| value.clone(), |o| o.name.clone()),
            "countries" => choices
                .countries
                .iter()
                .find(|c| c.code == *value)
                .map_or_else(
                    || value.clone(),
                    |c| locale.country(&c.code, &c.tip_name).into_owned(),
                ),
            "kind" => value
                .parse::<InterventionKind>()
                .map_or_else(|_| value.clone(), |kind| kind.label(locale).to_owned()),
            "status" => value
                .parse::<InterventionStatus>()
                .map_or_else(|_| value.clone(), |status| status.label(locale).to_owned()),
            _ => value.clone(),
        })
        .collect();
    if words.is_empty() {
        "–".to_owned()
    } else {
        words.join(", ")
    }
}
