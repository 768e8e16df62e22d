//! A deterministic data set at the scale of the real report, for load tests and benchmarks
//! (`gaptrack dev generate --scale N`).
//!
//! At scale 1: every ranked country with a tier for each report year 2001-2025; 8 to 12
//! recommendations per country and year (about 50,000), most continuing the year before's; 40
//! organisations; 100,000 interventions over countries, kinds and statuses; about 250,000 links.
//! Scale N multiplies interventions and links by N. The same seed gives the same data.
//!
//! Its shape is the one users have, not the one that is easiest to make:
//! - **A fresh report is about half unaddressed.** Work answers only some recommendations: each
//!   one is answerable with a chance that grows with its age, from 50% for the latest report to
//!   80% for the oldest (`ANSWERED_LATEST`, `ANSWERED_OLDEST`), and interventions link only to
//!   answerable ones. The rest stay unaddressed however large the scale, so scale 10 measures the
//!   same mix with ten times the links.
//! - **A few organisations do most of the work**: an intervention's organisation is drawn with
//!   weight 1/rank (Zipf), so the first 5 of 40 run about half of all interventions.
//! - **Some countries have no work at all**: about one country in ten (`WITHOUT_WORK_PERCENT`)
//!   has no intervention, in any year.
//!
//! Report data goes through the import path the API uses (checks, upserts, audit). Interventions
//! and links are written in bulk: one at a time through the API, with an audit row each, a million
//! would take hours.

use std::collections::HashMap;

use chrono::NaiveDate;
use uuid::Uuid;

use crate::db::audit::Actor;
use crate::db::bulk::{self, GeneratedIntervention, GeneratedLink};
use crate::db::{self, Connection, DbError, countries, recommendations};
use crate::domain::Failure;
use crate::domain::{Contribution, InterventionKind, InterventionStatus, Pillar};
use crate::import::{self, ImportRows, Location, RawRecommendation, RawTier, RunOptions};

pub const FIRST_YEAR: i32 = 2001;
pub const LAST_YEAR: i32 = 2025;
const ORGANISATIONS: usize = 40;
const INTERVENTIONS_PER_SCALE: usize = 100_000;
const BATCH: usize = 20_000;
/// The share of the latest report's recommendations that work can answer, in percent.
const ANSWERED_LATEST: u64 = 50;
/// The same for the oldest report; the years between are in proportion.
const ANSWERED_OLDEST: u64 = 80;
/// The share of countries that no intervention works in, in percent.
const WITHOUT_WORK_PERCENT: u64 = 10;

/// What was generated.
#[derive(Debug, Default)]
pub struct Generated {
    pub countries: usize,
    pub tiers: usize,
    pub recommendations: usize,
    pub interventions: usize,
    pub links: usize,
}

/// Why generation failed.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("the generated data was refused: {0}")]
    Rejected(String),
    #[error("the database already holds report data; generate into an empty database")]
    NotEmpty,
}

impl From<crate::import::ImportError> for GenerateError {
    fn from(error: crate::import::ImportError) -> Self {
        Failure::from(error).into()
    }
}

impl From<Failure> for GenerateError {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::Unavailable(cause) => Self::Db(DbError::Unavailable(cause)),
            Failure::ConnectionLost(cause) => Self::Db(DbError::ConnectionLost(cause)),
            other => Self::Rejected(other.to_string()),
        }
    }
}

/// SplitMix64: small, fast and the same on every machine, which is all a data generator needs.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `0..bound`.
    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn uuid(&mut self) -> Uuid {
        let bytes = (u128::from(self.next()) << 64 | u128::from(self.next())).to_be_bytes();
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const TIERS: [&str; 4] = ["Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3"];
const ACTIONS: [&str; 8] = [
    "Increase efforts to investigate and prosecute",
    "Train law enforcement, prosecutors and judges to identify and respond to",
    "Expand protective services for victims of",
    "Improve data collection on",
    "Strengthen coordination among agencies countering",
    "Fund civil society organisations that assist victims of",
    "Raise public awareness of",
    "Screen vulnerable populations, including migrants, for indicators of",
];
const SUBJECTS: [&str; 6] = [
    "sex trafficking",
    "forced labour",
    "forced child begging",
    "trafficking in the fishing sector",
    "online scam operations",
    "domestic servitude",
];

/// Fills an empty database at `scale`; `progress` is told what is happening.
pub async fn generate(
    connection: &mut Connection,
    scale: usize,
    progress: impl FnMut(&str),
) -> Result<Generated, GenerateError> {
    generate_with(connection, INTERVENTIONS_PER_SCALE * scale, progress).await
}

/// Fills an empty database with the report data of every scale and `total` interventions.
pub async fn generate_with(
    connection: &mut Connection,
    total: usize,
    mut progress: impl FnMut(&str),
) -> Result<Generated, GenerateError> {
    if db::gaps::latest_year(connection, None).await?.is_some() {
        return Err(GenerateError::NotEmpty);
    }
    let mut random = Random(2026);
    let actor = Actor::command_line("dev generate");
    let codes = countries::ranked_codes(connection).await?;
    let mut generated = Generated {
        countries: codes.len(),
        ..Generated::default()
    };

    progress("tiers and recommendations, one report year at a time, through the import");
    let recommendations_by_country =
        import_report_years(connection, &actor, &codes, &mut random, &mut generated).await?;

    progress("organisations");
    let mut organisations = Vec::with_capacity(ORGANISATIONS);
    for number in 1..=ORGANISATIONS {
        let name = format!("Organisation {number:02}");
        organisations.push(
            db::organisations::insert(connection, &actor, &name, &Default::default())
                .await?
                .or_fault()?
                .id,
        );
    }

    progress(&format!("{total} interventions and their links"));
    let world = World::new(
        &mut random,
        &codes,
        &organisations,
        &recommendations_by_country,
    );
    let mut done = 0;
    while done < total {
        let size = BATCH.min(total - done);
        let mut interventions = Vec::with_capacity(size);
        let mut links = Vec::with_capacity(size * 3);
        for number in done..done + size {
            interventions.push(world.intervention(&mut random, number, &mut links));
        }
        bulk::insert_interventions(connection, &interventions).await?;
        bulk::insert_links(connection, &links).await?;
        generated.interventions += interventions.len();
        generated.links += links.len();
        done += size;
    }
    progress("vacuuming and refreshing the planner's statistics");
    bulk::vacuum_analyze(connection).await?;
    Ok(generated)
}

/// Imports every report year's tiers and recommendations, as an admin would, each year's
/// recommendations continuing most of the year before's; answers each country's
/// recommendations, by year.
async fn import_report_years(
    connection: &mut Connection,
    actor: &Actor,
    codes: &[String],
    random: &mut Random,
    generated: &mut Generated,
) -> Result<HashMap<String, Vec<(i32, Uuid)>>, GenerateError> {
    let mut tier_of: HashMap<&str, usize> = codes
        .iter()
        .map(|c| (c.as_str(), random.below(4)))
        .collect();
    let mut previous: HashMap<(String, i32), Uuid> = HashMap::new();
    let mut recommendations_by_country: HashMap<String, Vec<(i32, Uuid)>> = HashMap::new();
    for year in FIRST_YEAR..=LAST_YEAR {
        let rows = year_rows(random, codes, &mut tier_of, &previous, year);
        let plan = import::plan(connection, Some(year), rows).await?;
        let options = RunOptions {
            dry_run: false,
            create_missing_reports: true,
            statement_time: None,
        };
        let summary = import::run(connection, actor, &plan, options).await?;
        generated.tiers += summary.tiers.created;
        generated.recommendations += summary.recommendations.created;
        previous.clear();
        for (id, country, position) in recommendations::keys_of_year(connection, year).await? {
            recommendations_by_country
                .entry(country.clone())
                .or_default()
                .push((year, id));
            previous.insert((country, position), id);
        }
    }
    Ok(recommendations_by_country)
}

/// One report year's rows: each country's tier (moving a step now and then) and 8 to 12
/// recommendations, most continuing the one at the same position the year before.
fn year_rows(
    random: &mut Random,
    codes: &[String],
    tier_of: &mut HashMap<&str, usize>,
    previous: &HashMap<(String, i32), Uuid>,
    year: i32,
) -> ImportRows {
    let mut rows = ImportRows::default();
    for (index, code) in codes.iter().enumerate() {
        let tier = tier_of
            .get_mut(code.as_str())
            .expect("every country has a tier");
        match random.below(10) {
            0 if *tier > 0 => *tier -= 1,
            1 if *tier < 3 => *tier += 1,
            _ => {}
        }
        rows.tiers.push(RawTier {
            at: Location::Item {
                list: "tiers",
                index,
            },
            country: Some(code.clone()),
            country_name: None,
            year: None,
            tier: Some(TIERS[*tier].to_string()),
            waiver: None,
            note: None,
        });
        for position in 1..=(8 + random.below(5)) as i32 {
            let pillar = *random.pick(Pillar::ALL);
            let text = format!(
                "{} {} in {code}, with adequate resources ({year}, no. {position}).",
                random.pick(&ACTIONS),
                random.pick(&SUBJECTS)
            );
            let continues = previous
                .get(&(code.clone(), position))
                .filter(|_| random.chance(70))
                .map(Uuid::to_string);
            rows.recommendations.push(RawRecommendation {
                at: Location::Item {
                    list: "recommendations",
                    index: rows.recommendations.len(),
                },
                country: Some(code.clone()),
                country_name: None,
                year: None,
                position: Some(position.to_string()),
                pillar: Some(pillar.as_str().to_string()),
                text: Some(text),
                prioritized: Some(random.chance(60).to_string()),
                source_url: None,
                continues,
                text_fr: None,
                text_fr_source_url: None,
            });
        }
    }
    rows
}

/// What generated interventions are drawn from.
struct World<'a> {
    /// The countries where work happens.
    working: Vec<&'a str>,
    organisations: &'a [Uuid],
    /// The running total of the organisations' weights (1/rank), to draw one by.
    organisation_weights: Vec<f64>,
    /// Each working country's answerable recommendations, by year, oldest first.
    answerable: HashMap<&'a str, Vec<(i32, Uuid)>>,
}

impl<'a> World<'a> {
    fn new(
        random: &mut Random,
        codes: &'a [String],
        organisations: &'a [Uuid],
        recommendations_by_country: &'a HashMap<String, Vec<(i32, Uuid)>>,
    ) -> Self {
        let working: Vec<&str> = codes
            .iter()
            .map(String::as_str)
            .filter(|_| !random.chance(WITHOUT_WORK_PERCENT))
            .collect();
        let mut answerable = HashMap::new();
        for &code in &working {
            let chosen: Vec<(i32, Uuid)> = recommendations_by_country[code]
                .iter()
                .copied()
                .filter(|(year, _)| random.chance(answered_percent(*year)))
                .collect();
            if !chosen.is_empty() {
                answerable.insert(code, chosen);
            }
        }
        let working = working
            .into_iter()
            .filter(|code| answerable.contains_key(code))
            .collect();
        let organisation_weights = (1..=organisations.len())
            .scan(0.0, |total, rank| {
                *total += 1.0 / rank as f64;
                Some(*total)
            })
            .collect();
        Self {
            working,
            organisations,
            organisation_weights,
            answerable,
        }
    }

    /// An organisation, drawn with weight 1/rank.
    fn organisation(&self, random: &mut Random) -> Uuid {
        let total = self.organisation_weights.last().copied().unwrap_or(1.0);
        let point = random.next() as f64 / u64::MAX as f64 * total;
        let index = self
            .organisation_weights
            .partition_point(|&weight| weight < point)
            .min(self.organisations.len() - 1);
        self.organisations[index]
    }
}

/// The share of year `year`'s recommendations that work can answer, in percent.
fn answered_percent(year: i32) -> u64 {
    let age = u64::try_from(LAST_YEAR - year).unwrap_or(0);
    let span = u64::try_from(LAST_YEAR - FIRST_YEAR).unwrap_or(1).max(1);
    ANSWERED_LATEST + (ANSWERED_OLDEST - ANSWERED_LATEST) * age / span
}

impl World<'_> {
    /// Intervention number `number`, in one working country (sometimes two), with 1 to 4 links
    /// to its first country's answerable recommendations (pushed onto `links`), mostly of recent
    /// reports.
    fn intervention(
        &self,
        random: &mut Random,
        number: usize,
        links: &mut Vec<GeneratedLink>,
    ) -> GeneratedIntervention {
        let statuses = [
            (InterventionStatus::Planned, 15),
            (InterventionStatus::Active, 45),
            (InterventionStatus::Completed, 30),
            (InterventionStatus::Cancelled, 10),
        ];
        let working = &self.working;
        let first = random.below(working.len());
        let mut countries = vec![working[first].to_string()];
        if random.chance(15) && working.len() > 1 {
            countries.push(working[(first + 1) % working.len()].to_string());
        }
        let mut roll = random.below(100);
        let status = statuses
            .iter()
            .find(|(_, share)| {
                let hit = roll < *share;
                roll = roll.saturating_sub(*share);
                hit
            })
            .map_or(InterventionStatus::Active, |(status, _)| *status);
        let kind = *random.pick(InterventionKind::ALL);
        let started = NaiveDate::from_ymd_opt(
            2001 + random.below(25) as i32,
            1 + random.below(12) as u32,
            1,
        );
        let id = random.uuid();
        let own = &self.answerable[working[first]];
        for _ in 0..1 + random.below(4) {
            // Most work answers recent reports.
            let pick =
                own.len() - 1 - (random.below(own.len()) * random.below(own.len())) / own.len();
            links.push(GeneratedLink {
                intervention_id: id,
                recommendation_id: own[pick].1,
                contribution: if random.chance(40) {
                    Contribution::Full
                } else {
                    Contribution::Partial
                },
            });
        }
        GeneratedIntervention {
            id,
            organisation_id: self.organisation(random),
            title: format!(
                "{} in {} (no. {})",
                kind.in_words(),
                countries[0],
                number + 1
            ),
            countries,
            kind,
            status,
            started_on: started,
            ended_on: None,
            location: None,
            people_reached: random.chance(70).then(|| random.below(5_000) as i32),
        }
    }
}
