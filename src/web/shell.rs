//! The frame of every page: the document, its head and the skip link; and the page of someone
//! not signed in (the sign-in page, an error page), which needs nothing of a session.

use maud::{DOCTYPE, Markup, html};

use super::assets;
use crate::i18n::{Language, Locale};

/// A page for someone not signed in (the sign-in page, an error page).
pub fn bare_page(locale: Locale, title: &str, content: Markup) -> Markup {
    shell(
        locale,
        Languages::Switcher,
        title,
        html! { header.site { a.brand href="/" { "gaptrack" } } },
        html! { h1 { (title) } (content) },
    )
}

/// The top bar of a page whose visitor is not known (an error before the session was read):
/// the way back to the main pages.
pub fn anonymous_top_bar(locale: Locale) -> Markup {
    html! {
        header.site {
            a.brand href="/" { "gaptrack" }
            nav aria-label=(locale.text("nav-label")) {
                ul {
                    li { a href="/" { (locale.text("nav-overview")) } }
                    li { a href="/interventions" { (locale.text("nav-interventions")) } }
                }
            }
            div.who { a href="/account" { (locale.text("nav-your-account")) } }
        }
    }
}

/// How a page offers its other languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Languages {
    /// A link to each language a catalogue speaks, which keeps the reader on the same page.
    Switcher,
    /// The person chose a language on their account page, which is where they change it (a
    /// switcher would do nothing: their choice comes first).
    OnAccountPage,
}

/// The document around `header` and `content`, in `locale`'s language, with `languages` at its
/// foot.
pub fn shell(
    locale: Locale,
    languages: Languages,
    title: &str,
    header: Markup,
    content: Markup,
) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(locale.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (locale.text_with("page-title", &[("title", title.into())])) }
                link rel="stylesheet" href=(assets::STYLESHEET_PATH.as_str());
                script src=(assets::SCRIPT_PATH.as_str()) defer {}
            }
            body {
                a.skip href="#main" { (locale.text("skip-to-content")) }
                (header)
                main id="main" { (content) }
                (language_footer(locale, languages))
            }
        }
    }
}

/// The foot of every page: the languages the pages speak, each by its own name, the current one
/// marked; or, for a person who chose one, where to change it. A link goes through
/// `/language/{code}`, which keeps the reader on the page they are on.
pub fn language_footer(locale: Locale, languages: Languages) -> Markup {
    let spoken: Vec<Locale> = Language::ALL
        .iter()
        .filter_map(|language| Locale::speaking(*language))
        .collect();
    html! {
        footer.languages {
            @match languages {
                Languages::Switcher => {
                    nav aria-label=(locale.text("language-switcher")) {
                        ul {
                            @for other in &spoken {
                                @let tag = other.tag();
                                @let name = other.language().own_name();
                                li {
                                    @if other.language() == locale.language() {
                                        span aria-current="true" lang=(tag) { (name) }
                                    } @else {
                                        a href={ "/language/" (tag) } lang=(tag) hreflang=(tag) data-language { (name) }
                                    }
                                }
                            }
                        }
                    }
                }
                Languages::OnAccountPage => {
                    p { a href="/account#language" { (locale.text("language-on-account")) } }
                }
            }
        }
    }
}
