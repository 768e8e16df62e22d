//! The call-for-information pack as a Word document (`.docx`), since it goes out by e-mail: the
//! same parts as the printable pack, with headings a reader's outline and table of contents know
//! and evidence as links.

use docx_rs::{
    AlignmentType, Docx, Footer, Hyperlink, HyperlinkType, LineSpacing, PageNum, Paragraph, Run,
    RunFonts, Style, StyleType,
};

use super::call_for_information::{
    action_facts, action_facts_listed, citation, edition_changes, facts, introduction, title,
    to_check_introduction, unanswered_heading,
};
use super::docx_package::{self, Properties};
use super::provenance::Provenance;
use super::read_texts::{Translations, text_to_read};
use crate::i18n::{Language, Locale, Worded};
use crate::usecases::call_for_information::{CallForInformation, PeriodAction};

/// The language the pack is written in, as Word's proofing tools name it.
fn language(locale: Locale) -> &'static str {
    match locale.language() {
        Language::English => "en-GB",
        Language::French => "fr-FR",
    }
}

/// A footer that numbers the pages: a printed pack's pages can be put back in order.
fn page_numbers(locale: Locale) -> Footer {
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(format!("{} ", locale.text("doc-page"))))
            .add_page_num(PageNum::new()),
    )
}

/// Half-points, as Word sizes text.
const BODY_SIZE: usize = 22;
/// Twentieths of a point, as Word spaces paragraphs.
const SPACE_AFTER: u32 = 100;
const SPACE_BEFORE_HEADING: u32 = 240;

/// The pack as a `.docx` file, made for `provenance`, in the words of `locale`.
pub fn to_docx(
    locale: Locale,
    pack: &CallForInformation,
    translations: &Translations,
    provenance: &Provenance,
) -> Result<Vec<u8>, String> {
    let title = title(locale, pack);
    let mut document = styled(Docx::new())
        .created_at(&provenance.made_at.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .add_paragraph(heading(1, &title))
        .add_paragraph(text(&introduction(locale, pack)));
    for (name, value) in facts(locale, pack, provenance) {
        document = document.add_paragraph(fact(locale, name, &value));
    }
    if let Some((changed, sentences)) = edition_changes(locale, pack) {
        document = document.add_paragraph(heading(2, &changed));
        for sentence in sentences {
            document = document.add_paragraph(text(&sentence));
        }
    }
    if pack.pillars.is_empty() && pack.other_actions.is_empty() {
        document = document.add_paragraph(text(&locale.text("doc-pack-nothing-dated")));
    }
    for pillar in &pack.pillars {
        document = document.add_paragraph(heading(2, pillar.pillar.label(locale)));
        document = actions(locale, translations, document, &pillar.actions);
    }
    if !pack.other_actions.is_empty() {
        document = document.add_paragraph(heading(2, &locale.text("doc-pack-other-actions")));
        document = actions(locale, translations, document, &pack.other_actions);
    }
    if !pack.to_check.is_empty() {
        document = document
            .add_paragraph(heading(2, &locale.text("doc-pack-to-check-heading")))
            .add_paragraph(
                paragraph().add_run(
                    Run::new()
                        .add_text(to_check_introduction(locale, pack))
                        .bold(),
                ),
            );
        document = actions(locale, translations, document, &pack.to_check);
    }
    document = document.add_paragraph(heading(2, &unanswered_heading(locale, pack)));
    if pack.unanswered.is_empty() {
        document = document.add_paragraph(text(&locale.text("doc-pack-none-unanswered")));
    }
    for recommendation in &pack.unanswered {
        let mut meta = recommendation.pillar.label(locale).to_owned();
        if recommendation.prioritized {
            meta.push_str(" · ");
            meta.push_str(&locale.text("doc-prioritized"));
        }
        let number = locale.text_with(
            "doc-number-label",
            &[("position", recommendation.position.into())],
        );
        let (id, english) = (recommendation.id, &recommendation.text);
        document = document.add_paragraph(
            paragraph()
                .add_run(Run::new().add_text(number).bold())
                .add_run(Run::new().add_text(text_to_read(translations, id, english)))
                .add_run(Run::new().add_text(format!(" ({meta})")).italic()),
        );
        if translations.contains_key(&id) {
            document = document.add_paragraph(report_words(locale, english));
        }
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    document
        .footer(page_numbers(locale))
        .pack(&mut bytes)
        .map_err(|error| format!("the Word document could not be written: {error}"))?;
    let made_at = provenance.made_at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    docx_package::with_properties(
        &bytes.into_inner(),
        &Properties {
            title: &title,
            author: &provenance.made_by,
            language: language(locale),
            made_at: &made_at,
        },
    )
}

/// `document` with each of `actions` added.
fn actions(
    locale: Locale,
    translations: &Translations,
    document: Docx,
    actions: &[PeriodAction],
) -> Docx {
    actions
        .iter()
        .flat_map(|action| action_paragraphs(locale, translations, action))
        .fold(document, Docx::add_paragraph)
}

/// An action: its title as a heading, its facts, its description, and each answer with its
/// rationale and evidence link.
fn action_paragraphs(
    locale: Locale,
    translations: &Translations,
    action: &PeriodAction,
) -> Vec<Paragraph> {
    let mut paragraphs = vec![
        heading(3, &action.title),
        text(&action_facts(locale, action)),
    ];
    for (name, value) in action_facts_listed(locale, action) {
        paragraphs.push(fact(locale, name, &value));
    }
    if let Some(description) = &action.description {
        paragraphs.push(text(description));
    }
    for answer in &action.answers {
        let citation = locale.text_with(
            "doc-pack-answers-citation",
            &[("citation", citation(locale, answer).into())],
        );
        let contribution = locale.text_with(
            "doc-answers-it",
            &[(
                "contribution",
                answer.contribution.label(locale).to_lowercase().into(),
            )],
        );
        let (id, english) = (answer.recommendation_id, &answer.text);
        paragraphs.push(
            paragraph()
                .style("ListBullet")
                .add_run(Run::new().add_text(citation).bold())
                .add_run(Run::new().add_text(text_to_read(translations, id, english)))
                .add_run(Run::new().add_text(format!(" ({contribution})")).italic()),
        );
        if translations.contains_key(&id) {
            paragraphs.push(report_words(locale, english).style("ListContinue"));
        }
        if let Some(rationale) = &answer.rationale {
            paragraphs.push(text(rationale).style("ListContinue"));
        }
        if let Some(url) = &answer.evidence_url {
            paragraphs.push(
                paragraph()
                    .style("ListContinue")
                    .add_run(Run::new().add_text(locale.text("doc-evidence")))
                    .add_hyperlink(
                        Hyperlink::new(url, HyperlinkType::External)
                            .add_run(Run::new().add_text(url).color("1F4E9A").underline("single")),
                    ),
            );
        }
    }
    paragraphs
}

/// Under a recommendation read in translation: the report's own words it translates, in the
/// report's language (for the spelling checker).
fn report_words(locale: Locale, english: &str) -> Paragraph {
    paragraph()
        .add_run(Run::new().add_text(format!("{} ", locale.text("doc-translated"))))
        .add_run(Run::new().add_text(english).italic())
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
fn fact(locale: Locale, name: &str, value: &str) -> Paragraph {
    let name = locale.text_with("doc-fact-name", &[("name", locale.text(name).into())]);
    paragraph()
        .add_run(Run::new().add_text(name).bold())
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
