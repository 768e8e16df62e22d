//! `GET /countries`, `GET /countries/{code}`, and how other handlers resolve a country code.

use actix_web::{HttpResponse, get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::AppState;
use super::pagination::{Page, PageRequest};
use crate::db::Connection;
use crate::db::countries::{self, CountryRow};
use crate::domain::{CountryCodeInput, Region};
use crate::error::{ApiError, Problem};

/// A country.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountryDto {
    /// ISO 3166-1 alpha-3 code.
    #[schema(example = "SLE")]
    pub code: String,
    /// ISO 3166-1 alpha-2 code.
    #[schema(example = "SL")]
    pub alpha2: String,
    #[schema(example = "Sierra Leone")]
    pub name: String,
    /// The State Department region; `null` for territories the TIP Report does not rank.
    pub region: Option<Region>,
}

impl From<CountryRow> for CountryDto {
    fn from(row: CountryRow) -> Self {
        Self {
            code: row.code,
            alpha2: row.alpha2,
            name: row.name,
            region: row.region,
        }
    }
}

/// The country named in a path: 400 when the code is malformed, 404 when there is no such country.
pub async fn country_from_path(
    connection: &mut Connection,
    code: &str,
) -> Result<CountryRow, ApiError> {
    let input = CountryCodeInput::parse(code).map_err(ApiError::BadRequest)?;
    countries::find(connection, &input)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("there is no country with code `{code}`")))
}

/// The alpha-3 code of the country named in a body or query `field`: 422 when malformed or unknown.
pub async fn country_from_field(
    connection: &mut Connection,
    field: &str,
    code: &str,
) -> Result<String, ApiError> {
    let input =
        CountryCodeInput::parse(code).map_err(|message| ApiError::invalid(field, message))?;
    countries::find(connection, &input)
        .await?
        .map(|row| row.code)
        .ok_or_else(|| ApiError::invalid(field, format!("there is no country with code `{code}`")))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CountryListQuery {
    /// Only countries of this State Department region.
    pub region: Option<Region>,
    /// Page size, 1 to 200 (default 50).
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Lists countries by alpha-3 code.
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
    let rows = countries::list(
        &mut connection,
        query.region,
        page.after.as_deref(),
        page.fetch(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(page.page(rows, |row| row.code.clone(), CountryDto::from)))
}

/// One country, by alpha-3 or alpha-2 code in any case.
#[utoipa::path(tag = "countries",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-3 or alpha-2 code", example = "SLE")),
    responses(
        (status = 200, body = CountryDto),
        (status = 400, description = "Malformed code", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such country", body = Problem, content_type = "application/problem+json"),
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
