//! Who may do what: keys, roles and organisation scoping.

use gaptrack::domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_json, expect_problem};

#[actix_web::test]
async fn requests_without_a_valid_key_get_a_bearer_challenge() {
    let app = TestApp::spawn().await;
    let anonymous = app.as_key(None);
    let response = anonymous.get("/api/v1/countries").await;
    assert_eq!(
        response.headers()["www-authenticate"],
        "Bearer realm=\"gaptrack\""
    );
    expect_problem(response, StatusCode::UNAUTHORIZED, "unauthorized").await;

    let unknown = gaptrack::domain::NewApiKey::generate().token;
    for key in ["nonsense", "gt_abc_def", unknown.as_str()] {
        let response = app.as_key(Some(key)).get("/api/v1/countries").await;
        expect_problem(response, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }
    let basic = app
        .client
        .get(app.url("/api/v1/countries"))
        .header("Authorization", "Basic dXNlcjpwYXNz")
        .send()
        .await
        .unwrap();
    expect_problem(basic, StatusCode::UNAUTHORIZED, "unauthorized").await;
}

#[actix_web::test]
async fn health_docs_and_the_contract_need_no_key() {
    let app = TestApp::spawn().await;
    let anonymous = app.as_key(None);
    for path in ["/healthz", "/readyz", "/docs/", "/api/v1/openapi.json"] {
        assert_eq!(anonymous.get(path).await.status(), StatusCode::OK, "{path}");
    }
}

#[actix_web::test]
async fn a_revoked_key_is_refused_from_then_on() {
    let app = TestApp::spawn().await;
    let created = expect_json(
        app.post(
            "/api/v1/keys",
            &json!({"name": "partner", "role": "viewer"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let secret = created["secret"].as_str().unwrap();
    let partner = app.as_key(Some(secret));
    assert_eq!(
        partner.get("/api/v1/countries/SLE").await.status(),
        StatusCode::OK
    );

    let id = created["id"].as_str().unwrap();
    let revoked = expect_json(
        app.post(&format!("/api/v1/keys/{id}/revoke"), &json!({}))
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(revoked["revoked_at"].is_string());
    expect_problem(
        partner.get("/api/v1/countries/SLE").await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
}

async fn world(app: &TestApp) -> (String, String, String) {
    app.create_report(2023).await;
    let recommendation = app
        .create_recommendation("SLE", 2023, 1, "protection")
        .await;
    let organisation = app.create_organisation("CenHTRO").await;
    let intervention = app
        .create_intervention(&organisation, &["SLE"], "active")
        .await;
    (organisation, intervention, recommendation)
}

#[actix_web::test]
async fn a_viewer_reads_everything_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let (_, intervention, _) = world(&app).await;
    let viewer = app.key(Role::Viewer, None);
    let client = app.as_key(Some(&viewer));
    for path in [
        "/api/v1/countries/SLE/gaps",
        "/api/v1/coverage",
        "/api/v1/interventions",
        "/api/v1/reports",
    ] {
        assert_eq!(client.get(path).await.status(), StatusCode::OK, "{path}");
    }
    let history = format!("/api/v1/interventions/{intervention}/history");
    assert_eq!(client.get(&history).await.status(), StatusCode::OK);
    for path in ["/api/v1/keys", "/api/v1/audit"] {
        expect_problem(client.get(path).await, StatusCode::FORBIDDEN, "forbidden").await;
    }
    // Every write it may not make is tried, from the contract, in `roles.rs`.
}

#[actix_web::test]
async fn an_editor_runs_its_own_organisations_interventions_and_links() {
    let app = TestApp::spawn().await;
    let (organisation, _, recommendation) = world(&app).await;
    let editor = app.key(Role::Editor, Some(&organisation));
    let client = app.as_key(Some(&editor));
    let body = json!({"organisation_id": organisation, "countries": ["SLE"], "kind": "legal_aid", "title": "Legal aid", "status": "active"});
    let created = expect_json(
        client.post("/api/v1/interventions", &body).await,
        StatusCode::CREATED,
    )
    .await;
    let id = created["id"].as_str().unwrap();
    let link = format!("/api/v1/interventions/{id}/recommendations/{recommendation}");
    expect_json(
        client.put(&link, &json!({"contribution": "full"})).await,
        StatusCode::CREATED,
    )
    .await;
    let path = format!("/api/v1/interventions/{id}");
    expect_json(
        client.patch(&path, &json!({"status": "completed"})).await,
        StatusCode::OK,
    )
    .await;

    let other = app.create_organisation("Other NGO").await;
    let moved = client
        .patch(&path, &json!({"organisation_id": other}))
        .await;
    expect_problem(moved, StatusCode::FORBIDDEN, "forbidden").await;
    assert_eq!(client.delete(&link).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(client.delete(&path).await.status(), StatusCode::NO_CONTENT);
}

#[actix_web::test]
async fn admins_manage_keys_whose_secrets_are_shown_once() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let without_organisation = app
        .post("/api/v1/keys", &json!({"name": "team", "role": "editor"}))
        .await;
    let problem = expect_problem(
        without_organisation,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "organisation_id");

    let body = json!({"name": "CenHTRO team", "role": "editor", "organisation_id": organisation});
    let created = expect_json(app.post("/api/v1/keys", &body).await, StatusCode::CREATED).await;
    let secret = created["secret"].as_str().unwrap();
    assert!(secret.starts_with("gt_"));
    assert_eq!(created["last_used_at"], Value::Null);
    assert_eq!(
        app.as_key(Some(secret))
            .get("/api/v1/countries/SLE")
            .await
            .status(),
        StatusCode::OK
    );

    let listed = app.get_json("/api/v1/keys").await;
    let text = listed.to_string();
    assert!(
        !text.contains(secret) && !text.contains("secret"),
        "no secrets in the list: {text}"
    );
    let team = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["name"] == "CenHTRO team")
        .unwrap();
    assert!(team["last_used_at"].is_string(), "use is recorded");

    let unknown = format!("/api/v1/keys/{}/revoke", uuid::Uuid::nil());
    expect_problem(
        app.post(&unknown, &json!({})).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[actix_web::test]
async fn using_one_key_records_its_use_and_no_other_keys() {
    use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
    let app = TestApp::spawn().await;
    let first = app.key(Role::Viewer, None);
    app.key(Role::Viewer, None);
    let yesterday = "2020-01-01T00:00:00+00:00";
    let mut connection = AsyncPgConnection::establish(&app.database_url)
        .await
        .unwrap();
    diesel::sql_query(format!("UPDATE api_keys SET last_used_at = '{yesterday}'"))
        .execute(&mut connection)
        .await
        .unwrap();
    assert_eq!(
        app.as_key(Some(&first))
            .get("/api/v1/countries/SLE")
            .await
            .status(),
        StatusCode::OK
    );
    let keys = app.get_json("/api/v1/keys").await;
    let last_used: Vec<&str> = keys["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|key| key["last_used_at"].as_str().unwrap())
        .collect();
    // The harness's admin key (used for this listing), the first viewer, the untouched second.
    assert_ne!(last_used[0], "2020-01-01T00:00:00Z");
    assert_ne!(last_used[1], "2020-01-01T00:00:00Z");
    assert_eq!(
        last_used[2], "2020-01-01T00:00:00Z",
        "another key's use is not recorded"
    );
}

/// Creates an admin key with `by` and returns its id and secret.
async fn new_admin_key(app: &TestApp, by: &str, name: &str) -> (String, String) {
    let created = expect_json(
        app.as_key(Some(by))
            .post("/api/v1/keys", &json!({"name": name, "role": "admin"}))
            .await,
        StatusCode::CREATED,
    )
    .await;
    (
        created["id"].as_str().unwrap().to_string(),
        created["secret"].as_str().unwrap().to_string(),
    )
}

#[actix_web::test]
async fn the_last_admin_key_cannot_be_revoked_even_by_two_admins_racing() {
    let app = TestApp::spawn().await;
    // Leave exactly one admin key of the test's own.
    let (mut survivor_id, mut survivor) =
        new_admin_key(&app, &app.key(Role::Admin, None), "first").await;
    let others: Vec<String> = app.get_json("/api/v1/keys?limit=200").await["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["role"] == "admin" && k["id"] != survivor_id.as_str())
        .map(|k| k["id"].as_str().unwrap().to_string())
        .collect();
    for id in others {
        let as_survivor = app.as_key(Some(&survivor));
        expect_json(
            as_survivor
                .post(&format!("/api/v1/keys/{id}/revoke"), &json!({}))
                .await,
            StatusCode::OK,
        )
        .await;
    }
    let alone = app
        .as_key(Some(&survivor))
        .post(&format!("/api/v1/keys/{survivor_id}/revoke"), &json!({}))
        .await;
    let problem = expect_problem(alone, StatusCode::CONFLICT, "conflict").await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("last active admin key")
    );

    for round in 0..8 {
        let (other_id, other) = new_admin_key(&app, &survivor, &format!("round {round}")).await;
        let (a, b) = (app.as_key(Some(&survivor)), app.as_key(Some(&other)));
        let empty = json!({});
        let (a_path, b_path) = (
            format!("/api/v1/keys/{other_id}/revoke"),
            format!("/api/v1/keys/{survivor_id}/revoke"),
        );
        let (first, second) = tokio::join!(a.post(&a_path, &empty), b.post(&b_path, &empty));
        let statuses = [first.status(), second.status()];
        assert!(
            statuses.iter().filter(|s| **s == StatusCode::OK).count() == 1,
            "round {round}: exactly one revocation wins: {statuses:?}"
        );
        if statuses[1] == StatusCode::OK {
            (survivor_id, survivor) = (other_id, other);
        }
        // The survivor still works, and is the only active admin key.
        let keys = expect_json(
            app.as_key(Some(&survivor))
                .get("/api/v1/keys?limit=200")
                .await,
            StatusCode::OK,
        )
        .await;
        let active_admins = keys["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|k| k["role"] == "admin" && k["revoked_at"].is_null())
            .count();
        assert_eq!(active_admins, 1, "round {round}");
    }
}
