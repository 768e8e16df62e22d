use reqwest::StatusCode;

use crate::helpers::{TestApp, content_type, expect_json};

#[actix_web::test]
async fn healthz_answers_ok() {
    let app = TestApp::spawn().await;
    let body = expect_json(app.get("/healthz").await, StatusCode::OK).await;
    assert_eq!(body["status"], "ok");
}

#[actix_web::test]
async fn readyz_answers_ok_when_the_database_is_reachable() {
    let app = TestApp::spawn().await;
    let body = expect_json(app.get("/readyz").await, StatusCode::OK).await;
    assert_eq!(body["status"], "ok");
}

#[actix_web::test]
async fn the_docs_are_served_as_a_page() {
    let app = TestApp::spawn().await;
    let response = app.get("/docs/").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(content_type(&response).starts_with("text/html"));
}
