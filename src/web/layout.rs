//! The page shell every page shares: the head, a skip link, the navigation for the person's role,
//! who is signed in (with the sign-out form), and the main landmark.

use maud::{Markup, html};

use super::session::Visitor;
use super::shell::shell;
use crate::i18n::Worded;

/// Which part of the navigation a page belongs to, to mark it as the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Overview,
    Countries,
    Interventions,
    Import,
    Reports,
    Keys,
    People,
    Organisations,
    Audit,
    Account,
}

/// A page of a signed-in person.
pub fn page(title: &str, visitor: &Visitor, section: Section, content: Markup) -> Markup {
    shell(
        visitor.locale,
        visitor.languages(),
        title,
        top_bar(visitor, Some(section)),
        content,
    )
}

/// The top bar of a signed-in person's page: the navigation for their role (with `section`
/// marked as the current one), who is signed in, and the sign-out form.
pub fn top_bar(visitor: &Visitor, section: Option<Section>) -> Markup {
    let locale = visitor.locale;
    let link = |href: &str, key: &str, this: Section| {
        html! {
            li { a href=(href) aria-current=[(section == Some(this)).then_some("page")] { (locale.text(key)) } }
        }
    };
    html! {
        header.site {
            a.brand href="/" { "gaptrack" }
            nav aria-label=(locale.text("nav-label")) {
                ul {
                    (link("/", "nav-overview", Section::Overview))
                    (link("/interventions", "nav-interventions", Section::Interventions))
                    @if visitor.caller.is_admin() {
                        (link("/admin/reports", "nav-report-years", Section::Reports))
                        (link("/admin/import", "nav-import", Section::Import))
                        (link("/admin/people", "nav-people", Section::People))
                        (link("/admin/organisations", "nav-organisations", Section::Organisations))
                        (link("/admin/keys", "nav-keys", Section::Keys))
                        (link("/admin/audit", "nav-audit", Section::Audit))
                    }
                }
            }
            div.who {
                a href="/account" aria-current=[(section == Some(Section::Account)).then_some("page")] {
                    (locale.text_with("signed-in-as", &[
                        ("name", visitor.caller.name.as_str().into()),
                        ("role", visitor.caller.role.label(locale).into()),
                    ]))
                }
                form method="post" action="/signout" {
                    input type="hidden" name="csrf" value=(visitor.csrf);
                    button type="submit" { (locale.text("sign-out")) }
                }
            }
        }
    }
}
