//! Interventions: the list, the form to log and edit one, and its page, where it is linked to
//! the recommendations it answers. Writes go through the use cases the API calls too
//! ([`usecases::interventions::create`], [`usecases::interventions::update`],
//! [`usecases::links::link`]), so the pages keep the same rules; a refused form comes back with what was typed and a message next
//! to each field at fault.

use std::collections::HashMap;
use std::str::FromStr;

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use serde::Deserialize;
use uuid::Uuid;

use super::csrf::CheckedForm;
use super::error::WebError;
use super::filters;
use super::form_data::FormData;
use super::form_outcome::{FormOutcome, outcome as outcome_of};
use super::layout::{self, Section};
use super::session::Visitor;
use super::widgets;
use crate::db::countries::CountryRow;
use crate::db::interventions::{Intervention, InterventionFilter};
use crate::db::organisations::OrganisationRow;
use crate::db::{Connection, countries, gaps, interventions, links, organisations};
use crate::domain::{
    Contribution, Etag, InterventionKind, InterventionStatus, Pillar, Precondition,
};
use crate::http::AppState;
use crate::http::error::{ApiError, FieldError};
use crate::usecases;
use crate::usecases::interventions::{CreateIntervention, UpdateIntervention};
use crate::usecases::links::PutLink;

/// The routes of these pages.
pub fn configure(config: &mut web::ServiceConfig) {
    config
        .route("/interventions", web::get().to(list))
        .route("/interventions", web::post().to(create))
        .route("/interventions/new", web::get().to(new_form))
        .route("/interventions/{id}", web::get().to(show))
        .route("/interventions/{id}", web::post().to(update))
        .route("/interventions/{id}/edit", web::get().to(edit_form))
        .route("/interventions/{id}/links", web::post().to(link));
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    organisation: Option<String>,
    country: Option<String>,
    status: Option<String>,
    kind: Option<String>,
}

/// `GET /interventions`.
async fn list(
    visitor: Visitor,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, WebError> {
    let mut connection = state.connection().await?;
    let country = match query.country.as_deref().filter(|c| !c.is_empty()) {
        Some(name) => {
            Some(usecases::countries::country_from_filter(&mut connection, "country", name).await?)
        }
        None => None,
    };
    let filter = InterventionFilter {
        organisation: filters::organisation(query.organisation.as_deref())?,
        country,
        kind: filters::optional("kind", query.kind.as_deref())?,
        status: filters::optional("status", query.status.as_deref())?,
    };
    let rows = interventions::list(&mut connection, &filter, None, 500).await?;
    let organisations = organisations::list(&mut connection, None, 1000).await?;
    let names: HashMap<Uuid, &str> = organisations
        .iter()
        .map(|o| (o.id, o.name.as_str()))
        .collect();
    let can_create = visitor.caller.may_edit(None);
    let content = html! {
        h1 { "Interventions" }
        @if can_create { p { a.button href="/interventions/new" { "Log an intervention" } } }
        form.filters.panel method="get" aria-label="Filters" {
            (widgets::organisation_filter("Organisation", &organisations, filter.organisation))
            div {
                label for="country" { "Country" }
                input #country type="text" name="country" value=[query.country.as_deref()] placeholder="e.g. Sierra Leone";
            }
            div {
                label for="status" { "Status" }
                select #status name="status" {
                    option value="" { "Any" }
                    @for s in InterventionStatus::ALL { option value=(s) selected[filter.status == Some(*s)] { (s) } }
                }
            }
            div {
                label for="kind" { "Kind" }
                select #kind name="kind" {
                    option value="" { "Any" }
                    @for k in InterventionKind::ALL { option value=(k) selected[filter.kind == Some(*k)] { (k.in_words()) } }
                }
            }
            button type="submit" { "Apply filters" }
        }
        @if rows.is_empty() {
            p { "No intervention matches these filters." }
        } @else {
            div.table-wrap { table {
                thead { tr { th scope="col" { "Title" } th scope="col" { "Organisation" } th scope="col" { "Countries" } th scope="col" { "Kind" } th scope="col" { "Status" } } }
                tbody {
                    @for i in &rows {
                        tr {
                            th scope="row" { a href={ "/interventions/" (i.row.id) } { (i.row.title) } }
                            td { (names.get(&i.row.organisation_id).copied().unwrap_or("–")) }
                            td { (i.countries.join(", ")) }
                            td { (i.row.kind.in_words()) }
                            td { (i.row.status) }
                        }
                    }
                }
            } }
        }
    };
    Ok(widgets::html_page(layout::page(
        "Interventions",
        &visitor,
        Section::Interventions,
        content,
    )))
}

/// What the intervention form holds: what was typed, as typed.
#[derive(Debug, Default, Clone)]
struct InterventionForm {
    organisation_id: String,
    countries: Vec<String>,
    kind: String,
    title: String,
    description: String,
    status: String,
    started_on: String,
    ended_on: String,
    location: String,
    people_reached: String,
    /// The ETag of the intervention as the edit form showed it.
    etag: String,
}

impl InterventionForm {
    fn read(form: &FormData) -> Self {
        Self {
            organisation_id: form.get("organisation_id").to_owned(),
            countries: form.all("countries"),
            kind: form.get("kind").to_owned(),
            title: form.get("title").to_owned(),
            description: form.get("description").to_owned(),
            status: form.get("status").to_owned(),
            started_on: form.get("started_on").to_owned(),
            ended_on: form.get("ended_on").to_owned(),
            location: form.get("location").to_owned(),
            people_reached: form.get("people_reached").to_owned(),
            etag: form.get("etag").to_owned(),
        }
    }

    fn of(intervention: &Intervention) -> Self {
        let row = &intervention.row;
        Self {
            organisation_id: row.organisation_id.to_string(),
            countries: intervention.countries.clone(),
            kind: row.kind.to_string(),
            title: row.title.clone(),
            description: row.description.clone().unwrap_or_default(),
            status: row.status.to_string(),
            started_on: row.started_on.map(|d| d.to_string()).unwrap_or_default(),
            ended_on: row.ended_on.map(|d| d.to_string()).unwrap_or_default(),
            location: row.location.clone().unwrap_or_default(),
            people_reached: row
                .people_reached
                .map(|n| n.to_string())
                .unwrap_or_default(),
            etag: Etag::of(intervention).as_header().to_owned(),
        }
    }

    /// The typed values as the API's types; each one that cannot be read is a field error.
    fn parsed(&self) -> (Parsed, Vec<FieldError>) {
        let mut errors = Vec::new();
        let organisation_id = match Uuid::from_str(self.organisation_id.trim()) {
            Ok(id) => Some(id),
            Err(_) => {
                errors.push(FieldError::new("organisation_id", "choose an organisation"));
                None
            }
        };
        let kind = read_enum::<InterventionKind>("kind", &self.kind, &mut errors);
        let status = read_enum::<InterventionStatus>("status", &self.status, &mut errors);
        let started_on = read_optional(
            "started_on",
            &self.started_on,
            "a date, as 2024-03-31",
            &mut errors,
        );
        let ended_on = read_optional(
            "ended_on",
            &self.ended_on,
            "a date, as 2024-03-31",
            &mut errors,
        );
        let people_reached = read_optional(
            "people_reached",
            &self.people_reached,
            "a whole number",
            &mut errors,
        );
        if self.countries.is_empty() {
            errors.push(FieldError::new("countries", "choose at least one country"));
        }
        (
            Parsed {
                organisation_id,
                kind,
                status,
                started_on,
                ended_on,
                people_reached,
            },
            errors,
        )
    }
}

impl InterventionForm {
    /// The form as a new intervention, with neutral values where a field could not be read
    /// (which [`InterventionForm::parsed`] has then reported).
    fn as_new(&self, parsed: &Parsed) -> CreateIntervention {
        CreateIntervention {
            organisation_id: parsed.organisation_id.unwrap_or_default(),
            countries: self.countries.clone(),
            kind: parsed.kind.unwrap_or(InterventionKind::Other),
            title: self.title.clone(),
            description: optional_text(&self.description),
            status: parsed.status.unwrap_or(InterventionStatus::Planned),
            started_on: parsed.started_on,
            ended_on: parsed.ended_on,
            location: optional_text(&self.location),
            people_reached: parsed.people_reached,
        }
    }
}

/// The typed fields of an [`InterventionForm`] that need parsing.
struct Parsed {
    organisation_id: Option<Uuid>,
    kind: Option<InterventionKind>,
    status: Option<InterventionStatus>,
    started_on: Option<chrono::NaiveDate>,
    ended_on: Option<chrono::NaiveDate>,
    people_reached: Option<i64>,
}

fn read_enum<T: FromStr>(name: &str, text: &str, errors: &mut Vec<FieldError>) -> Option<T> {
    let parsed = text.trim().parse().ok();
    if parsed.is_none() {
        errors.push(FieldError::new(name, "choose one of the list"));
    }
    parsed
}

fn read_optional<T: FromStr>(
    name: &str,
    text: &str,
    what: &str,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let parsed = text.parse().ok();
    if parsed.is_none() {
        errors.push(FieldError::new(name, format!("must be {what}")));
    }
    parsed
}

fn optional_text(text: &str) -> Option<String> {
    Some(text.to_owned()).filter(|t| !t.trim().is_empty())
}

/// The choices the form offers.
struct Choices {
    organisations: Vec<OrganisationRow>,
    countries: Vec<CountryRow>,
}

async fn choices(connection: &mut Connection, visitor: &Visitor) -> Result<Choices, WebError> {
    let mut organisations = organisations::list(connection, None, 1000).await?;
    // An editor logs work for their own organisation only.
    organisations.retain(|o| visitor.caller.may_edit(Some(o.id)));
    let countries = countries::ranked(connection).await?;
    Ok(Choices {
        organisations,
        countries,
    })
}

/// `GET /interventions/new`.
async fn new_form(visitor: Visitor, state: web::Data<AppState>) -> Result<HttpResponse, WebError> {
    visitor.caller.editable_organisation()?;
    let mut connection = state.connection().await?;
    let choices = choices(&mut connection, &visitor).await?;
    let form = InterventionForm {
        status: "planned".into(),
        organisation_id: visitor
            .caller
            .organisation_id
            .map(|id| id.to_string())
            .unwrap_or_default(),
        ..InterventionForm::default()
    };
    Ok(form_page(
        &visitor,
        None,
        &form,
        &choices,
        &[],
        None,
        HttpResponse::Ok(),
    ))
}

/// What an edit form says when someone else saved the intervention since it was opened.
const STALE_FORM: &str = "Someone changed this intervention since you opened the form. Your values \
                          are kept below; open the intervention again to see the changes, then \
                          save yours.";

/// `POST /interventions`.
async fn create(
    state: web::Data<AppState>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let CheckedForm {
        visitor,
        form: data,
    } = checked;
    let form = InterventionForm::read(&data);
    let (parsed, mut errors) = form.parsed();
    let outcome = if errors.is_empty() {
        let body = form.as_new(&parsed);
        Some(usecases::interventions::create(state.get_ref(), &visitor.caller, body).await)
    } else {
        // The rules the typed fields break too, so that every error shows at once.
        errors.extend(usecases::interventions::field_errors(&form.as_new(&parsed)));
        None
    };
    let message = match outcome
        .map(|answer| outcome_of(answer, STALE_FORM))
        .transpose()?
    {
        Some(FormOutcome::Done(created)) => {
            return Ok(see_other(&format!(
                "/interventions/{}?saved=1",
                created.row.id
            )));
        }
        Some(FormOutcome::Refused {
            errors: refused,
            message,
        }) => {
            errors.extend(refused);
            message
        }
        None => None,
    };
    let mut connection = state.connection().await?;
    let choices = choices(&mut connection, &visitor).await?;
    Ok(form_page(
        &visitor,
        None,
        &form,
        &choices,
        &errors,
        message.as_deref(),
        HttpResponse::UnprocessableEntity(),
    ))
}

/// `GET /interventions/{id}/edit`.
async fn edit_form(
    visitor: Visitor,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, WebError> {
    let mut connection = state.connection().await?;
    let intervention = find(&mut connection, *id).await?;
    visitor
        .caller
        .require_editor_of(intervention.row.organisation_id)?;
    let choices = choices(&mut connection, &visitor).await?;
    Ok(form_page(
        &visitor,
        Some(*id),
        &InterventionForm::of(&intervention),
        &choices,
        &[],
        None,
        HttpResponse::Ok(),
    ))
}

/// `POST /interventions/{id}`: saves the edit form.
async fn update(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = *id;
    let CheckedForm {
        visitor,
        form: data,
    } = checked;
    let form = InterventionForm::read(&data);
    let (parsed, mut errors) = form.parsed();
    let precondition = Precondition::parse_if_match(&form.etag).unwrap_or_default();
    let outcome = if errors.is_empty() {
        let body = UpdateIntervention {
            organisation_id: parsed.organisation_id,
            countries: Some(form.countries.clone()),
            kind: parsed.kind,
            title: Some(form.title.clone()),
            description: Some(optional_text(&form.description)),
            status: parsed.status,
            started_on: Some(parsed.started_on),
            ended_on: Some(parsed.ended_on),
            location: Some(optional_text(&form.location)),
            people_reached: Some(parsed.people_reached),
        };
        Some(
            usecases::interventions::update(
                state.get_ref(),
                &visitor.caller,
                id,
                &precondition,
                body,
            )
            .await,
        )
    } else {
        None
    };
    let message = match outcome
        .map(|answer| outcome_of(answer, STALE_FORM))
        .transpose()?
    {
        Some(FormOutcome::Done(_)) => {
            return Ok(see_other(&format!("/interventions/{id}?saved=1")));
        }
        Some(FormOutcome::Refused {
            errors: refused,
            message,
        }) => {
            errors.extend(refused);
            message
        }
        None => None,
    };
    let mut connection = state.connection().await?;
    let choices = choices(&mut connection, &visitor).await?;
    Ok(form_page(
        &visitor,
        Some(id),
        &form,
        &choices,
        &errors,
        message.as_deref(),
        HttpResponse::UnprocessableEntity(),
    ))
}

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((LOCATION, location))
        .finish()
}

async fn find(connection: &mut Connection, id: Uuid) -> Result<Intervention, WebError> {
    interventions::find(connection, id)
        .await?
        .ok_or_else(|| usecases::interventions::not_found(id).into())
}

/// The form to log (`id` is `None`) or edit an intervention, with each field's errors beside it.
fn form_page(
    visitor: &Visitor,
    id: Option<Uuid>,
    form: &InterventionForm,
    choices: &Choices,
    errors: &[FieldError],
    message: Option<&str>,
    mut response: actix_web::HttpResponseBuilder,
) -> HttpResponse {
    let error_of = |field: &str| -> Option<String> {
        let messages: Vec<&str> = errors
            .iter()
            .filter(|e| e.field == field || e.field.starts_with(&format!("{field}[")))
            .map(|e| e.message.as_str())
            .collect();
        (!messages.is_empty()).then(|| messages.join("; "))
    };
    let title = if id.is_some() {
        "Edit the intervention"
    } else {
        "Log an intervention"
    };
    let action = id.map_or("/interventions".to_owned(), |id| {
        format!("/interventions/{id}")
    });
    let field = |name: &str, label: &str, control: Markup| {
        widgets::field(name, label, error_of(name).as_deref(), control)
    };
    let described = |name: &str| error_of(name).map(|_| format!("{name}-error"));
    let invalid = |name: &str| error_of(name).map(|_| "true");
    let content = html! {
        h1 { (title) }
        @if !errors.is_empty() || message.is_some() {
            div.notice.bad role="alert" {
                @if let Some(message) = message { p { (widgets::message(message)) } }
                @if !errors.is_empty() { p { "Some fields need your attention; your values are kept." } }
            }
        }
        form.panel method="post" action=(action) novalidate {
            input type="hidden" name="csrf" value=(visitor.csrf);
            input type="hidden" name="etag" value=(form.etag);
            (field("organisation_id", "Organisation", html! {
                select #organisation_id name="organisation_id" required aria-describedby=[described("organisation_id")] aria-invalid=[invalid("organisation_id")] {
                    @if choices.organisations.len() != 1 { option value="" { "Choose…" } }
                    @for o in &choices.organisations { option value=(o.id) selected[form.organisation_id == o.id.to_string()] { (o.name) } }
                }
            }))
            (field("title", "Title", html! {
                input #title type="text" name="title" value=(form.title) required aria-describedby=[described("title")] aria-invalid=[invalid("title")];
            }))
            (field("countries", "Countries (hold Ctrl or ⌘ to choose several)", html! {
                select #countries name="countries" multiple size="8" required aria-describedby=[described("countries")] aria-invalid=[invalid("countries")] {
                    @for c in &choices.countries { option value=(c.code) selected[form.countries.contains(&c.code)] { (c.tip_name) " (" (c.code) ")" } }
                }
            }))
            (field("kind", "Kind", html! {
                select #kind name="kind" aria-describedby=[described("kind")] {
                    @for k in InterventionKind::ALL { option value=(k) selected[form.kind == k.as_str()] { (k.in_words()) } }
                }
            }))
            (field("status", "Status", html! {
                select #status name="status" aria-describedby=[described("status")] {
                    @for s in InterventionStatus::ALL { option value=(s) selected[form.status == s.as_str()] { (s) } }
                }
            }))
            (field("description", "Description", html! {
                textarea #description name="description" aria-describedby=[described("description")] { (form.description) }
            }))
            (field("started_on", "Started on", html! {
                input #started_on type="date" name="started_on" value=(form.started_on) aria-describedby=[described("started_on")] aria-invalid=[invalid("started_on")];
            }))
            (field("ended_on", "Ended on", html! {
                input #ended_on type="date" name="ended_on" value=(form.ended_on) aria-describedby=[described("ended_on")] aria-invalid=[invalid("ended_on")];
            }))
            (field("location", "Location (district or region)", html! {
                input #location type="text" name="location" value=(form.location) aria-describedby=[described("location")];
            }))
            (field("people_reached", "People reached (a total, no personal data)", html! {
                input #people_reached type="text" inputmode="numeric" name="people_reached" value=(form.people_reached) aria-describedby=[described("people_reached")] aria-invalid=[invalid("people_reached")];
            }))
            div.actions {
                button type="submit" { "Save" }
                a href=(id.map_or("/interventions".to_owned(), |id| format!("/interventions/{id}"))) { "Cancel" }
            }
        }
    };
    response
        .content_type("text/html; charset=utf-8")
        .body(layout::page(title, visitor, Section::Interventions, content).into_string())
}

#[derive(Debug, Default, Deserialize)]
pub struct ShowQuery {
    year: Option<String>,
    pillar: Option<String>,
    saved: Option<String>,
    linked: Option<String>,
}

/// What a link form held when it was refused.
struct RefusedLink {
    recommendation_id: Uuid,
    contribution: String,
    rationale: String,
    evidence_url: String,
    errors: Vec<FieldError>,
}

/// `GET /interventions/{id}`.
async fn show(
    visitor: Visitor,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<ShowQuery>,
) -> Result<HttpResponse, WebError> {
    render_show(&visitor, &state, *id, &query, None, HttpResponse::Ok()).await
}

async fn render_show(
    visitor: &Visitor,
    state: &AppState,
    id: Uuid,
    query: &ShowQuery,
    refused: Option<RefusedLink>,
    mut response: actix_web::HttpResponseBuilder,
) -> Result<HttpResponse, WebError> {
    let mut connection = state.connection().await?;
    let intervention = find(&mut connection, id).await?;
    let row = &intervention.row;
    let organisation = organisations::find(&mut connection, row.organisation_id).await?;
    let editable = visitor.caller.may_edit(Some(row.organisation_id));
    let linked: HashMap<Uuid, Contribution> =
        links::of_intervention(&mut connection, id, None, 1000)
            .await?
            .into_iter()
            .map(|link| (link.recommendation_id, link.contribution))
            .collect();
    let year = match filters::optional::<i32>("report year", query.year.as_deref())? {
        Some(year) => Some(year),
        None => gaps::latest_year(&mut connection, None).await?,
    };
    let pillar = filters::optional::<Pillar>("pillar", query.pillar.as_deref())?;
    let mut candidates = Vec::new();
    if let Some(year) = year {
        for country in &intervention.countries {
            for gap in gaps::recommendation_gaps(&mut connection, country, year, None).await? {
                if pillar.is_none_or(|p| p == gap.pillar) {
                    candidates.push((country.clone(), gap));
                }
            }
        }
    }
    let title = row.title.clone();
    let content = html! {
        h1 { (title) }
        @if query.saved.is_some() { div.notice role="status" { p { "Saved." } } }
        @if query.linked.is_some() { div.notice role="status" { p { "Linked. The recommendation's status below is recomputed." } } }
        div.panel {
            dl {
                dt { "Organisation" } dd { (organisation.map(|o| o.name).unwrap_or_default()) }
                dt { "Countries" } dd { (intervention.countries.join(", ")) }
                dt { "Kind" } dd { (row.kind.in_words()) }
                dt { "Status" } dd { (row.status) }
                @if let Some(d) = &row.description { dt { "Description" } dd { (d) } }
                @if let Some(d) = row.started_on { dt { "Started on" } dd { (d) } }
                @if let Some(d) = row.ended_on { dt { "Ended on" } dd { (d) } }
                @if let Some(l) = &row.location { dt { "Location" } dd { (l) } }
                @if let Some(n) = row.people_reached { dt { "People reached" } dd { (n) } }
            }
            @if editable { p { a.button href={ "/interventions/" (id) "/edit" } { "Edit" } } }
        }
        section aria-labelledby="recommendations" {
            h2 #recommendations { "Recommendations of its countries" }
            form.filters.panel method="get" aria-label="Which recommendations" {
                div {
                    label for="year" { "Report year" }
                    input #year type="text" inputmode="numeric" name="year" value=[year];
                }
                div {
                    label for="pillar" { "Pillar" }
                    select #pillar name="pillar" {
                        option value="" { "All pillars" }
                        @for p in Pillar::ALL { option value=(p) selected[pillar == Some(*p)] { (p) } }
                    }
                }
                button type="submit" { "Show" }
            }
            @if candidates.is_empty() { p { "No recommendation for these countries and filters." } }
            ol.recommendations {
                @for (country, gap) in &candidates {
                    li #{ "recommendation-" (gap.id) } data-status=(gap.status) {
                        p { (widgets::status(gap.status)) " " strong { (country) " " (gap.position) ". " } (gap.text) }
                        @if let Some(contribution) = linked.get(&gap.id) {
                            p { "This intervention answers it (" (contribution) ")." }
                        }
                        @if editable {
                            (link_form(visitor, id, gap.id, refused.as_ref().filter(|r| r.recommendation_id == gap.id), linked.get(&gap.id).copied()))
                        }
                    }
                }
            }
        }
    };
    Ok(response
        .content_type("text/html; charset=utf-8")
        .body(layout::page(&title, visitor, Section::Interventions, content).into_string()))
}

fn link_form(
    visitor: &Visitor,
    intervention: Uuid,
    recommendation: Uuid,
    refused: Option<&RefusedLink>,
    current: Option<Contribution>,
) -> Markup {
    let error_of = |field: &str| {
        refused.and_then(|r| {
            r.errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    };
    let contribution = refused
        .map(|r| r.contribution.clone())
        .or(current.map(|c| c.to_string()))
        .unwrap_or_else(|| "full".into());
    let prefix = format!("link-{recommendation}");
    html! {
        details open[refused.is_some()] {
            summary { @if current.is_some() { "Change the link" } @else { "Link this intervention" } }
            form method="post" action={ "/interventions/" (intervention) "/links" } {
                input type="hidden" name="csrf" value=(visitor.csrf);
                input type="hidden" name="recommendation_id" value=(recommendation);
                div.field {
                    label for={ (prefix) "-contribution" } { "Contribution" }
                    select id={ (prefix) "-contribution" } name="contribution" {
                        @for c in Contribution::ALL { option value=(c) selected[contribution == c.as_str()] { (c) } }
                    }
                }
                div.field {
                    label for={ (prefix) "-rationale" } { "Rationale" }
                    textarea id={ (prefix) "-rationale" } name="rationale" { (refused.map(|r| r.rationale.as_str()).unwrap_or("")) }
                }
                @let url_error = error_of("evidence_url");
                div.field.invalid[url_error.is_some()] {
                    label for={ (prefix) "-evidence" } { "Evidence URL" }
                    input id={ (prefix) "-evidence" } type="url" name="evidence_url" value=(refused.map(|r| r.evidence_url.as_str()).unwrap_or(""))
                        aria-describedby=[url_error.as_ref().map(|_| format!("{prefix}-evidence-error"))] aria-invalid=[url_error.as_ref().map(|_| "true")];
                    @if let Some(error) = url_error { p.field-error id={ (prefix) "-evidence-error" } { (widgets::message(&error)) } }
                }
                @if let Some(refused) = refused {
                    @for error in refused.errors.iter().filter(|e| e.field != "evidence_url") {
                        p.field-error { (widgets::message(&error.message)) }
                    }
                }
                button type="submit" { "Link" }
            }
        }
    }
}

/// `POST /interventions/{id}/links`: links the intervention to a recommendation.
async fn link(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = *id;
    let CheckedForm {
        visitor,
        form: data,
    } = checked;
    let recommendation_id = Uuid::from_str(data.get("recommendation_id").trim())
        .map_err(|_| ApiError::BadRequest("the form names no recommendation".into()))?;
    let mut errors = Vec::new();
    let contribution =
        read_enum::<Contribution>("contribution", data.get("contribution"), &mut errors);
    let outcome = match contribution {
        Some(contribution) => {
            let body = PutLink {
                contribution,
                rationale: data.optional("rationale"),
                evidence_url: data.optional("evidence_url"),
            };
            Some(
                usecases::links::link(
                    state.get_ref(),
                    &visitor.caller,
                    id,
                    recommendation_id,
                    &Precondition::None,
                    body,
                )
                .await,
            )
        }
        None => None,
    };
    match outcome
        .map(|answer| outcome_of(answer, STALE_FORM))
        .transpose()?
    {
        Some(FormOutcome::Done(_)) => {
            return Ok(see_other(&format!(
                "/interventions/{id}?linked=1#recommendation-{recommendation_id}"
            )));
        }
        Some(FormOutcome::Refused {
            errors: refused, ..
        }) => errors.extend(refused),
        None => {}
    }
    let refused = RefusedLink {
        recommendation_id,
        contribution: data.get("contribution").to_owned(),
        rationale: data.get("rationale").to_owned(),
        evidence_url: data.get("evidence_url").to_owned(),
        errors,
    };
    render_show(
        &visitor,
        &state,
        id,
        &ShowQuery::default(),
        Some(refused),
        HttpResponse::UnprocessableEntity(),
    )
    .await
}
