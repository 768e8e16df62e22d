//! The audit trail: every write leaves exactly one row, written with the write.

use gaptrack::domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_json, expect_problem};

async fn events(app: &TestApp, query: &str) -> Vec<Value> {
    app.get_json(&format!("/api/v1/audit?limit=200{query}"))
        .await["items"]
        .as_array()
        .unwrap()
        .clone()
}

#[actix_web::test]
async fn a_successful_write_leaves_exactly_one_audit_row_naming_its_key() {
    let app = TestApp::spawn().await;
    let id = app.create_organisation("CenHTRO").await;
    let rows = events(&app, &format!("&resource_id={id}")).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["action"], "create");
    assert_eq!(rows[0]["resource_type"], "organisation");
    assert_eq!(rows[0]["key_name"], "test admin");
    assert!(rows[0]["key_id"].is_string());
    assert_eq!(rows[0]["before"], Value::Null);
    assert_eq!(rows[0]["after"]["name"], "CenHTRO");
}

#[actix_web::test]
async fn a_failed_write_leaves_no_audit_row() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let organisation = app.create_organisation("CenHTRO").await;
    let intervention = app
        .create_intervention(&organisation, &["SLE"], "active")
        .await;
    let elsewhere = app
        .create_recommendation("MWI", 2023, 1, "protection")
        .await;
    let other = app.create_organisation("Other").await;
    let editor = app.key(Role::Editor, Some(&other));
    let before = events(&app, "").await.len();

    let duplicate = app
        .post("/api/v1/organisations", &json!({"name": "cenhtro"}))
        .await;
    expect_problem(duplicate, StatusCode::CONFLICT, "conflict").await;
    let again = app
        .post("/api/v1/reports", &json!({"year": 2023, "title": "again"}))
        .await;
    expect_problem(again, StatusCode::CONFLICT, "conflict").await;
    let wrong_country = app.link(&intervention, &elsewhere, "full").await;
    expect_problem(
        wrong_country,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let forbidden = app
        .as_key(Some(&editor))
        .patch(
            &format!("/api/v1/interventions/{intervention}"),
            &json!({"title": "x"}),
        )
        .await;
    expect_problem(forbidden, StatusCode::FORBIDDEN, "forbidden").await;
    let linked = app
        .get_json(&format!(
            "/api/v1/interventions/{intervention}/recommendations"
        ))
        .await;
    assert_eq!(linked["items"], json!([]));
    assert_eq!(
        events(&app, "").await.len(),
        before,
        "no failed write left a row"
    );
}

#[actix_web::test]
async fn an_update_records_only_the_changed_fields() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let intervention = app
        .create_intervention(&organisation, &["SLE"], "planned")
        .await;
    let path = format!("/api/v1/interventions/{intervention}");
    expect_json(
        app.patch(
            &path,
            &json!({"status": "active", "countries": ["SLE", "SEN"]}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let rows = events(&app, "&resource_type=intervention").await;
    let update = &rows[0];
    assert_eq!(update["action"], "update");
    assert_eq!(
        update["before"],
        json!({"status": "planned", "countries": ["SLE"]})
    );
    assert_eq!(
        update["after"],
        json!({"status": "active", "countries": ["SEN", "SLE"]})
    );
}

#[actix_web::test]
async fn every_kind_of_write_is_audited() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    app.put(
        "/api/v1/countries/SLE/tiers/2023",
        &json!({"tier": "tier_2"}),
    )
    .await;
    app.put(
        "/api/v1/countries/SLE/tiers/2023",
        &json!({"tier": "tier_1"}),
    )
    .await;
    let recommendation = app
        .create_recommendation("SLE", 2023, 1, "protection")
        .await;
    app.patch(
        &format!("/api/v1/recommendations/{recommendation}"),
        &json!({"text": "New text"}),
    )
    .await;
    let organisation = app.create_organisation("CenHTRO").await;
    app.patch(
        &format!("/api/v1/organisations/{organisation}"),
        &json!({"name": "CenHTRO (UGA)"}),
    )
    .await;
    let intervention = app
        .create_intervention(&organisation, &["SLE"], "active")
        .await;
    app.link(&intervention, &recommendation, "full").await;
    app.delete(&format!(
        "/api/v1/interventions/{intervention}/recommendations/{recommendation}"
    ))
    .await;
    app.delete(&format!("/api/v1/interventions/{intervention}"))
        .await;
    app.delete(&format!("/api/v1/recommendations/{recommendation}"))
        .await;
    let key = expect_json(
        app.post("/api/v1/keys", &json!({"name": "k", "role": "viewer"}))
            .await,
        StatusCode::CREATED,
    )
    .await;
    app.post(
        &format!("/api/v1/keys/{}/revoke", key["id"].as_str().unwrap()),
        &json!({}),
    )
    .await;

    let mut trail: Vec<String> = events(&app, "")
        .await
        .iter()
        .map(|e| {
            format!(
                "{} {}",
                e["action"].as_str().unwrap(),
                e["resource_type"].as_str().unwrap()
            )
        })
        .collect();
    trail.reverse();
    assert_eq!(
        trail,
        [
            "create api_key", // the harness's admin key
            "create report",
            "create tier",
            "update tier",
            "create recommendation",
            "update recommendation",
            "create organisation",
            "update organisation",
            "create intervention",
            "link link",
            "unlink link",
            "delete intervention",
            "delete recommendation",
            "create api_key",
            "revoke api_key",
        ]
    );
}

#[actix_web::test]
async fn an_interventions_history_shows_its_links_and_outlives_it() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let recommendation = app
        .create_recommendation("SLE", 2023, 1, "protection")
        .await;
    let organisation = app.create_organisation("CenHTRO").await;
    let intervention = app
        .create_intervention(&organisation, &["SLE"], "active")
        .await;
    app.link(&intervention, &recommendation, "partial").await;
    app.link(&intervention, &recommendation, "full").await;
    app.delete(&format!("/api/v1/interventions/{intervention}"))
        .await;

    let viewer = app.key(Role::Viewer, None);
    let history = expect_json(
        app.as_key(Some(&viewer))
            .get(&format!("/api/v1/interventions/{intervention}/history"))
            .await,
        StatusCode::OK,
    )
    .await;
    let actions: Vec<&str> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["create", "link", "link", "delete"]);
    assert_eq!(
        history["items"][2]["before"],
        json!({"contribution": "partial"})
    );
    assert_eq!(
        history["items"][2]["after"],
        json!({"contribution": "full"})
    );

    let unknown = format!("/api/v1/interventions/{}/history", uuid::Uuid::nil());
    expect_problem(app.get(&unknown).await, StatusCode::NOT_FOUND, "not_found").await;
}

#[actix_web::test]
async fn the_audit_trail_filters_by_key_and_time() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let editor_key = app.key(Role::Editor, Some(&organisation));
    let editor = app.as_key(Some(&editor_key));
    let body = json!({"organisation_id": organisation, "countries": ["SLE"], "kind": "training", "title": "x"});
    expect_json(
        editor.post("/api/v1/interventions", &body).await,
        StatusCode::CREATED,
    )
    .await;

    let keys = app.get_json("/api/v1/keys").await;
    let editor_id = keys["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["role"] == "editor")
        .unwrap()["id"]
        .clone();
    let by_editor = events(&app, &format!("&key={}", editor_id.as_str().unwrap())).await;
    assert_eq!(by_editor.len(), 1);
    assert_eq!(by_editor[0]["resource_type"], "intervention");

    assert_eq!(events(&app, "&from=2100-01-01T00:00:00Z").await.len(), 0);
    assert!(!events(&app, "&to=2100-01-01T00:00:00Z").await.is_empty());
    expect_problem(
        app.get("/api/v1/audit?from=yesterday").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
}

#[actix_web::test]
async fn audit_filters_refuse_unknown_kinds_and_match_nothing_for_impossible_ids() {
    let app = TestApp::with_demo().await;
    let page = app
        .get_json("/api/v1/audit?resource_type=organisation")
        .await;
    let items = page["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(items.iter().all(|e| e["resource_type"] == "organisation"));
    crate::helpers::expect_problem(
        app.get("/api/v1/audit?resource_type=spaceship").await,
        reqwest::StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
    // PostgreSQL text holds no NUL, so no id has one: nothing matches, and nothing fails.
    let page = app.get_json("/api/v1/audit?resource_id=a%00b").await;
    assert_eq!(page["items"], serde_json::json!([]));
}

#[actix_web::test]
async fn a_patch_that_changes_nothing_records_no_audit_row() {
    let app = TestApp::spawn().await;
    let linked = app.linked().await;
    let organisation = app.get_json("/api/v1/organisations").await["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let history_path = format!("/api/v1/interventions/{}/history", linked.intervention);
    let before = app.get_json(&history_path).await["items"]
        .as_array()
        .unwrap()
        .len();
    let events = app.get_json("/api/v1/audit?limit=200").await["items"]
        .as_array()
        .unwrap()
        .len();
    for (path, body) in [
        (
            format!("/api/v1/interventions/{}", linked.intervention),
            serde_json::json!({}),
        ),
        (
            format!("/api/v1/interventions/{}", linked.intervention),
            serde_json::json!({"status": "active"}),
        ),
        (
            format!("/api/v1/recommendations/{}", linked.recommendation),
            serde_json::json!({}),
        ),
        (
            format!("/api/v1/organisations/{organisation}"),
            serde_json::json!({"name": "CenHTRO"}),
        ),
    ] {
        let response = app.patch(&path, &body).await;
        assert_eq!(response.status(), reqwest::StatusCode::OK, "{path} {body}");
    }
    let history_after = app.get_json(&history_path).await["items"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(history_after, before);
    let after = app.get_json("/api/v1/audit?limit=200").await["items"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(after, events, "no audit row for writes that change nothing");
}

#[actix_web::test]
async fn an_interventions_history_and_links_come_a_page_at_a_time() {
    let app = TestApp::spawn().await;
    let linked = app.linked().await;
    let path = format!("/api/v1/interventions/{}", linked.intervention);
    for reached in 1..=5 {
        let body = serde_json::json!({"people_reached": reached * 10});
        assert_eq!(
            app.patch(&path, &body).await.status(),
            reqwest::StatusCode::OK
        );
    }
    for position in 2..=3 {
        let recommendation = app
            .create_recommendation("SLE", 2023, position, "prevention")
            .await;
        let response = app
            .link(&linked.intervention, &recommendation, "partial")
            .await;
        assert_eq!(response.status(), reqwest::StatusCode::CREATED);
    }
    for list in ["history", "recommendations"] {
        let whole = app.get_json(&format!("{path}/{list}?limit=200")).await["items"].clone();
        let mut paged = Vec::new();
        let mut next = format!("{path}/{list}?limit=2");
        loop {
            let page = app.get_json(&next).await;
            let items = page["items"].as_array().unwrap();
            assert!(items.len() <= 2);
            paged.extend(items.iter().cloned());
            match page["next_cursor"].as_str() {
                Some(cursor) => next = format!("{path}/{list}?limit=2&cursor={cursor}"),
                None => break,
            }
        }
        assert_eq!(serde_json::Value::Array(paged), whole, "{list}");
    }
    let history = app.get_json(&format!("{path}/history?limit=200")).await;
    assert_eq!(
        history["items"].as_array().unwrap().len(),
        9,
        "create, 3 links, 5 changes"
    );
}

#[actix_web::test]
async fn the_trail_page_says_who_changed_what_in_words_with_a_link_to_it() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let intervention = app
        .create_intervention(&organisation, &["SLE"], "active")
        .await;
    expect_json(
        app.patch(
            &format!("/api/v1/interventions/{intervention}"),
            &json!({"title": "Training of judges", "people_reached": 1200}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let client = crate::helpers::signed_in(&app, &app.key(Role::Admin, None)).await;
    let (status, page) =
        crate::accounts::get_page(&client, &app, "/admin/audit?resource_type=intervention").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(&format!(
            r#"<a href="/interventions/{intervention}">Training of judges</a>"#
        )),
        "the thing is named by its title and links to it"
    );
    assert!(
        page.contains("<strong>Title: </strong>“Training of police” → “Training of judges”"),
        "{page}"
    );
    assert!(
        page.contains("<strong>People reached: </strong>– → 1200"),
        "{page}"
    );
    assert!(page.contains("changed") && page.contains("created"));
    assert!(
        page.contains("<dt>Organisation</dt><dd>CenHTRO</dd>"),
        "an id reads as its name"
    );
    assert!(!page.contains("\"title\":"), "no raw JSON");
}
