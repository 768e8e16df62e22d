//! The gap report: which of a country's recommendations remain unaddressed in a report year, each
//! with its status, its line through the reports and the interventions that count for it.

use std::collections::HashMap;

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::countries::{CountryDto, CountryRow, country_from_path};
use crate::db::gaps::{self, CountingIntervention, RecommendationGap};
use crate::db::tiers::TierRow;
use crate::db::{Connection, organisations, reports, tier_sources, tiers};
use crate::domain::Refusal;
use crate::domain::{
    Contribution, Failure, InterventionKind, InterventionStatus, Movement, Pillar,
    RecommendationStatus, StatusCounts, Tier, is_persistent, known_movement,
};

/// The gap report of one country and report year.
#[derive(Debug, Serialize, ToSchema)]
pub struct GapReport {
    pub country: CountryDto,
    /// The report year; `null` when the country has no recommendations in any report.
    pub year: Option<i32>,
    /// The country's placement that year, if recorded.
    pub tier: Option<TierSummary>,
    /// The organisation whose interventions alone were counted, if one was given.
    pub organisation: Option<Uuid>,
    /// That organisation's name.
    pub organisation_name: Option<String>,
    /// Counts over all the country's recommendations of the year (whatever the `status` filter).
    pub summary: StatusCounts,
    /// The same counts per pillar, in pillar order; pillars without recommendations are omitted.
    pub pillars: Vec<PillarCounts>,
    /// The recommendations, in report order, with their status.
    pub recommendations: Vec<RecommendationGapDto>,
}

/// A tier placement with its movement since the year before.
#[derive(Debug, Serialize, ToSchema)]
pub struct TierSummary {
    pub tier: Tier,
    /// `null` when the country has no placement the year before and that year is known only in
    /// part (it may have been ranked there, unseen), so it is not called new.
    pub movement: Option<Movement>,
    pub waiver: bool,
}

/// Status counts of one pillar.
#[derive(Debug, Serialize, ToSchema)]
pub struct PillarCounts {
    pub pillar: Pillar,
    #[serde(flatten)]
    pub counts: StatusCounts,
}

/// A recommendation with its status and the interventions that count for it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecommendationGapDto {
    pub id: Uuid,
    pub position: i32,
    pub text: String,
    pub pillar: Pillar,
    pub prioritized: bool,
    pub source_url: Option<String>,
    pub status: RecommendationStatus,
    /// How long this recommendation's line (through `continues`) has stood.
    pub line: LineDto,
    /// Interventions that count towards it (linked, not cancelled, and of the organisation if one
    /// was given), strongest first: those that address it, then partially, then planned. At most
    /// `interventions_limit` of them; `more_interventions` says whether more count.
    pub interventions: Vec<CountingInterventionDto>,
    /// True when more interventions count than are listed: see
    /// `GET /recommendations/{id}/interventions` for them all.
    pub more_interventions: bool,
}

/// A recommendation's line through the reports: the earlier recommendations it continues.
#[derive(Debug, Serialize, ToSchema)]
pub struct LineDto {
    /// How many consecutive reports it has stood in, this one included (1 for a new one).
    pub years_standing: i32,
    /// The report year that run began.
    pub since: i32,
    /// Whether it was addressed in any year along the line.
    pub ever_addressed: bool,
}

/// An intervention that counts towards a recommendation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CountingInterventionDto {
    pub id: Uuid,
    pub title: String,
    pub kind: InterventionKind,
    pub status: InterventionStatus,
    pub contribution: Contribution,
    /// Why the link's author judged that it answers the recommendation.
    pub rationale: Option<String>,
    /// Where the evidence is.
    pub evidence_url: Option<String>,
    pub people_reached: Option<i32>,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    /// Who made the link (a person, or a key), as the audit trail names them; `null` for links
    /// made before gaptrack kept it.
    pub linked_by: Option<String>,
    /// When the intervention started and ended, where recorded.
    pub started_on: Option<chrono::NaiveDate>,
    pub ended_on: Option<chrono::NaiveDate>,
}

impl From<CountingIntervention> for CountingInterventionDto {
    fn from(row: CountingIntervention) -> Self {
        Self {
            id: row.id,
            title: row.title,
            kind: row.kind,
            status: row.status,
            contribution: row.contribution,
            rationale: row.rationale,
            evidence_url: row.evidence_url,
            people_reached: row.people_reached,
            organisation_id: row.organisation_id,
            organisation_name: row.organisation_name,
            linked_by: row.linked_by,
            started_on: row.started_on,
            ended_on: row.ended_on,
        }
    }
}

/// Which recommendations of the report to list, and whose work to count.
#[derive(Debug, Clone, Default)]
pub struct GapFilters {
    /// The report year; by default the latest with recommendations for the country.
    pub year: Option<i32>,
    /// Count only this organisation's interventions.
    pub organisation: Option<Uuid>,
    /// List only recommendations with this status (the summary still counts all).
    pub status: Option<RecommendationStatus>,
    /// List only persistent gaps.
    pub persistent_only: bool,
}

/// The year to report on: the one asked for (not found if no such report), else the country's latest.
pub(super) async fn report_year(
    connection: &mut Connection,
    country: &str,
    asked: Option<i32>,
) -> Result<Option<i32>, Failure> {
    match asked {
        Some(year) if reports::exists(connection, year).await? => Ok(Some(year)),
        Some(year) => Err(super::reports::not_found(year)),
        None => Ok(gaps::latest_year(connection, Some(country)).await?),
    }
}

/// The name of the organisation a filter names, which the documents print: not found when there is
/// no such organisation, since the report asked for (this organisation's view) does not exist; an
/// empty report would read as "no work done".
pub async fn organisation_filter_name(
    connection: &mut Connection,
    organisation: Option<Uuid>,
) -> Result<Option<String>, Failure> {
    let Some(id) = organisation else {
        return Ok(None);
    };
    match organisations::find(connection, id).await? {
        Some(row) => Ok(Some(row.name)),
        None => Err(Failure::NotFound(
            Refusal::no_such("organisation", id).with("filter", "organisation"),
        )),
    }
}

/// The gap report of the country named `code`, with `filters`, listing at most
/// `interventions_limit` interventions per recommendation.
pub async fn gap_report(
    db: &impl crate::db::Connections,
    code: &str,
    filters: &GapFilters,
    interventions_limit: u32,
) -> Result<GapReport, Failure> {
    let mut connection = db.connect().await?;
    gap_report_on(&mut connection, code, filters, interventions_limit).await
}

/// [`gap_report`], on a connection a use case already holds.
pub async fn gap_report_on(
    connection: &mut Connection,
    code: &str,
    filters: &GapFilters,
    interventions_limit: u32,
) -> Result<GapReport, Failure> {
    let subject = report_subject(connection, code, filters).await?;
    let tier = match subject.year {
        Some(year) => {
            let country = &subject.country.code;
            let (placement, previous) = tiers::with_previous(connection, country, year).await?;
            let year_before_partial = tier_sources::of_years(connection, &[year - 1])
                .await?
                .iter()
                .any(|source| !source.complete);
            placement.map(|row| tier_summary(&row, previous, year_before_partial))
        }
        None => None,
    };
    report_of(connection, subject, tier, filters, interventions_limit).await
}

/// What a gap report is of: the country, the report year (none when the country has no
/// recommendations in any report) and the name of the organisation whose work alone counts.
pub(super) struct ReportSubject {
    pub country: CountryRow,
    pub year: Option<i32>,
    pub organisation_name: Option<String>,
}

/// The subject of the report of the country named `code` with `filters`: not found when the
/// country, the year or the organisation asked for is not.
pub(super) async fn report_subject(
    connection: &mut Connection,
    code: &str,
    filters: &GapFilters,
) -> Result<ReportSubject, Failure> {
    let country = country_from_path(connection, code).await?;
    let organisation_name = organisation_filter_name(connection, filters.organisation).await?;
    let year = report_year(connection, &country.code, filters.year).await?;
    Ok(ReportSubject {
        country,
        year,
        organisation_name,
    })
}

/// A placement as the report shows it, with its move from the year before's (`previous`), when
/// that can be told.
pub(super) fn tier_summary(
    placement: &TierRow,
    previous: Option<Tier>,
    year_before_partial: bool,
) -> TierSummary {
    TierSummary {
        tier: placement.tier,
        movement: known_movement(previous, placement.tier, year_before_partial),
        waiver: placement.waiver,
    }
}

/// The report of `subject`, whose placement that year is `tier`: its recommendations with their
/// statuses and the strongest interventions that count for each.
pub(super) async fn report_of(
    connection: &mut Connection,
    subject: ReportSubject,
    tier: Option<TierSummary>,
    filters: &GapFilters,
    interventions_limit: u32,
) -> Result<GapReport, Failure> {
    let ReportSubject {
        country,
        year,
        organisation_name,
    } = subject;
    let (recommendations, counting) = match year {
        Some(year) => {
            let recommendations =
                gaps::recommendation_gaps(connection, &country.code, year, filters.organisation)
                    .await?;
            // One more than shown, to know whether there are more.
            let counting = gaps::strongest_interventions(
                connection,
                &country.code,
                year,
                filters.organisation,
                i64::from(interventions_limit) + 1,
            )
            .await?;
            (recommendations, counting)
        }
        None => (Vec::new(), Vec::new()),
    };
    Ok(GapReport {
        summary: StatusCounts::of(recommendations.iter().map(|r| r.status)),
        pillars: pillar_counts(&recommendations),
        recommendations: with_interventions(
            recommendations,
            counting,
            filters,
            interventions_limit,
        ),
        country: CountryDto::from(country),
        year,
        tier,
        organisation: filters.organisation,
        organisation_name,
    })
}

fn pillar_counts(recommendations: &[RecommendationGap]) -> Vec<PillarCounts> {
    Pillar::ALL
        .iter()
        .filter_map(|&pillar| {
            let counts = StatusCounts::of(
                recommendations
                    .iter()
                    .filter(|r| r.pillar == pillar)
                    .map(|r| r.status),
            );
            (counts.total > 0).then_some(PillarCounts { pillar, counts })
        })
        .collect()
}

fn with_interventions(
    recommendations: Vec<RecommendationGap>,
    counting: Vec<CountingIntervention>,
    filters: &GapFilters,
    limit: u32,
) -> Vec<RecommendationGapDto> {
    let mut by_recommendation: HashMap<Uuid, Vec<CountingInterventionDto>> = HashMap::new();
    for row in counting {
        by_recommendation
            .entry(row.recommendation_id)
            .or_default()
            .push(row.into());
    }
    recommendations
        .into_iter()
        .filter(|r| filters.status.is_none_or(|wanted| r.status == wanted))
        .filter(|r| {
            !filters.persistent_only || is_persistent(r.status, r.ever_addressed, r.years_standing)
        })
        .map(|r| {
            let mut interventions = by_recommendation.remove(&r.id).unwrap_or_default();
            let more_interventions = interventions.len() > limit as usize;
            interventions.truncate(limit as usize);
            (r, interventions, more_interventions)
        })
        .map(
            |(r, interventions, more_interventions)| RecommendationGapDto {
                interventions,
                more_interventions,
                id: r.id,
                position: r.position,
                text: r.text,
                pillar: r.pillar,
                prioritized: r.prioritized,
                source_url: r.source_url,
                status: r.status,
                line: LineDto {
                    years_standing: r.years_standing,
                    since: r.since_year,
                    ever_addressed: r.ever_addressed,
                },
            },
        )
        .collect()
}
