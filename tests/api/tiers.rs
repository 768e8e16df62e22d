use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, expect_json, expect_problem};

#[actix_web::test]
async fn the_tier_history_derives_each_years_movement() {
    let app = TestApp::spawn().await;
    for year in [2020, 2021, 2022, 2023, 2025] {
        app.create_report(year).await;
    }
    for (year, tier) in [
        (2020, "tier_2"),
        (2021, "tier_2_watch_list"),
        (2022, "tier_2_watch_list"),
        (2023, "tier_2"),
        (2025, "tier_1"),
    ] {
        let response = app
            .put(
                &format!("/api/v1/countries/sn/tiers/{year}"),
                &json!({"tier": tier}),
            )
            .await;
        expect_json(response, StatusCode::CREATED).await;
    }
    let history = app.get_json("/api/v1/countries/SEN/tiers").await;
    let movements: Vec<(i64, &str)> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["year"].as_i64().unwrap(), t["movement"].as_str().unwrap()))
        .collect();
    assert_eq!(
        movements,
        [
            (2020, "new"),
            (2021, "downgraded"),
            (2022, "unchanged"),
            (2023, "upgraded"),
            // 2024 was not recorded: nothing to compare with.
            (2025, "new"),
        ]
    );
}

#[actix_web::test]
async fn putting_a_tier_again_replaces_it() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let first = app
        .put(
            "/api/v1/countries/ZMB/tiers/2023",
            &json!({"tier": "tier_3"}),
        )
        .await;
    expect_json(first, StatusCode::CREATED).await;
    let body = json!({"tier": "tier_2", "waiver": true, "note": "Waiver granted"});
    let replaced = expect_json(
        app.put("/api/v1/countries/ZMB/tiers/2023", &body).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(replaced["tier"], "tier_2");
    assert_eq!(replaced["waiver"], true);
    let history = app.get_json("/api/v1/countries/ZMB/tiers").await;
    assert_eq!(history["items"].as_array().unwrap().len(), 1);
    assert_eq!(history["items"][0]["note"], "Waiver granted");
}

#[actix_web::test]
async fn a_tier_needs_an_existing_report_year_and_a_known_tier() {
    let app = TestApp::spawn().await;
    let problem = expect_problem(
        app.put(
            "/api/v1/countries/ZMB/tiers/2023",
            &json!({"tier": "tier_2"}),
        )
        .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .starts_with("there is no report for 2023")
    );
    app.create_report(2023).await;
    let problem = expect_problem(
        app.put(
            "/api/v1/countries/ZMB/tiers/2023",
            &json!({"tier": "tier_4"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "tier");
}

#[actix_web::test]
async fn tiers_of_an_unknown_country_are_404() {
    let app = TestApp::spawn().await;
    expect_problem(
        app.get("/api/v1/countries/QQQ/tiers").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}
