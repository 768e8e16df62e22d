//! `GET /api/v1/openapi.json`: the contract, as generated from the route table at start-up.

use actix_web::{HttpResponse, web};

/// The OpenAPI document, serialised once when the server starts.
pub struct OpenApiDocument(pub String);

/// Serves the OpenAPI document (not listed in itself).
pub async fn get_openapi(document: web::Data<OpenApiDocument>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(document.0.clone())
}
