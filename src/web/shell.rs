//! The frame of every page: the document, its head and the skip link; and the page of someone
//! not signed in (the sign-in page, an error page), which needs nothing of a session.

use maud::{DOCTYPE, Markup, html};

use super::assets;
use crate::i18n::Locale;

/// A page for someone not signed in (the sign-in page, an error page).
pub fn bare_page(locale: Locale, title: &str, content: Markup) -> Markup {
    shell(
        locale,
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

/// The document around `header` and `content`, in `locale`'s language.
pub fn shell(locale: Locale, title: &str, header: Markup, content: Markup) -> Markup {
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
            }
        }
    }
}
