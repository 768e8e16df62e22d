//! `GET /countries/{code}/call-for-information`: what to tell the TIP Office of a country for its
//! next report.

use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::api::auth::Caller;
use crate::export::call_for_information::to_html;
use crate::export::call_for_information_docx::to_docx;
use crate::export::file_name;
use crate::export::provenance::Provenance;
use crate::export::read_texts::Translations;
use crate::http::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::negotiation::{
    DOCX_MEDIA_TYPE, Formats, HTML_MEDIA_TYPE, JSON_MEDIA_TYPE, document_locale, docx_response,
    html_response, negotiate,
};
use crate::http::word_documents::built_in_turn;
pub use crate::usecases::call_for_information::{
    CallForInformation, PeriodAction, PeriodAnswerDto, PillarActions, UnansweredRecommendation,
    call_for_information, pack_year,
};
use crate::usecases::translations;

/// The formats the pack answers in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum PackFormat {
    Json,
    Html,
    Docx,
}

impl Formats for PackFormat {
    const OFFERED: &'static [Self] = &[Self::Json, Self::Html, Self::Docx];

    fn media_type(self) -> &'static str {
        match self {
            Self::Json => JSON_MEDIA_TYPE,
            Self::Html => HTML_MEDIA_TYPE,
            Self::Docx => DOCX_MEDIA_TYPE,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PackQuery {
    /// The report whose call this answers; by default the next one, whose period holds today.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
    /// Tell only this organisation's work.
    pub organisation: Option<Uuid>,
    /// `json`, `html` (a printable pack) or `docx` (a Word document); overrides the `Accept` header.
    pub format: Option<PackFormat>,
}

/// What to tell the TIP Office of a country in answer to its call for information.
///
/// Each year the TIP Office asks, by early February, for concrete actions taken since 1 April,
/// the start of the period the next report assesses (1 April to 31 March), with supporting
/// documents. The pack lists every intervention in the country that is active or completed and
/// whose dates meet that period (a missing start date reads as "before the period", a missing end
/// date as "still running"), under the pillar it answers most, each with its dates, reach, the
/// country's recommendations it answers (with their number, report year, text, and the link's
/// rationale and evidence); actions that answer no recommendation come last. Then come the
/// recommendations of the last report before it that no action in the period answers.
///
/// `Accept: text/html` (or `?format=html`) gives a printable pack;
/// `Accept: application/vnd.openxmlformats-officedocument.wordprocessingml.document` (or
/// `?format=docx`) a Word document, to send by e-mail.
#[utoipa::path(tag = "gaps",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-3 or alpha-2 code, or a country name", example = "SEN"), PackQuery),
    responses(
        (status = 200, description = "The pack, as JSON, as a printable HTML page or as a Word document", content(
            (CallForInformation = "application/json"),
            (String = "text/html"),
            (String = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        )),
        (status = 400, description = "Malformed code or query", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such country or organisation", body = Problem, content_type = "application/problem+json"),
        (status = 406, description = "Neither JSON, HTML nor a Word document is acceptable", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A year outside 2000 to 2100", body = Problem, content_type = "application/problem+json"),
    ))]
#[get("/countries/{code}/call-for-information")]
pub async fn get_call_for_information(
    request: HttpRequest,
    caller: Caller,
    state: web::Data<AppState>,
    code: web::Path<String>,
    query: web::Query<PackQuery>,
) -> Result<HttpResponse, ApiError> {
    let format = negotiate(&request, query.format)?;
    let year = pack_year(query.year, state.clock.now().date_naive())?;
    let mut connection = state.connection().await?;
    let pack = call_for_information(&mut connection, &code, year, query.organisation).await?;
    drop(connection);
    let provenance = Provenance::at(&caller.name, state.clock.now());
    let locale = document_locale(&request);
    let translations = match format {
        PackFormat::Json => Translations::new(),
        PackFormat::Html | PackFormat::Docx => {
            translations::of_pack(state.get_ref(), &pack, locale.language()).await?
        }
    };
    Ok(match format {
        PackFormat::Json => HttpResponse::Ok().json(pack),
        PackFormat::Html => html_response(to_html(locale, &pack, &translations, &provenance, None)),
        PackFormat::Docx => {
            let name = file_name::call_for_information(&pack, "docx");
            let document =
                built_in_turn(move || to_docx(locale, &pack, &translations, &provenance)).await?;
            docx_response(&name, document)
        }
    })
}
