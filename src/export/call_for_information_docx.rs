//! The call-for-information pack as a Word document (`.docx`), since it goes out by e-mail: the
//! same parts as the printable pack, with headings a reader's outline and table of contents know
//! and evidence as links.

use docx_rs::{
    AlignmentType, Docx, Footer, Hyperlink, HyperlinkType, LineSpacing, PageNum, Paragraph, Run,
    RunFonts, Style, StyleType,
};

use super::call_for_information::{
    NOTHING_DATED, TO_CHECK_HEADING, action_facts, citation, introduction, title,
    to_check_introduction, unanswered_heading,
};
use super::docx_package::{self, Properties};
use super::provenance::{Provenance, dates_in_words, period_in_words};
use crate::i18n::{Locale, Worded};
use crate::usecases::call_for_information::{CallForInformation, PeriodAction};

/// The language the pack is written in.
const LANGUAGE: &str = "en-GB";

/// A footer that numbers the pages: a printed pack's pages can be put back in order.
fn page_numbers() -> Footer {
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text("Page "))
            .add_page_num(PageNum::new()),
    )
}

/// Half-points, as Word sizes text.
const BODY_SIZE: usize = 22;
/// Twentieths of a point, as Word spaces paragraphs.
const SPACE_AFTER: u32 = 100;
const SPACE_BEFORE_HEADING: u32 = 240;

/// The pack as a `.docx` file, made for `provenance`.
pub fn to_docx(pack: &CallForInformation, provenance: &Provenance) -> Result<Vec<u8>, String> {
    let mut document = styled(Docx::new())
        .created_at(&provenance.made_at.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .add_paragraph(heading(1, &title(pack)))
        .add_paragraph(text(&introduction(pack)));
    let mut facts = vec![("Reporting period", period_in_words(pack.reporting_period))];
    if let Some(year) = pack.last_report_year {
        facts.push(("Recommendations of", format!("the {year} TIP Report")));
    }
    facts.push((
        "Work of",
        pack.organisation_name
            .clone()
            .unwrap_or_else(|| "All organisations".to_owned()),
    ));
    facts.push((
        "Made",
        format!(
            "{} by {}, with gaptrack",
            provenance.made_at_in_words(),
            provenance.made_by
        ),
    ));
    for (name, value) in &facts {
        document = document.add_paragraph(fact(name, value));
    }
    if pack.pillars.is_empty() && pack.other_actions.is_empty() {
        document = document.add_paragraph(text(NOTHING_DATED));
    }
    for pillar in &pack.pillars {
        document = document.add_paragraph(heading(2, pillar.pillar.label(Locale::ENGLISH)));
        for action in &pillar.actions {
            document = action_paragraphs(action)
                .into_iter()
                .fold(document, Docx::add_paragraph);
        }
    }
    if !pack.other_actions.is_empty() {
        document = document.add_paragraph(heading(2, "Other actions in the period"));
        for action in &pack.other_actions {
            document = action_paragraphs(action)
                .into_iter()
                .fold(document, Docx::add_paragraph);
        }
    }
    if !pack.to_check.is_empty() {
        document = document
            .add_paragraph(heading(2, TO_CHECK_HEADING))
            .add_paragraph(
                paragraph().add_run(Run::new().add_text(to_check_introduction(pack)).bold()),
            );
        for action in &pack.to_check {
            document = action_paragraphs(action)
                .into_iter()
                .fold(document, Docx::add_paragraph);
        }
    }
    document = document.add_paragraph(heading(2, &unanswered_heading(pack)));
    if pack.unanswered.is_empty() {
        document = document.add_paragraph(text(
            "None: every recommendation has an action in the period.",
        ));
    }
    for recommendation in &pack.unanswered {
        let mut meta = recommendation.pillar.label(Locale::ENGLISH).to_owned();
        if recommendation.prioritized {
            meta.push_str(" · prioritized");
        }
        document = document.add_paragraph(
            paragraph()
                .add_run(
                    Run::new()
                        .add_text(format!("No. {}. ", recommendation.position))
                        .bold(),
                )
                .add_run(Run::new().add_text(&recommendation.text))
                .add_run(Run::new().add_text(format!(" ({meta})")).italic()),
        );
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    document
        .footer(page_numbers())
        .pack(&mut bytes)
        .map_err(|error| format!("the Word document could not be written: {error}"))?;
    let made_at = provenance.made_at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    docx_package::with_properties(
        &bytes.into_inner(),
        &Properties {
            title: &title(pack),
            author: &provenance.made_by,
            language: LANGUAGE,
            made_at: &made_at,
        },
    )
}

/// An action: its title as a heading, its facts, its description, and each answer with its
/// rationale and evidence link.
fn action_paragraphs(action: &PeriodAction) -> Vec<Paragraph> {
    let mut paragraphs = vec![
        heading(3, &action.title),
        text(&action_facts(action)),
        fact("Dates", &dates_in_words(action.started_on, action.ended_on)),
    ];
    if let Some(reached) = action.people_reached {
        paragraphs.push(fact("People reached", &reached.to_string()));
    }
    if let Some(location) = &action.location {
        paragraphs.push(fact("Where", location));
    }
    if let Some(description) = &action.description {
        paragraphs.push(text(description));
    }
    for answer in &action.answers {
        paragraphs.push(
            paragraph()
                .style("ListBullet")
                .add_run(
                    Run::new()
                        .add_text(format!("Answers {}: ", citation(answer)))
                        .bold(),
                )
                .add_run(Run::new().add_text(&answer.text))
                .add_run(
                    Run::new()
                        .add_text(format!(
                            " (answers it {})",
                            answer.contribution.label(Locale::ENGLISH).to_lowercase()
                        ))
                        .italic(),
                ),
        );
        if let Some(rationale) = &answer.rationale {
            paragraphs.push(text(rationale).style("ListContinue"));
        }
        if let Some(url) = &answer.evidence_url {
            paragraphs.push(
                paragraph()
                    .style("ListContinue")
                    .add_run(Run::new().add_text("Evidence: "))
                    .add_hyperlink(
                        Hyperlink::new(url, HyperlinkType::External)
                            .add_run(Run::new().add_text(url).color("1F4E9A").underline("single")),
                    ),
            );
        }
    }
    paragraphs
}

/// A paragraph of the body text. Its style is named on every paragraph: the document's "Normal"
/// style is not marked as the default one, and readers such as python-docx find no style at all
/// for a paragraph that names none.
fn paragraph() -> Paragraph {
    Paragraph::new()
        .style("Normal")
        .line_spacing(LineSpacing::new().after(SPACE_AFTER))
}

fn heading(level: usize, words: &str) -> Paragraph {
    Paragraph::new()
        .style(&format!("Heading{level}"))
        .add_run(Run::new().add_text(words))
}

fn text(words: &str) -> Paragraph {
    paragraph().add_run(Run::new().add_text(words))
}

/// A fact as `Name: value`, its name in bold.
fn fact(name: &str, value: &str) -> Paragraph {
    paragraph()
        .add_run(Run::new().add_text(format!("{name}: ")).bold())
        .add_run(Run::new().add_text(value))
}

/// The styles the pack uses, named as Word names its own, so that the reader's outline, table of
/// contents and style gallery know the headings.
fn styled(document: Docx) -> Docx {
    let font = RunFonts::new()
        .ascii("Calibri")
        .hi_ansi("Calibri")
        .cs("Calibri");
    let mut document = document.default_fonts(font).default_size(BODY_SIZE);
    for (level, size) in [(1usize, 36usize), (2, 30), (3, 24)] {
        document = document.add_style(
            Style::new(format!("Heading{level}"), StyleType::Paragraph)
                .name(format!("heading {level}"))
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .size(size)
                .bold()
                .line_spacing(
                    LineSpacing::new()
                        .before(SPACE_BEFORE_HEADING)
                        .after(SPACE_AFTER),
                )
                .outline_lvl(level - 1),
        );
    }
    for (id, name) in [
        ("ListBullet", "List Bullet"),
        ("ListContinue", "List Continue"),
    ] {
        document = document.add_style(
            Style::new(id, StyleType::Paragraph)
                .name(name)
                .based_on("Normal")
                .indent(Some(360), None, None, None),
        );
    }
    document
}
