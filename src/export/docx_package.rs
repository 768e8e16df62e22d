//! What a Word document says of itself, which docx-rs cannot write: its title, author and
//! language in the package's properties (shown by Word's File > Info, read by screen readers and
//! search), and the language of its text (for the spelling checker and for speech). The document
//! docx-rs made is copied entry by entry, with those two parts written anew.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{ZipArchive, ZipWriter};

/// What a document says of itself.
pub struct Properties<'a> {
    pub title: &'a str,
    pub author: &'a str,
    /// A BCP 47 tag: `en-GB`.
    pub language: &'a str,
    /// When it was made, as `2026-12-05T15:29:18Z`.
    pub made_at: &'a str,
}

/// The package's core properties part.
const CORE: &str = "docProps/core.xml";
/// The styles part, whose default run properties carry the text's language.
const STYLES: &str = "word/styles.xml";
/// Where the default run properties end, in the styles docx-rs writes: the language goes last,
/// where the schema's order puts it.
const DEFAULT_RUN_END: &str = "</w:rPr></w:rPrDefault>";

/// `document` (a `.docx` package) with `properties` written into it.
pub fn with_properties(document: &[u8], properties: &Properties) -> Result<Vec<u8>, String> {
    let unreadable =
        |error: &dyn std::fmt::Display| format!("the Word document cannot be completed: {error}");
    let mut archive = ZipArchive::new(Cursor::new(document)).map_err(|e| unreadable(&e))?;
    let mut written = ZipWriter::new(Cursor::new(Vec::with_capacity(document.len() + 1024)));
    let options = SimpleFileOptions::default();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(|e| unreadable(&e))?;
        let name = entry.name().to_owned();
        let mut content = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
        entry
            .read_to_end(&mut content)
            .map_err(|e| unreadable(&e))?;
        let content = match name.as_str() {
            CORE => core_properties(properties).into_bytes(),
            STYLES => with_language(&content, properties.language)?,
            _ => content,
        };
        written
            .start_file(name, options)
            .map_err(|e| unreadable(&e))?;
        written.write_all(&content).map_err(|e| unreadable(&e))?;
    }
    Ok(written.finish().map_err(|e| unreadable(&e))?.into_inner())
}

fn core_properties(properties: &Properties) -> String {
    let escape = |text: &str| quick_xml::escape::escape(text).into_owned();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>{language}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{made}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{made}</dcterms:modified><cp:revision>1</cp:revision></cp:coreProperties>"#,
        title = escape(properties.title),
        author = escape(properties.author),
        language = escape(properties.language),
        made = escape(properties.made_at),
    )
}

/// The styles part with `language` as the language of every run that does not say another.
fn with_language(styles: &[u8], language: &str) -> Result<Vec<u8>, String> {
    let styles =
        std::str::from_utf8(styles).map_err(|e| format!("the Word styles are not text: {e}"))?;
    let language = quick_xml::escape::escape(language);
    let tag =
        format!(r#"<w:lang w:val="{language}" w:eastAsia="{language}" w:bidi="{language}" />"#);
    match styles.split_once(DEFAULT_RUN_END) {
        Some((before, after)) => Ok(format!("{before}{tag}{DEFAULT_RUN_END}{after}").into_bytes()),
        None => Err("the Word styles have no default run properties to give a language".into()),
    }
}
