//! What copying a narrative does to its text, undone: from a PDF, lines broken mid-sentence and
//! words hyphenated across them, running headers and page numbers between the lines, footnote
//! marks glued to words, ligatures and odd spaces; from a web page, non-breaking spaces.

/// A line as a person reads it: spaces of every kind made plain, soft hyphens, zero-width
/// characters and superscript footnote marks taken out, ligatures spelt out, ends trimmed.
pub fn clean_line(line: &str) -> String {
    let mut cleaned = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' | '\t' => cleaned.push(' '),
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' => {}
            '\u{fb01}' => cleaned.push_str("fi"),
            '\u{fb02}' => cleaned.push_str("fl"),
            '\u{fb00}' => cleaned.push_str("ff"),
            '\u{fb03}' => cleaned.push_str("ffi"),
            '\u{fb04}' => cleaned.push_str("ffl"),
            '¹' | '²' | '³' | '⁰' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' => {}
            c => cleaned.push(c),
        }
    }
    cleaned.trim().to_owned()
}

/// Whether a line is page furniture a PDF copy puts between a narrative's lines: a page number,
/// or the report's running header.
pub fn is_page_furniture(line: &str) -> bool {
    if !line.is_empty() && line.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let lower = line.to_lowercase();
    line.chars().count() < 80
        && (lower.contains("trafficking in persons report")
            || lower.contains("rapport sur la traite des personnes"))
}

/// Words whose hyphen is their own, kept when a line break falls after it (`anti-` +
/// `trafficking`); any other word broken at a line's end was hyphenated by the layout.
pub(super) const HYPHENATED_PREFIXES: &[&str] = &[
    "anti",
    "non",
    "self",
    "co",
    "multi",
    "cross",
    "inter",
    "ex",
    "pre",
    "post",
    "well",
    "long",
    "short",
    "gender",
    "victim",
    "trauma",
    "survivor",
    "child",
    "government",
    "community",
    "law",
    "front",
    "follow",
    "country",
    "sex",
    "labor",
    "labour",
    "semi",
    "sub",
];

/// `line` added to `text`: after a space, or glued where the layout hyphenated a word across the
/// break (`traffick-` + `ers` is `traffickers`, `anti-` + `trafficking` keeps its hyphen).
pub fn join(text: &mut String, line: &str) {
    if text.is_empty() {
        text.push_str(line);
        return;
    }
    let next_starts_lowercase = line.chars().next().is_some_and(char::is_lowercase);
    if let Some(before) = text.strip_suffix('-')
        && next_starts_lowercase
        && before.chars().last().is_some_and(char::is_alphabetic)
    {
        let word: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if !HYPHENATED_PREFIXES.contains(&word.to_lowercase().as_str()) {
            text.pop();
        }
        text.push_str(line);
        return;
    }
    text.push(' ');
    text.push_str(line);
}

/// `text` without the footnote numbers a PDF copy glues after a word's punctuation
/// (`traffickers.12 Increase` reads `traffickers. Increase`), its spaces collapsed.
pub fn without_footnote_marks(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut kept = String::with_capacity(text.len());
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        kept.push(c);
        index += 1;
        let after_word = index >= 2 && chars[index - 2].is_alphabetic();
        if matches!(c, '.' | ',' | ';' | ':' | ')') && after_word {
            let digits = chars[index..]
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .count();
            let then = chars.get(index + digits);
            if (1..=3).contains(&digits) && then.is_none_or(|t| t.is_whitespace()) {
                index += digits;
            }
        }
    }
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_hyphens_go_and_real_ones_stay() {
        let mut text = "Increase efforts to prosecute traffick-".to_owned();
        join(&mut text, "ers and anti-");
        join(&mut text, "trafficking officials.");
        assert_eq!(
            text,
            "Increase efforts to prosecute traffickers and anti-trafficking officials."
        );
        let mut text = "Adopt the 2025-".to_owned();
        join(&mut text, "2029 plan.");
        assert_eq!(text, "Adopt the 2025- 2029 plan.", "numbers are not words");
    }

    #[test]
    fn footnote_marks_go_and_numbers_stay() {
        assert_eq!(
            without_footnote_marks("shelters.12 Increase funding under Law No. 2005-06."),
            "shelters. Increase funding under Law No. 2005-06."
        );
        assert_eq!(
            without_footnote_marks("in 2024, 15 victims"),
            "in 2024, 15 victims"
        );
    }

    #[test]
    fn page_furniture_is_recognised() {
        assert!(is_page_furniture("412"));
        assert!(is_page_furniture("2025 TRAFFICKING IN PERSONS REPORT"));
        assert!(!is_page_furniture("Increase funding for 12 shelters."));
    }

    #[test]
    fn odd_characters_are_made_plain() {
        assert_eq!(
            clean_line("\u{a0}identi\u{fb01}cation\u{ad} of victims²\u{202f}"),
            "identification of victims"
        );
    }
}
