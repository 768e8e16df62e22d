use reqwest::StatusCode;

use crate::helpers::{TestApp, content_type, expect_json, expect_problem};

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

#[actix_web::test]
async fn without_its_database_the_service_is_alive_but_not_ready() {
    let app = TestApp::spawn_without_database();
    expect_json(app.get("/healthz").await, StatusCode::OK).await;
    expect_problem(
        app.get("/readyz").await,
        StatusCode::SERVICE_UNAVAILABLE,
        "unavailable",
    )
    .await;
    // A well-formed key, which the service cannot check without its database.
    let key = gaptrack::domain::NewApiKey::generate().token;
    let problem = expect_problem(
        app.as_key(Some(&key)).get("/api/v1/countries/SLE").await,
        StatusCode::SERVICE_UNAVAILABLE,
        "unavailable",
    )
    .await;
    assert!(
        !problem["detail"]
            .as_str()
            .unwrap()
            .contains("gaptrack_missing"),
        "no connection details leak: {problem}"
    );
}
