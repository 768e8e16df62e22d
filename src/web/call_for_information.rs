//! The call-for-information pack of a country in the pages: the pack itself with its filters, its
//! printable version and its Word document.

use actix_web::{HttpResponse, web};
use maud::html;
use serde::Deserialize;

use super::error::WebError;
use super::filters::{self, query_string};
use super::layout::{self, Section};
use super::session::Visitor;
use super::{assets, widgets};
use crate::export::call_for_information::{body, title, to_html};
use crate::export::call_for_information_docx::to_docx;
use crate::export::file_name;
use crate::export::gaps_summary::OnScreen;
use crate::export::provenance::Provenance;
use crate::export::read_texts::Translations;
use crate::http::AppState;
use crate::http::negotiation::{docx_response, html_response};
use crate::http::word_documents::built_in_turn;
use crate::usecases;
use crate::usecases::call_for_information::{CallForInformation, call_for_information, pack_year};
use crate::usecases::translations;

#[derive(Debug, Default, Deserialize)]
pub struct PackQuery {
    year: Option<String>,
    organisation: Option<String>,
}

impl PackQuery {
    fn as_query_string(&self) -> String {
        query_string(&[
            ("year", self.year.clone()),
            ("organisation", self.organisation.clone()),
        ])
    }

    /// `path` with this query, when it has one.
    fn on(&self, path: &str) -> String {
        match self.as_query_string() {
            query if query.is_empty() => path.to_owned(),
            query => format!("{path}?{query}"),
        }
    }
}

/// The pack asked for: the report year asked, else the next report's (on the server's clock);
/// with the texts it cites in the visitor's language.
async fn pack(
    state: &AppState,
    visitor: &Visitor,
    code: &str,
    query: &PackQuery,
) -> Result<(CallForInformation, Translations), WebError> {
    let asked = filters::optional("report year", query.year.as_deref())?;
    let year = pack_year(asked, state.clock.now().date_naive())?;
    let organisation = filters::organisation(query.organisation.as_deref())?;
    let pack = {
        let mut connection = state.connection().await?;
        call_for_information(&mut connection, code, year, organisation).await?
    };
    let translations = translations::of_pack(state, &pack, visitor.locale.language()).await?;
    Ok((pack, translations))
}

/// `GET /countries/{code}/call-for-information`.
pub async fn pack_page(
    visitor: Visitor,
    state: web::Data<AppState>,
    code: web::Path<String>,
    query: web::Query<PackQuery>,
) -> Result<HttpResponse, WebError> {
    let (pack, translations) = pack(&state, &visitor, &code, &query).await?;
    let organisations = usecases::organisations::all(state.get_ref()).await?;
    let base = format!("/countries/{}/call-for-information", pack.country.code);
    let locale = visitor.locale;
    let title = title(locale, &pack);
    let provenance = Provenance::at(&visitor.caller.name, state.clock.now());
    let content = html! {
        h1 { (title) }
        form.filters.panel method="get" aria-label=(locale.text("filters-label")) {
            div {
                label for="year" { (locale.text("pack-report")) }
                input #year type="number" name="year" min="2000" max="2100" inputmode="numeric" value=(pack.report_year);
            }
            (widgets::organisation_filter(locale, &locale.text("pack-work-of"), &organisations, pack.organisation))
            button type="submit" { (locale.text("filter-apply")) }
        }
        p.actions {
            a.button href=(query.on(&format!("{base}/print"))) { (locale.text("pack-printable")) }
            a.button.secondary href=(query.on(&format!("{base}.docx"))) download { (locale.text("pack-docx")) }
            a href={ "/countries/" (pack.country.code) } { (locale.text_with("pack-back-to-country", &[("country", locale.country(&pack.country.code, &pack.country.tip_name).into())])) }
        }
        div.pack { (body(locale, &pack, &translations, &provenance)) }
    };
    Ok(widgets::html_page(layout::page(
        &title,
        &visitor,
        Section::Countries,
        content,
    )))
}

/// `GET /countries/{code}/call-for-information/print`.
pub async fn printable(
    visitor: Visitor,
    state: web::Data<AppState>,
    code: web::Path<String>,
    query: web::Query<PackQuery>,
) -> Result<HttpResponse, WebError> {
    let (pack, translations) = pack(&state, &visitor, &code, &query).await?;
    let on_screen = OnScreen {
        back_to: query.on(&format!(
            "/countries/{}/call-for-information",
            pack.country.code
        )),
        back_label: visitor.locale.text("pack-back"),
        script: assets::SCRIPT_PATH.clone(),
    };
    let provenance = Provenance::at(&visitor.caller.name, state.clock.now());
    Ok(html_response(to_html(
        visitor.locale,
        &pack,
        &translations,
        &provenance,
        Some(&on_screen),
    )))
}

/// `GET /countries/{code}/call-for-information.docx`.
pub async fn download_docx(
    visitor: Visitor,
    state: web::Data<AppState>,
    code: web::Path<String>,
    query: web::Query<PackQuery>,
) -> Result<HttpResponse, WebError> {
    let (pack, translations) = pack(&state, &visitor, &code, &query).await?;
    let name = file_name::call_for_information(&pack, "docx");
    let provenance = Provenance::at(&visitor.caller.name, state.clock.now());
    let locale = visitor.locale;
    let document =
        built_in_turn(move || to_docx(locale, &pack, &translations, &provenance)).await?;
    Ok(docx_response(&name, document))
}
