use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, content_type, expect_json, expect_problem};

async fn two_countries() -> (TestApp, String) {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let sle = app
        .create_recommendation("SLE", 2023, 1, "protection")
        .await;
    app.create_recommendation("SLE", 2023, 2, "prosecution")
        .await;
    app.create_recommendation("IND", 2023, 1, "prevention")
        .await;
    let organisation = app.create_organisation("CenHTRO").await;
    let intervention = app
        .create_intervention(&organisation, &["SLE"], "active")
        .await;
    expect_json(
        app.link(&intervention, &sle, "full").await,
        StatusCode::CREATED,
    )
    .await;
    app.put(
        "/api/v1/countries/SLE/tiers/2023",
        &json!({"tier": "tier_2"}),
    )
    .await;
    (app, organisation)
}

#[actix_web::test]
async fn coverage_has_a_row_per_country_with_recommendations_and_totals() {
    let (app, _) = two_countries().await;
    let report = app.get_json("/api/v1/coverage").await;
    assert_eq!(report["year"], 2023);
    let items = report["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["code"], "IND");
    assert_eq!(items[0]["tier"], serde_json::Value::Null);
    assert_eq!(items[1]["code"], "SLE");
    assert_eq!(items[1]["tier"], "tier_2");
    assert_eq!(items[1]["movement"], "new");
    assert_eq!(items[1]["addressed"], 1);
    assert_eq!(items[1]["coverage_ratio"], 0.5);
    assert_eq!(
        report["totals"],
        json!({"total": 3, "addressed": 1, "partially_addressed": 0, "planned": 0, "unaddressed": 2, "coverage_ratio": 1.0 / 3.0})
    );
}

#[actix_web::test]
async fn coverage_filters_by_region_and_organisation() {
    let (app, organisation) = two_countries().await;
    let africa = app.get_json("/api/v1/coverage?region=AF").await;
    assert_eq!(africa["items"].as_array().unwrap().len(), 1);
    assert_eq!(africa["totals"]["total"], 2);

    let other = app.create_organisation("Other").await;
    let theirs = app
        .get_json(&format!("/api/v1/coverage?organisation={other}"))
        .await;
    assert_eq!(theirs["totals"]["addressed"], 0);
    let ours = app
        .get_json(&format!("/api/v1/coverage?organisation={organisation}"))
        .await;
    assert_eq!(ours["totals"]["addressed"], 1);
}

#[actix_web::test]
async fn coverage_is_served_as_csv_on_request() {
    let (app, _) = two_countries().await;
    let response = app
        .client
        .get(app.url("/api/v1/coverage"))
        .header("Accept", "text/csv")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(content_type(&response).starts_with("text/csv"));
    let body = response.text().await.unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(
        lines,
        [
            "country_code,country_name,region,year,tier,movement,total,addressed,partially_addressed,planned,unaddressed,coverage_ratio,organisation,organisation_name",
            "IND,India,SCA,2023,,,1,0,0,0,1,0.0000,,",
            "SLE,Sierra Leone,AF,2023,tier_2,new,2,1,0,0,1,0.5000,,",
        ]
    );
}

#[actix_web::test]
async fn coverage_refuses_unknown_years_and_formats() {
    let (app, _) = two_countries().await;
    expect_problem(
        app.get("/api/v1/coverage?year=2031").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let xml = app
        .client
        .get(app.url("/api/v1/coverage"))
        .header("Accept", "application/xml")
        .send()
        .await
        .unwrap();
    expect_problem(xml, StatusCode::NOT_ACCEPTABLE, "not_acceptable").await;
}

#[actix_web::test]
async fn coverage_of_an_empty_database_is_empty() {
    let app = TestApp::spawn().await;
    let report = app.get_json("/api/v1/coverage").await;
    assert_eq!(report["year"], serde_json::Value::Null);
    assert_eq!(report["items"], json!([]));
    assert_eq!(report["totals"]["total"], 0);
}
