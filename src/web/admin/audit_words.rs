//! The audit trail in words: who (a name), what they did, the thing (a link to it, by its
//! title), and each changed field as before and after, named as people name it and with ids
//! of organisations and people turned into their names, in the reader's language.

use maud::{Markup, html};
use serde_json::Value;

use super::audit_values::{field_label, value_in_words};
use crate::domain::{AccountLinkPurpose, AuditAction, ResourceType};
use crate::i18n::Locale;
use crate::usecases::audit::{AuditRow, Names};

/// Who did it, as people read it: a person's or key's name; the command line said so.
pub fn actor(locale: Locale, name: &str) -> String {
    match name.strip_prefix("command line: ") {
        Some(what) => locale.text_with(
            "audit-command-line",
            &[("what", what.replace(": ", ", ").into())],
        ),
        None => name.to_owned(),
    }
}

/// A kind of thing the trail records, as the filter names it.
pub fn kind(locale: Locale, kind: ResourceType) -> String {
    locale.text(match kind {
        ResourceType::ApiKey => "audit-kind-api-key",
        ResourceType::Intervention => "audit-kind-intervention",
        ResourceType::Link => "audit-kind-link",
        ResourceType::Organisation => "audit-kind-organisation",
        ResourceType::Recommendation => "audit-kind-recommendation",
        ResourceType::Report => "audit-kind-report",
        ResourceType::ShareLink => "audit-kind-share-link",
        ResourceType::Tier => "audit-kind-tier",
        ResourceType::TierHistory => "audit-kind-tier-history",
        ResourceType::User => "audit-kind-user",
        ResourceType::AccountLink => "audit-kind-account-link",
    })
}

/// What was done, as a verb.
pub fn action(locale: Locale, action: AuditAction) -> String {
    locale.text(match action {
        AuditAction::Create => "audit-action-create",
        AuditAction::Update => "audit-action-update",
        AuditAction::Delete => "audit-action-delete",
        AuditAction::Link => "audit-action-link",
        AuditAction::Unlink => "audit-action-unlink",
        AuditAction::Import => "audit-action-import",
        AuditAction::Revoke => "audit-action-revoke",
    })
}

/// A field of a snapshot, from after the change or else before it.
fn snapshot_field<'a>(event: &'a AuditRow, field: &str) -> Option<&'a Value> {
    [&event.after, &event.before]
        .into_iter()
        .flatten()
        .find_map(|snapshot| snapshot.get(field).filter(|v| !v.is_null()))
}

fn snapshot_text(event: &AuditRow, field: &str) -> Option<String> {
    snapshot_field(event, field).map(|value| match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    })
}

/// The thing changed: its kind, and its name as a link to it while it exists.
pub fn thing(locale: Locale, event: &AuditRow, names: &Names) -> Markup {
    let id = event.resource_id.as_str();
    let gone = event.action == AuditAction::Delete;
    let kind = kind(locale, event.resource_type).to_lowercase();
    let (label, href): (String, Option<String>) = match event.resource_type {
        ResourceType::Intervention => (
            names
                .of(id)
                .map(str::to_owned)
                .or_else(|| snapshot_text(event, "title"))
                .unwrap_or(kind.clone()),
            Some(format!("/interventions/{id}")),
        ),
        ResourceType::Link => {
            let (intervention, recommendation) = id.split_once('/').unwrap_or((id, ""));
            let title = names
                .of(intervention)
                .map_or_else(|| locale.text("audit-thing-intervention"), str::to_owned);
            (
                locale.text_with("audit-thing-link", &[("title", title.into())]),
                Some(format!(
                    "/interventions/{intervention}#recommendation-{recommendation}"
                )),
            )
        }
        ResourceType::Organisation => (
            names
                .of(id)
                .map(str::to_owned)
                .or_else(|| snapshot_text(event, "name"))
                .unwrap_or(kind.clone()),
            Some(format!("/admin/organisations/{id}")),
        ),
        ResourceType::User => (
            names
                .of(id)
                .map(str::to_owned)
                .or_else(|| snapshot_text(event, "display_name"))
                .unwrap_or(kind.clone()),
            Some(format!("/admin/people/{id}")),
        ),
        ResourceType::ApiKey => (
            locale.text_with(
                "audit-thing-key",
                &[(
                    "name",
                    names
                        .of(id)
                        .map(str::to_owned)
                        .or_else(|| snapshot_text(event, "name"))
                        .unwrap_or_default()
                        .into(),
                )],
            ),
            Some("/admin/keys".to_owned()),
        ),
        ResourceType::Recommendation => recommendation_label(locale, event, id),
        ResourceType::Report => (
            locale.text_with("audit-thing-report", &[("year", id.into())]),
            Some("/admin/reports".to_owned()),
        ),
        ResourceType::AccountLink => account_link_label(locale, event, names),
        ResourceType::ShareLink => share_link_label(locale, event, names),
        _ => (
            locale.text_with(
                "audit-thing-other",
                &[("kind", kind.into()), ("id", id.into())],
            ),
            None,
        ),
    };
    html! {
        @match href.filter(|_| !gone) {
            Some(href) => a href=(href) { (label) },
            None => (label),
        }
    }
}

/// A recommendation, named by its country, year and number from the event's snapshot.
fn recommendation_label(locale: Locale, event: &AuditRow, id: &str) -> (String, Option<String>) {
    let country = snapshot_text(event, "country_code");
    let year = snapshot_text(event, "year");
    let position = snapshot_text(event, "position");
    match (country, year) {
        (Some(country), Some(year)) => {
            let href = format!("/countries/{country}?year={year}#recommendation-{id}");
            let mut arguments = vec![("country", country.into()), ("year", year.into())];
            let key = match position {
                Some(position) => {
                    arguments.push(("position", position.into()));
                    "audit-thing-recommendation-numbered"
                }
                None => "audit-thing-recommendation",
            };
            (locale.text_with(key, &arguments), Some(href))
        }
        _ => (locale.text("audit-thing-a-recommendation"), None),
    }
}

/// An invitation, a reset link or the first admin's link, naming whose.
fn account_link_label(locale: Locale, event: &AuditRow, names: &Names) -> (String, Option<String>) {
    let purpose = snapshot_text(event, "purpose")
        .and_then(|purpose| purpose.parse::<AccountLinkPurpose>().ok());
    let person = snapshot_text(event, "user_id");
    let whose = person
        .as_deref()
        .and_then(|id| names.of(id))
        .map_or_else(|| locale.text("audit-thing-a-person"), str::to_owned);
    let label = match purpose {
        Some(AccountLinkPurpose::Invitation) => {
            locale.text_with("audit-thing-invitation", &[("name", whose.into())])
        }
        Some(AccountLinkPurpose::PasswordReset) => {
            locale.text_with("audit-thing-reset", &[("name", whose.into())])
        }
        Some(AccountLinkPurpose::FirstAdmin) => locale.text("audit-thing-first-admin"),
        None => locale.text("audit-thing-account-link"),
    };
    (label, person.map(|id| format!("/admin/people/{id}")))
}

/// A read-only link, naming the report it opens.
fn share_link_label(locale: Locale, event: &AuditRow, names: &Names) -> (String, Option<String>) {
    let country = snapshot_text(event, "country_code");
    let year = snapshot_text(event, "year");
    match (country, year) {
        (Some(country), Some(year)) => {
            let name = names.countries.get(&country).cloned().unwrap_or(country);
            (
                locale.text_with(
                    "audit-thing-share-link",
                    &[("country", name.into()), ("year", year.into())],
                ),
                Some("/shares".to_owned()),
            )
        }
        _ => (locale.text("audit-thing-a-share-link"), None),
    }
}

/// Fields a snapshot always holds that say nothing a reader needs.
const BOOKKEEPING: &[&str] = &[
    "id",
    "created_at",
    "updated_at",
    "linked_by",
    "changed_by",
    "totp_last_step",
    "token_sha256",
];

/// What a change to a field says as a sentence rather than as before → after: a password is
/// never shown, only that a new one was chosen.
fn change_in_words(locale: Locale, field: &str) -> Option<String> {
    match field {
        "password" => Some(locale.text("audit-new-password")),
        _ => None,
    }
}

/// Each changed field, before → after; for a creation or a deletion, what it held.
pub fn fields(locale: Locale, event: &AuditRow, names: &Names) -> Markup {
    let empty = serde_json::Map::new();
    let object = |value: &Option<Value>| {
        value
            .as_ref()
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_else(|| empty.clone())
    };
    let (before, after) = (object(&event.before), object(&event.after));
    let mut changed: Vec<&String> = before
        .keys()
        .chain(after.keys())
        .filter(|f| !BOOKKEEPING.contains(&f.as_str()))
        .collect();
    changed.sort();
    changed.dedup();
    let whole = event.before.is_none() || event.after.is_none();
    if whole {
        // What a new or deleted thing held: the fields it had, not the empty ones.
        changed.retain(|field| {
            !after
                .get(*field)
                .or(before.get(*field))
                .is_none_or(Value::is_null)
        });
    }
    let sentences: Vec<String> = changed
        .iter()
        .filter_map(|f| change_in_words(locale, f))
        .collect();
    html! {
        @if changed.is_empty() {
            span.muted { (locale.text("audit-nothing")) }
        } @else if sentences.len() == changed.len() {
            ul.changes { @for sentence in &sentences { li { (sentence) } } }
        } @else if whole {
            details {
                summary { (locale.text(if event.before.is_none() { "audit-what-it-holds" } else { "audit-what-it-held" })) }
                dl.details {
                    @for field in &changed {
                        dt { (field_label(locale, field)) }
                        dd { (value_in_words(locale, field, after.get(*field).or(before.get(*field)), names)) }
                    }
                }
            }
        } @else {
            ul.changes {
                @for field in &changed {
                    @match change_in_words(locale, field) {
                        Some(sentence) => li { (sentence) },
                        None => li {
                            strong { (locale.text_with("before-colon", &[("name", field_label(locale, field).into())])) }
                            (value_in_words(locale, field, before.get(*field), names))
                            " → "
                            (value_in_words(locale, field, after.get(*field), names))
                        },
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use uuid::Uuid;

    use super::*;

    #[test]
    fn fields_and_actors_read_as_words() {
        let label = |field| field_label(Locale::ENGLISH, field);
        assert_eq!(label("people_reached"), "People reached");
        assert_eq!(label("organisation_id"), "Organisation");
        assert_eq!(label("iati_identifier"), "IATI identifier");
        assert_eq!(label("totp_confirmed_at"), "Second factor set up");
        assert_eq!(
            actor(Locale::ENGLISH, "command line: serve: first start"),
            "The command line (serve, first start)"
        );
        assert_eq!(
            actor(Locale::ENGLISH, "Awa Ndiaye (key “laptop”)"),
            "Awa Ndiaye (key “laptop”)"
        );
        let id = Uuid::now_v7();
        let names = Names {
            organisations: HashMap::from([(id, "CenHTRO".to_owned())]),
            ..Names::default()
        };
        let words =
            |field, value: Value| value_in_words(Locale::ENGLISH, field, Some(&value), &names);
        let text = |text: &str| Value::String(text.to_owned());
        for (field, value, expected) in [
            ("organisation_id", text(&id.to_string()), "CenHTRO"),
            ("location", text("Bo"), "“Bo”"),
            ("location", Value::Null, "–"),
            (
                "revoked_at",
                text("2026-12-02T14:34:49.750257Z"),
                "2 December 2026, 14:34 UTC",
            ),
            ("started_on", text("2024-03-05"), "5 March 2024"),
            ("role", text("viewer"), "Viewer"),
            ("state", text("invited"), "Invited"),
            ("preferred_language", text("en"), "English"),
            ("purpose", text("password_reset"), "Password reset"),
            ("status", text("active"), "Active"),
            ("kind", text("legal_aid"), "Legal aid"),
        ] {
            assert_eq!(words(field, value), expected, "{field}");
        }
    }
}
