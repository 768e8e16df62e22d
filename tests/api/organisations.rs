use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, expect_json, expect_problem};

#[actix_web::test]
async fn an_organisation_is_created_listed_and_renamed() {
    let app = TestApp::spawn().await;
    let id = app.create_organisation("CenHTRO").await;
    app.create_organisation("Another NGO").await;

    let page = app.get_json("/api/v1/organisations").await;
    let names: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["CenHTRO", "Another NGO"]);

    let path = format!("/api/v1/organisations/{id}");
    let renamed = expect_json(
        app.patch(&path, &json!({"name": "CenHTRO (UGA)"})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(renamed["name"], "CenHTRO (UGA)");
    assert_eq!(app.get_json(&path).await["name"], "CenHTRO (UGA)");
}

#[actix_web::test]
async fn names_are_unique_ignoring_case_and_spaces() {
    let app = TestApp::spawn().await;
    let first = app.create_organisation("CenHTRO").await;
    let other = app.create_organisation("Other").await;
    let duplicate = app
        .post("/api/v1/organisations", &json!({"name": " cenhtro "}))
        .await;
    expect_problem(duplicate, StatusCode::CONFLICT, "conflict").await;
    let rename = app
        .patch(
            &format!("/api/v1/organisations/{other}"),
            &json!({"name": "CENHTRO"}),
        )
        .await;
    expect_problem(rename, StatusCode::CONFLICT, "conflict").await;
    assert_ne!(first, other);
}

#[actix_web::test]
async fn a_blank_name_is_refused_and_an_unknown_organisation_is_404() {
    let app = TestApp::spawn().await;
    let blank = app
        .post("/api/v1/organisations", &json!({"name": ""}))
        .await;
    expect_problem(blank, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let path = format!("/api/v1/organisations/{}", uuid::Uuid::nil());
    expect_problem(app.get(&path).await, StatusCode::NOT_FOUND, "not_found").await;
    expect_problem(
        app.patch(&path, &json!({"name": "x"})).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[actix_web::test]
async fn an_archived_organisation_keeps_its_work_and_gets_no_new_interventions() {
    let app = TestApp::spawn().await;
    let id = app.create_organisation("Réseau Sahel").await;
    let intervention = |title: &str| {
        json!({
            "organisation_id": id,
            "countries": ["SEN"],
            "kind": "training",
            "title": title,
            "status": "active",
        })
    };
    let before = app
        .post("/api/v1/interventions", &intervention("Before"))
        .await;
    assert_eq!(before.status(), StatusCode::CREATED);

    let archived = expect_json(
        app.patch(
            &format!("/api/v1/organisations/{id}"),
            &json!({"archived": true}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert!(archived["archived_at"].is_string(), "{archived}");
    let refused = app
        .post("/api/v1/interventions", &intervention("After"))
        .await;
    let problem = expect_problem(
        refused,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(
        problem["detail"].as_str().unwrap().contains("is archived"),
        "{problem}"
    );
    // Nor a key for its editors, refused in the same words.
    let key = app
        .post(
            "/api/v1/keys",
            &json!({"name": "Field team", "role": "editor", "organisation_id": id}),
        )
        .await;
    let key_problem =
        expect_problem(key, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(
        key_problem["errors"][0]["message"], problem["errors"][0]["message"],
        "one rule, one wording"
    );
    let work = app
        .get_json(&format!("/api/v1/interventions?organisation={id}"))
        .await;
    assert_eq!(work["items"].as_array().unwrap().len(), 1, "its work stays");

    let again = expect_json(
        app.patch(
            &format!("/api/v1/organisations/{id}"),
            &json!({"archived": false}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert!(again["archived_at"].is_null());
    let after = app
        .post("/api/v1/interventions", &intervention("After"))
        .await;
    assert_eq!(after.status(), StatusCode::CREATED);
}
