//! The admin pages: report data imports, API keys and the audit trail. Every handler asks the
//! signed-in key for the admin role first; the navigation shows these pages to admins only.

pub mod audit;
pub mod import;
pub mod keys;

use actix_web::web;

/// The admin pages' routes.
pub fn configure(config: &mut web::ServiceConfig) {
    config
        .route("/admin/import", web::get().to(import::import_page))
        .route("/admin/import", web::post().to(import::check_or_import))
        .route("/admin/keys", web::get().to(keys::keys_page))
        .route("/admin/keys", web::post().to(keys::create))
        .route("/admin/keys/{id}/revoke", web::post().to(keys::revoke))
        .route("/admin/audit", web::get().to(audit::audit_page));
}
