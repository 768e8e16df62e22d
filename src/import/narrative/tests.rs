//! Narratives written for these tests in each form the report has used (none is report text),
//! read back item for item, damaged as copying from a PDF damages them, and random lists of
//! recommendations rendered in each form and read back.

use proptest::prelude::*;

use super::*;

const WEB_COPY: &str = "\
SENEGAL: Tier 2

The Government of Senegal does not fully meet the minimum standards but is making significant
efforts to do so. These efforts included more convictions. Therefore Senegal remained on Tier 2.

PRIORITIZED RECOMMENDATIONS:

Increase efforts to investigate cases of forced begging and prosecute those responsible.

Fund the national task force so that it can coordinate the ministries.

Expand shelter for adult victims outside the capital.

PROSECUTION

The government maintained its law enforcement efforts.
";

#[test]
fn a_web_page_copied_as_text_reads_one_recommendation_per_paragraph() {
    let read = read(WEB_COPY).unwrap();
    assert_eq!(read.unread, []);
    let senegal = &read.narratives[0];
    assert_eq!(
        (senegal.country.as_str(), senegal.tier.as_str()),
        ("SENEGAL", "Tier 2")
    );
    assert_eq!(senegal.movement, Some(Movement::Unchanged));
    assert!(!senegal.waiver && !senegal.french && senegal.prioritized);
    let texts: Vec<&str> = senegal
        .recommendations
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Increase efforts to investigate cases of forced begging and prosecute those responsible.",
            "Fund the national task force so that it can coordinate the ministries.",
            "Expand shelter for adult victims outside the capital."
        ]
    );
    assert_eq!(
        senegal.recommendations[0].line, 8,
        "each item keeps its line"
    );
}

const PDF_COPY: &str = "\
CHAD: Tier 2 Watch List
The Government of Chad does not fully meet the minimum standards but is making sig-
nificant efforts to do so. The government was granted a waiver per the Trafficking Victims
Protection Act from an otherwise required downgrade to Tier 3 and remained on Tier 2 Watch List.
PRIORITIZED RECOMMENDATIONS:
\u{2022} Train judges and prosecutors on the anti-
trafficking law and increase convic-
tions of traffickers.14
412
2025 TRAFFICKING IN PERSONS REPORT
\u{2022} Identify victims among children in mining areas and refer them to ser\u{ad}vices.
\u{2022}\u{a0}Adopt a national action plan.
PROSECUTION
";

#[test]
fn a_pdf_copy_is_mended_hyphens_page_numbers_headers_and_footnotes_aside() {
    let read = read(PDF_COPY).unwrap();
    let chad = &read.narratives[0];
    assert_eq!(chad.tier, "Tier 2 Watch List");
    assert!(chad.waiver, "the waiver is read from the introduction");
    assert_eq!(
        chad.movement,
        Some(Movement::Unchanged),
        "an otherwise required downgrade is not a move"
    );
    let texts: Vec<&str> = chad
        .recommendations
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Train judges and prosecutors on the anti-trafficking law and increase convictions of traffickers.",
            "Identify victims among children in mining areas and refer them to services.",
            "Adopt a national action plan."
        ]
    );
}

const OLD_FORM: &str = "\
GUINEA-BISSAU (Tier 3)
The Government of Guinea-Bissau does not fully meet the minimum standards and is not making
significant efforts to do so; therefore it was downgraded to Tier 3.
RECOMMENDATIONS FOR GUINEA-BISSAU: Vigorously investigate and prosecute traffickers, including
religious teachers who force children to beg; train police to identify victims (especially
children; and adults); and fund the shelter run by civil society
PROSECUTION
";

#[test]
fn the_old_form_reads_its_semicolon_separated_paragraph() {
    let read = read(OLD_FORM).unwrap();
    let bissau = &read.narratives[0];
    assert_eq!(bissau.country, "GUINEA-BISSAU");
    assert_eq!(bissau.tier, "Tier 3");
    assert_eq!(bissau.movement, Some(Movement::Downgraded));
    assert!(!bissau.prioritized);
    let texts: Vec<&str> = bissau
        .recommendations
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Vigorously investigate and prosecute traffickers, including religious teachers who force children to beg.",
            "Train police to identify victims (especially children; and adults).",
            "Fund the shelter run by civil society."
        ]
    );
}

const FRENCH: &str = "\
SÉNÉGAL : niveau 2
Le gouvernement ne satisfait pas pleinement aux normes minimales mais déploie des efforts
importants. Le Sénégal est donc maintenu au niveau 2.
RECOMMANDATIONS PRIORITAIRES :
* Accroître les efforts pour enquêter sur les cas de mendicité forcée.
* Financer la cellule nationale.
POURSUITES JUDICIAIRES
Le gouvernement a maintenu ses efforts.
CÔTE D'IVOIRE (liste de surveillance de niveau 2)
Aucune recommandation dans ce texte.
";

#[test]
fn french_narratives_are_read_and_one_without_recommendations_is_said() {
    let read = read(FRENCH).unwrap();
    assert_eq!(read.narratives.len(), 1);
    let senegal = &read.narratives[0];
    assert_eq!(
        (senegal.country.as_str(), senegal.tier.as_str()),
        ("SÉNÉGAL", "Tier 2")
    );
    assert!(senegal.french);
    assert_eq!(senegal.movement, Some(Movement::Unchanged));
    assert_eq!(senegal.recommendations.len(), 2);
    assert_eq!(read.unread.len(), 1);
    let unread = &read.unread[0];
    assert_eq!(unread.line, 9);
    assert_eq!(
        unread.problem.code(),
        "invalid-narrative-no-recommendations"
    );
    let country = unread
        .problem
        .arguments()
        .iter()
        .find(|(name, _)| *name == "country");
    assert_eq!(
        format!("{:?}", country.unwrap().1),
        format!("{:?}", crate::domain::Argument::from("CÔTE D'IVOIRE"))
    );
}

#[test]
fn a_text_with_no_heading_is_refused_with_its_opening() {
    let refused = read("Some notes\nabout a meeting").unwrap_err();
    assert_eq!(refused.code(), "invalid-narrative-no-heading");
}

#[test]
fn sentences_that_name_a_tier_are_not_headings() {
    for line in [
        "Therefore Senegal remained on Tier 2",
        "The government was upgraded to: a plan, Tier 2.",
        "(Tier 2)",
    ] {
        assert_eq!(heading(line), None, "{line}");
    }
    assert_eq!(
        heading("The Gambia (Tier 2 Watchlist)"),
        Some(("The Gambia".to_owned(), "Tier 2 Watch List"))
    );
}

/// A recommendation as a random test writes it: a capitalised sentence of plain words. It does not
/// open with "and": in the old form that word joins the last clause to the others, and the report
/// starts no recommendation with it.
fn recommendation() -> impl Strategy<Value = String> {
    proptest::collection::vec("[a-z]{2,12}", 3..25)
        .prop_filter("no joining word first", |words| words[0] != "and")
        .prop_map(|words| {
            let mut sentence = words.join(" ");
            sentence[..1].make_ascii_uppercase();
            sentence.push('.');
            sentence
        })
}

/// The forms a section is written in.
#[derive(Debug, Clone, Copy)]
enum Form {
    Bullets,
    Paragraphs,
    Semicolons,
}

/// `texts` as a narrative of `form`, its lines broken at `width` characters as a PDF breaks them;
/// `damaged`, words are also hyphenated across lines, a page's number and running header fall
/// between two lines and non-breaking spaces stand for some spaces.
fn render(texts: &[String], form: Form, width: usize, damaged: bool) -> String {
    let mut out = String::from("TOGO: Tier 2\nThe government remained on Tier 2.\n");
    let wrap = |text: &str| -> String {
        let mut lines = vec![String::new()];
        for word in text.split(' ') {
            let line = lines.last_mut().unwrap();
            let (head, tail) = word.split_at(word.len() / 2);
            let hyphenated = damaged
                && head.len() >= 2
                && tail.chars().next().is_some_and(char::is_lowercase)
                && !super::repair::HYPHENATED_PREFIXES.contains(&head.to_lowercase().as_str());
            if !line.is_empty() && line.len() + word.len() + 1 > width {
                if hyphenated {
                    line.push_str(&format!(" {head}-"));
                    lines.push(tail.to_owned());
                } else {
                    lines.push(word.to_owned());
                }
            } else {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
        }
        if damaged && lines.len() > 1 {
            lines.insert(1, "37\n2024 TRAFFICKING IN PERSONS REPORT".to_owned());
        }
        let text = lines.join("\n");
        if damaged {
            text.replacen(' ', "\u{a0}", 2)
        } else {
            text
        }
    };
    match form {
        Form::Bullets => {
            out.push_str("PRIORITIZED RECOMMENDATIONS:\n");
            for text in texts {
                out.push_str(&format!("\u{2022} {}\n", wrap(text)));
            }
        }
        Form::Paragraphs => {
            out.push_str("PRIORITIZED RECOMMENDATIONS:\n\n");
            for text in texts {
                out.push_str(&format!("{}\n\n", wrap(text)));
            }
        }
        Form::Semicolons => {
            let clauses: Vec<String> = texts
                .iter()
                .map(|text| {
                    let clause = text.trim_end_matches('.');
                    let mut chars = clause.chars();
                    let first = chars.next().unwrap().to_lowercase().to_string();
                    first + chars.as_str()
                })
                .collect();
            let paragraph = format!("RECOMMENDATIONS FOR TOGO: {}", clauses.join("; "));
            out.push_str(&wrap(&paragraph));
            out.push('\n');
        }
    }
    out.push_str("PROSECUTION\nThe government increased its efforts.\n");
    out
}

proptest! {
    #[test]
    fn every_form_reads_back_item_for_item(
        texts in proptest::collection::vec(recommendation(), 1..12),
        form in prop_oneof![Just(Form::Bullets), Just(Form::Paragraphs), Just(Form::Semicolons)],
        width in 30_usize..100,
        damaged in any::<bool>(),
    ) {
        let rendered = render(&texts, form, width, damaged);
        let read = read(&rendered).unwrap();
        prop_assert_eq!(&read.unread, &Vec::new());
        let found: Vec<String> = read.narratives[0]
            .recommendations
            .iter()
            .map(|item| item.text.clone())
            .collect();
        prop_assert_eq!(found, texts, "{}", rendered);
    }
}

#[test]
fn the_damage_the_property_test_does_is_real() {
    let texts =
        vec!["Strengthen coordination between ministries and prosecutors everywhere.".to_owned()];
    let rendered = render(&texts, Form::Bullets, 30, true);
    assert!(rendered.contains("-\n"), "{rendered}");
    assert!(rendered.contains("TRAFFICKING IN PERSONS REPORT") && rendered.contains('\u{a0}'));
    assert_eq!(
        read(&rendered).unwrap().narratives[0].recommendations[0].text,
        texts[0]
    );
}
