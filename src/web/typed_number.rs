//! A count as people type it into a page: `1200`, `1,200`, `1 200` (with a space or the no-break
//! spaces French writes between thousands), `1'200`. A page takes all of them, so nobody has to
//! learn how gaptrack wants a number; the API takes JSON numbers and needs none of this.

/// What a page says when a count cannot be read.
pub const WHOLE_NUMBER: &str = "a whole number, such as 1200 or 1,200";

/// The separators people put between groups of three digits.
const GROUP_SEPARATORS: &[char] = &[',', ' ', '\u{a0}', '\u{202f}', '\''];

/// `text` as a whole number, with or without one kind of thousands separator between groups
/// of three digits; `None` for anything else (`1.5`, `12,00`, `many`).
pub fn whole_number(text: &str) -> Option<i64> {
    let text = text.trim();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text),
    };
    let separator = digits.chars().find(|c| GROUP_SEPARATORS.contains(c));
    let plain: String = match separator {
        None => digits.to_owned(),
        Some(separator) => {
            let groups: Vec<&str> = digits.split(separator).collect();
            let (first, rest) = groups.split_first()?;
            let grouped = (1..=3).contains(&first.len()) && rest.iter().all(|g| g.len() == 3);
            if !grouped {
                return None;
            }
            groups.concat()
        }
    };
    if plain.is_empty() || !plain.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    plain.parse::<i64>().ok().map(|n| sign * n)
}

#[cfg(test)]
mod tests {
    use super::whole_number;

    #[test]
    fn thousands_are_read_as_people_write_them() {
        for typed in [
            "1200",
            "1,200",
            "1 200",
            "1\u{a0}200",
            "1\u{202f}200",
            "1'200",
            " 1,200 ",
        ] {
            assert_eq!(whole_number(typed), Some(1200), "{typed:?}");
        }
        assert_eq!(whole_number("12,345,678"), Some(12_345_678));
        assert_eq!(
            whole_number("-5"),
            Some(-5),
            "the rules, not the reader, refuse a negative"
        );
    }

    #[test]
    fn anything_else_is_not_a_count() {
        for typed in [
            "",
            "many",
            "1.5",
            "12,00",
            "1,2000",
            ",200",
            "1,200 300",
            "1,,200",
            "1 200,000",
            "+3",
        ] {
            assert_eq!(whole_number(typed), None, "{typed:?}");
        }
    }
}
