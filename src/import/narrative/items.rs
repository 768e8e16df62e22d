//! A recommendations section's text, cut into its recommendations: one per bullet (`•` in the
//! PDF, `*` or `-` in reprints), one per paragraph (a web page's list copied as text), or, in the
//! reports of 2018 and before, one paragraph whose recommendations are separated by semicolons.

use super::repair::{join, without_footnote_marks};

/// A recommendation as the section holds it, with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub line: usize,
    pub text: String,
}

/// The marks a list's items start with, as copies of the report write them.
const BULLETS: &[char] = &['•', '*', '◦', '▪', '●', '‣', '-', '–', '—', '\u{f0b7}', '·'];

/// The line's text after its bullet, if it starts with one.
fn after_bullet(line: &str) -> Option<&str> {
    let mut chars = line.chars();
    let first = chars.next()?;
    if !BULLETS.contains(&first) {
        return None;
    }
    let rest = chars.as_str();
    // A dash starts an item only when a space follows it (`- Increase`); a round bullet may be
    // glued to its text (`•Increase`).
    let spaced = rest.starts_with(' ');
    (spaced || !matches!(first, '-' | '–' | '—' | '*')).then(|| rest.trim_start())
}

/// The recommendations of a section whose lines (numbered, cleaned, page furniture out, blank
/// lines kept as empty) are `lines`; `semicolons` for the old form's one paragraph.
pub fn items(lines: &[(usize, String)], semicolons: bool) -> Vec<Item> {
    let mut found = if semicolons {
        by_semicolons(lines)
    } else if lines.iter().any(|(_, line)| after_bullet(line).is_some()) {
        by_bullets(lines)
    } else {
        by_paragraphs(lines)
    };
    for item in &mut found {
        item.text = without_footnote_marks(&item.text);
    }
    found.retain(|item| item.text.chars().any(char::is_alphabetic));
    found
}

fn by_bullets(lines: &[(usize, String)]) -> Vec<Item> {
    let mut found: Vec<Item> = Vec::new();
    for (number, line) in lines {
        if line.is_empty() {
            continue;
        }
        match (after_bullet(line), found.last_mut()) {
            (Some(text), _) => found.push(Item {
                line: *number,
                text: text.to_owned(),
            }),
            (None, Some(current)) => join(&mut current.text, line),
            // Words before the first bullet (on the heading's line) are an item of their own.
            (None, None) => found.push(Item {
                line: *number,
                text: line.clone(),
            }),
        }
    }
    found
}

/// One item per paragraph; a line that ends a sentence and a next line that starts one also
/// part items, as a web page's list copied without blank lines does.
fn by_paragraphs(lines: &[(usize, String)]) -> Vec<Item> {
    let mut found: Vec<Item> = Vec::new();
    let mut open = false;
    for (number, line) in lines {
        if line.is_empty() {
            open = false;
            continue;
        }
        let starts_sentence = line.chars().next().is_some_and(char::is_uppercase);
        match found.last_mut() {
            Some(current) if open && !(current.text.ends_with('.') && starts_sentence) => {
                join(&mut current.text, line);
            }
            _ => found.push(Item {
                line: *number,
                text: line.clone(),
            }),
        }
        open = true;
    }
    found
}

/// The old form: the section's text as one, cut at each semicolon outside parentheses, each part
/// made a sentence (`and provide shelter` reads `Provide shelter.`).
fn by_semicolons(lines: &[(usize, String)]) -> Vec<Item> {
    let mut text = String::new();
    let mut starts: Vec<(usize, usize)> = Vec::new();
    for (number, line) in lines.iter().filter(|(_, line)| !line.is_empty()) {
        starts.push((text.len(), *number));
        join(&mut text, line);
    }
    let line_at = |offset: usize| {
        starts
            .iter()
            .rev()
            .find(|(start, _)| *start <= offset)
            .map_or(0, |(_, number)| *number)
    };
    let mut found = Vec::new();
    let mut depth = 0_i32;
    let mut start = 0;
    for (offset, c) in text.char_indices().chain([(text.len(), ';')]) {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' if depth <= 0 => {
                let part = text[start..offset].trim();
                if !part.is_empty() {
                    found.push(Item {
                        line: line_at(start),
                        text: as_sentence(part),
                    });
                }
                start = (offset + 1).min(text.len());
            }
            _ => {}
        }
    }
    found
}

/// A clause as a sentence of its own: its joining word dropped, a capital first and a full stop
/// last.
fn as_sentence(clause: &str) -> String {
    // The old form is English only (the French versions list their recommendations).
    let clause = ["and ", "as well as "]
        .iter()
        .find_map(|joining| clause.strip_prefix(joining))
        .unwrap_or(clause)
        .trim();
    let mut chars = clause.chars();
    let mut sentence: String = chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !sentence.ends_with(['.', '!', '?']) {
        sentence.push('.');
    }
    sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(text: &str) -> Vec<(usize, String)> {
        text.lines()
            .enumerate()
            .map(|(index, line)| (index + 1, line.trim().to_owned()))
            .collect()
    }

    fn texts(found: &[Item]) -> Vec<&str> {
        found.iter().map(|item| item.text.as_str()).collect()
    }

    #[test]
    fn bullets_broken_across_lines_are_joined() {
        let lines = numbered(
            "• Increase efforts to investigate and prose-\ncute traffickers.\n\n• Fund shelters.",
        );
        let found = items(&lines, false);
        assert_eq!(
            texts(&found),
            [
                "Increase efforts to investigate and prosecute traffickers.",
                "Fund shelters."
            ]
        );
        assert_eq!(found[1].line, 4);
    }

    #[test]
    fn paragraphs_are_items_with_or_without_blank_lines() {
        let lines = numbered("Increase funding.\nTrain judges\non the law.\n\nAdopt a plan.");
        assert_eq!(
            texts(&items(&lines, false)),
            [
                "Increase funding.",
                "Train judges on the law.",
                "Adopt a plan."
            ]
        );
    }

    #[test]
    fn the_old_form_is_cut_at_its_semicolons() {
        let lines = numbered(
            "Vigorously prosecute traffickers (including officials; and others); provide\nshelter; and adopt a plan",
        );
        assert_eq!(
            texts(&items(&lines, true)),
            [
                "Vigorously prosecute traffickers (including officials; and others).",
                "Provide shelter.",
                "Adopt a plan."
            ]
        );
    }
}
