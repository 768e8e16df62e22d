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

#[actix_web::test]
async fn a_json_body_over_the_limit_is_413_and_says_how_much_is_read() {
    let app = TestApp::spawn().await;
    let response = app
        .post(
            "/api/v1/organisations",
            &serde_json::json!({"name": "x".repeat(300_000)}),
        )
        .await;
    let problem =
        expect_problem(response, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
    assert!(
        problem["detail"].as_str().unwrap().contains("262144 bytes"),
        "{problem}"
    );
}

#[actix_web::test]
async fn a_page_form_over_the_limit_is_413() {
    let app = TestApp::with_demo().await;
    let person =
        crate::helpers::signed_in(&app, &app.key(gaptrack::domain::Role::Admin, None)).await;
    let page = crate::documents::page_of(&person, &app, "/countries/SEN").await;
    let (_, after) = page.split_once(r#"name="csrf" value=""#).unwrap();
    let csrf = after.split('"').next().unwrap();
    let huge = "x".repeat(300_000);
    let response = person
        .post(app.url("/countries/SEN/share"))
        .header("Origin", app.address.as_str())
        .form(&[("csrf", csrf), ("year", "2023"), ("note", huge.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(app.count("SELECT count(*) AS n FROM share_links").await, 0);
}

#[actix_web::test]
async fn a_title_longer_than_any_title_is_refused_by_name() {
    let app = TestApp::with_demo().await;
    let organisations = app.get_json("/api/v1/organisations").await;
    let organisation = organisations["items"][0]["id"].as_str().unwrap();
    let response = app
        .post(
            "/api/v1/interventions",
            &serde_json::json!({
                "organisation_id": organisation,
                "countries": ["SEN"],
                "kind": "training",
                "title": "t".repeat(100_000),
                "location": "l".repeat(301),
            }),
        )
        .await;
    let problem = expect_problem(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "title");
    assert_eq!(
        problem["errors"][0]["message"],
        "must be at most 300 characters; this one has 100000"
    );
    assert_eq!(problem["errors"][1]["field"], "location");
    let fits = app
        .post(
            "/api/v1/interventions",
            &serde_json::json!({
                "organisation_id": organisation,
                "countries": ["SEN"],
                "kind": "training",
                "title": "é".repeat(300),
            }),
        )
        .await;
    assert_eq!(fits.status(), StatusCode::CREATED);
}
