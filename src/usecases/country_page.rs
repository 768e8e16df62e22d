//! What a country's page shows, read in one go: the gap report, the tier history, the report years
//! to choose from, the organisations to filter by, what is answered in the period the next report
//! will assess, the lineage an admin is asked to confirm, and the interventions the visitor may
//! link from the page. The page renders it without reading anything more.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use super::gap_report::{
    GapFilters, GapReport, TierSummary, report_of, report_subject, tier_summary,
};
pub use super::lineage::LineageSuggestion;
use super::translations::{self, TranslationRow};
use crate::db::country_page::PeriodAsked;
use crate::db::intervention_choices;
pub use crate::db::intervention_choices::InterventionChoice;
pub use crate::db::organisations::OrganisationRow;
pub use crate::db::tier_sources::TierSource;
pub use crate::db::tiers::TierRow;
use crate::db::{self, Connection, Connections};
use crate::domain::{Caller, Failure, Language, next_report_year, reporting_period};

/// How many interventions the page offers to link under each recommendation, newest first; past
/// it the page says so and points to the interventions list.
pub const LINKABLE_SHOWN: usize = 100;

/// A country's page.
#[derive(Debug)]
pub struct CountryPage {
    pub report: GapReport,
    /// Every placement of the country, oldest first.
    pub history: Vec<TierRow>,
    /// Where the placements of its years (and of the years before them) come from, for the years
    /// gaptrack's shipped history filled.
    pub tier_sources: HashMap<i32, TierSource>,
    /// The report years with recommendations for the country.
    pub years: Vec<i32>,
    pub organisations: Vec<OrganisationRow>,
    /// Shown when the page is the country's latest report (no year asked).
    pub window: Option<Window>,
    /// Continuations an admin is asked to confirm; empty for anyone else.
    pub suggestions: Vec<LineageSuggestion>,
    pub linkable: Linkable,
    /// The recommendations' texts in the reader's language, where an admin added them.
    pub translations: HashMap<Uuid, TranslationRow>,
}

/// What is answered in the period the next report will assess.
#[derive(Debug)]
pub struct Window {
    pub next_year: i32,
    /// The recommendations some intervention active in that period answers.
    pub answered: HashSet<Uuid>,
}

/// The interventions the visitor may link from the page.
#[derive(Debug, Default)]
pub enum Linkable {
    /// A viewer links nothing; nor does a page without a report year.
    #[default]
    Nothing,
    /// An admin links an organisation's work: the page asks which organisation first (there may
    /// be hundreds of interventions in the country).
    ChooseAnOrganisation,
    /// The visitor's (or, for an admin, the filtered organisation's) interventions in the
    /// country, newest first, at most [`LINKABLE_SHOWN`]; `more` when there are more.
    Interventions {
        interventions: Vec<InterventionChoice>,
        more: bool,
    },
}

/// The page of the country `code`, as `caller` sees it with `filters`, on `today`: what its
/// report is of (country, year), then everything else it shows but the recommendations in one
/// statement (see [`db::country_page`]), whose placements give the report's tier, then the
/// report's recommendations and the interventions the visitor may link. The JSON report reads
/// the tier itself ([`super::gap_report::gap_report_on`]); the rule is the same function.
pub async fn country_page(
    db: &impl Connections,
    caller: &Caller,
    code: &str,
    filters: &GapFilters,
    interventions_shown: u32,
    language: Language,
) -> Result<CountryPage, Failure> {
    let today = db.now().date_naive();
    let mut connection = db.connect().await?;
    let connection = &mut connection;
    let subject = report_subject(connection, code, filters).await?;
    let country = subject.country.code.clone();
    let year = subject.year;
    // The window: on the country's latest report (no year asked), the period the next report
    // will assess.
    let next_year = year
        .filter(|_| filters.year.is_none())
        .map(|_| next_report_year(today));
    let period = next_year.map(|next_year| {
        let period = reporting_period(next_year);
        PeriodAsked {
            starts_on: period.starts_on,
            ends_on: period.ends_on,
            organisation: filters.organisation,
        }
    });
    let reads = db::country_page::page_reads(
        connection,
        &country,
        year,
        translations::translated_into(language),
        period,
        year.is_some() && caller.is_admin(),
    )
    .await?;
    let tier_sources: HashMap<i32, TierSource> = reads
        .tier_sources
        .into_iter()
        .map(|source| (source.year, source))
        .collect();
    // The page has every placement at hand: the report's is read from them, not again.
    let tier = year.and_then(|year| placement_of(&reads.history, &tier_sources, year));
    let report = report_of(connection, subject, tier, filters, interventions_shown).await?;
    let linkable = match report.year {
        Some(_) => linkable(connection, caller, &country, report.organisation).await?,
        None => Linkable::Nothing,
    };
    let window = next_year
        .zip(reads.answered)
        .map(|(next_year, answered)| Window {
            next_year,
            answered: answered.into_iter().collect(),
        });
    Ok(CountryPage {
        translations: reads
            .translations
            .into_iter()
            .map(|row| (row.recommendation_id, row))
            .collect(),
        history: reads.history,
        tier_sources,
        years: reads.years,
        organisations: reads.organisations,
        window,
        suggestions: reads.suggestions,
        linkable,
        report,
    })
}

/// The country's placement in `year` among its `placements`, with its move from the year
/// before's (told only when that year is known in full or the country was placed in it).
fn placement_of(
    placements: &[TierRow],
    sources: &HashMap<i32, TierSource>,
    year: i32,
) -> Option<TierSummary> {
    let placement = placements.iter().find(|row| row.year == year)?;
    let previous = placements
        .iter()
        .find(|row| row.year == year - 1)
        .map(|row| row.tier);
    let year_before_partial = sources
        .get(&(year - 1))
        .is_some_and(|source| !source.complete);
    Some(tier_summary(placement, previous, year_before_partial))
}

/// An editor's organisation's interventions in `country`; an admin's, those of the organisation
/// the page is filtered by, if any; a viewer's, none.
async fn linkable(
    connection: &mut Connection,
    caller: &Caller,
    country: &str,
    filtered_by: Option<Uuid>,
) -> Result<Linkable, Failure> {
    let Ok(editable) = caller.editable_organisation() else {
        return Ok(Linkable::Nothing);
    };
    let organisation = if caller.is_admin() {
        filtered_by
    } else {
        editable
    };
    let Some(organisation) = organisation else {
        return Ok(if caller.is_admin() {
            Linkable::ChooseAnOrganisation
        } else {
            Linkable::Nothing
        });
    };
    let mut interventions = intervention_choices::in_country(
        connection,
        organisation,
        country,
        LINKABLE_SHOWN as i64 + 1,
    )
    .await?;
    let more = interventions.len() > LINKABLE_SHOWN;
    interventions.truncate(LINKABLE_SHOWN);
    Ok(Linkable::Interventions {
        interventions,
        more,
    })
}
