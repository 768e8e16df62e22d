use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, expect_json, expect_problem, invalid_fields};

#[actix_web::test]
async fn a_created_report_exposes_its_reporting_period() {
    let app = TestApp::spawn().await;
    let body = json!({
        "year": 2023, "title": "2023 Trafficking in Persons Report", "published_on": "2023-06-15",
        "source_url": "https://www.state.gov/reports/2023-trafficking-in-persons-report/",
    });
    let response = app.post("/api/v1/reports", &body).await;
    assert_eq!(response.headers()["location"], "/api/v1/reports/2023");
    let created = expect_json(response, StatusCode::CREATED).await;
    assert_eq!(created["reporting_period"]["starts_on"], "2022-04-01");
    assert_eq!(created["reporting_period"]["ends_on"], "2023-03-31");

    let fetched = app.get_json("/api/v1/reports/2023").await;
    assert_eq!(fetched["title"], "2023 Trafficking in Persons Report");
    assert_eq!(fetched["published_on"], "2023-06-15");
}

#[actix_web::test]
async fn a_second_report_for_the_same_year_conflicts() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let body = json!({"year": 2023, "title": "Again"});
    expect_problem(
        app.post("/api/v1/reports", &body).await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
}

#[actix_web::test]
async fn reports_list_newest_first_across_pages() {
    let app = TestApp::spawn().await;
    for year in [2021, 2023, 2022] {
        app.create_report(year).await;
    }
    let first = app.get_json("/api/v1/reports?limit=2").await;
    let years: Vec<i64> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2023, 2022]);
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = app
        .get_json(&format!("/api/v1/reports?limit=2&cursor={cursor}"))
        .await;
    assert_eq!(second["items"][0]["year"], 2021);
    assert_eq!(second["next_cursor"], serde_json::Value::Null);
}

#[actix_web::test]
async fn an_invalid_report_lists_every_bad_field() {
    let app = TestApp::spawn().await;
    let body = json!({"year": 1990, "title": "  ", "source_url": "not a url"});
    let problem = expect_problem(
        app.post("/api/v1/reports", &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(invalid_fields(&problem), ["year", "title", "source_url"]);
}

#[actix_web::test]
async fn an_unknown_year_is_404_and_a_malformed_one_400() {
    let app = TestApp::spawn().await;
    expect_problem(
        app.get("/api/v1/reports/2031").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    expect_problem(
        app.get("/api/v1/reports/last").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
}
