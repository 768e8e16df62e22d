//! The edition digest: what a new TIP edition changed for a country, and for an organisation's
//! work there. Read by the digest page, the API, the call-for-information pack and the e-mail.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::countries::{CountryDto, country_from_path};
use super::gap_report::{organisation_filter_name, report_year};
use crate::db::{Connection, Connections, carry_forward, edition_digest, tier_sources, tiers};
use crate::domain::{
    EditionChanges, Failure, Movement, Refusal, Tier, compare_editions, known_movement,
};

/// What the `year` edition changed since the edition before, for one country.
#[derive(Debug, Serialize, ToSchema)]
pub struct EditionDigest {
    pub country: CountryDto,
    /// The new edition.
    pub year: i32,
    /// The latest earlier edition with recommendations for the country; `null` when gaptrack
    /// holds none, and then every recommendation is new.
    pub earlier_year: Option<i32>,
    /// The organisation whose work alone is listed, if one was asked for.
    pub organisation: Option<Uuid>,
    pub organisation_name: Option<String>,
    /// The tier in the new edition, when recorded.
    pub tier: Option<TierChange>,
    #[serde(flatten)]
    pub changes: EditionChanges,
    /// How many dropped recommendations the listed work answered.
    pub dropped_answered: usize,
    /// How many links of ongoing work wait to be carried to the recommendation that continues.
    pub waiting_to_carry: usize,
}

/// A tier placement against the year before's.
#[derive(Debug, Serialize, ToSchema)]
pub struct TierChange {
    pub tier: Tier,
    pub waiver: bool,
    /// The year before's tier, when recorded.
    pub previous_tier: Option<Tier>,
    /// `null` when the year before is known only in part and does not name the country.
    pub movement: Option<Movement>,
}

/// The digest of the country named `code` for the `year` edition (its latest when `None`),
/// listing the work of `organisation` alone when given.
pub async fn digest(
    db: &impl Connections,
    code: &str,
    year: Option<i32>,
    organisation: Option<Uuid>,
) -> Result<EditionDigest, Failure> {
    let mut connection = db.connect().await?;
    digest_on(&mut connection, code, year, organisation).await
}

/// [`digest`], on a connection a use case already holds.
pub async fn digest_on(
    connection: &mut Connection,
    code: &str,
    year: Option<i32>,
    organisation: Option<Uuid>,
) -> Result<EditionDigest, Failure> {
    let country = country_from_path(connection, code).await?;
    let organisation_name = organisation_filter_name(connection, organisation).await?;
    let Some(year) = report_year(connection, &country.code, year).await? else {
        return Err(Failure::NotFound(
            Refusal::new("refusal-no-edition").with("country", country.tip_name.clone()),
        ));
    };
    let current = edition_digest::of_edition(connection, &country.code, year).await?;
    let earlier_year = edition_digest::earlier_year(connection, &country.code, year).await?;
    let continued: Vec<Uuid> = current.iter().filter_map(|r| r.continues).collect();
    let earlier = edition_digest::continued_or_of_edition(
        connection,
        &country.code,
        earlier_year,
        &continued,
    )
    .await?;
    let ids: Vec<Uuid> = current.iter().chain(&earlier).map(|r| r.id).collect();
    let links = edition_digest::linked_work(connection, &ids, organisation).await?;
    let current_ids: Vec<Uuid> = current.iter().map(|r| r.id).collect();
    let declines = carry_forward::declines(connection, &current_ids).await?;
    let changes = compare_editions(&current, &earlier, earlier_year, &links, &declines);
    let tier = tier_change(connection, &country.code, year).await?;
    Ok(EditionDigest {
        country: country.into(),
        year,
        earlier_year,
        organisation,
        organisation_name,
        tier,
        dropped_answered: changes.dropped_answered(),
        waiting_to_carry: changes.waiting_to_carry(),
        changes,
    })
}

async fn tier_change(
    connection: &mut Connection,
    country: &str,
    year: i32,
) -> Result<Option<TierChange>, Failure> {
    let (placement, previous_tier) = tiers::with_previous(connection, country, year).await?;
    let year_before_partial = tier_sources::of_years(connection, &[year - 1])
        .await?
        .iter()
        .any(|source| !source.complete);
    Ok(placement.map(|row| TierChange {
        movement: known_movement(previous_tier, row.tier, year_before_partial),
        tier: row.tier,
        waiver: row.waiver,
        previous_tier,
    }))
}
