//! An organisation's interventions as an IATI activity file: what donors read. This gathers what
//! the file says; `export::iati` writes it.

use std::collections::HashMap;

use uuid::Uuid;

use crate::db::Connection;
use crate::db::activities::{self, ActivityAnswer, ActivityCountry};
use crate::db::interventions::InterventionRow;
use crate::db::organisations;
use crate::domain::Refusal;
use crate::domain::{Failure, IatiOrganisationType};

/// The organisation reporting: what every activity of its file names.
#[derive(Debug, Clone)]
pub struct IatiFile {
    pub organisation_id: Uuid,
    pub organisation_name: String,
    /// The organisation's IATI identifier, which every activity's identifier starts with.
    pub identifier: String,
    /// Its IATI organisation type; "other" (90) until an admin records it.
    pub organisation_type: IatiOrganisationType,
}

/// One intervention, with where it works and what it answers.
#[derive(Debug)]
pub struct Activity {
    pub intervention: InterventionRow,
    pub countries: Vec<ActivityCountry>,
    pub answers: Vec<ActivityAnswer>,
}

/// The activity file of `organisation`, before its activities are read: not found when there is
/// no such organisation, and a conflict while it has no IATI identifier (without which no
/// activity can be named) or no intervention.
pub async fn iati_file(
    connection: &mut Connection,
    organisation: Uuid,
) -> Result<IatiFile, Failure> {
    let row = organisations::find(connection, organisation)
        .await?
        .ok_or_else(|| super::organisations::not_found(organisation))?;
    let Some(identifier) = row.iati_identifier else {
        return Err(Failure::Conflict(
            Refusal::new("refusal-no-iati-identifier").with("organisation", row.name.as_str()),
        ));
    };
    if !activities::any_intervention(connection, organisation).await? {
        return Err(Failure::Conflict(
            Refusal::new("refusal-nothing-to-report").with("organisation", row.name.as_str()),
        ));
    }
    Ok(IatiFile {
        organisation_id: organisation,
        organisation_name: row.name,
        identifier,
        organisation_type: row
            .iati_organisation_type
            .unwrap_or(IatiOrganisationType::Other),
    })
}

/// The next `limit` activities of `file` after the intervention `after`, oldest first: the file
/// is written a page at a time, so that its size does not decide the server's memory.
pub async fn activities_after(
    connection: &mut Connection,
    file: &IatiFile,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<Activity>, Failure> {
    let interventions =
        activities::interventions_after(connection, file.organisation_id, after, limit).await?;
    let ids: Vec<Uuid> = interventions.iter().map(|row| row.id).collect();
    let mut countries: HashMap<Uuid, Vec<ActivityCountry>> = HashMap::new();
    for country in activities::countries_of(connection, &ids).await? {
        countries
            .entry(country.intervention_id)
            .or_default()
            .push(country);
    }
    let mut answers: HashMap<Uuid, Vec<ActivityAnswer>> = HashMap::new();
    for answer in activities::answers_of(connection, &ids).await? {
        answers
            .entry(answer.intervention_id)
            .or_default()
            .push(answer);
    }
    Ok(interventions
        .into_iter()
        .map(|intervention| Activity {
            countries: countries.remove(&intervention.id).unwrap_or_default(),
            answers: answers.remove(&intervention.id).unwrap_or_default(),
            intervention,
        })
        .collect())
}
