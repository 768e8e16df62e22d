//! Report years, for admins: the years recorded, and a form to record the next one (its title,
//! publication day and source) before its tiers and recommendations are imported into it, on
//! the same rules as the API's `POST /reports`.

use actix_web::{HttpResponse, web};
use maud::html;

use crate::domain::{FieldError, reporting_period};
use crate::http::AppState;
use crate::i18n::written;
use crate::usecases::reports::{self as cases, CreateReport};
use crate::web::csrf::CheckedForm;
use crate::web::error::WebError;
use crate::web::form_data::FormData;
use crate::web::form_outcome::{Settled, settle};
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;
use crate::web::widgets::{self, FieldErrors};

/// The form's labels, as the summary of a refused form names its fields.
const LABELS: &[(&str, &str)] = &[
    ("year", "reports-year"),
    ("title", "reports-title"),
    ("published_on", "reports-published-on"),
    ("source_url", "reports-source"),
];

/// `GET /admin/reports`.
pub async fn reports_page(
    visitor: Visitor,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    render(
        &visitor,
        &state,
        &FormData::default(),
        &[],
        None,
        HttpResponse::Ok(),
    )
    .await
}

/// `POST /admin/reports`: records a report year, then goes on to import into it.
pub async fn create(
    state: web::Data<AppState>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let CheckedForm { visitor, form } = checked;
    let mut errors = Vec::new();
    let year = match form.get("year").trim().parse::<i32>() {
        Ok(year) => Some(year),
        Err(_) => {
            errors.push(FieldError::new("year", "form-year-expected"));
            None
        }
    };
    let published_on = match form.optional("published_on") {
        None => None,
        Some(typed) => {
            let day = written::typed_date(&typed);
            if day.is_none() {
                errors.push(FieldError::new("published_on", "form-date-expected"));
            }
            day
        }
    };
    let answer = match year {
        Some(year) if errors.is_empty() => {
            let new = CreateReport {
                year,
                title: form.get("title").to_owned(),
                published_on,
                source_url: form.optional("source_url"),
            };
            Some(cases::create(state.get_ref(), &visitor.caller, &new).await)
        }
        _ => None,
    };
    match settle(visitor.locale, answer, "form-stale", &mut errors)? {
        Settled::Done(report) => Ok(widgets::see_other(&format!(
            "/admin/import?year={}&recorded=1",
            report.year
        ))),
        Settled::Again(message) => {
            render(
                &visitor,
                &state,
                &form,
                &errors,
                message.as_deref(),
                HttpResponse::UnprocessableEntity(),
            )
            .await
        }
    }
}

async fn render(
    visitor: &Visitor,
    state: &AppState,
    form: &FormData,
    errors: &[FieldError],
    message: Option<&str>,
    mut response: actix_web::HttpResponseBuilder,
) -> Result<HttpResponse, WebError> {
    let locale = visitor.locale;
    let rows = cases::all(state).await?;
    let next = rows.first().map_or(2024, |latest| latest.year + 1);
    let year = form.optional("year").unwrap_or_else(|| next.to_string());
    let title = form
        .optional("title")
        .unwrap_or_else(|| format!("{year} Trafficking in Persons Report"));
    let errors = FieldErrors(errors, locale);
    let (described, invalid) = (|name| errors.described(name), |name| errors.invalid(name));
    let content = html! {
        h1 { (locale.text("reports-page-title")) }
        p { a href="/admin/deadlines" { (locale.text("deadline-title")) } }
        @if let Some(message) = message { div.notice.bad role="alert" { p { (widgets::message(message)) } } }
        (errors.summary_labelled(locale, LABELS))
        section.panel aria-labelledby="new-report" {
            h2 #new-report { (locale.text("reports-record")) }
            p.muted { (locale.text("reports-record-intro")) }
            form method="post" action="/admin/reports" novalidate {
                input type="hidden" name="csrf" value=(visitor.csrf);
                (errors.field("year", &locale.text("reports-year"), html! {
                    input #year type="text" inputmode="numeric" name="year" value=(year) required
                        aria-describedby=[described("year")] aria-invalid=[invalid("year")];
                }))
                (errors.field("title", &locale.text("reports-title"), html! {
                    input #title type="text" name="title" value=(title) required
                        aria-describedby=[described("title")] aria-invalid=[invalid("title")];
                }))
                (errors.field("published_on", &locale.text("reports-published-if-out"), html! {
                    input #published_on type="text" name="published_on" value=(form.get("published_on")) placeholder=(locale.text("reports-published-hint")) autocomplete="off"
                        aria-describedby=[described("published_on")] aria-invalid=[invalid("published_on")];
                }))
                (errors.field("source_url", &locale.text("reports-source-field"), html! {
                    input #source_url type="url" name="source_url" value=(form.get("source_url")) placeholder=(locale.text("reports-source-hint"))
                        aria-describedby=[described("source_url")] aria-invalid=[invalid("source_url")];
                }))
                button type="submit" { (locale.text("reports-record-submit")) }
            }
        }
        @if rows.is_empty() {
            p { (locale.text("reports-none")) }
        } @else {
            div.table-wrap { table.cards {
                thead { tr {
                    th scope="col" { (locale.text("reports-year")) }
                    th scope="col" { (locale.text("reports-title")) }
                    th scope="col" { (locale.text("reports-column-period")) }
                    th scope="col" { (locale.text("reports-column-published")) }
                    th scope="col" { span.visually-hidden { (locale.text("reports-column-actions")) } }
                } }
                tbody {
                    @for row in &rows {
                        tr {
                            th scope="row" { (row.year) }
                            td data-label=(locale.text("reports-title")) {
                                @if let Some(url) = &row.source_url { a href=(url) { (row.title) } } @else { (row.title) }
                            }
                            td data-label=(locale.text("reports-column-period")) { (written::period(locale, reporting_period(row.year))) }
                            td data-label=(locale.text("reports-column-published")) { (row.published_on.map_or_else(|| locale.text("reports-not-recorded"), |day| written::date(locale, day))) }
                            td { a href={ "/admin/import?year=" (row.year) } { (locale.text_with("reports-import-into", &[("year", row.year.into())])) } }
                        }
                    }
                }
            } }
        }
    };
    Ok(response.content_type("text/html; charset=utf-8").body(
        layout::page(
            &locale.text("reports-page-title"),
            visitor,
            Section::Reports,
            content,
        )
        .into_string(),
    ))
}
