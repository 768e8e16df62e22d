//! Checks of single cells of an imported row: yes/no, optional text, and a French text with its
//! source; each says what is wrong with the cell in the file's own terms.

use super::rows::Location;
use crate::domain::{FieldError, Refusal};

/// Optional free text: `Some(None)` when blank, `None` (with an error) when it cannot be stored.
pub(super) fn optional_text(
    at: Location,
    field: &str,
    cell: Option<&str>,
    errors: &mut Vec<FieldError>,
) -> Option<Option<String>> {
    match cell.map(crate::domain::optional_text) {
        None => Some(None),
        Some(Ok(text)) => Some(text),
        Some(Err(message)) => {
            errors.push(at.error(field, message));
            None
        }
    }
}

/// Reads yes/no cells; blank is no.
pub(super) fn boolean(
    at: Location,
    field: &str,
    text: Option<&str>,
    errors: &mut Vec<FieldError>,
) -> Option<bool> {
    match text.map(|t| t.trim().to_ascii_lowercase()).as_deref() {
        None | Some("" | "false" | "no" | "0" | "n") => Some(false),
        Some("true" | "yes" | "1" | "y") => Some(true),
        Some(other) => {
            errors.push(at.error(field, Refusal::new("invalid-boolean").with("given", other)));
            None
        }
    }
}

/// A row's French text and its source, if it gives one; a source with no text is refused.
pub(super) fn french_text(
    at: Location,
    text: Option<&str>,
    source: Option<&str>,
    errors: &mut Vec<FieldError>,
) -> Option<(String, Option<String>)> {
    let source = match source.map(crate::domain::web_url) {
        Some(Err(message)) => {
            errors.push(at.error("text_fr_source_url", message));
            None
        }
        Some(Ok(url)) => Some(url),
        None => None,
    };
    match text.map(crate::domain::required_text) {
        Some(Ok(text)) => Some((text, source)),
        Some(Err(message)) => {
            errors.push(at.error("text_fr", message));
            None
        }
        None if source.is_some() => {
            errors.push(at.error("text_fr", "invalid-missing"));
            None
        }
        None => None,
    }
}
