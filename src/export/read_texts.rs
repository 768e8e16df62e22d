//! The recommendations' texts as a document's reader reads them: a translation into their
//! language where an admin added one, else the report's own English. A document that shows a
//! translation also shows the report's words it translates, so a grant writer can quote either.

use std::collections::HashMap;

use maud::{Markup, html};
use uuid::Uuid;

use crate::i18n::Locale;

use crate::usecases::gap_report::GapReport;
use crate::usecases::translations::TranslationRow;

/// The translations into a reader's language, by recommendation (none for English).
pub type Translations = HashMap<Uuid, TranslationRow>;

/// The text to read of recommendation `id`: its translation, if there is one, else `english`.
pub fn text_to_read<'a>(translations: &'a Translations, id: Uuid, english: &'a str) -> &'a str {
    translations
        .get(&id)
        .map_or(english, |translation| translation.text.as_str())
}

/// A gap report with its recommendations' translations into the reader's language: what the
/// people's CSV and the workbook write.
#[derive(Debug)]
pub struct GapDocument {
    pub report: GapReport,
    pub translations: Translations,
}

impl GapDocument {
    /// Whether any of its texts is read in translation, so that the report's own words are shown
    /// beside them.
    pub fn has_translations(&self) -> bool {
        !self.translations.is_empty()
    }
}

/// A recommendation's text for a printable document: its translation in place, if there is one,
/// with the report's own words beneath, marked as such; else the report's text.
pub fn read_text(locale: Locale, translations: &Translations, id: Uuid, english: &str) -> Markup {
    html! {
        @match translations.get(&id) {
            Some(translation) => {
                span lang=(translation.language) { (translation.text) }
                div.meta { (locale.text("doc-translated")) " " span lang="en" { (english) } }
            }
            None => (english),
        }
    }
}
