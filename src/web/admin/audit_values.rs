//! The fields of the audit trail's snapshots in words: each field's label, and each stored
//! value as people read it (a code by its label, an id by its name, a date as a date).

use serde_json::Value;

use crate::domain::{
    AccountLinkPurpose, Contribution, InterventionKind, InterventionStatus, Language, Pillar,
    RecommendationStatus, Role, Tier, UserState,
};
use crate::i18n::{Locale, Worded, written};
use crate::usecases::audit::Names;

/// The catalogue's key of each field a snapshot holds that a reader sees.
const FIELD_LABELS: &[(&str, &str)] = &[
    ("archived_at", "audit-field-archived-at"),
    ("carried_from", "audit-field-carried-from"),
    ("continues", "audit-field-continues"),
    ("contribution", "audit-field-contribution"),
    ("countries", "audit-field-countries"),
    ("country_code", "audit-field-country-code"),
    ("created_by", "audit-field-created-by"),
    ("created_by_user", "audit-field-created-by-user"),
    ("description", "audit-field-description"),
    ("digest_wanted", "audit-field-digest-wanted"),
    ("display_name", "audit-field-display-name"),
    ("does_not_continue", "audit-field-does-not-continue"),
    ("email", "audit-field-email"),
    ("ended_on", "audit-field-ended-on"),
    ("evidence_url", "audit-field-evidence-url"),
    ("expires_at", "audit-field-expires-at"),
    ("iati_identifier", "audit-field-iati-identifier"),
    (
        "iati_organisation_type",
        "audit-field-iati-organisation-type",
    ),
    ("intervention_id", "audit-field-intervention-id"),
    ("kind", "audit-field-kind"),
    ("last_used_at", "audit-field-last-used-at"),
    ("location", "audit-field-location"),
    ("movement", "audit-field-movement"),
    ("name", "audit-field-name"),
    ("note", "audit-field-note"),
    ("organisation_id", "audit-field-organisation-id"),
    ("owner_id", "audit-field-owner-id"),
    ("people_reached", "audit-field-people-reached"),
    ("pillar", "audit-field-pillar"),
    ("position", "audit-field-position"),
    ("preferred_language", "audit-field-preferred-language"),
    ("prioritized", "audit-field-prioritized"),
    ("published_on", "audit-field-published-on"),
    ("purpose", "audit-field-purpose"),
    ("rationale", "audit-field-rationale"),
    ("recommendation_id", "audit-field-recommendation-id"),
    ("reminders_wanted", "audit-field-reminders-wanted"),
    ("revoked_at", "audit-field-revoked-at"),
    ("role", "audit-field-role"),
    ("second_factor", "audit-field-second-factor"),
    ("source_url", "audit-field-source-url"),
    ("started_on", "audit-field-started-on"),
    ("state", "audit-field-state"),
    ("status", "audit-field-status"),
    ("text", "audit-field-text"),
    ("tier", "audit-field-tier"),
    ("title", "audit-field-title"),
    ("totp_confirmed_at", "audit-field-totp-confirmed-at"),
    ("used_at", "audit-field-used-at"),
    ("user_id", "audit-field-user-id"),
    ("waiver", "audit-field-waiver"),
    ("year", "audit-field-year"),
];

/// A field's name as a label: `people_reached` is "People reached". A field the table lacks (a
/// column added later) shows as its own name, which the trail's tests would catch.
pub fn field_label(locale: Locale, field: &str) -> String {
    FIELD_LABELS
        .iter()
        .find(|(name, _)| *name == field)
        .map_or_else(|| field.to_owned(), |(_, key)| locale.text(key))
}

/// A stored code of one of gaptrack's vocabularies in words, by the field it is in: `viewer` in
/// `role` is "Viewer", `invited` in `state` is "Invited".
fn code_in_words(locale: Locale, field: &str, code: &str) -> Option<String> {
    fn label<T: std::str::FromStr>(code: &str, label: impl Fn(T) -> String) -> Option<String> {
        code.parse::<T>().ok().map(label)
    }
    let worded = |text: &'static str| text.to_owned();
    let key = |key: &str| locale.text(key);
    match field {
        "role" => label(code, |value: Role| worded(value.label(locale))),
        "state" => label(code, |state: UserState| {
            key(match state {
                UserState::Invited => "audit-state-invited",
                UserState::Active => "audit-state-active",
                UserState::Disabled => "audit-state-disabled",
            })
        }),
        "preferred_language" => label(code, |language: Language| {
            key(match language {
                Language::English => "audit-language-en",
                Language::French => "audit-language-fr",
            })
        }),
        "purpose" => label(code, |purpose: AccountLinkPurpose| {
            key(match purpose {
                AccountLinkPurpose::Invitation => "audit-purpose-invitation",
                AccountLinkPurpose::PasswordReset => "audit-purpose-password-reset",
                AccountLinkPurpose::FirstAdmin => "audit-purpose-first-admin",
            })
        }),
        "second_factor" => match code {
            "enrolled" => Some(key("audit-second-factor-enrolled")),
            "removed" => Some(key("audit-second-factor-removed")),
            _ => None,
        },
        "status" => label(code, |value: InterventionStatus| {
            worded(value.label(locale))
        })
        .or_else(|| {
            label(code, |value: RecommendationStatus| {
                worded(value.label(locale))
            })
        }),
        "kind" => label(code, |value: InterventionKind| worded(value.label(locale))),
        "pillar" => label(code, |value: Pillar| worded(value.label(locale))),
        "contribution" => label(code, |value: Contribution| worded(value.label(locale))),
        "tier" => label(code, |value: Tier| worded(value.label(locale))),
        _ => None,
    }
}

/// A stored value of `field` in words: a code by its label, text in quotes, an id or a country
/// by its name, nothing as a dash.
pub fn value_in_words(locale: Locale, field: &str, value: Option<&Value>, names: &Names) -> String {
    if let Some(Value::String(code)) = value
        && let Some(words) = code_in_words(locale, field, code)
    {
        return words;
    }
    if let (Some(Value::String(code)), "country_code") = (value, field)
        && let Some(name) = names.countries.get(code)
    {
        return name.clone();
    }
    match value {
        None | Some(Value::Null) => locale.text("audit-nothing"),
        Some(Value::String(text)) => {
            if let Some(name) = names.of(text) {
                name.to_owned()
            } else if let Ok(at) = chrono::DateTime::parse_from_rfc3339(text) {
                written::moment(locale, at.with_timezone(&chrono::Utc))
            } else if let Ok(day) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                written::date(locale, day)
            } else {
                locale.text_with("audit-quoted", &[("text", text.as_str().into())])
            }
        }
        Some(Value::Bool(true)) => locale.text("audit-yes"),
        Some(Value::Bool(false)) => locale.text("audit-no"),
        Some(other) => other.to_string(),
    }
}
