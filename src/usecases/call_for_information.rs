//! The call-for-information pack: what an organisation tells the TIP Office each year about a
//! country. The Office asks, by early February, for concrete actions taken since 1 April (the
//! start of the period the next report assesses), with supporting documents. The pack gathers
//! the interventions active in that period by pillar, each with its dates, reach, the
//! recommendations it answers and their evidence; then the last report's recommendations that
//! nothing in the period answers. Only work whose dates show it was done in the period counts:
//! undated work is listed apart, to check before sending, so that no figure sent to the State
//! Department rests on a guess.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::countries::{CountryDto, country_from_path};
use super::edition_digest::EditionDigest;
use super::gap_report::organisation_filter_name;
use crate::db::Connection;
use crate::db::call_for_information::{self as db, PeriodAnswer, PeriodFit, PeriodIntervention};
use crate::domain::{
    Contribution, Failure, FieldError, InterventionKind, InterventionStatus, Pillar,
    ReportingPeriod, next_report_year, report_year, reporting_period,
};

/// The pack for one country and the report it answers the call of.
#[derive(Debug, Serialize, ToSchema)]
pub struct CallForInformation {
    pub country: CountryDto,
    /// The report whose call this answers: the next one, by default.
    pub report_year: i32,
    /// The period that report assesses (1 April to 31 March).
    pub reporting_period: ReportingPeriod,
    /// The last report before it with recommendations for the country, whose recommendations
    /// the actions are weighed against; `null` when there is none.
    pub last_report_year: Option<i32>,
    /// The organisation whose work alone is told, if one was given.
    pub organisation: Option<Uuid>,
    pub organisation_name: Option<String>,
    /// The actions by pillar, in pillar order, each under the pillar it answers most (pillars
    /// without actions are omitted).
    pub pillars: Vec<PillarActions>,
    /// Actions in the period that answer no recommendation of the country.
    pub other_actions: Vec<PeriodAction>,
    /// Work whose dates do not show whether it was done in the period (no start date, or
    /// completed with no end date): never counted above, listed for a person to check and date
    /// before the pack is sent.
    pub to_check: Vec<PeriodAction>,
    /// The last report's recommendations that no action in the period answers.
    pub unanswered: Vec<UnansweredRecommendation>,
    /// What the last report changed since the one before it (the country's digest, in
    /// figures); `null` when there is no last report.
    pub edition_changes: Option<EditionChangesInBrief>,
}

/// What a report changed since the one before it, in figures, for the work the pack tells.
#[derive(Debug, Serialize, ToSchema)]
pub struct EditionChangesInBrief {
    pub year: i32,
    /// The report before it with recommendations; `null` when there is none.
    pub earlier_year: Option<i32>,
    pub continuing: usize,
    /// Of those continuing, how many were reworded.
    pub reworded: usize,
    pub new: usize,
    pub dropped: usize,
    /// How many dropped recommendations the work answered.
    pub dropped_answered: usize,
    /// Links of ongoing work not yet carried to the recommendation that continues.
    pub waiting_to_carry: usize,
}

impl From<EditionDigest> for EditionChangesInBrief {
    fn from(digest: EditionDigest) -> Self {
        let changes = &digest.changes;
        Self {
            year: digest.year,
            earlier_year: digest.earlier_year,
            continuing: changes.continuing.len(),
            reworded: changes.continuing.iter().filter(|c| c.reworded).count(),
            new: changes.new.len(),
            dropped: changes.dropped.len(),
            dropped_answered: digest.dropped_answered,
            waiting_to_carry: digest.waiting_to_carry,
        }
    }
}

/// The actions answering one pillar most.
#[derive(Debug, Serialize, ToSchema)]
pub struct PillarActions {
    pub pillar: Pillar,
    pub actions: Vec<PeriodAction>,
}

/// An intervention active during the period.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PeriodAction {
    pub id: Uuid,
    pub title: String,
    pub kind: InterventionKind,
    pub status: InterventionStatus,
    pub description: Option<String>,
    pub location: Option<String>,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub people_reached: Option<i32>,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    /// The country's recommendations it answers, newest report first, then by number.
    pub answers: Vec<PeriodAnswerDto>,
}

/// One recommendation an action answers, with the link's rationale and evidence.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PeriodAnswerDto {
    pub recommendation_id: Uuid,
    pub year: i32,
    pub position: i32,
    pub pillar: Pillar,
    pub text: String,
    pub contribution: Contribution,
    pub rationale: Option<String>,
    pub evidence_url: Option<String>,
}

/// A recommendation of the last report that nothing in the period answers.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnansweredRecommendation {
    pub id: Uuid,
    pub position: i32,
    pub pillar: Pillar,
    pub prioritized: bool,
    pub text: String,
}

impl From<PeriodAnswer> for PeriodAnswerDto {
    fn from(row: PeriodAnswer) -> Self {
        Self {
            recommendation_id: row.recommendation_id,
            year: row.year,
            position: row.position,
            pillar: row.pillar,
            text: row.text,
            contribution: row.contribution,
            rationale: row.rationale,
            evidence_url: row.evidence_url,
        }
    }
}

impl PeriodAction {
    fn new(intervention: PeriodIntervention, answers: Vec<PeriodAnswerDto>) -> Self {
        let row = intervention.row;
        Self {
            id: row.id,
            title: row.title,
            kind: row.kind,
            status: row.status,
            description: row.description,
            location: row.location,
            started_on: row.started_on,
            ended_on: row.ended_on,
            people_reached: row.people_reached,
            organisation_id: row.organisation_id,
            organisation_name: intervention.organisation_name,
            answers,
        }
    }

    /// The pillar this action answers most, the first in pillar order on a tie; `None` when it
    /// answers nothing.
    fn main_pillar(&self) -> Option<Pillar> {
        Pillar::ALL
            .iter()
            .copied()
            .map(|pillar| {
                let count = self.answers.iter().filter(|a| a.pillar == pillar).count();
                (pillar, count)
            })
            .filter(|(_, count)| *count > 0)
            .min_by_key(|(pillar, count)| (std::cmp::Reverse(*count), *pillar))
            .map(|(pillar, _)| pillar)
    }
}

/// The report year a pack is for: the one asked for, else the next report (the one assessing
/// `today`).
pub fn pack_year(asked: Option<i32>, today: NaiveDate) -> Result<i32, Failure> {
    match asked {
        Some(year) => report_year(year)
            .map_err(|message| Failure::Invalid(vec![FieldError::new("year", message)])),
        None => Ok(next_report_year(today)),
    }
}

/// The pack of the country named `code` for the report of `year`, telling only `organisation`'s
/// work when given.
pub async fn call_for_information(
    connection: &mut Connection,
    code: &str,
    year: i32,
    organisation: Option<Uuid>,
) -> Result<CallForInformation, Failure> {
    let country = country_from_path(connection, code).await?;
    let organisation_name = organisation_filter_name(connection, organisation).await?;
    let period = reporting_period(year);
    let dates = (period.starts_on, period.ends_on);
    let done = db::interventions_in_period(
        connection,
        &country.code,
        dates,
        PeriodFit::Done,
        organisation,
    )
    .await?;
    let to_check = db::interventions_in_period(
        connection,
        &country.code,
        dates,
        PeriodFit::ToCheck,
        organisation,
    )
    .await?;
    let ids: Vec<Uuid> = done.iter().chain(&to_check).map(|i| i.row.id).collect();
    let mut answers: HashMap<Uuid, Vec<PeriodAnswerDto>> = HashMap::new();
    for answer in db::answers_of(connection, &country.code, &ids).await? {
        answers
            .entry(answer.intervention_id)
            .or_default()
            .push(answer.into());
    }
    let mut with_answers = |interventions: Vec<PeriodIntervention>| -> Vec<PeriodAction> {
        interventions
            .into_iter()
            .map(|i| {
                let answered = answers.remove(&i.row.id).unwrap_or_default();
                PeriodAction::new(i, answered)
            })
            .collect()
    };
    let actions = with_answers(done);
    let to_check = with_answers(to_check);
    let answered: HashSet<Uuid> = actions
        .iter()
        .flat_map(|a| a.answers.iter().map(|answer| answer.recommendation_id))
        .collect();
    let last_report_year = db::last_report_before(connection, &country.code, year).await?;
    let unanswered = match last_report_year {
        Some(last) => db::recommendations_of(connection, &country.code, last)
            .await?
            .into_iter()
            .filter(|r| !answered.contains(&r.id))
            .map(|r| UnansweredRecommendation {
                id: r.id,
                position: r.position,
                pillar: r.pillar,
                prioritized: r.prioritized,
                text: r.text,
            })
            .collect(),
        None => Vec::new(),
    };
    let edition_changes = match last_report_year {
        Some(last) => Some(
            super::edition_digest::digest_on(connection, &country.code, Some(last), organisation)
                .await?
                .into(),
        ),
        None => None,
    };
    let (pillars, other_actions) = by_pillar(actions);
    Ok(CallForInformation {
        country: CountryDto::from(country),
        report_year: year,
        reporting_period: period,
        last_report_year,
        organisation,
        organisation_name,
        pillars,
        other_actions,
        to_check,
        unanswered,
        edition_changes,
    })
}

/// The actions under the pillar each answers most, and those answering nothing.
fn by_pillar(actions: Vec<PeriodAction>) -> (Vec<PillarActions>, Vec<PeriodAction>) {
    let mut grouped: HashMap<Pillar, Vec<PeriodAction>> = HashMap::new();
    let mut other = Vec::new();
    for action in actions {
        match action.main_pillar() {
            Some(pillar) => grouped.entry(pillar).or_default().push(action),
            None => other.push(action),
        }
    }
    let pillars = Pillar::ALL
        .iter()
        .filter_map(|pillar| {
            grouped.remove(pillar).map(|actions| PillarActions {
                pillar: *pillar,
                actions,
            })
        })
        .collect();
    (pillars, other)
}
