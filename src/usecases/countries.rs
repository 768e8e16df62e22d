//! How a use case reads a country that a person named: wherever a request names one (a path, a
//! filter, a field, an import file), it may use an ISO code, the TIP Report's name, or any name of
//! the `country_names` table, in any case and spelling that `country_name_key` ignores.

use serde::Serialize;
use utoipa::ToSchema;

use crate::db::Connection;
use crate::db::countries;
pub use crate::db::countries::CountryRow;
use crate::domain::{Failure, FieldError, Region, UnresolvedCountry};

/// A country.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountryDto {
    /// ISO 3166-1 alpha-3 code.
    #[schema(example = "SLE")]
    pub code: String,
    /// ISO 3166-1 alpha-2 code.
    #[schema(example = "SL")]
    pub alpha2: String,
    /// The ISO 3166-1 name.
    #[schema(example = "Korea, Republic of")]
    pub name: String,
    /// The name the TIP Report uses, which people read in its reports.
    #[schema(example = "Korea, South")]
    pub tip_name: String,
    /// The State Department region; `null` for territories the TIP Report does not rank.
    pub region: Option<Region>,
}

impl From<CountryRow> for CountryDto {
    fn from(row: CountryRow) -> Self {
        Self {
            code: row.code,
            alpha2: row.alpha2,
            name: row.name,
            tip_name: row.tip_name,
            region: row.region,
        }
    }
}

/// The country named in a path: not found, with the closest names or the candidates, when it names
/// no country or several.
pub async fn country_from_path(
    connection: &mut Connection,
    given: &str,
) -> Result<CountryRow, Failure> {
    countries::resolve_one(connection, given)
        .await?
        .map_err(|unresolved| Failure::NotFound(unresolved.refusal()))
}

/// The country a page's filter names, or why it names none: a page shows the reason, with the
/// names it could mean, beside the filters instead of leaving the page for an error.
pub async fn country_or_reason(
    connection: &mut Connection,
    given: &str,
) -> Result<Result<CountryRow, UnresolvedCountry>, Failure> {
    Ok(countries::resolve_one(connection, given).await?)
}

/// The alpha-3 code of the country a query filter names: not found when it names no country or several,
/// as for a path (a list filtered by a country that does not exist does not exist either).
pub async fn country_from_filter(
    connection: &mut Connection,
    field: &str,
    given: &str,
) -> Result<String, Failure> {
    countries::resolve_one(connection, given)
        .await?
        .map(|country| country.code)
        .map_err(|unresolved| Failure::NotFound(unresolved.refusal().with("filter", field)))
}

/// The alpha-3 code of the country named in a body `field`: invalid when it names no country or
/// several.
pub async fn country_from_field(
    connection: &mut Connection,
    field: &str,
    given: &str,
) -> Result<String, Failure> {
    countries::resolve_one(connection, given)
        .await?
        .map(|country| country.code)
        .map_err(|unresolved| Failure::invalid(field, unresolved.refusal()))
}

/// The alpha-3 codes of a list of countries in a body `field`, sorted and without repeats; one
/// refusal names every entry at fault (`countries[2]`).
pub async fn countries_from_list(
    connection: &mut Connection,
    field: &str,
    given: &[String],
) -> Result<Vec<String>, Failure> {
    let matches = countries::resolve(connection, given).await?;
    let mut errors = Vec::new();
    let mut codes = Vec::new();
    for (index, text) in given.iter().enumerate() {
        match matches.country(text) {
            Ok(country) => codes.push(country.code),
            Err(unresolved) => errors.push(FieldError::new(
                format!("{field}[{index}]"),
                unresolved.refusal(),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(Failure::Invalid(errors));
    }
    codes.sort();
    codes.dedup();
    Ok(codes)
}

/// Every country `text` names or begins to name, best match first (at most every country).
pub async fn search(
    connection: &mut Connection,
    text: &str,
    region: Option<Region>,
) -> Result<Vec<CountryRow>, Failure> {
    Ok(countries::search(connection, text, region).await?)
}

/// Every country's code and its name as the TIP Report writes it, by code.
pub async fn tip_names(db: &impl crate::db::Connections) -> Result<Vec<(String, String)>, Failure> {
    let mut connection = db.connect().await?;
    Ok(countries::tip_names(&mut connection).await?)
}

/// The countries the TIP Report ranks, by name: the pages' choices.
pub async fn ranked(connection: &mut Connection) -> Result<Vec<CountryRow>, Failure> {
    Ok(countries::ranked(connection).await?)
}

/// A page of countries by code, after `after`, of `region` if given.
pub async fn page(
    connection: &mut Connection,
    region: Option<Region>,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<CountryRow>, Failure> {
    Ok(countries::list(connection, region, after, limit).await?)
}
