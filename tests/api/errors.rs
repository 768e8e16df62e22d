use reqwest::StatusCode;

use crate::helpers::{TestApp, expect_problem};

#[actix_web::test]
async fn malformed_json_is_a_bad_request() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .post(app.url("/api/v1/organisations"))
        .header("Content-Type", "application/json")
        .body("{\"name\": ")
        .send()
        .await
        .unwrap();
    expect_problem(response, StatusCode::BAD_REQUEST, "bad_request").await;
}

#[actix_web::test]
async fn a_body_that_is_not_json_is_refused() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .post(app.url("/api/v1/organisations"))
        .header("Content-Type", "text/plain")
        .body("name=CenHTRO")
        .send()
        .await
        .unwrap();
    expect_problem(
        response,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    )
    .await;
}

#[actix_web::test]
async fn a_missing_field_or_wrong_type_is_named() {
    let app = TestApp::spawn().await;
    let missing = app
        .post("/api/v1/reports", &serde_json::json!({"title": "x"}))
        .await;
    let problem = expect_problem(
        missing,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(
        problem["detail"].as_str().unwrap().contains("year"),
        "{problem}"
    );
    let wrong = app
        .post(
            "/api/v1/reports",
            &serde_json::json!({"year": "2023", "title": "x"}),
        )
        .await;
    let problem =
        expect_problem(wrong, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "year");
}

#[actix_web::test]
async fn unknown_routes_answer_a_problem() {
    let app = TestApp::spawn().await;
    expect_problem(
        app.get("/api/v1/nothing-here").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[actix_web::test]
async fn text_that_postgresql_cannot_store_is_refused_not_a_server_error() {
    let app = TestApp::spawn().await;
    let response = app
        .post(
            "/api/v1/organisations",
            &serde_json::json!({"name": "Bad\u{0}Name"}),
        )
        .await;
    let problem = expect_problem(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "name");
}
