//! Interventions: the list (`list`), the form to log and edit one (`form`), and its page
//! (`show`), where it is linked to the recommendations it answers (`linking`). Writes go
//! through the use cases the API calls too ([`usecases::interventions::create`],
//! [`usecases::interventions::update`], [`usecases::links::link`], [`usecases::links::unlink`]), so the pages keep the same
//! rules; a refused form comes back with what was typed and a message next to each field at
//! fault.

mod conflict;
mod form;
mod form_values;
pub mod from_country;
mod linking;
mod list;
mod show;

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use uuid::Uuid;

use crate::usecases;
use crate::usecases::Connection;
use crate::usecases::interventions::Intervention;
use crate::web::error::WebError;

/// The routes of these pages.
pub fn configure(config: &mut web::ServiceConfig) {
    config
        .route("/interventions", web::get().to(list::list))
        .route("/interventions", web::post().to(form::create))
        .route("/interventions/new", web::get().to(form::new_form))
        .route("/interventions/{id}", web::get().to(show::show))
        .route("/interventions/{id}", web::post().to(form::update))
        .route("/interventions/{id}/edit", web::get().to(form::edit_form))
        .route("/interventions/{id}/links", web::post().to(linking::link))
        .route(
            "/recommendations/{id}/link",
            web::post().to(from_country::link),
        )
        .route(
            "/interventions/{id}/links/{recommendation}/remove",
            web::get().to(linking::confirm_unlink),
        )
        .route(
            "/interventions/{id}/links/{recommendation}/remove",
            web::post().to(linking::unlink),
        );
}

pub(super) fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((LOCATION, location))
        .finish()
}

pub(super) async fn find(connection: &mut Connection, id: Uuid) -> Result<Intervention, WebError> {
    Ok(usecases::interventions::find(connection, id).await?)
}
