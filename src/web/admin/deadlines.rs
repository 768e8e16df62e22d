//! The TIP Office's call-for-information deadlines, for admins: the one recorded for each
//! report, and a form to record one; editors are reminded before each (`usecases::reminders`).

use actix_web::{HttpResponse, web};
use maud::html;

use crate::domain::{FieldError, next_report_year};
use crate::http::AppState;
use crate::i18n::written;
use crate::usecases::reminders;
use crate::web::csrf::CheckedForm;
use crate::web::error::WebError;
use crate::web::form_data::FormData;
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;
use crate::web::widgets::{self, FieldErrors};

/// The form's labels, as the summary of a refused form names its fields.
const LABELS: &[(&str, &str)] = &[("year", "deadline-report"), ("deadline", "deadline-date")];

/// `GET /admin/deadlines`.
pub async fn page(
    visitor: Visitor,
    state: web::Data<AppState>,
    query: web::Query<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let saved = query.get("done").is_some_and(|done| done == "saved");
    render(
        &visitor,
        &state,
        &FormData::default(),
        &[],
        saved,
        HttpResponse::Ok(),
    )
    .await
}

/// `POST /admin/deadlines`: records one report's deadline.
pub async fn record(
    state: web::Data<AppState>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let CheckedForm { visitor, form } = checked;
    let mut errors = Vec::new();
    let year = form.get("year").trim().parse::<i32>().ok();
    if year.is_none() {
        errors.push(FieldError::new("year", "form-year-expected"));
    }
    let deadline = written::typed_date(form.get("deadline"));
    if deadline.is_none() {
        errors.push(FieldError::new("deadline", "form-date-expected"));
    }
    if let (Some(year), Some(deadline)) = (year, deadline) {
        match reminders::record_deadline(state.get_ref(), &visitor.caller, year, deadline).await {
            Ok(()) => return Ok(widgets::see_other("/admin/deadlines?done=saved")),
            Err(crate::domain::Failure::Invalid(refused)) => errors = refused,
            Err(other) => return Err(other.into()),
        }
    }
    render(
        &visitor,
        &state,
        &form,
        &errors,
        false,
        HttpResponse::UnprocessableEntity(),
    )
    .await
}

async fn render(
    visitor: &Visitor,
    state: &AppState,
    form: &FormData,
    errors: &[FieldError],
    saved: bool,
    mut response: actix_web::HttpResponseBuilder,
) -> Result<HttpResponse, WebError> {
    let locale = visitor.locale;
    let rows = reminders::deadlines(state).await?;
    let next = next_report_year(state.clock.now().date_naive());
    let year = form.optional("year").unwrap_or_else(|| next.to_string());
    let errors = FieldErrors(errors, locale);
    let (described, invalid) = (|name| errors.described(name), |name| errors.invalid(name));
    let title = locale.text("deadline-title");
    let content = html! {
        h1 { (title) }
        @if saved { div.notice role="status" { p { (locale.text("deadline-saved")) } } }
        (errors.summary_labelled(locale, LABELS))
        p.muted { (locale.text_with("deadline-intro", &[("days", state.accounts.reminder_days_before.into())])) }
        section.panel aria-labelledby="record-deadline" {
            h2 #record-deadline { (locale.text("deadline-save")) }
            form method="post" action="/admin/deadlines" novalidate {
                input type="hidden" name="csrf" value=(visitor.csrf);
                (errors.field("year", &locale.text("deadline-report"), html! {
                    input #year type="text" inputmode="numeric" name="year" value=(year) required
                        aria-describedby=[described("year")] aria-invalid=[invalid("year")];
                }))
                (errors.field("deadline", &locale.text("deadline-date"), html! {
                    input #deadline type="text" name="deadline" value=(form.get("deadline")) placeholder=(locale.text("reports-published-hint")) autocomplete="off" required
                        aria-describedby=[described("deadline")] aria-invalid=[invalid("deadline")];
                }))
                button type="submit" { (locale.text("deadline-save")) }
            }
        }
        @if rows.is_empty() {
            p { (locale.text("deadline-none")) }
        } @else {
            div.table-wrap { table.cards {
                thead { tr {
                    th scope="col" { (locale.text("deadline-report")) }
                    th scope="col" { (locale.text("deadline-date")) }
                } }
                tbody {
                    @for (year, deadline) in &rows {
                        tr {
                            th scope="row" { (year) }
                            td data-label=(locale.text("deadline-date")) { (written::date(locale, *deadline)) }
                        }
                    }
                }
            } }
        }
    };
    Ok(response
        .content_type("text/html; charset=utf-8")
        .body(layout::page(&title, visitor, Section::Reports, content).into_string()))
}
