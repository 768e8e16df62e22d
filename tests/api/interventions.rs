use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{Linked, TestApp, expect_json, expect_problem, invalid_fields};

#[actix_web::test]
async fn an_intervention_is_logged_with_its_countries_and_read_back() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let body = json!({
        "organisation_id": organisation, "countries": ["sle", "SN"], "kind": "data_collection",
        "title": "TIP data collection across West Africa", "status": "active",
        "started_on": "2022-01-01", "ended_on": "2024-12-31", "location": "West Africa",
        "people_reached": 1200,
    });
    let response = app.post("/api/v1/interventions", &body).await;
    let created = expect_json(response, StatusCode::CREATED).await;
    assert_eq!(
        created["countries"],
        json!(["SEN", "SLE"]),
        "alpha-3, sorted"
    );
    assert_eq!(created["people_reached"], 1200);
    let id = created["id"].as_str().unwrap();
    let fetched = app.get_json(&format!("/api/v1/interventions/{id}")).await;
    assert_eq!(fetched, created);
}

#[actix_web::test]
async fn a_new_intervention_is_planned_unless_said_otherwise() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let body = json!({"organisation_id": organisation, "countries": ["SLE"], "kind": "research", "title": "Prevalence study"});
    let created = expect_json(
        app.post("/api/v1/interventions", &body).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(created["status"], "planned");
}

#[actix_web::test]
async fn invalid_interventions_name_every_bad_field() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let body = json!({
        "organisation_id": organisation, "countries": ["SLE"], "kind": "training", "title": " ",
        "started_on": "2023-05-01", "ended_on": "2023-04-01", "people_reached": -3,
    });
    let problem = expect_problem(
        app.post("/api/v1/interventions", &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(
        invalid_fields(&problem),
        ["title", "people_reached", "ended_on"]
    );

    let countries = json!({"organisation_id": organisation, "countries": ["SLE", "QQQ", "1"], "kind": "training", "title": "x"});
    let problem = expect_problem(
        app.post("/api/v1/interventions", &countries).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(invalid_fields(&problem), ["countries[1]", "countries[2]"]);

    let none =
        json!({"organisation_id": organisation, "countries": [], "kind": "training", "title": "x"});
    let problem = expect_problem(
        app.post("/api/v1/interventions", &none).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(invalid_fields(&problem), ["countries"]);

    let orphan = json!({"organisation_id": uuid::Uuid::nil(), "countries": ["SLE"], "kind": "training", "title": "x"});
    let problem = expect_problem(
        app.post("/api/v1/interventions", &orphan).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(invalid_fields(&problem), ["organisation_id"]);

    let survivor = json!({"organisation_id": organisation, "countries": ["SLE"], "kind": "training", "title": "x", "survivor_name": "A"});
    let problem = expect_problem(
        app.post("/api/v1/interventions", &survivor).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(
        invalid_fields(&problem),
        ["survivor_name"],
        "no field for personal data, and no silent drop"
    );
    let listed = app.get_json("/api/v1/interventions").await;
    assert_eq!(
        listed["items"].as_array().unwrap().len(),
        0,
        "nothing was written"
    );
}

#[actix_web::test]
async fn patch_changes_only_the_fields_sent_and_null_clears() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let body = json!({"organisation_id": organisation, "countries": ["SLE"], "kind": "training", "title": "Training", "location": "Kono", "started_on": "2023-01-01"});
    let created = expect_json(
        app.post("/api/v1/interventions", &body).await,
        StatusCode::CREATED,
    )
    .await;
    let path = format!("/api/v1/interventions/{}", created["id"].as_str().unwrap());

    let changed = expect_json(
        app.patch(
            &path,
            &json!({"status": "active", "location": null, "countries": ["SLE", "GIN"]}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(changed["status"], "active");
    assert_eq!(changed["location"], serde_json::Value::Null);
    assert_eq!(changed["title"], "Training");
    assert_eq!(changed["countries"], json!(["GIN", "SLE"]));

    let backwards = app.patch(&path, &json!({"ended_on": "2022-12-31"})).await;
    let problem = expect_problem(
        backwards,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(invalid_fields(&problem), ["ended_on"]);
}

#[actix_web::test]
async fn countries_with_links_cannot_be_dropped_from_an_intervention() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let recommendation = app
        .create_recommendation("SLE", 2023, 1, "protection")
        .await;
    let organisation = app.create_organisation("CenHTRO").await;
    let intervention = app
        .create_intervention(&organisation, &["SLE", "SEN"], "active")
        .await;
    expect_json(
        app.link(&intervention, &recommendation, "full").await,
        StatusCode::CREATED,
    )
    .await;

    let path = format!("/api/v1/interventions/{intervention}");
    let problem = expect_problem(
        app.patch(&path, &json!({"countries": ["SEN"]})).await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    assert!(problem["detail"].as_str().unwrap().contains("SLE"));
    assert_eq!(
        app.get_json(&path).await["countries"],
        json!(["SEN", "SLE"]),
        "nothing changed"
    );
    expect_json(
        app.patch(&path, &json!({"countries": ["SLE"]})).await,
        StatusCode::OK,
    )
    .await;
}

#[actix_web::test]
async fn deleting_an_intervention_removes_its_links() {
    let app = TestApp::spawn().await;
    let Linked {
        recommendation,
        intervention,
        ..
    } = app.linked().await;

    let path = format!("/api/v1/interventions/{intervention}");
    assert_eq!(app.delete(&path).await.status(), StatusCode::NO_CONTENT);
    expect_problem(app.get(&path).await, StatusCode::NOT_FOUND, "not_found").await;
    let linked = app
        .get_json(&format!(
            "/api/v1/recommendations/{recommendation}/interventions"
        ))
        .await;
    assert_eq!(linked["items"].as_array().unwrap().len(), 0);
    assert_eq!(
        app.delete(&format!("/api/v1/recommendations/{recommendation}"))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
}

#[actix_web::test]
async fn the_list_filters_by_organisation_country_kind_and_status() {
    let app = TestApp::spawn().await;
    let first = app.create_organisation("First").await;
    let second = app.create_organisation("Second").await;
    app.create_intervention(&first, &["SLE"], "active").await;
    app.create_intervention(&first, &["SEN"], "planned").await;
    app.create_intervention(&second, &["SLE", "SEN"], "completed")
        .await;

    let count = |page: serde_json::Value| page["items"].as_array().unwrap().len();
    assert_eq!(
        count(
            app.get_json(&format!("/api/v1/interventions?organisation={first}"))
                .await
        ),
        2
    );
    assert_eq!(
        count(app.get_json("/api/v1/interventions?country=SN").await),
        2
    );
    assert_eq!(
        count(app.get_json("/api/v1/interventions?status=completed").await),
        1
    );
    assert_eq!(
        count(app.get_json("/api/v1/interventions?kind=legal_aid").await),
        0
    );

    let page = app.get_json("/api/v1/interventions?limit=2").await;
    assert_eq!(count(page.clone()), 2);
    let cursor = page["next_cursor"].as_str().unwrap();
    let rest = app
        .get_json(&format!("/api/v1/interventions?limit=2&cursor={cursor}"))
        .await;
    assert_eq!(rest["items"][0]["organisation_id"], second.as_str());

    expect_problem(
        app.get("/api/v1/interventions?status=paused").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
}

#[actix_web::test]
async fn unknown_interventions_are_404() {
    let app = TestApp::spawn().await;
    let path = format!("/api/v1/interventions/{}", uuid::Uuid::nil());
    expect_problem(app.get(&path).await, StatusCode::NOT_FOUND, "not_found").await;
    expect_problem(
        app.patch(&path, &json!({"title": "x"})).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    expect_problem(app.delete(&path).await, StatusCode::NOT_FOUND, "not_found").await;
}

#[actix_web::test]
async fn the_list_finds_words_in_the_title_description_or_place_ignoring_case() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    for (title, description, location) in [
        ("Judges' workshop", "On the 2022 act", "Freetown"),
        (
            "Shelter support",
            "Counselling for 100% of arrivals",
            "Kenema",
        ),
        ("Hotline", "Calls from FREETOWN's east end", "Bo"),
    ] {
        let body = json!({
            "organisation_id": organisation, "countries": ["SLE"], "kind": "victim_services",
            "title": title, "description": description, "location": location, "status": "active",
        });
        expect_json(
            app.post("/api/v1/interventions", &body).await,
            StatusCode::CREATED,
        )
        .await;
    }
    let titles = |page: serde_json::Value| -> Vec<String> {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["title"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        titles(app.get_json("/api/v1/interventions?q=freetown").await),
        ["Judges' workshop", "Hotline"],
        "the place and the description, in any case"
    );
    assert_eq!(
        titles(app.get_json("/api/v1/interventions?q=SHELTER").await),
        ["Shelter support"]
    );
    assert_eq!(
        titles(app.get_json("/api/v1/interventions?q=100%25").await),
        ["Shelter support"],
        "a percent sign is a percent sign, not a wildcard"
    );
    assert!(titles(app.get_json("/api/v1/interventions?q=1_0").await).is_empty());
    assert!(titles(app.get_json("/api/v1/interventions?q=%00").await).is_empty());
    let long = "a".repeat(201);
    let problem = expect_problem(
        app.get(&format!("/api/v1/interventions?q={long}")).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(invalid_fields(&problem), ["q"]);
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("200"),
        "{problem}"
    );
    // The list page keeps to the same rule.
    let person =
        crate::helpers::signed_in(&app, &app.key(gaptrack::domain::Role::Viewer, None)).await;
    let page = person
        .get(app.url(&format!("/interventions?q={long}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("at most 200 characters")
    );
}
