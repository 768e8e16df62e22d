//! `GET /countries`, `GET /countries/{code}`, and how other handlers read a country.
//!
//! Wherever a request names a country (path, query, body), it may use an ISO code, the TIP
//! Report's name, or any name of the `country_names` table, in any case and spelling that
//! `country_name_key` ignores; every handler reads it through the helpers below.

use actix_web::{HttpResponse, get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::AppState;
use super::pagination::{Page, PageRequest};
use crate::db::Connection;
use crate::db::countries::{self, CountryRow};
use crate::domain::Region;
use crate::error::{ApiError, FieldError, Problem};

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

/// The country named in a path: 404, with the closest names or the candidates, when it names
/// no country or several.
pub async fn country_from_path(
    connection: &mut Connection,
    given: &str,
) -> Result<CountryRow, ApiError> {
    countries::resolve_one(connection, given)
        .await?
        .map_err(|unresolved| ApiError::NotFound(unresolved.to_string()))
}

/// The alpha-3 code of the country a query filter names: 404 when it names no country or several,
/// as for a path (a list filtered by a country that does not exist does not exist either).
pub async fn country_from_filter(
    connection: &mut Connection,
    field: &str,
    given: &str,
) -> Result<String, ApiError> {
    countries::resolve_one(connection, given)
        .await?
        .map(|country| country.code)
        .map_err(|unresolved| ApiError::NotFound(format!("{unresolved} (the `{field}` filter)")))
}

/// The alpha-3 code of the country named in a body `field`: 422 when it names no country or
/// several.
pub async fn country_from_field(
    connection: &mut Connection,
    field: &str,
    given: &str,
) -> Result<String, ApiError> {
    countries::resolve_one(connection, given)
        .await?
        .map(|country| country.code)
        .map_err(|unresolved| ApiError::invalid(field, unresolved.to_string()))
}

/// The alpha-3 codes of a list of countries in a body `field`, sorted and without repeats; one
/// 422 names every entry at fault (`countries[2]`).
pub async fn countries_from_list(
    connection: &mut Connection,
    field: &str,
    given: &[String],
) -> Result<Vec<String>, ApiError> {
    let matches = countries::resolve(connection, given).await?;
    let mut errors = Vec::new();
    let mut codes = Vec::new();
    for (index, text) in given.iter().enumerate() {
        match matches.country(text) {
            Ok(country) => codes.push(country.code),
            Err(unresolved) => errors.push(FieldError::new(
                format!("{field}[{index}]"),
                unresolved.to_string(),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    codes.sort();
    codes.dedup();
    Ok(codes)
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CountryListQuery {
    /// Countries with a name or code like this (any name people use: `Burma`, `Ivory Coast`,
    /// `KOS`), best match first; pages follow that order.
    pub q: Option<String>,
    /// Only countries of this State Department region.
    pub region: Option<Region>,
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// A country code: the `next_cursor` of the previous page.
    #[param(pattern = "^[A-Z]{3}$")]
    pub cursor: Option<String>,
}

/// Lists countries by alpha-3 code, or finds them by any of their names (`q`).
#[utoipa::path(tag = "countries", params(CountryListQuery), responses(
    (status = 200, body = Page<CountryDto>),
    (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid limit", body = Problem, content_type = "application/problem+json"),
))]
#[get("/countries")]
pub async fn list_countries(
    state: web::Data<AppState>,
    query: web::Query<CountryListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = PageRequest::<String>::new(query.limit, query.cursor.as_deref())?;
    let mut connection = state.connection().await?;
    if let Some(text) = &query.q {
        // A search ranks at most every country (250); its pages are cut from that ranking,
        // resuming after the country the cursor names.
        let ranked = countries::search(&mut connection, text, query.region).await?;
        let start = match &page.after {
            Some(after) => ranked
                .iter()
                .position(|row| &row.code == after)
                .map_or(ranked.len(), |at| at + 1),
            None => 0,
        };
        let rest: Vec<CountryRow> = ranked.into_iter().skip(start).collect();
        return Ok(HttpResponse::Ok().json(page.page(
            rest,
            |row| row.code.clone(),
            CountryDto::from,
        )));
    }
    let rows = countries::list(
        &mut connection,
        query.region,
        page.after.as_deref(),
        page.fetch(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |row| row.code.clone(), CountryDto::from)))
}

/// One country, by ISO code or by any name people write for it.
#[utoipa::path(tag = "countries",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-3 or alpha-2 code, or a country name (`Burma`, `Korea, South`)", example = "SLE")),
    responses(
        (status = 200, body = CountryDto),
        (status = 404, description = "No such country, or a name several countries share", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/countries/{code}")]
pub async fn get_country(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let mut connection = state.connection().await?;
    let country = country_from_path(&mut connection, &code).await?;
    Ok(HttpResponse::Ok().json(CountryDto::from(country)))
}
