//! `GET /countries` and `GET /countries/{code}`. Every handler reads a country a request names
//! through [`crate::usecases::countries`].

use actix_web::{HttpResponse, get, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::pagination::{Page, PageRequest};
use crate::domain::Region;
use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
use crate::usecases;
use crate::usecases::countries::CountryRow;
pub use crate::usecases::countries::{
    CountryDto, countries_from_list, country_from_field, country_from_filter, country_from_path,
};

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
        let ranked = usecases::countries::search(&mut connection, text, query.region).await?;
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
    let rows = usecases::countries::page(
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
