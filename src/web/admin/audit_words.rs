//! The audit trail in words: who (a name), what they did, the thing (a link to it, by its
//! title), and each changed field as before and after, named as people name it and with ids
//! of organisations and people turned into their names.

use maud::{Markup, html};
use serde_json::Value;

use crate::domain::{
    AccountLinkPurpose, AuditAction, Contribution, InterventionKind, InterventionStatus, Language,
    Pillar, RecommendationStatus, ResourceType, Role, Tier, UserState,
};
use crate::i18n::{Locale, Worded};
use crate::usecases::audit::{AuditRow, Names};

/// Who did it, as people read it: a person's or key's name; the command line said so.
pub fn actor(name: &str) -> String {
    match name.strip_prefix("command line: ") {
        Some(what) => format!("The command line ({})", what.replace(": ", ", ")),
        None => name.to_owned(),
    }
}

/// A kind of thing the trail records, as the filter names it.
pub fn kind(kind: ResourceType) -> &'static str {
    match kind {
        ResourceType::ApiKey => "API key",
        ResourceType::Intervention => "Intervention",
        ResourceType::Link => "Link of an intervention",
        ResourceType::Organisation => "Organisation",
        ResourceType::Recommendation => "Recommendation",
        ResourceType::Report => "Report year",
        ResourceType::ShareLink => "Read-only link",
        ResourceType::Tier => "Tier",
        ResourceType::TierHistory => "Tier history",
        ResourceType::User => "Person",
        ResourceType::AccountLink => "Invitation or reset link",
    }
}

/// What was done, as a verb.
pub fn action(action: AuditAction) -> &'static str {
    match action {
        AuditAction::Create => "created",
        AuditAction::Update => "changed",
        AuditAction::Delete => "deleted",
        AuditAction::Link => "linked",
        AuditAction::Unlink => "unlinked",
        AuditAction::Import => "imported",
        AuditAction::Revoke => "revoked",
    }
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
pub fn thing(event: &AuditRow, names: &Names) -> Markup {
    let id = event.resource_id.as_str();
    let gone = event.action == AuditAction::Delete;
    let kind = kind(event.resource_type).to_lowercase();
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
            let title = names.of(intervention).unwrap_or("an intervention");
            (
                format!("the link of “{title}”"),
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
            format!(
                "key “{}”",
                names
                    .of(id)
                    .map(str::to_owned)
                    .or_else(|| snapshot_text(event, "name"))
                    .unwrap_or_default()
            ),
            Some("/admin/keys".to_owned()),
        ),
        ResourceType::Recommendation => recommendation_label(event, id),
        ResourceType::Report => (
            format!("the {id} report"),
            Some("/admin/reports".to_owned()),
        ),
        ResourceType::AccountLink => account_link_label(event, names),
        ResourceType::ShareLink => share_link_label(event, names),
        _ => (format!("{kind} {id}"), None),
    };
    html! {
        @match href.filter(|_| !gone) {
            Some(href) => a href=(href) { (label) },
            None => (label),
        }
    }
}

/// A recommendation, named by its country, year and number from the event's snapshot.
fn recommendation_label(event: &AuditRow, id: &str) -> (String, Option<String>) {
    let country = snapshot_text(event, "country_code");
    let year = snapshot_text(event, "year");
    let position = snapshot_text(event, "position");
    match (country, year) {
        (Some(country), Some(year)) => (
            format!(
                "recommendation {country} {year}{}",
                position.map(|p| format!(" no. {p}")).unwrap_or_default()
            ),
            Some(format!(
                "/countries/{country}?year={year}#recommendation-{id}"
            )),
        ),
        _ => ("a recommendation".to_owned(), None),
    }
}

/// An invitation, a reset link or the first admin's link, naming whose.
fn account_link_label(event: &AuditRow, names: &Names) -> (String, Option<String>) {
    let purpose = snapshot_text(event, "purpose")
        .and_then(|purpose| purpose.parse::<AccountLinkPurpose>().ok());
    let person = snapshot_text(event, "user_id");
    let whose = person
        .as_deref()
        .and_then(|id| names.of(id))
        .unwrap_or("a person");
    let label = match purpose {
        Some(AccountLinkPurpose::Invitation) => format!("the invitation of {whose}"),
        Some(AccountLinkPurpose::PasswordReset) => {
            format!("the password reset link of {whose}")
        }
        Some(AccountLinkPurpose::FirstAdmin) => "the first admin's link".to_owned(),
        None => "an account link".to_owned(),
    };
    (label, person.map(|id| format!("/admin/people/{id}")))
}

/// A read-only link, naming the report it opens.
fn share_link_label(event: &AuditRow, names: &Names) -> (String, Option<String>) {
    let country = snapshot_text(event, "country_code");
    let year = snapshot_text(event, "year");
    match (country, year) {
        (Some(country), Some(year)) => {
            let name = names.countries.get(&country).cloned().unwrap_or(country);
            (
                format!("the read-only link to {name}'s {year} report"),
                Some("/shares".to_owned()),
            )
        }
        _ => ("a read-only link".to_owned(), None),
    }
}

/// The fields whose names do not make their labels.
const FIELD_LABELS: &[(&str, &str)] = &[
    ("iati_identifier", "IATI identifier"),
    ("iati_organisation_type", "IATI organisation type"),
    ("totp_confirmed_at", "Second factor set up"),
    ("second_factor", "Second factor"),
    ("display_name", "Name"),
    ("email", "E-mail address"),
    ("preferred_language", "Language"),
    ("purpose", "Kind of link"),
    ("user_id", "Person"),
    ("country_code", "Country"),
    ("expires_at", "Until"),
    ("used_at", "Used"),
    ("revoked_at", "Revoked"),
    ("archived_at", "Archived"),
    ("created_by", "Made by"),
    ("created_by_user", "Made by"),
    ("source_url", "Source"),
    ("evidence_url", "Evidence"),
    ("owner_id", "Owner"),
];

/// A field's name as a label: `people_reached` is "People reached", `organisation_id` is
/// "Organisation", and the fields of [`FIELD_LABELS`] as listed there.
fn field_label(field: &str) -> String {
    if let Some((_, label)) = FIELD_LABELS.iter().find(|(name, _)| *name == field) {
        return (*label).to_owned();
    }
    let words = field.strip_suffix("_id").unwrap_or(field).replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A stored code of one of gaptrack's vocabularies in words, by the field it is in: `viewer` in
/// `role` is "Viewer", `invited` in `state` is "Invited".
fn code_in_words(field: &str, code: &str) -> Option<String> {
    fn label<T: std::str::FromStr>(
        code: &str,
        label: impl Fn(T) -> &'static str,
    ) -> Option<String> {
        code.parse::<T>().ok().map(|value| label(value).to_owned())
    }
    match field {
        "role" => label(code, |value: Role| value.label(Locale::ENGLISH)),
        "state" => label(code, |state: UserState| match state {
            UserState::Invited => "Invited",
            UserState::Active => "Active",
            UserState::Disabled => "Disabled",
        }),
        "preferred_language" => label(code, |language: Language| match language {
            Language::English => "English",
            Language::French => "French",
        }),
        "purpose" => label(code, |purpose: AccountLinkPurpose| match purpose {
            AccountLinkPurpose::Invitation => "Invitation",
            AccountLinkPurpose::PasswordReset => "Password reset",
            AccountLinkPurpose::FirstAdmin => "The first admin's link",
        }),
        "second_factor" => match code {
            "enrolled" => Some("Set up".to_owned()),
            "removed" => Some("Removed".to_owned()),
            _ => None,
        },
        "status" => label(code, |value: InterventionStatus| {
            value.label(Locale::ENGLISH)
        })
        .or_else(|| {
            label(code, |value: RecommendationStatus| {
                value.label(Locale::ENGLISH)
            })
        }),
        "kind" => label(code, |value: InterventionKind| value.label(Locale::ENGLISH)),
        "pillar" => label(code, |value: Pillar| value.label(Locale::ENGLISH)),
        "contribution" => label(code, |value: Contribution| value.label(Locale::ENGLISH)),
        "tier" => label(code, |value: Tier| value.label(Locale::ENGLISH)),
        _ => None,
    }
}

/// A stored value of `field` in words: a code by its label, text in quotes, an id or a country
/// by its name, nothing as a dash.
fn value_in_words(field: &str, value: Option<&Value>, names: &Names) -> String {
    if let Some(Value::String(code)) = value
        && let Some(words) = code_in_words(field, code)
    {
        return words;
    }
    if let (Some(Value::String(code)), "country_code") = (value, field)
        && let Some(name) = names.countries.get(code)
    {
        return name.clone();
    }
    match value {
        None | Some(Value::Null) => "–".to_owned(),
        Some(Value::String(text)) => {
            if let Some(name) = names.of(text) {
                name.to_owned()
            } else if let Ok(at) = chrono::DateTime::parse_from_rfc3339(text) {
                crate::i18n::written::moment(Locale::ENGLISH, at.with_timezone(&chrono::Utc))
            } else if let Ok(day) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                crate::i18n::written::date(Locale::ENGLISH, day)
            } else {
                format!("“{text}”")
            }
        }
        Some(Value::Bool(true)) => "yes".to_owned(),
        Some(Value::Bool(false)) => "no".to_owned(),
        Some(other) => other.to_string(),
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
fn change_in_words(field: &str) -> Option<&'static str> {
    match field {
        "password" => Some("A new password was chosen."),
        _ => None,
    }
}

/// Each changed field, before → after; for a creation or a deletion, what it held.
pub fn fields(event: &AuditRow, names: &Names) -> Markup {
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
    let sentences: Vec<&str> = changed.iter().filter_map(|f| change_in_words(f)).collect();
    html! {
        @if changed.is_empty() {
            span.muted { "–" }
        } @else if sentences.len() == changed.len() {
            ul.changes { @for sentence in &sentences { li { (sentence) } } }
        } @else if whole {
            details {
                summary { @if event.before.is_none() { "What it holds" } @else { "What it held" } }
                dl.details {
                    @for field in &changed {
                        dt { (field_label(field)) }
                        dd { (value_in_words(field, after.get(*field).or(before.get(*field)), names)) }
                    }
                }
            }
        } @else {
            ul.changes {
                @for field in &changed {
                    @match change_in_words(field) {
                        Some(sentence) => li { (sentence) },
                        None => li { strong { (field_label(field)) ": " } (value_in_words(field, before.get(*field), names)) " → " (value_in_words(field, after.get(*field), names)) },
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
        assert_eq!(field_label("people_reached"), "People reached");
        assert_eq!(field_label("organisation_id"), "Organisation");
        assert_eq!(
            actor("command line: serve: first start"),
            "The command line (serve, first start)"
        );
        assert_eq!(
            actor("Awa Ndiaye (key “laptop”)"),
            "Awa Ndiaye (key “laptop”)"
        );
        let id = Uuid::now_v7();
        let names = Names {
            organisations: HashMap::from([(id, "CenHTRO".to_owned())]),
            ..Names::default()
        };
        assert_eq!(
            value_in_words(
                "organisation_id",
                Some(&Value::String(id.to_string())),
                &names
            ),
            "CenHTRO"
        );
        assert_eq!(
            value_in_words("location", Some(&Value::String("Bo".into())), &names),
            "“Bo”"
        );
        assert_eq!(value_in_words("location", Some(&Value::Null), &names), "–");
        let revoked = Value::String("2026-12-02T14:34:49.750257Z".into());
        assert_eq!(
            value_in_words("revoked_at", Some(&revoked), &names),
            "2 December 2026, 14:34 UTC"
        );
        let started = Value::String("2024-03-05".into());
        assert_eq!(
            value_in_words("started_on", Some(&started), &names),
            "5 March 2024"
        );
        for (field, code, words) in [
            ("role", "viewer", "Viewer"),
            ("state", "invited", "Invited"),
            ("preferred_language", "en", "English"),
            ("purpose", "password_reset", "Password reset"),
            ("status", "active", "Active"),
            ("kind", "legal_aid", "Legal aid"),
        ] {
            assert_eq!(
                value_in_words(field, Some(&Value::String(code.into())), &names),
                words,
                "{field}"
            );
        }
        assert_eq!(field_label("iati_identifier"), "IATI identifier");
        assert_eq!(field_label("totp_confirmed_at"), "Second factor set up");
    }
}
