//! Small pieces the pages share: how a tier, a movement, a status or a share is shown.

use actix_web::HttpResponse;
use maud::{Markup, html};

use crate::domain::{Movement, RecommendationStatus, Tier};
use crate::i18n::{Locale, Worded};

/// Answers with a page.
/// A form's answer: go to `target` (so that reloading it posts nothing again).
pub fn see_other(target: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, target))
        .finish()
}

pub fn html_page(page: Markup) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(page.into_string())
}

/// A tier in words, or that the country was not ranked.
pub fn tier(locale: Locale, tier: Option<Tier>) -> String {
    tier.map_or_else(
        || locale.text("ranking-none"),
        |tier| tier.label(locale).to_owned(),
    )
}

/// A placement's tier in words, with its waiver when it had one: `Tier 2 Watch List (waiver)`.
pub fn placed_tier(locale: Locale, tier: Tier, waiver: bool) -> String {
    if waiver {
        locale.text_with(
            "placement-with-waiver",
            &[("tier", tier.label(locale).into())],
        )
    } else {
        tier.label(locale).to_owned()
    }
}

/// Where the shipped tier history of a year comes from, by its source's kind.
pub fn placement_source_kind(locale: Locale, kind: &str) -> String {
    locale.text(if kind == "research" {
        "placement-source-research"
    } else {
        "placement-source-pages"
    })
}

/// A movement in words, an upgrade and a downgrade with their arrow.
pub fn movement(locale: Locale, movement: Option<Movement>) -> String {
    let arrow = match movement {
        Some(Movement::Upgraded) => "▲ ",
        Some(Movement::Downgraded) => "▼ ",
        _ => "",
    };
    movement.map_or_else(
        || "–".to_owned(),
        |movement| format!("{arrow}{}", movement.label(locale)),
    )
}

/// A recommendation's status, as a badge whose text says it (colour is only a help).
pub fn status(locale: Locale, status: RecommendationStatus) -> Markup {
    html! { span.status.(status.as_str()) { (status.label(locale)) } }
}

/// A message from the shared rules, as people read it. The rules quote names and values in
/// backticks, which reads well in the API's JSON `detail`; on a page the quoted parts become
/// `<code>` instead of showing the backticks. A message with an unpaired backtick is shown as is.
pub fn message(text: &str) -> Markup {
    let paired = text.matches('`').count().is_multiple_of(2);
    html! {
        @if paired {
            @for (index, part) in text.split('`').enumerate() {
                @if index % 2 == 1 { code { (part) } } @else { (part) }
            }
        } @else {
            (text)
        }
    }
}

/// The fill of a status in the charts (the stylesheet's colours).
pub fn status_colour(status: &str) -> &'static str {
    match status {
        "addressed" => "#1e7b3c",
        "partially_addressed" => "#b8860b",
        "planned" => "#5b6fb3",
        _ => "#b3261e",
    }
}

/// A labelled form field with its error, if any, beside it (`<name>-error`, which the control
/// should name in `aria-describedby`).
pub fn field(name: &str, label: &str, error: Option<&str>, control: Markup) -> Markup {
    html! {
        div.field.invalid[error.is_some()] {
            label for=(name) { (label) }
            (control)
            @if let Some(error) = error { p.field-error id={ (name) "-error" } { (message(error)) } }
        }
    }
}

/// The errors of a refused form, by field: what each control shows beside it and names for
/// screen readers. A list field (`countries`) also gathers its entries' errors (`countries[2]`).
/// Each error is worded in the reader's language (the second field).
pub struct FieldErrors<'a>(pub &'a [crate::domain::FieldError], pub Locale);

impl FieldErrors<'_> {
    /// Every message about `field`, joined, if there is any.
    pub fn of(&self, field: &str) -> Option<String> {
        let entry = format!("{field}[");
        let messages: Vec<String> = self
            .0
            .iter()
            .filter(|e| e.field == field || e.field.starts_with(&entry))
            .map(|e| self.1.refusal(&e.problem))
            .collect();
        (!messages.is_empty()).then(|| messages.join("; "))
    }

    /// The id of `field`'s error, for its control's `aria-describedby`, when it has one.
    pub fn described(&self, field: &str) -> Option<String> {
        self.of(field).map(|_| format!("{field}-error"))
    }

    /// `"true"`, for its control's `aria-invalid`, when `field` has an error.
    pub fn invalid(&self, field: &str) -> Option<&'static str> {
        self.of(field).map(|_| "true")
    }

    /// The labelled field `field`, with its error beside it.
    pub fn field(&self, name: &str, label: &str, control: Markup) -> Markup {
        field(name, label, self.of(name).as_deref(), control)
    }

    /// Above a refused form: every error, each a link to its field, announced at once.
    pub fn summary(&self, locale: Locale) -> Markup {
        self.summary_labelled(locale, &[])
    }

    /// [`Self::summary`], each error led by its field's label as the form shows it
    /// (`labels` pairs a field's name with its label's key), never by the field's name.
    pub fn summary_labelled(&self, locale: Locale, labels: &[(&str, &str)]) -> Markup {
        if self.0.is_empty() {
            return html! {};
        }
        // In the order of the form (`labels`), those it does not name last.
        let mut errors: Vec<&crate::domain::FieldError> = self.0.iter().collect();
        errors.sort_by_key(|error| {
            let id = error.field.split('[').next().unwrap_or_default();
            labels
                .iter()
                .position(|(name, _)| *name == id)
                .unwrap_or(labels.len())
        });
        html! {
            div.notice.bad #form-errors role="alert" {
                p { (locale.text("form-correct")) }
                ul {
                    @for error in errors {
                        @let id = error.field.split('[').next().unwrap_or_default();
                        @let label = labels.iter().find(|(name, _)| *name == id).map(|(_, label)| *label);
                        li { a href={ "#" (id) } {
                            @if let Some(label) = label { (locale.text_with("before-colon", &[("name", locale.text(label).into())])) }
                            (message(&locale.refusal(&error.problem)))
                        } }
                    }
                }
            }
        }
    }
}

/// What a confirmation page asks before something that cannot be taken back (revoking a key,
/// disabling a person): the question, what will happen, and a form that does it or a way back.
pub struct Confirmation<'a> {
    pub title: &'a str,
    pub consequence: Markup,
    pub action: &'a str,
    pub button: &'a str,
    pub cancel: &'a str,
    pub cancel_label: &'a str,
}

impl Confirmation<'_> {
    /// The page's content, its form carrying the session's `csrf` token.
    pub fn content(&self, csrf: &str) -> Markup {
        html! {
            h1 { (self.title) }
            div.panel {
                p { (self.consequence) }
                form.actions method="post" action=(self.action) {
                    input type="hidden" name="csrf" value=(csrf);
                    button.danger type="submit" { (self.button) }
                    a.button.secondary href=(self.cancel) { (self.cancel_label) }
                }
            }
        }
    }
}

/// The organisation filter of a page: "all", or one organisation whose work alone counts.
pub fn organisation_filter(
    locale: Locale,
    label: &str,
    organisations: &[crate::usecases::organisations::OrganisationRow],
    selected: Option<uuid::Uuid>,
) -> Markup {
    html! {
        div {
            label for="organisation" { (label) }
            select #organisation name="organisation" {
                option value="" { (locale.text("filter-all-organisations")) }
                @for organisation in organisations {
                    option value=(organisation.id) selected[selected == Some(organisation.id)] { (organisation.name) }
                }
            }
        }
    }
}

/// A refusal's words as a sentence on their own: a capital first letter and a full stop (the
/// shared rules word them to follow a heading, in lower case).
pub fn sentence(detail: &str) -> String {
    let mut chars = detail.trim().chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut text: String = first.to_uppercase().chain(chars).collect();
    if !text.ends_with(['.', '!', '?', ')']) {
        text.push('.');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::message;

    #[test]
    fn quoted_names_become_code() {
        let shown = message("`Central African Rep` is not a known country").into_string();
        assert_eq!(
            shown,
            "<code>Central African Rep</code> is not a known country"
        );
    }

    #[test]
    fn quoted_text_is_still_escaped() {
        let shown = message("`<b>` & `x`").into_string();
        assert_eq!(shown, "<code>&lt;b&gt;</code> &amp; <code>x</code>");
    }

    #[test]
    fn an_unpaired_backtick_is_shown_as_typed() {
        let shown = message("a title with one ` in it").into_string();
        assert_eq!(shown, "a title with one ` in it");
    }
}
