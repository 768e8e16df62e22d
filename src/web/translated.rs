//! A recommendation's text in the reader's language, where an admin added it: shown in its
//! place, marked as a translation with its source, and the report's own English one click away.

use maud::{Markup, html};

use uuid::Uuid;

use crate::i18n::{Language, Locale};
use crate::usecases::translations::TranslationRow;

/// The text to read: the translation, if there is one, else the report's own.
pub fn text(english: &str, translation: Option<&TranslationRow>) -> Markup {
    html! {
        @match translation {
            Some(translation) => span lang=(translation.language) { (translation.text) },
            None => (english),
        }
    }
}

/// Under a translated text: that it is a translation, where it comes from, and the report's
/// own English, folded away. Nothing for a text read as the report wrote it.
pub fn original(locale: Locale, english: &str, translation: Option<&TranslationRow>) -> Markup {
    html! {
        @if let Some(translation) = translation {
            details.original {
                summary { (locale.text("recommendation-translated")) }
                p lang="en" { (english) }
                p.muted {
                    (locale.text_with("recommendation-translated-by", &[("name", translation.added_by.as_str().into())]))
                    @if let Some(url) = &translation.source_url {
                        " · " a href=(url) rel="noopener noreferrer" { (locale.text("recommendation-translation-source")) }
                    }
                }
            }
        }
    }
}

/// For an admin: the way to add the recommendation's French text, or to correct it (the form
/// opens with the text stored, if any).
pub fn edit_link(locale: Locale, id: Uuid) -> Markup {
    html! {
        p.muted {
            a href=(super::translation_form::path(id, Language::French)) {
                (locale.text_with("recommendation-edit-translation", &[("language", Language::French.as_str().into())]))
            }
        }
    }
}
