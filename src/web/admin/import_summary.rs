//! What an import did, would do, or why it was refused, in the reader's words: the import
//! page's summary and problems, shared by a file's check and a review of narratives.

use maud::{Markup, html};

use crate::domain::{Failure, FieldError};
use crate::http::AppState;
use crate::i18n::Locale;
use crate::i18n::countries::sorting_key;
use crate::import::{ImportSummary, RowCounts};
use crate::usecases;
use crate::web::error::WebError;
use crate::web::session::Visitor;
use crate::web::widgets;

/// Why an import was refused, in the reader's words; a fault of gaptrack's own is the error
/// page's.
pub(super) fn failure_view(locale: Locale, failure: Failure) -> Result<Markup, WebError> {
    Ok(match failure {
        Failure::Invalid(errors) | Failure::BadRows { errors, .. } => problems(locale, &errors),
        Failure::Unreadable(refusal) => {
            html! { div.notice.bad role="alert" { p { (widgets::message(&locale.refusal(&refusal))) } } }
        }
        Failure::NotFound(refusal) => {
            html! { div.notice.bad role="alert" { p { (widgets::message(&widgets::sentence(&locale.refusal(&refusal)))) } } }
        }
        other => return Err(other.into()),
    })
}

pub(super) fn problems(locale: Locale, errors: &[FieldError]) -> Markup {
    html! {
        div.notice.bad role="alert" {
            p { (locale.text_with("import-nothing-imported", &[("count", errors.len().into())])) }
            ul {
                @for error in errors {
                    li {
                        @if let Some(row) = error.row { (locale.text_with("import-line", &[("row", row.into())])) " " }
                        (locale.text_with("before-colon", &[("name", error.field.as_str().into())])) (widgets::message(&locale.refusal(&error.problem)))
                    }
                }
            }
        }
    }
}

/// The countries of `codes` as (code, name in the reader's language), in the order of their
/// names.
pub(super) async fn country_names(
    locale: Locale,
    state: &AppState,
    codes: &[String],
) -> Result<Vec<(String, String)>, WebError> {
    let mut named: Vec<(String, String)> = usecases::countries::tip_names(state)
        .await?
        .into_iter()
        .filter(|(code, _)| codes.contains(code))
        .map(|(code, tip_name)| {
            let name = locale.country(&code, &tip_name).into_owned();
            (code, name)
        })
        .collect();
    named.sort_by_cached_key(|(_, name)| sorting_key(name));
    Ok(named)
}

/// What the file changes, in words: `the 2024 report of Senegal and Sierra Leone`.
fn what_it_changes(
    locale: Locale,
    summary: &ImportSummary,
    countries: &[(String, String)],
) -> String {
    let names: Vec<String> = countries.iter().map(|(_, name)| name.clone()).collect();
    let names = if names.is_empty() {
        locale.text("import-no-country")
    } else {
        locale.together(&names)
    };
    match summary.year {
        Some(year) => locale.text_with(
            "import-changes-report",
            &[("year", year.into()), ("countries", names.into())],
        ),
        None => locale.text_with("import-changes-tiers", &[("countries", names.into())]),
    }
}

/// What the check or the import did; after a check, the form that confirms `checked` (the
/// file, kept on the server).
pub(super) fn summary_view(
    visitor: &Visitor,
    checked: Option<uuid::Uuid>,
    summary: &ImportSummary,
    countries: &[(String, String)],
) -> Markup {
    let locale = visitor.locale;
    let what = what_it_changes(locale, summary, countries);
    let counts = |label: &str, counts: &RowCounts| {
        html! {
            tr {
                th scope="row" { (locale.text(label)) }
                td.number { (counts.received) } td.number { (counts.created) }
                td.number { (counts.updated) } td.number { (counts.unchanged) } td.number { (counts.skipped) }
            }
        }
    };
    html! {
        div.notice role="status" {
            @if summary.dry_run {
                p { (locale.text_with("import-valid", &[("what", what.as_str().into())])) }
            } @else {
                p { (locale.text_with("import-done", &[("what", what.as_str().into())])) }
            }
        }
        @if !summary.dry_run {
            section.panel aria-labelledby="next-steps" {
                h2 #next-steps { (locale.text("import-next")) }
                @match summary.year {
                    Some(year) => {
                        p { (locale.text_with("import-next-countries", &[("year", year.into())])) }
                        ul {
                            @for (code, name) in countries {
                                li { a href={ "/countries/" (code) "?year=" (year) } { (locale.text_with("import-country-in", &[("country", name.as_str().into()), ("year", year.into())])) } }
                            }
                        }
                    }
                    None => {
                        p { a href="/" { (locale.text("import-see-overview")) } (locale.text("import-see-overview-after")) }
                    }
                }
            }
        }
        div.table-wrap { table {
            caption { (locale.text(if summary.dry_run { "import-dry-run" } else { "import-imported" })) }
            thead { tr {
                th scope="col" { (locale.text("import-rows")) }
                th.number scope="col" { (locale.text("import-in-file")) }
                th.number scope="col" { (locale.text("import-new")) }
                th.number scope="col" { (locale.text("import-changed")) }
                th.number scope="col" { (locale.text("import-unchanged")) }
                th.number scope="col" { (locale.text("import-skipped")) }
            } }
            tbody { (counts("import-tiers", &summary.tiers)) (counts("import-recommendations", &summary.recommendations)) }
        } }
        @if !summary.reports_created.is_empty() {
            p { (locale.text_with("import-years-created", &[("years", summary.reports_created.iter().map(i32::to_string).collect::<Vec<_>>().join(", ").into())])) }
        }
        @if !summary.ignored_columns.is_empty() {
            p { (locale.text_with("import-columns-ignored", &[("columns", summary.ignored_columns.join(", ").into())])) }
        }
        @if let Some(checked) = checked {
            form method="post" action="/admin/import" enctype="multipart/form-data" {
                input type="hidden" name="csrf" value=(visitor.csrf);
                input type="hidden" name="checked" value=(checked);
                input type="hidden" name="confirm" value="true";
                button type="submit" { (locale.text("import-confirm")) }
            }
        }
    }
}
