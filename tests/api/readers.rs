//! Real readers for the documents gaptrack writes, as the people receiving them would open them:
//! python-docx for Word documents, and libxml2 (through lxml) with the official IATI 2.03
//! schema for donor XML; a real mail server (aiosmtpd) for the e-mail it sends, and a real
//! OpenID provider (oidc-provider-mock) for single sign-on. They are
//! installed once, under `target/document-readers`, from PyPI.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Mutex;

/// The pinned readers. pyIATI is installed without its dependencies (old versions that no longer
/// build): only the official schema files it ships are used.
const PACKAGES: &[&str] = &[
    "python-docx==1.2.0",
    "lxml==6.1.3",
    "aiosmtpd==1.4.6",
    "oidc-provider-mock==0.3.4",
];
const SCHEMAS: &str = "pyIATI==0.4.1";

static INSTALL: Mutex<()> = Mutex::new(());

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/document-readers")
}

/// The Python that has the readers, installing them on first use.
pub fn python() -> PathBuf {
    let _once = INSTALL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let folder = folder();
    let python = folder.join("bin/python");
    let ready = folder.join(".ready-3");
    if ready.exists() {
        return python;
    }
    let _ = std::fs::remove_dir_all(&folder);
    run(Command::new("python3").arg("-m").arg("venv").arg(&folder));
    run(Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args(PACKAGES));
    run(Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
        ])
        .arg(SCHEMAS));
    std::fs::write(&ready, "").unwrap();
    python
}

fn run(command: &mut Command) {
    let output = command
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|error| {
            panic!("the document readers need python3 with venv and pip: {error}")
        });
    assert!(
        output.status.success(),
        "installing the document readers failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Runs `script` with the readers' Python on `input` (its standard input) and gives what it
/// printed.
fn read_with(script: &str, input: &[u8]) -> String {
    use std::io::Write;
    let mut child = Command::new(python())
        .arg("-c")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "the reader refused the document: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A paragraph of a Word document, as python-docx reads it.
#[derive(Debug, serde::Deserialize)]
pub struct DocxParagraph {
    pub style: String,
    pub text: String,
    pub links: Vec<String>,
}

/// A Word document's paragraphs and its title property, read by python-docx.
pub fn read_docx(bytes: &[u8]) -> Vec<DocxParagraph> {
    const SCRIPT: &str = r#"
import io, json, sys
import docx
document = docx.Document(io.BytesIO(sys.stdin.buffer.read()))
print(json.dumps([
    {"style": p.style.name, "text": p.text, "links": [h.address for h in p.hyperlinks]}
    for p in document.paragraphs
]))
"#;
    serde_json::from_str(&read_with(SCRIPT, bytes)).unwrap()
}
/// What a Word document says of itself, read by python-docx: its core properties, the language
/// of its text, and its first footer's text.
#[derive(Debug, serde::Deserialize)]
pub struct DocxProperties {
    pub title: String,
    pub author: String,
    pub language: String,
    pub text_language: Option<String>,
    pub footer: String,
}

/// The properties of a Word document, as python-docx reads them.
pub fn read_docx_properties(bytes: &[u8]) -> DocxProperties {
    const SCRIPT: &str = r#"
import io, json, sys
import docx
from docx.oxml.ns import qn
document = docx.Document(io.BytesIO(sys.stdin.buffer.read()))
properties = document.core_properties
language = document.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr") + "/" + qn("w:lang"))
footer = document.sections[0].footer
print(json.dumps({
    "title": properties.title,
    "author": properties.author,
    "language": properties.language,
    "text_language": None if language is None else language.get(qn("w:val")),
    "footer": "".join(p.text for p in footer.paragraphs),
}))
"#;
    serde_json::from_str(&read_with(SCRIPT, bytes)).unwrap()
}

/// What the official IATI 2.03 activity schema says of `xml`: `Ok` when valid, else the
/// validator's messages.
pub fn validate_iati_activities(xml: &[u8]) -> Result<(), String> {
    const SCRIPT: &str = r#"
import importlib.util, os, sys
from lxml import etree
# Only the schema files of the package are used: importing it would need its old dependencies.
package = importlib.util.find_spec("iati").submodule_search_locations[0]
schemas = os.path.join(package, "resources/standard/2-03/schemas")
schema = etree.XMLSchema(etree.parse(os.path.join(schemas, "iati-activities-schema.xsd")))
document = etree.fromstring(sys.stdin.buffer.read())
if schema.validate(document):
    print("valid")
else:
    for error in schema.error_log:
        print(f"line {error.line}: {error.message}")
"#;
    let said = read_with(SCRIPT, xml);
    if said.trim() == "valid" {
        Ok(())
    } else {
        Err(said)
    }
}
