//! The frame of every page: the document, its head and the skip link; and the page of someone
//! not signed in (the sign-in page, an error page), which needs nothing of a session.

use maud::{DOCTYPE, Markup, html};

use super::assets;

/// A page for someone not signed in (the sign-in page, an error page).
pub fn bare_page(title: &str, content: Markup) -> Markup {
    shell(
        title,
        html! { header.site { a.brand href="/" { "gaptrack" } } },
        html! { h1 { (title) } (content) },
    )
}

/// An error page: the top bar with the way back to the main pages (a page that failed has no
/// session at hand to say more), then the message.
pub fn error_page(title: &str, content: Markup) -> Markup {
    shell(
        title,
        html! {
            header.site {
                a.brand href="/" { "gaptrack" }
                nav aria-label="Main" {
                    ul {
                        li { a href="/" { "Overview" } }
                        li { a href="/interventions" { "Interventions" } }
                    }
                }
                div.who { a href="/account" { "Your account" } }
            }
        },
        html! { h1 { (title) } (content) },
    )
}

/// The document around `header` and `content`.
pub fn shell(title: &str, header: Markup, content: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · gaptrack" }
                link rel="stylesheet" href=(assets::STYLESHEET_PATH.as_str());
                script src=(assets::SCRIPT_PATH.as_str()) defer {}
            }
            body {
                a.skip href="#main" { "Skip to the content" }
                (header)
                main id="main" { (content) }
            }
        }
    }
}
