//! What an import's rows are checked against in the database: the countries their cells name,
//! and the earlier recommendations they say they continue, each looked up once for the whole
//! file.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use super::ImportError;
use super::rows::Location;
use crate::db::countries::CountryMatches;
use crate::db::{Connection, countries, recommendations};
use crate::domain::FieldError;

/// Resolves the countries of a whole file with two queries, whatever its length.
pub(super) struct CountryResolver {
    matches: CountryMatches,
}

impl CountryResolver {
    /// Looks up every country cell of a file (codes and names, each once).
    pub(super) async fn load(
        connection: &mut Connection,
        cells: HashSet<String>,
    ) -> Result<Self, ImportError> {
        let cells: Vec<String> = cells.into_iter().collect();
        Ok(Self {
            matches: countries::resolve(connection, &cells).await?,
        })
    }

    /// The alpha-3 code for a row: what its `country` cell names, else what its name cell names.
    /// When neither names one country, the error is about the `country` cell if there is one.
    pub(super) fn resolve(
        &self,
        at: Location,
        country: Option<&str>,
        name: Option<&str>,
        errors: &mut Vec<FieldError>,
    ) -> Option<String> {
        let outcomes: Vec<_> = [country, name]
            .into_iter()
            .flatten()
            .map(|cell| self.matches.country(cell))
            .collect();
        if let Some(Ok(found)) = outcomes.iter().find(|outcome| outcome.is_ok()) {
            return Some(found.code.clone());
        }
        match outcomes.into_iter().next() {
            Some(Err(unresolved)) => errors.push(at.error("country", unresolved.refusal())),
            _ => errors.push(at.error("country", "invalid-missing")),
        }
        None
    }
}

/// The country and year of every recommendation the file says rows continue (`ids`).
pub(super) async fn earlier_recommendations(
    connection: &mut Connection,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, (String, i32)>, ImportError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(recommendations::countries_and_years(connection, ids).await?)
}
