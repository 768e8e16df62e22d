//! The demo dataset (`data/demo.json`): the 2023 TIP Report for Senegal, Sierra Leone, Malawi and
//! Zambia, and CenHTRO's work against it, so that a newcomer sees a real gap report at once.
//!
//! It is loaded through the same `db::` functions as the API, in one transaction.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel_async::AsyncConnection;
use serde::Deserialize;
use uuid::Uuid;

use crate::db::audit::Actor;
use crate::db::interventions::NewIntervention;
use crate::db::recommendations::NewRecommendation;
use crate::db::reports::NewReport;
use crate::db::tiers::NewTier;
use crate::db::{self, Connection, DbError, links};
use crate::domain::{
    Contribution, InterventionKind, InterventionStatus, Pillar, Precondition, Tier,
};

/// The dataset, compiled into the binary.
pub const DEMO_JSON: &str = include_str!("../data/demo.json");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Dataset {
    #[expect(dead_code, reason = "documents the data file; not loaded")]
    source: String,
    reports: Vec<Report>,
    tiers: Vec<TierPlacement>,
    recommendations: Vec<Recommendation>,
    organisations: Vec<Organisation>,
    interventions: Vec<Intervention>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    year: i32,
    title: String,
    published_on: Option<NaiveDate>,
    source_url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TierPlacement {
    country: String,
    year: i32,
    tier: Tier,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Recommendation {
    key: String,
    country: String,
    year: i32,
    position: i32,
    pillar: Pillar,
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Organisation {
    name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Intervention {
    organisation: String,
    countries: Vec<String>,
    kind: InterventionKind,
    status: InterventionStatus,
    title: String,
    description: Option<String>,
    location: Option<String>,
    links: Vec<Link>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Link {
    recommendation: String,
    contribution: Contribution,
    rationale: String,
}

/// What a load wrote.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    pub recommendations: usize,
    pub interventions: usize,
    pub links: usize,
}

/// Why the demo could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the demo data is already there (a report for {0} exists); nothing was written")]
    AlreadyLoaded(i32),
    #[error("data/demo.json is malformed: {0}")]
    Malformed(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Loads the demo dataset, all or nothing, audited as `actor`'s.
pub async fn load(connection: &mut Connection, actor: &Actor) -> Result<Loaded, DemoError> {
    let dataset: Dataset =
        serde_json::from_str(DEMO_JSON).map_err(|error| DemoError::Malformed(error.to_string()))?;
    connection
        .transaction::<_, DemoError, _>(async move |connection| {
            load_dataset(connection, actor, &dataset).await
        })
        .await
}

async fn load_dataset(
    connection: &mut Connection,
    actor: &Actor,
    dataset: &Dataset,
) -> Result<Loaded, DemoError> {
    load_reports_and_tiers(connection, actor, dataset).await?;
    let recommendation_ids = load_recommendations(connection, actor, dataset).await?;
    let mut organisation_ids: HashMap<&str, Uuid> = HashMap::new();
    for organisation in &dataset.organisations {
        let row =
            db::organisations::insert(connection, actor, &organisation.name, &Default::default())
                .await?
                .or_fault()?;
        organisation_ids.insert(&organisation.name, row.id);
    }
    let mut loaded = Loaded {
        recommendations: recommendation_ids.len(),
        ..Loaded::default()
    };
    for intervention in &dataset.interventions {
        let organisation_id = *organisation_ids
            .get(intervention.organisation.as_str())
            .ok_or_else(|| {
                DemoError::Malformed(format!(
                    "unknown organisation {}",
                    intervention.organisation
                ))
            })?;
        loaded.links += load_intervention(
            connection,
            actor,
            organisation_id,
            intervention,
            &recommendation_ids,
        )
        .await?;
        loaded.interventions += 1;
    }
    Ok(loaded)
}

/// The report years and tier placements, refusing a year that is already there.
async fn load_reports_and_tiers(
    connection: &mut Connection,
    actor: &Actor,
    dataset: &Dataset,
) -> Result<(), DemoError> {
    for report in &dataset.reports {
        if db::reports::exists(connection, report.year).await? {
            return Err(DemoError::AlreadyLoaded(report.year));
        }
        let new = NewReport {
            year: report.year,
            title: &report.title,
            published_on: report.published_on,
            source_url: report.source_url.as_deref(),
        };
        db::reports::insert(connection, actor, &new)
            .await?
            .or_fault()?;
    }
    for placement in &dataset.tiers {
        let new = NewTier {
            country_code: &placement.country,
            year: placement.year,
            tier: placement.tier,
            waiver: false,
            note: None,
        };
        db::tiers::upsert(connection, actor, &new)
            .await?
            .or_fault()?;
    }
    Ok(())
}

/// The recommendations, each citing its year's report; their ids by the dataset's keys.
async fn load_recommendations<'a>(
    connection: &mut Connection,
    actor: &Actor,
    dataset: &'a Dataset,
) -> Result<HashMap<&'a str, Uuid>, DemoError> {
    let mut recommendation_ids = HashMap::new();
    for recommendation in &dataset.recommendations {
        let source_url = format!(
            "https://www.state.gov/reports/{}-trafficking-in-persons-report/",
            recommendation.year
        );
        let new = NewRecommendation {
            id: Uuid::now_v7(),
            country_code: &recommendation.country,
            year: recommendation.year,
            position: recommendation.position,
            text: &recommendation.text,
            pillar: recommendation.pillar,
            prioritized: true,
            source_url: Some(&source_url),
            continues: None,
        };
        let row = db::recommendations::insert(connection, actor, &new)
            .await?
            .or_fault()?;
        recommendation_ids.insert(recommendation.key.as_str(), row.id);
    }
    Ok(recommendation_ids)
}

/// One intervention and its links; how many links it made.
async fn load_intervention(
    connection: &mut Connection,
    actor: &Actor,
    organisation_id: Uuid,
    intervention: &Intervention,
    recommendation_ids: &HashMap<&str, Uuid>,
) -> Result<usize, DemoError> {
    let new = NewIntervention {
        id: Uuid::now_v7(),
        organisation_id,
        kind: intervention.kind,
        title: intervention.title.clone(),
        description: intervention.description.clone(),
        status: intervention.status,
        started_on: None,
        ended_on: None,
        location: intervention.location.clone(),
        people_reached: None,
    };
    let created =
        db::interventions::insert(connection, actor, new, intervention.countries.clone()).await?;
    let mut linked = 0;
    for link in &intervention.links {
        let recommendation_id = *recommendation_ids
            .get(link.recommendation.as_str())
            .ok_or_else(|| {
                DemoError::Malformed(format!("unknown recommendation {}", link.recommendation))
            })?;
        let new = links::NewLink {
            intervention_id: created.row.id,
            recommendation_id,
            contribution: link.contribution,
            rationale: Some(&link.rationale),
            evidence_url: None,
        };
        match links::upsert(connection, actor, None, &Precondition::None, &new).await? {
            links::Linking::Created(_) | links::Linking::Updated(_) => linked += 1,
            refused => {
                return Err(DemoError::Malformed(format!(
                    "the link to recommendation {}: {refused:?}",
                    link.recommendation
                )));
            }
        }
    }
    Ok(linked)
}

impl From<diesel::result::Error> for DemoError {
    fn from(error: diesel::result::Error) -> Self {
        Self::Db(error.into())
    }
}
