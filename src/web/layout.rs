//! The page shell every page shares: the head, a skip link, the navigation for the person's role,
//! who is signed in (with the sign-out form), and the main landmark.

use maud::{Markup, html};

use super::session::Visitor;
use super::shell::shell;

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
    let link = |href: &str, label: &str, this: Section| {
        html! {
            li { a href=(href) aria-current=[(section == this).then_some("page")] { (label) } }
        }
    };
    shell(
        title,
        html! {
            header.site {
                a.brand href="/" { "gaptrack" }
                nav aria-label="Main" {
                    ul {
                        (link("/", "Overview", Section::Overview))
                        (link("/interventions", "Interventions", Section::Interventions))
                        @if visitor.caller.is_admin() {
                            (link("/admin/reports", "Report years", Section::Reports))
                            (link("/admin/import", "Import", Section::Import))
                            (link("/admin/people", "People", Section::People))
                            (link("/admin/organisations", "Organisations", Section::Organisations))
                            (link("/admin/keys", "Keys", Section::Keys))
                            (link("/admin/audit", "Audit trail", Section::Audit))
                        }
                    }
                }
                div.who {
                    a href="/account" aria-current=[(section == Section::Account).then_some("page")] {
                        (visitor.caller.name) " (" (visitor.caller.role.label()) ")"
                    }
                    form method="post" action="/signout" {
                        input type="hidden" name="csrf" value=(visitor.csrf);
                        button type="submit" { "Sign out" }
                    }
                }
            }
        },
        content,
    )
}
