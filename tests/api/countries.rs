use reqwest::StatusCode;

use crate::helpers::{TestApp, expect_problem};

#[actix_web::test]
async fn a_country_is_found_by_alpha3_or_alpha2_in_any_case() {
    let app = TestApp::spawn().await;
    for code in ["SLE", "sle", "SL", "sl"] {
        let country = app.get_json(&format!("/api/v1/countries/{code}")).await;
        assert_eq!(country["code"], "SLE");
        assert_eq!(country["alpha2"], "SL");
        assert_eq!(country["name"], "Sierra Leone");
        assert_eq!(country["region"], "AF");
    }
}

#[actix_web::test]
async fn kosovo_is_listed_under_its_tip_code() {
    let app = TestApp::spawn().await;
    let kosovo = app.get_json("/api/v1/countries/XKX").await;
    assert_eq!(kosovo["name"], "Kosovo");
    assert_eq!(kosovo["region"], "EUR");
}

#[actix_web::test]
async fn an_unknown_country_is_404_and_a_malformed_code_is_400() {
    let app = TestApp::spawn().await;
    expect_problem(
        app.get("/api/v1/countries/ZZZ").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    expect_problem(
        app.get("/api/v1/countries/S1E").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
}

#[actix_web::test]
async fn the_list_pages_through_every_country_once() {
    let app = TestApp::spawn().await;
    let mut seen = Vec::new();
    let mut path = "/api/v1/countries?limit=200".to_string();
    loop {
        let page = app.get_json(&path).await;
        for item in page["items"].as_array().unwrap() {
            seen.push(item["code"].as_str().unwrap().to_string());
        }
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/v1/countries?limit=200&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(seen.len(), 250, "ISO 3166-1 plus Kosovo");
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, seen, "in code order, each once");
}

#[actix_web::test]
async fn the_list_filters_by_region() {
    let app = TestApp::spawn().await;
    let page = app.get_json("/api/v1/countries?region=SCA&limit=200").await;
    let codes: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"IND") && codes.contains(&"KAZ"),
        "{codes:?}"
    );
    assert!(!codes.contains(&"SLE"));
    assert_eq!(page["next_cursor"], serde_json::Value::Null);
}

#[actix_web::test]
async fn an_unknown_region_or_a_forged_cursor_is_a_bad_request() {
    let app = TestApp::spawn().await;
    expect_problem(
        app.get("/api/v1/countries?region=MARS").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
    expect_problem(
        app.get("/api/v1/countries?cursor=%21%21").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
}

#[actix_web::test]
async fn a_limit_above_200_is_refused() {
    let app = TestApp::spawn().await;
    let problem = expect_problem(
        app.get("/api/v1/countries?limit=500").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "limit");
}
