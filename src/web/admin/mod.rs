//! The admin pages: report data imports, people, organisations, API keys and the audit trail. Every handler asks the
//! signed-in key for the admin role first; the navigation shows these pages to admins only.

pub mod audit;
pub mod audit_words;
pub mod import;
pub mod keys;
pub mod organisations;
pub mod people;
pub mod reports;

use actix_web::web;

/// The admin pages' routes.
pub fn configure(config: &mut web::ServiceConfig) {
    config
        .route("/admin/import", web::get().to(import::import_page))
        .route("/admin/import", web::post().to(import::check_or_import))
        .route("/admin/reports", web::get().to(reports::reports_page))
        .route("/admin/reports", web::post().to(reports::create))
        .route("/admin/keys", web::get().to(keys::keys_page))
        .route("/admin/keys", web::post().to(keys::create))
        .route("/admin/keys/made", web::get().to(keys::made))
        .route("/admin/keys/{id}/revoke", web::post().to(keys::revoke))
        .route(
            "/admin/organisations",
            web::get().to(organisations::list_page),
        )
        .route(
            "/admin/organisations",
            web::post().to(organisations::create),
        )
        .route(
            "/admin/organisations/{id}",
            web::get().to(organisations::organisation_page),
        )
        .route(
            "/admin/organisations/{id}",
            web::post().to(organisations::rename),
        )
        .route(
            "/admin/organisations/{id}/archive",
            web::get().to(organisations::confirm_archive),
        )
        .route(
            "/admin/organisations/{id}/{action}",
            web::post().to(organisations::set_archived),
        )
        .route("/admin/people", web::get().to(people::people_page))
        .route("/admin/people", web::post().to(people::invite))
        .route("/admin/people/{id}", web::get().to(people::person_page))
        .route("/admin/people/{id}", web::post().to(people::update))
        .route("/admin/people/{id}/link", web::get().to(people::link_page))
        .route("/admin/people/{id}/link", web::post().to(people::new_link))
        .route(
            "/admin/people/{id}/disable",
            web::get().to(people::confirm_disable),
        )
        .route(
            "/admin/people/{id}/{action}",
            web::post().to(people::set_state),
        )
        .route(
            "/admin/links/{id}/revoke",
            web::get().to(people::confirm_revoke_link),
        )
        .route(
            "/admin/links/{id}/revoke",
            web::post().to(people::revoke_link),
        )
        .route("/admin/audit", web::get().to(audit::audit_page));
}
