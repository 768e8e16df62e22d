//! The `countries` table: ISO 3166-1, loaded by the first migration.

use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use super::schema::countries;
use super::{Connection, DbError};
use crate::domain::{CountryCodeInput, Region};

/// A country as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = countries, check_for_backend(diesel::pg::Pg))]
pub struct CountryRow {
    pub code: String,
    pub alpha2: String,
    pub name: String,
    pub region: Option<Region>,
}

/// Finds a country by its alpha-3 or alpha-2 code.
pub async fn find(
    connection: &mut Connection,
    code: &CountryCodeInput,
) -> Result<Option<CountryRow>, DbError> {
    let query = countries::table
        .select(CountryRow::as_select())
        .into_boxed();
    let query = match code {
        CountryCodeInput::Alpha3(code) => query.filter(countries::code.eq(code.as_str())),
        CountryCodeInput::Alpha2(code) => query.filter(countries::alpha2.eq(code.as_str())),
    };
    Ok(query.first(connection).await.optional()?)
}

/// Resolves many codes at once (alpha-3 or alpha-2) to alpha-3; unknown codes are absent from the map.
pub async fn resolve_codes(
    connection: &mut Connection,
    codes: &[CountryCodeInput],
) -> Result<std::collections::HashMap<String, String>, DbError> {
    let wanted: Vec<&str> = codes.iter().map(CountryCodeInput::as_str).collect();
    let rows: Vec<(String, String)> = countries::table
        .filter(
            countries::code
                .eq_any(&wanted)
                .or(countries::alpha2.eq_any(&wanted)),
        )
        .select((countries::code, countries::alpha2))
        .load(connection)
        .await?;
    let mut resolved = std::collections::HashMap::new();
    for (alpha3, alpha2) in rows {
        resolved.insert(alpha2, alpha3.clone());
        resolved.insert(alpha3.clone(), alpha3);
    }
    Ok(resolved)
}

/// One page of countries in code order, optionally of one region, starting after `after`.
pub async fn list(
    connection: &mut Connection,
    region: Option<Region>,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<CountryRow>, DbError> {
    let mut query = countries::table
        .select(CountryRow::as_select())
        .order(countries::code)
        .limit(limit)
        .into_boxed();
    if let Some(region) = region {
        query = query.filter(countries::region.eq(region));
    }
    if let Some(after) = after {
        query = query.filter(countries::code.gt(after.to_owned()));
    }
    Ok(query.load(connection).await?)
}

/// Resolves exact country names (compared in lower case) to alpha-3 codes; unknown names are
/// absent from the map, which is keyed by the lower-case name.
pub async fn resolve_names(
    connection: &mut Connection,
    lower_case_names: &[String],
) -> Result<std::collections::HashMap<String, String>, DbError> {
    use diesel::dsl::sql;
    use diesel::sql_types::Text;
    let rows: Vec<(String, String)> = countries::table
        .filter(
            sql::<diesel::sql_types::Bool>("lower(name) = ANY(")
                .bind::<diesel::sql_types::Array<Text>, _>(lower_case_names)
                .sql(")"),
        )
        .select((sql::<Text>("lower(name)"), countries::code))
        .load(connection)
        .await?;
    Ok(rows.into_iter().collect())
}

/// The codes of every country with a State Department region: the countries the TIP Report ranks.
pub async fn ranked_codes(connection: &mut Connection) -> Result<Vec<String>, DbError> {
    Ok(countries::table
        .filter(countries::region.is_not_null())
        .order(countries::code)
        .select(countries::code)
        .load(connection)
        .await?)
}
