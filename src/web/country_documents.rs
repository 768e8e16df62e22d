//! A country page's documents: the printable summary, and the people's CSV and workbook of the
//! page's recommendations with its filters, each with the texts in the visitor's language.

use actix_web::{HttpResponse, web};

use super::country::{CountryQuery, report, with_query};
use super::error::WebError;
use super::session::Visitor;
use crate::export::gaps_summary::{self, OnScreen};
use crate::export::provenance::Provenance;
use crate::export::read_texts::GapDocument;
use crate::export::{file_name, gaps_csv, gaps_xlsx};
use crate::http::AppState;
use crate::http::error::ApiError;
use crate::http::negotiation::{csv_response, html_response, xlsx_response};
use crate::usecases::gap_report::GapFilters;
use crate::usecases::translations;

/// `GET /countries/{code}/print`: the printable summary, for a grant proposal.
pub async fn printable(
    visitor: Visitor,
    state: web::Data<AppState>,
    code: web::Path<String>,
    query: web::Query<CountryQuery>,
) -> Result<HttpResponse, WebError> {
    let report = report(&state, &code, &query).await?;
    let on_screen = OnScreen {
        back_to: with_query(
            &format!("/countries/{}", report.country.code),
            &query.as_query_string(),
        ),
        back_label: visitor.locale.text_with(
            "printable-back-to",
            &[(
                "country",
                visitor
                    .locale
                    .country(&report.country.code, &report.country.tip_name)
                    .into(),
            )],
        ),
        script: super::assets::SCRIPT_PATH.clone(),
    };
    let provenance = Provenance::at(&visitor.caller.name, state.clock.now());
    let translations =
        translations::of_report(state.get_ref(), &report, visitor.locale.language()).await?;
    let view = gaps_summary::View {
        on_screen: Some(&on_screen),
        shared: None,
        translations: Some(&translations),
    };
    Ok(html_response(gaps_summary::to_html(
        visitor.locale,
        &report,
        &provenance,
        view,
    )))
}

/// `GET /countries/{code}/gaps.csv`: the page's recommendations, with its filters, for a
/// spreadsheet.
pub async fn download_csv(
    visitor: Visitor,
    state: web::Data<AppState>,
    code: web::Path<String>,
    query: web::Query<CountryQuery>,
) -> Result<HttpResponse, WebError> {
    let (document, filters) = filtered_report(&state, &visitor, &code, &query).await?;
    let csv = gaps_csv::to_people_csv(visitor.locale, &document).map_err(ApiError::internal)?;
    let name = file_name::gaps(
        &document.report,
        filters.status,
        filters.persistent_only,
        "csv",
    );
    Ok(csv_response(&name, csv))
}

/// `GET /countries/{code}/gaps.xlsx`: the page's recommendations and their answers, with its
/// filters, as a workbook.
pub async fn download_xlsx(
    visitor: Visitor,
    state: web::Data<AppState>,
    code: web::Path<String>,
    query: web::Query<CountryQuery>,
) -> Result<HttpResponse, WebError> {
    let (document, filters) = filtered_report(&state, &visitor, &code, &query).await?;
    let workbook = gaps_xlsx::to_xlsx(
        visitor.locale,
        &document,
        &filters,
        &Provenance::at(&visitor.caller.name, state.clock.now()),
    )
    .map_err(ApiError::internal)?;
    let name = file_name::gaps(
        &document.report,
        filters.status,
        filters.persistent_only,
        "xlsx",
    );
    Ok(xlsx_response(&name, workbook))
}

/// The report a download of the page holds, with its texts in the visitor's language, and the
/// filters its name says.
async fn filtered_report(
    state: &AppState,
    visitor: &Visitor,
    code: &str,
    query: &CountryQuery,
) -> Result<(GapDocument, GapFilters), WebError> {
    let report = report(state, code, query).await?;
    let language = visitor.locale.language();
    let translations = translations::of_report(state, &report, language).await?;
    let document = GapDocument {
        report,
        translations,
    };
    Ok((document, query.gap_filters()?))
}
