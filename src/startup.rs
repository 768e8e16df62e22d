//! Builds the HTTP server from a listener and a pool, and the OpenAPI document from the same routes.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::{App, HttpResponse, HttpServer, middleware, web};
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::{Config, SwaggerUi};

use crate::api::openapi::OpenApiDocument;
use crate::api::{self, ApiDoc};
use crate::config::ServerSettings;
use crate::db::DbPool;
use crate::http::AppState;
use crate::http::error::{form_error_handler, path_error_handler, query_error_handler};
use crate::http::method_table::MethodTable;
use crate::http::metrics::Metrics;
use crate::http::rate_limit::Limiters;

/// Where the OpenAPI document and the interactive docs are served.
pub use crate::http::{DOCS_PATH, OPENAPI_PATH};

/// The OpenAPI document, generated from the route table.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, mut document) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(api::configure)
        .split_for_parts();
    complete(&mut document);
    document
}

/// What is added to the document collected from the routes, in one place so that the served,
/// the printed and the committed documents cannot differ: the key every operation needs and the
/// errors every operation shares, and the links between operations.
fn complete(document: &mut utoipa::openapi::OpenApi) {
    api::declare_security(document);
    api::operation_links::declare_links(document);
    api::preconditions::declare(document);
    api::idempotency::declare(document);
}

/// The OpenAPI document as committed in `openapi/openapi.json`: pretty JSON with a final newline.
pub fn openapi_json() -> String {
    to_committed_form(&openapi())
}

fn to_committed_form(document: &utoipa::openapi::OpenApi) -> String {
    let mut value = serde_json::to_value(document).expect("the OpenAPI document serialises");
    spell_links_as_openapi_does(&mut value);
    let mut text = serde_json::to_string_pretty(&value).expect("the OpenAPI document serialises");
    text.push('\n');
    text
}

/// utoipa 5 writes a link's fields in snake case (`operation_id`); OpenAPI spells them in camel
/// case (`operationId`), which is what clients and fuzzers read.
fn spell_links_as_openapi_does(document: &mut serde_json::Value) {
    let Some(paths) = document["paths"].as_object_mut() else {
        return;
    };
    let links = paths
        .values_mut()
        .filter_map(serde_json::Value::as_object_mut)
        .flat_map(|item| item.values_mut())
        .filter_map(|operation| operation["responses"].as_object_mut())
        .flat_map(|responses| responses.values_mut())
        .filter_map(|response| response.get_mut("links").and_then(|l| l.as_object_mut()))
        .flat_map(|links| links.values_mut())
        .filter_map(serde_json::Value::as_object_mut);
    for link in links {
        for (snake, camel) in [
            ("operation_id", "operationId"),
            ("operation_ref", "operationRef"),
            ("request_body", "requestBody"),
        ] {
            if let Some(value) = link.remove(snake) {
                link.insert(camel.to_owned(), value);
            }
        }
    }
}

/// Starts serving on `listener` (bind port 0 for tests). The returned server runs until stopped.
pub fn run(
    listener: TcpListener,
    pool: DbPool,
    settings: ServerSettings,
) -> std::io::Result<Server> {
    let mailer = match &settings.accounts.smtp {
        Some(smtp) => Some(crate::mail::Mailer::new(smtp).map_err(std::io::Error::other)?),
        None => None,
    };
    let state = web::Data::new(AppState {
        pool,
        timeouts: settings.timeouts,
        accounts: settings.accounts.clone(),
        mailer,
        clock: settings.clock.clone(),
    });
    if settings.reminder_schedule {
        let origin = settings.public_url.clone().map_or_else(
            || {
                listener
                    .local_addr()
                    .map(|address| format!("http://{address}"))
            },
            Ok,
        )?;
        crate::reminder_schedule::start(state.clone(), origin);
    }
    if let Some(backups) = settings.backups.clone() {
        crate::backup::start_daily(state.clone(), backups);
    }
    // One set of limits for all workers, so that a client cannot multiply its share by them.
    let limiters = web::Data::new(Limiters::new(&settings.rate_limits));
    let trusted_proxies = web::Data::new(settings.trusted_proxies.clone());
    let sharing = web::Data::new(settings.sharing);
    let locales = web::Data::new(crate::web::locale::LocaleSettings {
        pseudo_allowed: settings.pseudo_locale,
    });
    let public_url = web::Data::new(crate::http::origin::PublicUrl(settings.public_url.clone()));
    let metrics = web::Data::new(Metrics::new());
    let managed_backups = web::Data::new(settings.backups.clone());
    let mut server = HttpServer::new(move || {
        let (app, mut document) = App::new()
            .into_utoipa_app()
            .openapi(ApiDoc::openapi())
            // Registered before the API scope, whose key check it must not go through.
            .route(OPENAPI_PATH, web::get().to(api::openapi::get_openapi))
            .route(
                crate::http::metrics::PATH,
                web::get().to(crate::http::metrics::get_metrics),
            )
            .app_data(metrics.clone())
            .app_data(state.clone())
            .app_data(limiters.clone())
            .app_data(trusted_proxies.clone())
            .app_data(sharing.clone())
            .app_data(locales.clone())
            .app_data(public_url.clone())
            .app_data(managed_backups.clone())
            .app_data(web::QueryConfig::default().error_handler(query_error_handler))
            .app_data(web::PathConfig::default().error_handler(path_error_handler))
            .app_data(web::FormConfig::default().error_handler(form_error_handler))
            // The JSON and page-form bodies' limit, which their 413 names.
            .app_data(web::PayloadConfig::new(crate::http::body::BODY_LIMIT))
            .configure(api::configure)
            .split_for_parts();
        complete(&mut document);
        let methods = MethodTable::new(
            &document,
            &[
                (OPENAPI_PATH, &["GET"]),
                (crate::http::metrics::PATH, &["GET"]),
                ("/docs", &["GET"]),
            ],
        );
        // Innermost, so that the metrics and the access log see the retried page's answer.
        app.wrap(middleware::from_fn(
            crate::web::read_retry::retry_lost_page_reads,
        ))
        // Outside the retry, so that a retried page keeps to the same deadline.
        .wrap(middleware::from_fn(crate::web::deadline::enforce_on_pages))
        // Outside the deadline, so that its 503 is worded for the reader too.
        .wrap(middleware::from_fn(
            crate::web::error_page::in_the_readers_words,
        ))
        .wrap(middleware::from_fn(crate::http::security_headers::add))
        .wrap(middleware::from_fn(crate::http::metrics::record))
        .wrap(middleware::from_fn(crate::http::request_id::assign))
        // Outside the id's middleware, so the access log line sees the id in the response.
        .wrap(crate::http::access_log::logger())
        // Outermost: every answer to a client that accepts it is compressed (gzip, brotli or
        // zstd), once the others are done with its body. A country page is up to 40 KB of HTML
        // (an editor's, offered its work to link, 170 KB): 7 KB (10 KB) with brotli, for the
        // phones and slow connections many readers use. Pages that carry a CSRF token and echo what was
        // typed are what BREACH guesses at; it needs the victim's browser to send many
        // requests made by the attacker with the session, which SameSite=Strict cookies refuse.
        .wrap(middleware::Compress::default())
        .app_data(web::Data::new(methods))
        .app_data(web::Data::new(OpenApiDocument(to_committed_form(
            &document,
        ))))
        .service(SwaggerUi::new("/docs/{_:.*}").config(Config::new([OPENAPI_PATH])))
        .route(
            "/docs",
            web::get().to(|| async {
                HttpResponse::PermanentRedirect()
                    .insert_header(("Location", DOCS_PATH))
                    .finish()
            }),
        )
        .configure(crate::web::configure)
        .default_service(web::to(fallback))
    })
    .listen(listener)?;
    if let Some(workers) = settings.workers {
        server = server.workers(workers);
    }
    Ok(server.run())
}

/// What a request no route took gets: for a person's browser outside the API, a page that says
/// so; for the API (and anything that does not ask for HTML), its problem+json 404 or 405.
pub async fn fallback(
    request: actix_web::HttpRequest,
    table: web::Data<MethodTable>,
) -> Result<actix_web::HttpResponse, actix_web::Error> {
    let wants_html = request
        .headers()
        .get(actix_web::http::header::ACCEPT)
        .and_then(|accept| accept.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    let is_api = request.path().starts_with(crate::http::API_PREFIX);
    if wants_html && !is_api && table.allowed(request.path()).is_none() {
        let path = request.path().to_owned();
        return Err(crate::web::error::WebError::NoSuchPage(path).into());
    }
    Ok(crate::http::method_table::no_route(request, table).await?)
}
