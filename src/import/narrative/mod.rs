//! Country narratives of the TIP Report, as an admin pastes them (copied from the State
//! Department's country page or from the PDF, in English or French): each country's heading
//! (`SENEGAL: Tier 2`, `SENEGAL (Tier 2)`, `SÉNÉGAL : niveau 2`), what the introduction says of
//! its tier's move and of a waiver, and its recommendations section in order (`PRIORITIZED
//! RECOMMENDATIONS:`, `RECOMMENDATIONS FOR SENEGAL:` before 2019, `RECOMMANDATIONS
//! PRIORITAIRES`). What cannot be read is said, with the text around it.

pub mod html;
mod items;
mod repair;
mod rows;

pub use items::Item;
pub use rows::rows;

use crate::domain::{Movement, Refusal};

/// One country's narrative as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Narrative {
    /// The line of its heading.
    pub line: usize,
    /// The country as the heading names it (`SENEGAL`, `CÔTE D'IVOIRE`).
    pub country: String,
    /// The tier as the heading writes it, in the report's English (`Tier 2 Watch List`).
    pub tier: String,
    /// The move its introduction states, if it states one.
    pub movement: Option<Movement>,
    /// Whether its introduction says it was granted a waiver.
    pub waiver: bool,
    /// Whether the narrative is the French version (its recommendations are French texts).
    pub french: bool,
    /// Whether the section lists prioritized recommendations (2019 on), or the older kind.
    pub prioritized: bool,
    pub recommendations: Vec<Item>,
}

/// What could not be read, with where and the text around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    pub line: usize,
    pub problem: Refusal,
}

/// Every narrative of a paste, and what could not be read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Narratives {
    pub narratives: Vec<Narrative>,
    pub unread: Vec<Unread>,
}

/// The tiers as headings write them, lower case, longest first, each with the report's English.
const TIERS: &[(&str, &str)] = &[
    ("liste de surveillance de niveau 2", "Tier 2 Watch List"),
    ("liste de surveillance de catégorie 2", "Tier 2 Watch List"),
    ("tier 2 watch list", "Tier 2 Watch List"),
    ("tier 2 watchlist", "Tier 2 Watch List"),
    ("special case", "Special Case"),
    ("cas particulier", "Special Case"),
    ("cas spécial", "Special Case"),
    ("tier 1", "Tier 1"),
    ("tier 2", "Tier 2"),
    ("tier 3", "Tier 3"),
    ("niveau 1", "Tier 1"),
    ("niveau 2", "Tier 2"),
    ("niveau 3", "Tier 3"),
    ("catégorie 1", "Tier 1"),
    ("catégorie 2", "Tier 2"),
    ("catégorie 3", "Tier 3"),
];

/// A narrative's heading: the country's name and its tier (in the report's English).
fn heading(line: &str) -> Option<(String, &'static str)> {
    let lower = line.to_lowercase();
    let (closed, lower) = match lower.strip_suffix(')') {
        Some(inner) => (true, inner.trim_end()),
        None => (false, lower.trim_end_matches([' ', '.'])),
    };
    let (written, english) = TIERS.iter().find(|(written, _)| lower.ends_with(written))?;
    let before = lower[..lower.len() - written.len()].trim_end();
    let separated = if closed {
        before.strip_suffix('(')
    } else {
        before.strip_suffix(':')
    }?;
    // The name, cut from the line as written (its case kept): lower-casing keeps byte lengths
    // for the letters of country names, so the name is the same stretch of `line`.
    let name = line
        .get(..separated.len())?
        .trim()
        .trim_end_matches([':', ' ']);
    let plausible = !name.is_empty()
        && name.chars().count() <= 60
        && name.chars().next().is_some_and(char::is_alphabetic)
        && !name.ends_with(['.', ',', ';']);
    plausible.then(|| (name.trim().to_owned(), *english))
}

/// How a recommendations section opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opening {
    Prioritized,
    Old,
    French,
}

/// A line that opens a recommendations section, and the words after its heading on that line.
fn section_opening(line: &str) -> Option<(Opening, &str)> {
    let upper = line.to_uppercase();
    let rest_after = |prefix_chars: usize| {
        let rest: String = line.chars().skip(prefix_chars).collect();
        let skip = line.len() - rest.len();
        line[skip..].trim_start_matches([' ', ':', '\u{a0}']).trim()
    };
    for (prefix, opening) in [
        ("PRIORITIZED RECOMMENDATIONS", Opening::Prioritized),
        ("RECOMMANDATIONS PRIORITAIRES", Opening::French),
    ] {
        if upper.starts_with(prefix) {
            return Some((opening, rest_after(prefix.chars().count())));
        }
    }
    if upper.starts_with("RECOMMENDATIONS FOR ") {
        let colon = line.find(':')?;
        return Some((Opening::Old, line[colon + 1..].trim()));
    }
    None
}

/// Whether a line closes a recommendations section: the next section's heading.
fn closes_section(line: &str) -> bool {
    let first = line
        .split([' ', ':'])
        .next()
        .unwrap_or_default()
        .trim_end_matches(':');
    let upper_word = first.chars().count() > 3 && first.chars().all(|c| !c.is_lowercase());
    upper_word
        && matches!(
            first,
            "PROSECUTION" | "PROTECTION" | "PREVENTION" | "POURSUITES" | "PRÉVENTION"
        )
        || line.starts_with("TRAFFICKING PROFILE")
        || line.starts_with("PROFIL DE LA TRAITE")
}

/// The move an introduction states, and whether it mentions a waiver.
fn stated_move(introduction: &str) -> (Option<Movement>, bool) {
    let lower = introduction.to_lowercase();
    let found = [
        ("upgraded", Movement::Upgraded),
        ("relevé", Movement::Upgraded),
        ("downgraded", Movement::Downgraded),
        ("rétrogradé", Movement::Downgraded),
        ("remained on", Movement::Unchanged),
        ("maintenu", Movement::Unchanged),
    ]
    .into_iter()
    .filter_map(|(word, movement)| lower.find(word).map(|at| (at, movement)))
    .min_by_key(|(at, _)| *at)
    .map(|(_, movement)| movement);
    let waiver = lower.contains("waiver") || lower.contains("dérogation");
    (found, waiver)
}

/// A stretch of text around a place, for a person to find it.
fn context(lines: &[(usize, String)]) -> String {
    let text: String = lines
        .iter()
        .map(|(_, line)| line.as_str())
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut shown: String = text.chars().take(120).collect();
    if text.chars().count() > 120 {
        shown.push('…');
    }
    shown
}

/// Reads every narrative of `text`. A text with no heading at all is refused.
pub fn read(text: &str) -> Result<Narratives, Refusal> {
    let lines: Vec<(usize, String)> = text
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, repair::clean_line(line)))
        .filter(|(_, line)| !repair::is_page_furniture(line))
        .collect();
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, (_, line))| heading(line).is_some())
        .map(|(index, _)| index)
        .collect();
    let Some(&first) = starts.first() else {
        return Err(Refusal::new("invalid-narrative-no-heading")
            .with("text", context(&lines[..lines.len().min(3)])));
    };
    let mut read = Narratives::default();
    if lines[..first]
        .iter()
        .any(|(_, line)| section_opening(line).is_some())
    {
        read.unread.push(Unread {
            line: lines[0].0,
            problem: Refusal::new("invalid-narrative-before-heading")
                .with("text", context(&lines[..first])),
        });
    }
    for (at, start) in starts.iter().enumerate() {
        let end = starts.get(at + 1).copied().unwrap_or(lines.len());
        match narrative(&lines[*start..end]) {
            Ok(narrative) => read.narratives.push(narrative),
            Err(unread) => read.unread.push(unread),
        }
    }
    Ok(read)
}

/// One narrative, from its heading's line to the next heading.
fn narrative(lines: &[(usize, String)]) -> Result<Narrative, Unread> {
    let (line, heading_text) = &lines[0];
    let (country, tier) = heading(heading_text).expect("a narrative starts at its heading");
    let opening = lines.iter().enumerate().find_map(|(index, (_, line))| {
        section_opening(line).map(|(kind, rest)| (index, kind, rest))
    });
    let Some((open_at, kind, rest)) = opening else {
        return Err(Unread {
            line: *line,
            problem: Refusal::new("invalid-narrative-no-recommendations")
                .with("country", country)
                .with("text", context(&lines[1..lines.len().min(4)])),
        });
    };
    let (movement, waiver) = stated_move(&context_all(&lines[1..open_at]));
    let close = lines[open_at + 1..]
        .iter()
        .position(|(_, line)| closes_section(line))
        .map_or(lines.len(), |offset| open_at + 1 + offset);
    let mut section: Vec<(usize, String)> = Vec::new();
    if !rest.is_empty() {
        section.push((lines[open_at].0, rest.to_owned()));
    }
    section.extend(lines[open_at + 1..close].iter().cloned());
    let recommendations = items::items(&section, kind == Opening::Old);
    if recommendations.is_empty() {
        return Err(Unread {
            line: lines[open_at].0,
            problem: Refusal::new("invalid-narrative-empty-section")
                .with("country", country)
                .with("text", context(&lines[open_at..close.min(open_at + 3)])),
        });
    }
    Ok(Narrative {
        line: *line,
        country,
        tier: tier.to_owned(),
        movement,
        waiver,
        french: kind == Opening::French,
        prioritized: kind != Opening::Old,
        recommendations,
    })
}

/// Every line of a stretch as one text.
fn context_all(lines: &[(usize, String)]) -> String {
    lines
        .iter()
        .map(|(_, line)| line.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
