//! The admin pages: report data imports, people, organisations, API keys and the audit trail.
//! One guard in front of all of them ([`admins_only`]) lets only admins through; the navigation
//! shows these pages to admins only. What an admin may do there is still each use case's to
//! decide (managing people needs an admin signed in as themselves).

pub mod audit;
mod audit_values;
pub mod audit_words;
pub mod backups;
pub mod deadlines;
pub mod import;
mod import_review;
mod import_summary;
pub mod keys;
pub mod organisations;
pub mod people;
pub mod reports;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::{Next, from_fn};
use actix_web::{HttpMessage, web};

use super::session::Visitor;
use crate::http::deadline;

/// Middleware of the admin pages: the signed-in visitor must be an admin (else the 403 page, or
/// the sign-in page for no session). The visitor is kept for the handler, which reads it again
/// without another look-up.
pub async fn admins_only<B: MessageBody>(
    mut request: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    let visitor = request.extract::<Visitor>().await?;
    if let Err(refusal) = visitor.caller.require_admin() {
        // Answered with the request kept, so that the error page knows whose top bar to show.
        let refused = super::error::WebError::from(refusal);
        return Ok(request.error_response(refused).map_into_right_body());
    }
    request.extensions_mut().insert(visitor);
    next.call(request)
        .await
        .map(ServiceResponse::map_into_left_body)
}

/// The admin pages' routes, all behind [`admins_only`].
pub fn configure(config: &mut web::ServiceConfig) {
    config.service(
        web::scope("/admin")
            .wrap(from_fn(admins_only))
            .configure(routes),
    );
}

fn routes(config: &mut web::ServiceConfig) {
    config
        .route("/import", web::get().to(import::import_page))
        .route(
            "/import",
            web::post()
                .to(import::check_or_import)
                .wrap(from_fn(deadline::allow_an_import)),
        )
        .route("/reports", web::get().to(reports::reports_page))
        .route("/reports", web::post().to(reports::create))
        .route("/backups", web::get().to(backups::page))
        .route("/deadlines", web::get().to(deadlines::page))
        .route("/deadlines", web::post().to(deadlines::record))
        .route("/keys", web::get().to(keys::keys_page))
        .route("/keys", web::post().to(keys::create))
        .route("/keys/made", web::get().to(keys::made))
        .route("/keys/{id}/revoke", web::post().to(keys::revoke))
        .route("/organisations", web::get().to(organisations::list_page))
        .route("/organisations", web::post().to(organisations::create))
        .route(
            "/organisations/{id}",
            web::get().to(organisations::organisation_page),
        )
        .route("/organisations/{id}", web::post().to(organisations::rename))
        .route(
            "/organisations/{id}/archive",
            web::get().to(organisations::confirm_archive),
        )
        .route(
            "/organisations/{id}/{action}",
            web::post().to(organisations::set_archived),
        )
        .route("/people", web::get().to(people::people_page))
        .route("/people", web::post().to(people::invite))
        .route("/people/{id}", web::get().to(people::person_page))
        .route("/people/{id}", web::post().to(people::update))
        .route("/people/{id}/link", web::get().to(people::link_page))
        .route("/people/{id}/link", web::post().to(people::new_link))
        .route(
            "/people/{id}/disable",
            web::get().to(people::confirm_disable),
        )
        .route("/people/{id}/{action}", web::post().to(people::set_state))
        .route(
            "/links/{id}/revoke",
            web::get().to(people::confirm_revoke_link),
        )
        .route("/links/{id}/revoke", web::post().to(people::revoke_link))
        .route("/audit", web::get().to(audit::audit_page));
}
