use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{TestApp, expect_json};

/// The committed contract; regenerate it with `cargo run -- openapi > openapi/openapi.json`.
const COMMITTED: &str = include_str!("../../openapi/openapi.json");

#[test]
fn the_committed_openapi_document_matches_the_code() {
    let generated = gaptrack::startup::openapi_json();
    assert!(
        generated == COMMITTED,
        "openapi/openapi.json is out of date: run `cargo run -- openapi > openapi/openapi.json`"
    );
}

#[actix_web::test]
async fn the_served_openapi_document_is_the_committed_one() {
    let app = TestApp::spawn().await;
    let served = expect_json(app.get("/api/v1/openapi.json").await, StatusCode::OK).await;
    let committed: Value = serde_json::from_str(COMMITTED).unwrap();
    assert_eq!(served, committed);
}

#[test]
fn every_operation_is_named_after_its_handler_and_lists_its_errors() {
    let document: Value = serde_json::from_str(COMMITTED).unwrap();
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let id = operation["operationId"].as_str().unwrap_or_default();
            assert!(!id.is_empty(), "{method} {path} has no operationId");
            if path.starts_with("/api/v1/") && path.contains('{') {
                let responses = operation["responses"].as_object().unwrap();
                assert!(
                    responses.contains_key("404") || responses.contains_key("400"),
                    "{method} {path} documents no error response"
                );
            }
        }
    }
}

#[test]
fn the_gap_rule_is_documented_in_the_contract() {
    let document: Value = serde_json::from_str(COMMITTED).unwrap();
    let gaps = &document["paths"]["/api/v1/countries/{code}/gaps"]["get"];
    let description = gaps["description"].as_str().unwrap_or_default();
    assert!(description.contains("partially_addressed"), "{description}");
    assert!(description.contains("cancelled"), "{description}");
}

#[test]
fn every_api_operation_declares_the_key_it_needs() {
    let document: Value = serde_json::from_str(COMMITTED).unwrap();
    let scheme = &document["components"]["securitySchemes"]["api_key"];
    assert_eq!(scheme["type"], "http");
    assert_eq!(scheme["scheme"], "bearer");
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            if !path.starts_with("/api/v1/") {
                assert!(
                    operation.get("security").is_none(),
                    "{method} {path} is public"
                );
                continue;
            }
            assert_eq!(
                operation["security"][0]["api_key"],
                serde_json::json!([]),
                "{method} {path}"
            );
            assert!(
                responses.contains_key("401"),
                "{method} {path} documents 401"
            );
            if method != "get" {
                assert!(
                    responses.contains_key("403"),
                    "{method} {path} documents 403"
                );
            }
        }
    }
}
