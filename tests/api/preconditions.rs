//! Optimistic concurrency: two people who read the same thing and both change it do not silently
//! overwrite each other when they send the ETag they read in `If-Match`.

use reqwest::StatusCode;
use reqwest::header::{ETAG, IF_MATCH};
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_json, expect_problem};

fn etag(response: &reqwest::Response) -> String {
    response
        .headers()
        .get(ETAG)
        .expect("an ETag")
        .to_str()
        .unwrap()
        .to_owned()
}

async fn send(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    if_match: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut request = app
        .client
        .request(method, app.url(path))
        .header(IF_MATCH, if_match);
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

#[actix_web::test]
async fn the_second_of_two_editors_who_read_the_same_intervention_gets_412_not_an_overwrite() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let id = app
        .create_intervention(&organisation, &["SLE"], "active")
        .await;
    let path = format!("/api/v1/interventions/{id}");
    let read = app.get(&path).await;
    let read_tag = etag(&read);
    assert!(read_tag.starts_with('"'), "a strong tag: {read_tag}");

    let first = send(
        &app,
        reqwest::Method::PATCH,
        &path,
        &read_tag,
        Some(json!({"title": "Training of prosecutors"})),
    )
    .await;
    let first_tag = etag(&first);
    expect_json(first, StatusCode::OK).await;
    assert_ne!(first_tag, read_tag, "the tag moves with the change");

    let second = send(
        &app,
        reqwest::Method::PATCH,
        &path,
        &read_tag,
        Some(json!({"title": "Training of judges"})),
    )
    .await;
    assert_eq!(etag(&second), first_tag, "the 412 says what the tag is now");
    let problem = expect_problem(
        second,
        StatusCode::PRECONDITION_FAILED,
        "precondition_failed",
    )
    .await;
    assert!(
        problem["detail"].as_str().unwrap().contains("GET it again"),
        "{problem}"
    );
    let now = app.get_json(&path).await;
    assert_eq!(
        now["title"], "Training of prosecutors",
        "the first change stands"
    );

    let history = app.get_json(&format!("{path}/history")).await;
    let updates = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|event| event["action"] == "update")
        .count();
    assert_eq!(updates, 1, "the refused change left no audit row");

    // Re-reading gives the tag the change can be made with.
    let again = send(
        &app,
        reqwest::Method::PATCH,
        &path,
        &first_tag,
        Some(json!({"title": "Training of judges"})),
    )
    .await;
    expect_json(again, StatusCode::OK).await;
}

#[actix_web::test]
async fn get_patch_and_create_agree_on_the_tag_and_changes_without_if_match_still_apply() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let body = json!({"organisation_id": organisation, "countries": ["SLE"], "kind": "training", "title": "Police training"});
    let created = app.post("/api/v1/interventions", &body).await;
    let created_tag = etag(&created);
    let id = expect_json(created, StatusCode::CREATED).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/api/v1/interventions/{id}");
    assert_eq!(etag(&app.get(&path).await), created_tag);

    let patched = app.patch(&path, &json!({"status": "active"})).await;
    let patched_tag = etag(&patched);
    expect_json(patched, StatusCode::OK).await;
    assert_eq!(etag(&app.get(&path).await), patched_tag);
    assert_ne!(patched_tag, created_tag);
}

#[actix_web::test]
async fn a_stale_delete_is_refused_and_a_current_one_goes_through() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let id = app
        .create_intervention(&organisation, &["SLE"], "active")
        .await;
    let path = format!("/api/v1/interventions/{id}");
    let read_tag = etag(&app.get(&path).await);
    expect_json(
        app.patch(&path, &json!({"status": "completed"})).await,
        StatusCode::OK,
    )
    .await;

    let stale = send(&app, reqwest::Method::DELETE, &path, &read_tag, None).await;
    expect_problem(
        stale,
        StatusCode::PRECONDITION_FAILED,
        "precondition_failed",
    )
    .await;
    expect_json(app.get(&path).await, StatusCode::OK).await;

    let current = etag(&app.get(&path).await);
    let deleted = send(&app, reqwest::Method::DELETE, &path, &current, None).await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
}

#[actix_web::test]
async fn links_carry_tags_and_if_match_on_a_link_that_is_not_there_fails() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let recommendation = app
        .create_recommendation("SLE", 2023, 1, "protection")
        .await;
    let organisation = app.create_organisation("CenHTRO").await;
    let intervention = app
        .create_intervention(&organisation, &["SLE"], "active")
        .await;
    let path = format!("/api/v1/interventions/{intervention}/recommendations/{recommendation}");

    let guarded_create = send(
        &app,
        reqwest::Method::PUT,
        &path,
        "*",
        Some(json!({"contribution": "full"})),
    )
    .await;
    let problem = expect_problem(
        guarded_create,
        StatusCode::PRECONDITION_FAILED,
        "precondition_failed",
    )
    .await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("does not exist")
    );
    expect_problem(app.get(&path).await, StatusCode::NOT_FOUND, "not_found").await;

    let created = app.put(&path, &json!({"contribution": "partial"})).await;
    let created_tag = etag(&created);
    expect_json(created, StatusCode::CREATED).await;
    assert_eq!(etag(&app.get(&path).await), created_tag);

    let upgraded = send(
        &app,
        reqwest::Method::PUT,
        &path,
        &created_tag,
        Some(json!({"contribution": "full"})),
    )
    .await;
    expect_json(upgraded, StatusCode::OK).await;
    let downgrade = send(
        &app,
        reqwest::Method::PUT,
        &path,
        &created_tag,
        Some(json!({"contribution": "partial"})),
    )
    .await;
    expect_problem(
        downgrade,
        StatusCode::PRECONDITION_FAILED,
        "precondition_failed",
    )
    .await;
    assert_eq!(app.get_json(&path).await["contribution"], "full");

    let unlink = send(&app, reqwest::Method::DELETE, &path, &created_tag, None).await;
    expect_problem(
        unlink,
        StatusCode::PRECONDITION_FAILED,
        "precondition_failed",
    )
    .await;
    let unlink = send(&app, reqwest::Method::DELETE, &path, "*", None).await;
    assert_eq!(unlink.status(), StatusCode::NO_CONTENT);
}

#[actix_web::test]
async fn organisations_and_recommendations_honour_if_match_too() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let path = format!("/api/v1/organisations/{organisation}");
    let read_tag = etag(&app.get(&path).await);
    expect_json(
        app.patch(&path, &json!({"name": "CenHTRO (Utah)"})).await,
        StatusCode::OK,
    )
    .await;
    let stale = send(
        &app,
        reqwest::Method::PATCH,
        &path,
        &read_tag,
        Some(json!({"name": "Other"})),
    )
    .await;
    expect_problem(
        stale,
        StatusCode::PRECONDITION_FAILED,
        "precondition_failed",
    )
    .await;
    assert_eq!(app.get_json(&path).await["name"], "CenHTRO (Utah)");

    app.create_report(2023).await;
    let recommendation = app
        .create_recommendation("SLE", 2023, 1, "protection")
        .await;
    let path = format!("/api/v1/recommendations/{recommendation}");
    let read_tag = etag(&app.get(&path).await);
    expect_json(
        app.patch(&path, &json!({"prioritized": true})).await,
        StatusCode::OK,
    )
    .await;
    for (method, body) in [
        (reqwest::Method::PATCH, Some(json!({"text": "Changed."}))),
        (reqwest::Method::PATCH, Some(json!({}))),
        (reqwest::Method::DELETE, None),
    ] {
        let stale = send(&app, method, &path, &read_tag, body).await;
        expect_problem(
            stale,
            StatusCode::PRECONDITION_FAILED,
            "precondition_failed",
        )
        .await;
    }
    expect_json(app.get(&path).await, StatusCode::OK).await;
}

#[actix_web::test]
async fn a_malformed_if_match_matches_nothing_and_says_what_to_send() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let path = format!("/api/v1/organisations/{organisation}");
    let response = send(
        &app,
        reqwest::Method::PATCH,
        &path,
        "version 3",
        Some(json!({"name": "X"})),
    )
    .await;
    let problem = expect_problem(
        response,
        StatusCode::PRECONDITION_FAILED,
        "precondition_failed",
    )
    .await;
    assert!(problem["detail"].as_str().unwrap().contains("entity tags"));
    assert_eq!(app.get_json(&path).await["name"], "CenHTRO");
}
