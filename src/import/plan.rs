//! Checking an import as a whole before anything is written.

use std::borrow::Borrow;
use std::collections::{BTreeSet, HashMap, HashSet};

use uuid::Uuid;

use super::ImportError;
use super::cells::{boolean, french_text, optional_text};
use super::csv_file::CsvFile;
use super::lookups::{CountryResolver, earlier_recommendations};
use super::rows::{ImportRows, Location, RawRecommendation, RawTier};
use crate::db::Connection;
use crate::db::import::{RecommendationImport, TierImport};
use crate::domain::{FieldError, Refusal};
use crate::domain::{Pillar, parse_tier_label};

/// At most this many problems are listed; a file with more is mostly wrong anyway.
pub const MAX_LISTED_ERRORS: usize = 500;

/// A checked import, ready to write.
#[derive(Debug, Default)]
pub struct Plan {
    /// The report year of a single-year import; `None` for a tier history.
    pub year: Option<i32>,
    pub tiers: Vec<TierImport>,
    /// How many tier rows the file had, including skipped ones.
    pub tier_rows: usize,
    /// Tier rows without a tier (not ranked that year).
    pub skipped_tiers: usize,
    pub recommendations: Vec<RecommendationImport>,
    pub ignored_columns: Vec<String>,
}

impl Plan {
    /// Every country the import writes to, by code.
    pub fn countries(&self) -> Vec<String> {
        let countries: BTreeSet<&str> = self
            .tiers
            .iter()
            .map(|tier| tier.country_code.as_str())
            .chain(self.recommendations.iter().map(|r| r.country_code.as_str()))
            .collect();
        countries.into_iter().map(str::to_owned).collect()
    }

    /// Every report year the import writes to.
    pub fn years(&self) -> Vec<i32> {
        let years: BTreeSet<i32> = self
            .tiers
            .iter()
            .map(|tier| tier.year)
            .chain(self.recommendations.iter().map(|r| r.year))
            .collect();
        years.into_iter().collect()
    }
}

/// Checks every row of `rows`; `year` is the report year of a single-year import, `None` for a
/// tier history (where each row names its year). Returns one refusal listing every problem.
pub async fn plan(
    connection: &mut Connection,
    year: Option<i32>,
    rows: ImportRows,
) -> Result<Plan, ImportError> {
    let file = File::load(
        connection,
        year,
        rows.tiers.iter(),
        rows.recommendations.iter(),
    )
    .await?;
    let counts = (rows.tiers.len(), rows.recommendations.len());
    file.check(
        counts,
        rows.tiers.into_iter(),
        rows.recommendations.into_iter(),
        rows.ignored_columns,
    )
}

/// [`plan`] for a CSV file kept as its bytes: its rows are read once for the countries and
/// earlier recommendations they name, then again one at a time as each is checked, so that they
/// are never all held at once beside the file.
pub async fn plan_csv(
    connection: &mut Connection,
    year: Option<i32>,
    csv: &CsvFile<'_>,
) -> Result<Plan, ImportError> {
    let file = File::load(connection, year, csv.tiers(), csv.recommendations()).await?;
    let counts = if csv.holds_tiers() {
        (csv.rows(), 0)
    } else {
        (0, csv.rows())
    };
    file.check(
        counts,
        csv.tiers(),
        csv.recommendations(),
        csv.ignored_columns().to_vec(),
    )
}

impl File {
    /// What the rows are checked against, looked up for `tiers` and `recommendations` at once.
    async fn load(
        connection: &mut Connection,
        year: Option<i32>,
        tiers: impl Iterator<Item = impl Borrow<RawTier>>,
        recommendations: impl Iterator<Item = impl Borrow<RawRecommendation>>,
    ) -> Result<Self, ImportError> {
        let mut names = HashSet::new();
        let mut continued = Vec::new();
        for tier in tiers {
            let tier = tier.borrow();
            names.extend(
                [&tier.country, &tier.country_name]
                    .into_iter()
                    .flatten()
                    .cloned(),
            );
        }
        for row in recommendations {
            let row = row.borrow();
            names.extend(
                [&row.country, &row.country_name]
                    .into_iter()
                    .flatten()
                    .cloned(),
            );
            continued.extend(
                row.continues
                    .as_deref()
                    .and_then(|id| Uuid::parse_str(id).ok()),
            );
        }
        Ok(File {
            year,
            countries: CountryResolver::load(connection, names).await?,
            earlier: earlier_recommendations(connection, &continued).await?,
        })
    }

    /// Checks each row; `counts` are how many tier and recommendation rows there are.
    fn check(
        &self,
        (tier_rows, recommendation_rows): (usize, usize),
        tiers: impl Iterator<Item = RawTier>,
        recommendations: impl Iterator<Item = RawRecommendation>,
        ignored_columns: Vec<String>,
    ) -> Result<Plan, ImportError> {
        let file = self;
        let mut errors = Vec::new();
        let mut plan = Plan {
            year: self.year,
            tier_rows,
            ignored_columns,
            tiers: Vec::with_capacity(tier_rows),
            recommendations: Vec::with_capacity(recommendation_rows),
            ..Plan::default()
        };
        let mut seen_tiers: HashMap<(String, i32), Location> = HashMap::with_capacity(tier_rows);
        for row in tiers {
            match file.tier(row) {
                Ok(None) => plan.skipped_tiers += 1,
                Ok(Some((at, tier))) => {
                    match seen_tiers.insert((tier.country_code.clone(), tier.year), at) {
                        Some(first) => errors.push(
                            at.error(
                                "country",
                                first_at(
                                    Refusal::new("invalid-tier-twice")
                                        .with("country", tier.country_code.as_str())
                                        .with("year", i64::from(tier.year)),
                                    first,
                                ),
                            ),
                        ),
                        None => plan.tiers.push(tier),
                    }
                }
                Err(mut row_errors) => errors.append(&mut row_errors),
            }
        }

        let mut seen_positions: HashMap<(String, i32, i32), Location> =
            HashMap::with_capacity(recommendation_rows);
        for row in recommendations {
            match file.recommendation(row) {
                Ok((at, recommendation)) => {
                    let RecommendationImport {
                        country_code: country,
                        year,
                        position,
                        ..
                    } = &recommendation;
                    let key = (country.clone(), *year, *position);
                    match seen_positions.insert(key, at) {
                        Some(first) => errors.push(
                            at.error(
                                "position",
                                first_at(
                                    Refusal::new("invalid-position-twice")
                                        .with("country", country.as_str())
                                        .with("position", i64::from(*position))
                                        .with("year", i64::from(*year)),
                                    first,
                                ),
                            ),
                        ),
                        None => plan.recommendations.push(recommendation),
                    }
                }
                Err(mut row_errors) => errors.append(&mut row_errors),
            }
        }

        if errors.is_empty() {
            Ok(plan)
        } else {
            Err(too_many(errors))
        }
    }
}

/// What every row of a file is checked against: the import's year, the countries the file
/// names, and the earlier recommendations it says rows continue.
struct File {
    year: Option<i32>,
    countries: CountryResolver,
    earlier: HashMap<Uuid, (String, i32)>,
}

impl File {
    /// A tier row, checked: `None` when it has no tier (the country was not ranked that year).
    fn tier(&self, row: RawTier) -> Result<Option<(Location, TierImport)>, Vec<FieldError>> {
        let at = row.at;
        let mut errors = Vec::new();
        let tier = match parse_tier_label(row.tier.as_deref().unwrap_or_default()) {
            Ok(Some(tier)) => tier,
            Ok(None) => return Ok(None),
            Err(message) => return Err(vec![at.error("tier", message)]),
        };
        let country = self.countries.resolve(
            at,
            row.country.as_deref(),
            row.country_name.as_deref(),
            &mut errors,
        );
        let year = row_year(at, self.year, row.year.as_deref(), &mut errors);
        let waiver = boolean(at, "waiver", row.waiver.as_deref(), &mut errors);
        let note = optional_text(at, "note", row.note.as_deref(), &mut errors);
        match (country, year, waiver, note) {
            (Some(country_code), Some(year), Some(waiver), Some(note)) => Ok(Some((
                at,
                TierImport {
                    country_code,
                    year,
                    tier,
                    waiver,
                    note,
                },
            ))),
            _ => Err(errors),
        }
    }

    /// A recommendation row, checked.
    fn recommendation(
        &self,
        row: RawRecommendation,
    ) -> Result<(Location, RecommendationImport), Vec<FieldError>> {
        let at = row.at;
        let mut errors = Vec::new();
        let country = self.countries.resolve(
            at,
            row.country.as_deref(),
            row.country_name.as_deref(),
            &mut errors,
        );
        let year = row_year(at, self.year, row.year.as_deref(), &mut errors);
        let position = position(at, row.position.as_deref(), &mut errors);
        let pillar = pillar(at, row.pillar.as_deref(), &mut errors);
        let text = match crate::domain::required_text(row.text.as_deref().unwrap_or_default()) {
            Ok(text) => Some(text),
            Err(message) => {
                errors.push(at.error("text", message));
                None
            }
        };
        let prioritized = boolean(at, "prioritized", row.prioritized.as_deref(), &mut errors);
        let source_url = match row.source_url.as_deref().map(crate::domain::web_url) {
            Some(Err(message)) => {
                errors.push(at.error("source_url", message));
                None
            }
            Some(Ok(url)) => Some(Some(url)),
            None => Some(None),
        };
        let continues = self.continues(at, row.continues.as_deref(), country.as_deref(), year);
        let continues = continues.unwrap_or_else(|error| {
            errors.push(error);
            None
        });
        let french = french_text(
            at,
            row.text_fr.as_deref(),
            row.text_fr_source_url.as_deref(),
            &mut errors,
        );
        match (
            country,
            year,
            position,
            pillar,
            text,
            prioritized,
            source_url,
            continues,
        ) {
            (
                Some(country_code),
                Some(year),
                Some(position),
                Some(pillar),
                Some(text),
                Some(prioritized),
                Some(source_url),
                Some(continues),
            ) if errors.is_empty() => Ok((
                at,
                RecommendationImport {
                    country_code,
                    year,
                    position,
                    pillar,
                    text,
                    prioritized,
                    source_url,
                    continues,
                    french,
                },
            )),
            _ => Err(errors),
        }
    }

    /// A row's `continues` cell: `Some(None)` when blank, `Some(Some(id))` when it names an
    /// earlier recommendation of the row's country. `None` (with no error) when the row's
    /// country or year is itself at fault, so that the rule cannot be judged.
    fn continues(
        &self,
        at: Location,
        cell: Option<&str>,
        country: Option<&str>,
        year: Option<i32>,
    ) -> Result<Option<Option<Uuid>>, FieldError> {
        let Some(cell) = cell else {
            return Ok(Some(None));
        };
        let Ok(earlier) = Uuid::parse_str(cell) else {
            return Err(at.error("continues", "invalid-continues-id"));
        };
        let (Some(country), Some(year)) = (country, year) else {
            return Ok(None);
        };
        let place = self.earlier.get(&earlier).map(|(c, y)| (c.as_str(), *y));
        crate::domain::continues(earlier, place, country, year)
            .map(|()| Some(Some(earlier)))
            .map_err(|message| at.error("continues", message))
    }
}

fn position(at: Location, cell: Option<&str>, errors: &mut Vec<FieldError>) -> Option<i32> {
    match cell.map(str::parse::<i32>) {
        Some(Ok(position)) if position >= 1 => Some(position),
        Some(_) => {
            errors.push(at.error("position", "invalid-position"));
            None
        }
        None => {
            errors.push(at.error("position", "invalid-missing"));
            None
        }
    }
}

fn pillar(at: Location, cell: Option<&str>, errors: &mut Vec<FieldError>) -> Option<Pillar> {
    let Some(cell) = cell else {
        errors.push(at.error("pillar", "invalid-missing"));
        return None;
    };
    match cell.trim().to_ascii_lowercase().parse::<Pillar>() {
        Ok(pillar) => Some(pillar),
        Err(_) => {
            errors.push(at.error("pillar", Pillar::refusal_of(cell.trim())));
            None
        }
    }
}

fn too_many(mut errors: Vec<FieldError>) -> ImportError {
    let total = errors.len();
    errors.truncate(MAX_LISTED_ERRORS);
    ImportError::BadRows { errors, total }
}

/// `refusal`, saying where in the file the first of two clashing rows is: its line, or its
/// place in a JSON list (`tiers[2]`).
fn first_at(refusal: Refusal, first: Location) -> Refusal {
    match first {
        Location::Line(line) => refusal.with("line", line as i64).with("item", ""),
        Location::Item { list, index } => refusal
            .with("line", 0)
            .with("item", format!("{list}[{index}]")),
    }
}

/// The year of a row: the import's own, or the row's (which must then be given and valid).
fn row_year(
    at: Location,
    fixed: Option<i32>,
    given: Option<&str>,
    errors: &mut Vec<FieldError>,
) -> Option<i32> {
    let given = match given.map(str::parse::<i32>) {
        None => None,
        Some(Ok(year)) => match crate::domain::report_year(year) {
            Ok(year) => Some(year),
            Err(message) => {
                errors.push(at.error("year", message));
                return None;
            }
        },
        Some(Err(_)) => {
            errors.push(at.error("year", crate::domain::YEAR_MESSAGE));
            return None;
        }
    };
    match (fixed, given) {
        (Some(fixed), Some(given)) if fixed != given => {
            errors.push(
                at.error(
                    "year",
                    Refusal::new("invalid-year-not-the-import")
                        .with("given", i64::from(given))
                        .with("year", i64::from(fixed)),
                ),
            );
            None
        }
        (Some(fixed), _) => Some(fixed),
        (None, Some(given)) => Some(given),
        (None, None) => {
            errors.push(at.error("year", "invalid-year-missing"));
            None
        }
    }
}
