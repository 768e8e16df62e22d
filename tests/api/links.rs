use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, expect_json, expect_problem, invalid_fields};

struct Fixture {
    app: TestApp,
    intervention: String,
    recommendation: String,
}

async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let recommendation = app
        .create_recommendation("SLE", 2023, 1, "protection")
        .await;
    let organisation = app.create_organisation("CenHTRO").await;
    let intervention = app
        .create_intervention(&organisation, &["SLE"], "active")
        .await;
    Fixture {
        app,
        intervention,
        recommendation,
    }
}

#[actix_web::test]
async fn a_link_is_created_then_updated_then_removed() {
    let Fixture {
        app,
        intervention,
        recommendation,
    } = fixture().await;
    let path = format!("/api/v1/interventions/{intervention}/recommendations/{recommendation}");
    let body = json!({"contribution": "partial", "rationale": "Outside Freetown only", "evidence_url": "https://example.org/report.pdf"});
    let created = expect_json(app.put(&path, &body).await, StatusCode::CREATED).await;
    assert_eq!(created["contribution"], "partial");
    assert_eq!(created["rationale"], "Outside Freetown only");

    let updated = expect_json(
        app.put(&path, &json!({"contribution": "full"})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(updated["contribution"], "full");
    assert_eq!(updated["created_at"], created["created_at"]);

    let listed = app
        .get_json(&format!(
            "/api/v1/interventions/{intervention}/recommendations"
        ))
        .await;
    assert_eq!(
        listed["items"].as_array().unwrap().len(),
        1,
        "updated, not duplicated"
    );
    assert_eq!(
        listed["items"][0]["recommendation_id"],
        recommendation.as_str()
    );

    assert_eq!(app.delete(&path).await.status(), StatusCode::NO_CONTENT);
    expect_problem(app.delete(&path).await, StatusCode::NOT_FOUND, "not_found").await;
}

#[actix_web::test]
async fn a_link_to_a_recommendation_of_another_country_is_refused() {
    let Fixture {
        app, intervention, ..
    } = fixture().await;
    let elsewhere = app
        .create_recommendation("MWI", 2023, 1, "protection")
        .await;
    let problem = expect_problem(
        app.link(&intervention, &elsewhere, "full").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(problem["detail"].as_str().unwrap().contains("MWI"));
}

#[actix_web::test]
async fn links_to_unknown_things_are_404_and_bad_bodies_422() {
    let Fixture {
        app,
        intervention,
        recommendation,
    } = fixture().await;
    let nil = uuid::Uuid::nil();
    expect_problem(
        app.link(&nil.to_string(), &recommendation, "full").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    expect_problem(
        app.link(&intervention, &nil.to_string(), "full").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    expect_problem(
        app.get(&format!("/api/v1/interventions/{nil}/recommendations"))
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    let path = format!("/api/v1/interventions/{intervention}/recommendations/{recommendation}");
    let problem = expect_problem(
        app.put(&path, &json!({"contribution": "most"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(invalid_fields(&problem), ["contribution"]);
    let problem = expect_problem(
        app.put(
            &path,
            &json!({"contribution": "full", "evidence_url": "ftp://x"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(invalid_fields(&problem), ["evidence_url"]);
}

#[actix_web::test]
async fn of_two_first_puts_of_a_link_racing_one_creates_and_one_updates() {
    let app = TestApp::spawn().await;
    let linked = app.linked().await;
    for position in 2..12 {
        let recommendation = app
            .create_recommendation("SLE", 2023, position, "prevention")
            .await;
        let path = format!(
            "/api/v1/interventions/{}/recommendations/{recommendation}",
            linked.intervention
        );
        let body = json!({"contribution": "partial"});
        let (first, second) = tokio::join!(app.put(&path, &body), app.put(&path, &body));
        let mut statuses = [first.status().as_u16(), second.status().as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 201], "position {position}");
        let audit = app
            .get_json(&format!(
                "/api/v1/audit?resource_type=link&resource_id={}/{recommendation}",
                linked.intervention
            ))
            .await;
        let creations = audit["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|event| event["before"].is_null())
            .count();
        assert_eq!(creations, 1, "position {position}: one creation audited");
    }
}

#[actix_web::test]
async fn a_link_and_a_patch_of_the_countries_racing_never_leave_a_link_outside_them() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let organisation = app.create_organisation("An NGO").await;
    for position in 1..11 {
        let intervention = app
            .create_intervention(&organisation, &["SLE", "SEN"], "active")
            .await;
        let recommendation = app
            .create_recommendation("SEN", 2023, position, "protection")
            .await;
        let link_path =
            format!("/api/v1/interventions/{intervention}/recommendations/{recommendation}");
        let patch_path = format!("/api/v1/interventions/{intervention}");
        let link_body = json!({"contribution": "full"});
        let patch_body = json!({"countries": ["SLE"]});
        let (linked, patched) = tokio::join!(
            app.put(&link_path, &link_body),
            app.patch(&patch_path, &patch_body)
        );
        let (linked, patched) = (linked.status(), patched.status());
        assert!(
            (linked == StatusCode::CREATED) != (patched == StatusCode::OK),
            "position {position}: exactly one wins, link {linked}, patch {patched}"
        );
        let now = app.get_json(&patch_path).await;
        let links = app.get_json(&format!("{patch_path}/recommendations")).await;
        let covers_senegal = now["countries"].as_array().unwrap().contains(&json!("SEN"));
        let has_link = !links["items"].as_array().unwrap().is_empty();
        assert!(
            !has_link || covers_senegal,
            "position {position}: a link outside its countries"
        );
    }
}
