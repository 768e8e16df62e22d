//! What the intervention form holds, as typed, and the choices it offers: read from a posted
//! form or from a stored intervention, compared field by field (an edit conflict), and read as
//! the API's types.

use std::str::FromStr;

use uuid::Uuid;

use crate::domain::{Etag, InterventionKind, InterventionStatus};
use crate::http::error::FieldError;
use crate::i18n::{Locale, written};
use crate::usecases::Connection;
use crate::usecases::countries::{self, CountryRow};
use crate::usecases::interventions::CreateIntervention;
use crate::usecases::interventions::Intervention;
use crate::usecases::organisations::{self, OrganisationRow};
use crate::web::error::WebError;
use crate::web::form_data::FormData;
use crate::web::session::Visitor;
use crate::web::typed_number::whole_number;

/// What the intervention form holds: what was typed, as typed.
#[derive(Debug, Default, Clone)]
pub(super) struct InterventionForm {
    pub(super) organisation_id: String,
    pub(super) countries: Vec<String>,
    pub(super) kind: String,
    pub(super) title: String,
    pub(super) description: String,
    pub(super) status: String,
    pub(super) started_on: String,
    pub(super) ended_on: String,
    pub(super) location: String,
    pub(super) people_reached: String,
    /// The ETag of the intervention as the edit form showed it.
    pub(super) etag: String,
    /// The recommendation the person came to answer (from a country page): once logged, the
    /// intervention's page opens its link form.
    pub(super) answers: String,
}

impl InterventionForm {
    pub(super) fn read(form: &FormData) -> Self {
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
            answers: form.get("answers").to_owned(),
        }
    }

    pub(super) fn of(locale: Locale, intervention: &Intervention) -> Self {
        let row = &intervention.row;
        Self {
            organisation_id: row.organisation_id.to_string(),
            countries: intervention.countries.clone(),
            kind: row.kind.to_string(),
            title: row.title.clone(),
            description: row.description.clone().unwrap_or_default(),
            status: row.status.to_string(),
            started_on: row
                .started_on
                .map(|day| written::typeable_date(locale, day))
                .unwrap_or_default(),
            ended_on: row
                .ended_on
                .map(|day| written::typeable_date(locale, day))
                .unwrap_or_default(),
            location: row.location.clone().unwrap_or_default(),
            people_reached: row
                .people_reached
                .map(|n| written::count(locale, n.into()))
                .unwrap_or_default(),
            etag: Etag::of(intervention).as_header().to_owned(),
            answers: String::new(),
        }
    }

    /// What `field` holds, as the form sends it (several values for the countries).
    pub(super) fn values(&self, field: &str) -> Vec<String> {
        let one = |value: &String| vec![value.trim().to_owned()];
        match field {
            "organisation_id" => one(&self.organisation_id),
            "title" => one(&self.title),
            "countries" => {
                let mut countries = self.countries.clone();
                countries.sort();
                countries
            }
            "kind" => one(&self.kind),
            "status" => one(&self.status),
            "description" => one(&self.description),
            "started_on" => one(&self.started_on),
            "ended_on" => one(&self.ended_on),
            "location" => one(&self.location),
            "people_reached" => one(&self.people_reached),
            _ => Vec::new(),
        }
    }

    /// Sets `field` to `values`, as [`InterventionForm::values`] gives them.
    pub(super) fn set(&mut self, field: &str, values: Vec<String>) {
        let first = values.first().cloned().unwrap_or_default();
        match field {
            "organisation_id" => self.organisation_id = first,
            "title" => self.title = first,
            "countries" => self.countries = values,
            "kind" => self.kind = first,
            "status" => self.status = first,
            "description" => self.description = first,
            "started_on" => self.started_on = first,
            "ended_on" => self.ended_on = first,
            "location" => self.location = first,
            "people_reached" => self.people_reached = first,
            _ => {}
        }
    }

    /// The typed values as the API's types; each one that cannot be read is a field error.
    pub(super) fn parsed(&self) -> (Parsed, Vec<FieldError>) {
        let mut errors = Vec::new();
        let organisation_id = match Uuid::from_str(self.organisation_id.trim()) {
            Ok(id) => Some(id),
            Err(_) => {
                errors.push(FieldError::new(
                    "organisation_id",
                    "form-choose-organisation",
                ));
                None
            }
        };
        let kind = read_enum::<InterventionKind>("kind", &self.kind, &mut errors);
        let status = read_enum::<InterventionStatus>("status", &self.status, &mut errors);
        let started_on = read_typed(
            "started_on",
            &self.started_on,
            &mut errors,
            written::typed_date,
            "form-date-expected",
        );
        let ended_on = read_typed(
            "ended_on",
            &self.ended_on,
            &mut errors,
            written::typed_date,
            "form-date-expected",
        );
        let people_reached = read_typed(
            "people_reached",
            &self.people_reached,
            &mut errors,
            whole_number,
            "form-number-expected",
        );
        if self.countries.is_empty() {
            errors.push(FieldError::new("countries", "form-choose-country"));
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
    pub(super) fn as_new(&self, parsed: &Parsed) -> CreateIntervention {
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
pub(super) struct Parsed {
    pub(super) organisation_id: Option<Uuid>,
    pub(super) kind: Option<InterventionKind>,
    pub(super) status: Option<InterventionStatus>,
    pub(super) started_on: Option<chrono::NaiveDate>,
    pub(super) ended_on: Option<chrono::NaiveDate>,
    pub(super) people_reached: Option<i64>,
}

pub(super) fn read_enum<T: FromStr>(
    name: &str,
    text: &str,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    let parsed = text.trim().parse().ok();
    if parsed.is_none() {
        errors.push(FieldError::new(name, "form-choose-one"));
    }
    parsed
}

/// A typed field read by `read` (empty is `None`); when it cannot be read, the error
/// `refusal` (which says what to type).
pub(super) fn read_typed<T>(
    name: &str,
    text: &str,
    errors: &mut Vec<FieldError>,
    read: impl Fn(&str) -> Option<T>,
    refusal: &'static str,
) -> Option<T> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let parsed = read(text);
    if parsed.is_none() {
        errors.push(FieldError::new(name, refusal));
    }
    parsed
}

pub(super) fn optional_text(text: &str) -> Option<String> {
    Some(text.to_owned()).filter(|t| !t.trim().is_empty())
}

/// The choices the form offers.
pub(super) struct Choices {
    pub(super) organisations: Vec<OrganisationRow>,
    pub(super) countries: Vec<CountryRow>,
}

pub(super) async fn choices(
    connection: &mut Connection,
    visitor: &Visitor,
) -> Result<Choices, WebError> {
    let mut organisations = organisations::all_on(connection).await?;
    // An editor logs work for their own organisation only.
    organisations.retain(|o| visitor.caller.may_edit(Some(o.id)));
    let countries = countries::ranked(connection).await?;
    Ok(Choices {
        organisations,
        countries,
    })
}
