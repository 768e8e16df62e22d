//! The `countries` table (ISO 3166-1, loaded by the first migration) and `country_names`: every
//! name and code people write for a country, compared by `country_name_key` (see migration
//! `country_names` for what the key ignores).

use std::collections::HashMap;

use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Nullable, Text};
use diesel_async::RunQueryDsl;

use super::schema::countries;
use super::{Connection, DbError};
use crate::domain::{CountryMention, Region, UnresolvedCountry};

/// How many close names an unknown name is answered with.
const SUGGESTIONS: i64 = 3;

/// Longer text is no country name; it is refused without asking the database.
const LONGEST_NAME: usize = 120;

/// A country as stored.
#[derive(Debug, Clone, Queryable, QueryableByName, Selectable)]
#[diesel(table_name = countries, check_for_backend(diesel::pg::Pg))]
pub struct CountryRow {
    pub code: String,
    pub alpha2: String,
    /// The ISO 3166-1 name.
    pub name: String,
    /// The name the TIP Report uses: what people read.
    pub tip_name: String,
    pub region: Option<Region>,
}

impl CountryRow {
    fn mention(&self) -> CountryMention {
        CountryMention {
            code: self.code.clone(),
            name: self.tip_name.clone(),
        }
    }
}

/// What one name or code, as given, stands for.
#[derive(Debug, Clone)]
enum CountryMatch {
    One(CountryRow),
    /// A name several countries share, e.g. `Congo`.
    Several(Vec<CountryRow>),
    /// No country; the closest names, best first.
    None {
        suggestions: Vec<CountryRow>,
    },
}

impl CountryMatch {
    /// The country, or what to tell the person who wrote `given`.
    fn into_country(self, given: &str) -> Result<CountryRow, UnresolvedCountry> {
        match self {
            Self::One(country) => Ok(country),
            Self::Several(candidates) => Err(UnresolvedCountry::Ambiguous {
                given: given.to_owned(),
                candidates: candidates.iter().map(CountryRow::mention).collect(),
            }),
            Self::None { suggestions } => Err(UnresolvedCountry::Unknown {
                given: given.to_owned(),
                suggestions: suggestions.iter().map(CountryRow::mention).collect(),
            }),
        }
    }
}

#[derive(QueryableByName)]
struct Matched {
    #[diesel(sql_type = Text)]
    given: String,
    #[diesel(embed)]
    country: CountryRow,
}

/// What each of several names or codes stands for, keyed by the text as given.
#[derive(Debug, Default)]
pub struct CountryMatches(HashMap<String, CountryMatch>);

impl CountryMatches {
    /// The country `given` names, or what to tell the person who wrote it. Text that was not
    /// resolved names no country.
    pub fn country(&self, given: &str) -> Result<CountryRow, UnresolvedCountry> {
        self.0
            .get(given)
            .cloned()
            .unwrap_or(CountryMatch::None {
                suggestions: vec![],
            })
            .into_country(given)
    }
}

/// Resolves one name or code, as [`resolve`] does.
pub async fn resolve_one(
    connection: &mut Connection,
    given: &str,
) -> Result<Result<CountryRow, UnresolvedCountry>, DbError> {
    Ok(resolve(connection, &[given.to_owned()])
        .await?
        .country(given))
}

/// Resolves names and codes (ISO alpha-3 or alpha-2, the TIP Report's names, ISO, common and
/// former names, research codes such as `KOS`) to countries, in two statements whatever their
/// number: one for the matches, one for suggestions for those that matched nothing.
pub async fn resolve(
    connection: &mut Connection,
    given: &[String],
) -> Result<CountryMatches, DbError> {
    let askable: Vec<&str> = given
        .iter()
        .map(String::as_str)
        .filter(|text| is_askable(text))
        .collect();
    let mut found: HashMap<String, Vec<CountryRow>> = HashMap::new();
    if !askable.is_empty() {
        let rows: Vec<Matched> = MatchStatement { given: &askable }.load(connection).await?;
        for row in rows {
            found.entry(row.given).or_default().push(row.country);
        }
    }
    let unmatched: Vec<&str> = askable
        .iter()
        .copied()
        .filter(|text| !found.contains_key(*text))
        .collect();
    let mut suggested = suggestions(connection, &unmatched).await?;

    Ok(CountryMatches(
        given
            .iter()
            .map(|text| {
                let outcome = match found.remove(text) {
                    Some(mut countries) if countries.len() == 1 => {
                        CountryMatch::One(countries.remove(0))
                    }
                    Some(countries) => CountryMatch::Several(countries),
                    None => CountryMatch::None {
                        suggestions: suggested.remove(text.as_str()).unwrap_or_default(),
                    },
                };
                (text.clone(), outcome)
            })
            .collect(),
    ))
}

/// The statement that matches names to countries. Every request that names a country runs it, so
/// it is a type of its own that diesel prepares once per connection (`sql_query` is planned anew
/// each time, which cost about a millisecond a request), and its SQL is the database function
/// `country_name_matches`, which keeps one plan (`src/db/sql/country_names.sql`).
struct MatchStatement<'a> {
    given: &'a [&'a str],
}

/// [`MatchStatement`]'s key in diesel's statement cache.
struct MatchStatementId;

super::prepared_once!(MatchStatement, MatchStatementId);

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for MatchStatement<'_> {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> diesel::QueryResult<()> {
        out.push_sql("SELECT * FROM country_name_matches(");
        out.push_bind_param::<Array<Text>, _>(&self.given)?;
        out.push_sql("::text[])");
        Ok(())
    }
}

/// Text worth a look-up: not blank, not too long, and storable (PostgreSQL text holds no NUL).
fn is_askable(text: &str) -> bool {
    !text.trim().is_empty() && text.len() <= LONGEST_NAME && !text.contains('\0')
}

/// For each name, the countries with the most similar names (trigram similarity above
/// `pg_trgm.similarity_threshold`), best first.
async fn suggestions(
    connection: &mut Connection,
    names: &[&str],
) -> Result<HashMap<String, Vec<CountryRow>>, DbError> {
    if names.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<Matched> = diesel::sql_query(
        "SELECT g.given, c.code, c.alpha2, c.name, c.tip_name, c.region \
           FROM unnest($1::text[]) AS g (given) \
          CROSS JOIN LATERAL ( \
                SELECT n.country_code, min(n.key <-> country_name_key_of(g.given)) AS distance \
                  FROM country_names n \
                 WHERE n.key % country_name_key_of(g.given) \
                 GROUP BY n.country_code \
                 ORDER BY distance, n.country_code \
                 LIMIT $2) s \
           JOIN countries c ON c.code = s.country_code \
          ORDER BY g.given, s.distance, c.code",
    )
    .bind::<Array<Text>, _>(names)
    .bind::<BigInt, _>(SUGGESTIONS)
    .load(connection)
    .await?;
    let mut by_name: HashMap<String, Vec<CountryRow>> = HashMap::new();
    for row in rows {
        by_name.entry(row.given).or_default().push(row.country);
    }
    Ok(by_name)
}

/// Countries whose names or codes contain `query` or are like it, best first: an exact name or
/// code, then a name that starts with it, then one that contains it, then similar names.
/// For pickers in forms, where people type part of any name they know.
pub async fn search(
    connection: &mut Connection,
    query: &str,
    region: Option<Region>,
) -> Result<Vec<CountryRow>, DbError> {
    if !is_askable(query) {
        return Ok(Vec::new());
    }
    Ok(diesel::sql_query(
        "SELECT c.code, c.alpha2, c.name, c.tip_name, c.region \
           FROM ( \
                SELECT n.country_code, \
                       max(CASE WHEN n.key = q.key THEN 3 \
                                WHEN n.key LIKE q.key || '%' THEN 2 \
                                WHEN n.key LIKE '%' || q.key || '%' THEN 1 \
                                ELSE 0 END) AS rank, \
                       max(similarity(n.key, q.key)) AS likeness \
                  FROM country_names n, (SELECT country_name_key_of($1) AS key) q \
                 WHERE q.key <> '' AND (n.key LIKE '%' || q.key || '%' OR n.key % q.key) \
                 GROUP BY n.country_code) m \
           JOIN countries c ON c.code = m.country_code \
          WHERE $2::text IS NULL OR c.region = $2 \
          ORDER BY m.rank DESC, m.likeness DESC, c.code",
    )
    .bind::<Text, _>(query)
    .bind::<Nullable<Text>, _>(region)
    .load(connection)
    .await?)
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

/// Every country the TIP Report ranks (those with a State Department region), by TIP name.
pub async fn ranked(connection: &mut Connection) -> Result<Vec<CountryRow>, DbError> {
    Ok(countries::table
        .filter(countries::region.is_not_null())
        .order(countries::tip_name)
        .select(CountryRow::as_select())
        .load(connection)
        .await?)
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

/// Every country's code and its name as the TIP Report writes it.
pub async fn tip_names(connection: &mut Connection) -> Result<Vec<(String, String)>, DbError> {
    Ok(countries::table
        .select((countries::code, countries::tip_name))
        .order(countries::code)
        .load(connection)
        .await?)
}

/// Every name and code of the `country_names` table with the country it stands for: what the
/// resolver knows.
pub async fn all_names(connection: &mut Connection) -> Result<Vec<(String, String)>, DbError> {
    use super::schema::country_names;
    Ok(country_names::table
        .select((country_names::name, country_names::country_code))
        .order((country_names::country_code, country_names::name))
        .load(connection)
        .await?)
}
