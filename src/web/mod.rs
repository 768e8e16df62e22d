//! The web interface: server-rendered pages for the people who use gaptrack, served by the same
//! process as the API, on the same rules.
//!
//! Pages call the same `db::` functions and report builders as the API (no SQL here), act as the
//! signed-in person's key (the same roles and organisation scoping), and render errors as pages
//! ([`error::WebError`]). Every core flow works without JavaScript: forms post, filters are GET
//! forms, charts are SVG drawn on the server.
//!
//! One file per group of pages: [`signin`] and [`second_factor`], [`account_links`]
//! (invitations, resets), [`account`] (the person's own page), [`overview`], [`country`],
//! [`call_for_information`], [`interventions`],
//! [`admin`] (imports, keys, the audit trail); and the
//! pieces they share: [`session`], [`csrf`], [`layout`], [`widgets`], [`assets`], and
//! [`read_retry`] (a page read once more when the database connection broke under it) inside
//! [`deadline`] (a page never waits longer than `REQUEST_TIMEOUT_MS`).

pub mod account;
pub mod account_keys;
pub mod account_links;
pub mod admin;
pub mod assets;
pub mod call_for_information;
pub mod country;
pub mod country_documents;
pub mod country_picker;
pub mod csrf;
pub mod deadline;
mod digest;
pub mod error;
pub mod error_page;
pub mod error_words;
pub mod filters;
pub mod form_data;
pub mod form_outcome;
pub mod iati;
pub mod interventions;
pub mod language;
pub mod layout;
pub mod lineage;
pub mod locale;
pub mod overview;
mod placements;
pub mod presession;
pub mod read_retry;
pub mod second_factor;
pub mod session;
pub mod shares;
pub mod shell;
pub mod shown_once;
pub mod signin;
pub mod single_sign_on;
pub mod translated;
pub mod translation_form;
pub mod typed_number;
pub mod widgets;

use actix_web::web;

/// The pages' routes.
pub fn configure(config: &mut web::ServiceConfig) {
    config
        .route(
            assets::STYLESHEET_PATH.as_str(),
            web::get().to(assets::stylesheet),
        )
        .route(assets::SCRIPT_PATH.as_str(), web::get().to(assets::script))
        .route("/", web::get().to(overview::overview))
        .route("/coverage.csv", web::get().to(overview::download_csv))
        .route("/coverage.xlsx", web::get().to(overview::download_xlsx))
        .route("/language/{code}", web::get().to(language::switch))
        .route("/signin", web::get().to(signin::sign_in_page))
        .route("/signin", web::post().to(signin::sign_in))
        .route("/signin/key", web::post().to(signin::sign_in_with_key))
        .route("/signin/oidc", web::get().to(single_sign_on::start))
        .route(
            "/signin/oidc/callback",
            web::get().to(single_sign_on::callback),
        )
        .route(
            "/signin/second-factor",
            web::get().to(second_factor::code_page),
        )
        .route(
            "/signin/second-factor",
            web::post().to(second_factor::check_code),
        )
        .route("/account-links/{token}", web::get().to(account_links::open))
        .route(
            "/account-links/{token}",
            web::post().to(account_links::redeem),
        )
        .configure(account_routes)
        .route("/signout", web::post().to(signin::sign_out))
        .route("/countries/{code}", web::get().to(country::country_page))
        .route(
            "/countries/{code}/print",
            web::get().to(country_documents::printable),
        )
        .configure(translation_form::routes)
        .route(
            "/countries/{code}/gaps.csv",
            web::get().to(country_documents::download_csv),
        )
        .route(
            "/countries/{code}/gaps.xlsx",
            web::get().to(country_documents::download_xlsx),
        )
        .route(
            "/countries/{code}/call-for-information",
            web::get().to(call_for_information::pack_page),
        )
        .route(
            "/countries/{code}/call-for-information/print",
            web::get().to(call_for_information::printable),
        )
        .route(
            "/countries/{code}/call-for-information.docx",
            web::get().to(call_for_information::download_docx),
        )
        .route(
            "/organisations/{id}/iati-activities.xml",
            web::get().to(iati::download),
        )
        .route("/countries/{code}/share", web::post().to(shares::create))
        .route("/countries/{code}/lineage", web::post().to(lineage::answer))
        .configure(digest::routes)
        .route("/shares", web::get().to(shares::list))
        .route("/shares/{id}/made", web::get().to(shares::made))
        .route("/shares/{id}/revoke", web::get().to(shares::confirm_revoke))
        .route("/shares/{id}/revoke", web::post().to(shares::revoke))
        .route("/shared/{token}", web::get().to(shares::open))
        .configure(interventions::configure)
        .configure(admin::configure);
}

/// A person's own account: their password, language, reminders, sessions, keys and second
/// factor.
fn account_routes(config: &mut web::ServiceConfig) {
    config
        .route("/account", web::get().to(account::account_page))
        .route(
            "/account/password",
            web::post().to(account::change_password),
        )
        .route("/account/language", web::post().to(account::set_language))
        .route("/account/reminders", web::post().to(account::set_reminders))
        .route(
            "/account/sessions/{handle}/end",
            web::post().to(account::end_session),
        )
        .route("/account/keys", web::post().to(account_keys::create_key))
        .route("/account/keys/made", web::get().to(account_keys::key_made))
        .route(
            "/account/keys/{id}/revoke",
            web::get().to(account_keys::confirm_revoke_key),
        )
        .route(
            "/account/keys/{id}/revoke",
            web::post().to(account_keys::revoke),
        )
        .route(
            "/account/second-factor",
            web::get().to(second_factor::enrol_page),
        )
        .route(
            "/account/second-factor",
            web::post().to(second_factor::confirm),
        );
}
