use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{Linked, TestApp, expect_json, expect_problem, invalid_fields};

#[actix_web::test]
async fn a_recommendation_is_created_read_changed_and_deleted() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let body = json!({
        "country": "sl", "year": 2023, "position": 1, "pillar": "protection", "prioritized": true,
        "text": "Expand victim protection services for all trafficking victims.",
    });
    let created = expect_json(
        app.post("/api/v1/recommendations", &body).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(created["country"], "SLE", "answers with alpha-3");
    let id = created["id"].as_str().unwrap();

    let path = format!("/api/v1/recommendations/{id}");
    assert_eq!(app.get_json(&path).await["text"], body["text"]);

    let changed = expect_json(
        app.patch(
            &path,
            &json!({"pillar": "partnership", "source_url": "https://example.org/tip"}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(changed["pillar"], "partnership");
    assert_eq!(
        changed["text"], body["text"],
        "fields not sent stay as they were"
    );
    assert_eq!(changed["source_url"], "https://example.org/tip");
    let cleared = expect_json(
        app.patch(&path, &json!({"source_url": null})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(cleared["source_url"], serde_json::Value::Null);

    assert_eq!(app.delete(&path).await.status(), StatusCode::NO_CONTENT);
    expect_problem(app.get(&path).await, StatusCode::NOT_FOUND, "not_found").await;
    expect_problem(app.delete(&path).await, StatusCode::NOT_FOUND, "not_found").await;
}

#[actix_web::test]
async fn a_recommendation_needs_an_existing_report_year() {
    let app = TestApp::spawn().await;
    let body =
        json!({"country": "SLE", "year": 2023, "position": 1, "pillar": "protection", "text": "x"});
    let problem = expect_problem(
        app.post("/api/v1/recommendations", &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(invalid_fields(&problem), ["year"]);
}

#[actix_web::test]
async fn two_recommendations_cannot_share_a_position() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    app.create_recommendation("SLE", 2023, 1, "protection")
        .await;
    let second = app
        .create_recommendation("SLE", 2023, 2, "protection")
        .await;
    let body =
        json!({"country": "SLE", "year": 2023, "position": 1, "pillar": "prevention", "text": "x"});
    expect_problem(
        app.post("/api/v1/recommendations", &body).await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    let moved = app
        .patch(
            &format!("/api/v1/recommendations/{second}"),
            &json!({"position": 1}),
        )
        .await;
    expect_problem(moved, StatusCode::CONFLICT, "conflict").await;
}

#[actix_web::test]
async fn invalid_recommendations_are_refused_with_their_fields() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let body =
        json!({"country": "SLE", "year": 2023, "position": 0, "pillar": "protection", "text": " "});
    let problem = expect_problem(
        app.post("/api/v1/recommendations", &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(invalid_fields(&problem), ["position", "text"]);

    let unknown =
        json!({"country": "XYZ", "year": 2023, "position": 1, "pillar": "protection", "text": "x"});
    let problem = expect_problem(
        app.post("/api/v1/recommendations", &unknown).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(invalid_fields(&problem), ["country"]);

    let moved = json!({"country": "SEN"});
    let id = app
        .create_recommendation("SLE", 2023, 1, "protection")
        .await;
    let problem = expect_problem(
        app.patch(&format!("/api/v1/recommendations/{id}"), &moved)
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("unknown field `country`")
    );
}

#[actix_web::test]
async fn the_list_filters_by_country_year_and_pillar() {
    let app = TestApp::spawn().await;
    app.create_report(2022).await;
    app.create_report(2023).await;
    app.create_recommendation("SLE", 2023, 1, "protection")
        .await;
    app.create_recommendation("SLE", 2023, 2, "prosecution")
        .await;
    app.create_recommendation("SLE", 2022, 1, "protection")
        .await;
    app.create_recommendation("SEN", 2023, 1, "protection")
        .await;

    let page = app
        .get_json("/api/v1/recommendations?country=SL&year=2023")
        .await;
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    let page = app
        .get_json("/api/v1/recommendations?pillar=protection")
        .await;
    let keys: Vec<String> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r["year"],
                r["country"].as_str().unwrap(),
                r["position"]
            )
        })
        .collect();
    assert_eq!(
        keys,
        ["2023 SEN 1", "2023 SLE 1", "2022 SLE 1"],
        "newest year first, then country"
    );

    let first = app.get_json("/api/v1/recommendations?limit=3").await;
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = app
        .get_json(&format!("/api/v1/recommendations?limit=3&cursor={cursor}"))
        .await;
    assert_eq!(rest["items"].as_array().unwrap().len(), 1);
    assert_eq!(rest["items"][0]["year"], 2022);

    let problem = expect_problem(
        app.get("/api/v1/recommendations?country=QQQ").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("`country` filter")
    );
}

#[actix_web::test]
async fn a_linked_recommendation_cannot_be_deleted() {
    let app = TestApp::spawn().await;
    let Linked {
        recommendation,
        intervention,
        ..
    } = app.linked().await;

    let path = format!("/api/v1/recommendations/{recommendation}");
    expect_problem(app.delete(&path).await, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(app.get(&path).await.status(), StatusCode::OK, "still there");

    let linked = app.get_json(&format!("{path}/interventions")).await;
    assert_eq!(linked["items"][0]["intervention_id"], intervention.as_str());
    assert_eq!(linked["items"][0]["contribution"], "full");
}

#[actix_web::test]
async fn interventions_of_an_unknown_recommendation_are_404() {
    let app = TestApp::spawn().await;
    let path = format!(
        "/api/v1/recommendations/{}/interventions",
        uuid::Uuid::nil()
    );
    expect_problem(app.get(&path).await, StatusCode::NOT_FOUND, "not_found").await;
}

#[actix_web::test]
async fn the_interventions_of_a_recommendation_come_page_by_page() {
    let app = TestApp::spawn().await;
    let Linked { recommendation, .. } = app.linked().await;
    let organisation = app.create_organisation("Other NGO").await;
    for status in ["planned", "cancelled"] {
        let intervention = app
            .create_intervention(&organisation, &["SLE"], status)
            .await;
        expect_json(
            app.link(&intervention, &recommendation, "partial").await,
            StatusCode::CREATED,
        )
        .await;
    }
    let path = format!("/api/v1/recommendations/{recommendation}/interventions");
    let first = app.get_json(&format!("{path}?limit=2")).await;
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = app
        .get_json(&format!("{path}?limit=2&cursor={cursor}"))
        .await;
    assert_eq!(rest["items"].as_array().unwrap().len(), 1);
    assert_eq!(
        rest["items"][0]["status"], "cancelled",
        "every status is listed"
    );
    assert_eq!(rest["next_cursor"], serde_json::Value::Null);
}
