//! The reports grant writers cite, as whole JSON documents: a change to any field of the gap
//! report, coverage or an import's report shows in review as a diff of its snapshot
//! (`tests/api/snapshots/`), with ids and timestamps redacted.

use reqwest::StatusCode;

use crate::helpers::{TestApp, expect_json};

#[actix_web::test]
async fn the_gap_report_of_sierra_leone_in_the_demo_data() {
    let app = TestApp::with_demo().await;
    let report = expect_json(app.get("/api/v1/countries/SLE/gaps").await, StatusCode::OK).await;
    insta::assert_json_snapshot!("gap_report_sierra_leone", report, {
        ".recommendations[].id" => "[id]",
        ".recommendations[].interventions[].id" => "[id]",
        ".recommendations[].interventions[].organisation_id" => "[id]",
    });
}

#[actix_web::test]
async fn coverage_of_every_country_in_the_demo_data() {
    let app = TestApp::with_demo().await;
    let report = expect_json(app.get("/api/v1/coverage").await, StatusCode::OK).await;
    insta::assert_json_snapshot!("coverage", report);
}

#[actix_web::test]
async fn the_report_of_an_import_checked_before_it_is_written() {
    let app = TestApp::with_demo().await;
    let file = "country,position,pillar,text\n\
                SLE,1,prosecution,Vigorously investigate and prosecute trafficking crimes.\n\
                SEN,9,prevention,Raise awareness of forced begging in Quranic schools.\n";
    let response = app
        .client
        .post(app.url("/api/v1/reports/2023/import?dry_run=true"))
        .header("Content-Type", "text/csv")
        .body(file)
        .send()
        .await
        .unwrap();
    let summary = expect_json(response, StatusCode::OK).await;
    insta::assert_json_snapshot!("import_dry_run", summary);
}
