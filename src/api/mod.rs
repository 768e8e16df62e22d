//! The HTTP API: the route table, and one module per resource with its DTOs and short handlers.
//!
//! [`configure`] is the single route table: the server and the OpenAPI document are both built from
//! it (through `utoipa_actix_web`), so they cannot drift apart.

pub mod audit;
pub mod auth;
pub mod call_for_information;
pub mod carry_forward;
pub mod countries;
pub mod coverage;
pub mod digest;
pub mod gaps;
pub mod health;
pub mod iati;
pub mod idempotency;
pub mod imports;
pub mod interventions;
pub mod keys;
pub mod links;
pub mod openapi;
pub mod operation_links;
pub mod organisations;
pub mod pagination;
pub mod path_year;
pub mod preconditions;
pub mod recommendations;
pub mod reports;
pub mod tiers;
pub mod translations;

use utoipa::OpenApi;
use utoipa_actix_web::service_config::ServiceConfig;

pub use crate::http::API_PREFIX;
use crate::http::{deadline, read_retry};

/// The route table: health probes at the root, everything else under [`API_PREFIX`].
pub fn configure(config: &mut ServiceConfig) {
    config
        .service(health::healthz)
        .service(health::readyz)
        .service(
            utoipa_actix_web::scope(API_PREFIX)
                // Inside the key check, whose caller it scopes keys to.
                .wrap(actix_web::middleware::from_fn(
                    idempotency::replay_or_record,
                ))
                // Inside the key check, so that a retried read is not counted twice against
                // the rate limits.
                .wrap(actix_web::middleware::from_fn(read_retry::retry_lost_reads))
                .wrap(actix_web::middleware::from_fn(auth::authenticate))
                // Outermost, so the key check's database work is bounded too.
                .wrap(actix_web::middleware::from_fn(deadline::enforce))
                .service(countries::list_countries)
                .service(countries::get_country)
                .service(tiers::list_tiers)
                .service(tiers::put_tier)
                .service(gaps::get_gaps)
                .service(digest::get_digest)
                .service(call_for_information::get_call_for_information)
                .service(reports::list_reports)
                .service(reports::create_report)
                .service(reports::get_report)
                .service(imports::import_report)
                .service(imports::import_tier_history)
                .service(recommendations::list_recommendations)
                .service(recommendations::create_recommendation)
                .service(recommendations::get_recommendation)
                .service(recommendations::update_recommendation)
                .service(recommendations::delete_recommendation)
                .service(recommendations::list_recommendation_interventions)
                .service(recommendations::list_lineage_candidates)
                .service(translations::list_translations)
                .service(translations::put_translation)
                .service(organisations::list_organisations)
                .service(organisations::create_organisation)
                .service(organisations::get_organisation)
                .service(organisations::update_organisation)
                .service(iati::get_iati_activities)
                .service(interventions::list_interventions)
                .service(interventions::create_intervention)
                .service(interventions::get_intervention)
                .service(interventions::update_intervention)
                .service(interventions::delete_intervention)
                .service(links::list_intervention_recommendations)
                .service(links::get_link)
                .service(links::link_recommendation)
                .service(links::unlink_recommendation)
                .service(carry_forward::carry_forward)
                .service(coverage::get_coverage)
                .service(audit::get_intervention_history)
                .service(audit::list_audit_events)
                .service(keys::list_keys)
                .service(keys::create_api_key)
                .service(keys::revoke_api_key),
        );
}

/// The parts of the OpenAPI document that are not collected from the routes.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "gaptrack",
        description = "Which Trafficking in Persons (TIP) Report recommendations an organisation's \
work already answers, and which remain unaddressed, country by country.\n\n\
Errors are RFC 9457 `application/problem+json` documents with a stable `code`. Lists answer \
`{\"items\": [...], \"next_cursor\": ...}`: pass `next_cursor` back as `cursor` for the next page \
(`limit` defaults to 50, at most 200). Countries are accepted as ISO 3166-1 alpha-3 or alpha-2 codes \
or by name as people write them (`Burma`, `Korea, South`, `Cote d'Ivoire`, `KOS`); responses \
always use alpha-3.",
        license(name = "MIT"),
    ),
    // Query parameters' schemas are not collected from the routes.
    components(schemas(
        gaps::GapFormat,
        coverage::CoverageFormat,
        call_for_information::PackFormat,
        translations::TranslationLanguage,
        crate::domain::ResourceType
    )),
    tags(
        (name = "health", description = "Liveness and readiness probes"),
        (name = "countries", description = "ISO 3166-1 countries, the names people write for them, and their State Department region"),
        (name = "reports", description = "TIP Reports, one per year"),
        (name = "tiers", description = "A country's tier placement per report year"),
        (name = "recommendations", description = "The report's recommendations to each country"),
        (name = "organisations", description = "Organisations that run interventions"),
        (name = "interventions", description = "An organisation's work, in one or more countries"),
        (name = "links", description = "Which recommendations an intervention answers"),
        (name = "gaps", description = "Which recommendations remain unaddressed"),
        (name = "import", description = "Bulk report data from CSV or JSON (admins only)"),
        (name = "keys", description = "API keys (admins only)"),
        (name = "audit", description = "Who changed what (admins only)"),
    )
)]
pub struct ApiDoc;

/// A documented error answer: `description`, with a problem+json body.
pub fn problem_response(description: &str) -> utoipa::openapi::Response {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    ResponseBuilder::new()
        .description(description)
        .content(
            crate::http::error::PROBLEM_JSON,
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
}

/// The name of the bearer security scheme in the OpenAPI document.
const BEARER: &str = "api_key";

/// Declares the API-key scheme and, on every operation under [`API_PREFIX`], that it needs a key:
/// a 401 without one, and a 403 where the key's role may not be enough (every write, and the
/// reads that declare it themselves); on every operation with a body, the extractors' 400, 408, 413 and 415.
/// Applied to the collected document, so no operation can be missed.
pub fn declare_security(document: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::security::SecurityRequirement;

    declare_bearer_scheme(document);
    let unavailable = retry_later(
        "The database cannot be reached or did not answer in time: try again after \
         `Retry-After` seconds",
    );
    let too_many = retry_later(
        "Over the rate limit (of the key, or of the address for failed key checks): try again \
         after `Retry-After` seconds",
    );
    for (path, item) in document.paths.paths.iter_mut() {
        if !path.starts_with(API_PREFIX) {
            continue;
        }
        // A read that only some roles may make says so itself, with its own 403 (held to what
        // the handlers do by `tests/api/roles.rs`); every write may be refused.
        let operations = [
            (&mut item.get, false),
            (&mut item.post, true),
            (&mut item.put, true),
            (&mut item.patch, true),
            (&mut item.delete, true),
        ];
        for (operation, may_be_forbidden) in operations {
            let Some(operation) = operation.as_mut() else {
                continue;
            };
            operation.security = Some(vec![SecurityRequirement::new(BEARER, Vec::<String>::new())]);
            let takes_body = operation.request_body.is_some();
            let responses = &mut operation.responses.responses;
            if takes_body {
                declare_body_errors(responses);
            }
            responses.insert("503".into(), unavailable.clone().into());
            responses.insert("429".into(), too_many.clone().into());
            responses.insert(
                "401".into(),
                problem_response("No valid API key: missing, malformed, unknown or revoked").into(),
            );
            if may_be_forbidden && !responses.contains_key("403") {
                responses.insert(
                    "403".into(),
                    problem_response("The key's role may not do this").into(),
                );
            }
        }
    }
}

/// The bearer scheme every operation under [`API_PREFIX`] names.
fn declare_bearer_scheme(document: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};

    let components = document.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        BEARER,
        SecurityScheme::Http(Http::builder().scheme(HttpAuthScheme::Bearer).bearer_format("gaptrack API key").description(Some(
            "An API key, sent as `Authorization: Bearer <key>`. Admins create keys with POST \
             /api/v1/keys or `gaptrack keys create`.",
        )).build()),
    );
}

/// A problem answer that says when to try again, in `Retry-After`.
fn retry_later(description: &str) -> utoipa::openapi::Response {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    ResponseBuilder::new()
        .description(description)
        .header(
            "Retry-After",
            utoipa::openapi::header::HeaderBuilder::new()
                .schema(
                    utoipa::openapi::ObjectBuilder::new()
                        .schema_type(utoipa::openapi::schema::Type::Integer),
                )
                .description(Some("Seconds to wait before trying again"))
                .build(),
        )
        .content(
            crate::http::error::PROBLEM_JSON,
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
}

/// The answers of the extractors every body is read by, before the handler runs; an operation's
/// own description of one of these statuses is kept.
fn declare_body_errors(
    responses: &mut std::collections::BTreeMap<
        String,
        utoipa::openapi::RefOr<utoipa::openapi::Response>,
    >,
) {
    for (status, description) in [
        ("400", "The body cannot be read: malformed JSON or CSV"),
        ("413", "The body is too large"),
        (
            "408",
            "The body took longer to arrive than `UPLOAD_TIMEOUT_MS` allows",
        ),
        (
            "415",
            "The body's Content-Type is not one this operation reads",
        ),
    ] {
        responses
            .entry(status.into())
            .or_insert_with(|| problem_response(description).into());
    }
}
