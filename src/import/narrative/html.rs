//! A saved country page (HTML) as the text a person would copy from it: each paragraph, heading
//! and list item on lines of its own, list items marked with a bullet, scripts and styles left
//! out.

use scraper::Html;
use scraper::node::Node;

/// Elements that stand on lines of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "table",
    "tr",
    "blockquote",
    "aside",
    "nav",
    "figure",
];

/// The text of `html`, laid out in lines as a browser copies it.
pub fn text_of(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut text = String::new();
    let mut hidden = 0_usize;
    for edge in document.root_element().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(element) => match element.name() {
                    "script" | "style" | "noscript" | "template" => hidden += 1,
                    "li" => text.push_str("\n\u{2022} "),
                    "br" => text.push('\n'),
                    name if BLOCKS.contains(&name) => text.push_str("\n\n"),
                    _ => {}
                },
                Node::Text(words) if hidden == 0 => {
                    for c in words.chars() {
                        if !c.is_whitespace() {
                            text.push(c);
                        } else if !text.ends_with([' ', '\n']) {
                            text.push(' ');
                        }
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    match element.name() {
                        "script" | "style" | "noscript" | "template" => {
                            hidden = hidden.saturating_sub(1);
                        }
                        "li" => text.push('\n'),
                        name if BLOCKS.contains(&name) => text.push_str("\n\n"),
                        _ => {}
                    }
                }
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_list_items_are_lines_and_scripts_are_out() {
        let html = "<html><head><script>var x = 1;</script><style>p{}</style></head><body>\
            <h2>SENEGAL: Tier 2</h2><p>The government\n remained on Tier 2.</p>\
            <h3>PRIORITIZED RECOMMENDATIONS:</h3><ul><li>Fund <em>shelters</em>.</li>\
            <li>Train judges.</li></ul><h3>PROSECUTION</h3></body></html>";
        let lines: Vec<String> = text_of(html)
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect();
        assert_eq!(
            lines,
            [
                "SENEGAL: Tier 2",
                "The government remained on Tier 2.",
                "PRIORITIZED RECOMMENDATIONS:",
                "\u{2022} Fund shelters.",
                "\u{2022} Train judges.",
                "PROSECUTION"
            ]
        );
    }
}
