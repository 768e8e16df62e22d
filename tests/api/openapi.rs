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

/// Resolves a `$ref` to a component schema of `document`.
fn schema<'a>(document: &'a Value, reference: &str) -> &'a Value {
    let name = reference.trim_start_matches("#/components/schemas/");
    let found = &document["components"]["schemas"][name];
    assert!(
        !found.is_null(),
        "{reference} is referenced but not defined"
    );
    found
}

#[test]
fn every_reference_in_the_document_is_defined() {
    let document: Value = serde_json::from_str(COMMITTED).unwrap();
    fn visit(document: &Value, value: &Value) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(reference)) = map.get("$ref") {
                    schema(document, reference);
                }
                map.values().for_each(|v| visit(document, v));
            }
            Value::Array(items) => items.iter().for_each(|v| visit(document, v)),
            _ => {}
        }
    }
    visit(&document, &document);
}

#[actix_web::test]
async fn the_published_enums_are_the_values_on_the_wire() {
    let app = TestApp::with_demo().await;
    let document: Value = serde_json::from_str(COMMITTED).unwrap();
    let values = |name: &str| -> Vec<String> {
        schema(&document, name)["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("{name} is an enum"))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let report = app.get_json("/api/v1/countries/SEN/gaps").await;
    assert!(values("Tier").contains(&report["tier"]["tier"].as_str().unwrap().to_string()));
    assert!(values("Region").contains(&report["country"]["region"].as_str().unwrap().to_string()));
    for recommendation in report["recommendations"].as_array().unwrap() {
        let status = recommendation["status"].as_str().unwrap().to_string();
        assert!(values("RecommendationStatus").contains(&status), "{status}");
        let pillar = recommendation["pillar"].as_str().unwrap().to_string();
        assert!(values("Pillar").contains(&pillar), "{pillar}");
    }
    let interventions = app.get_json("/api/v1/interventions").await;
    for intervention in interventions["items"].as_array().unwrap() {
        let kind = intervention["kind"].as_str().unwrap().to_string();
        assert!(values("InterventionKind").contains(&kind), "{kind}");
        let status = intervention["status"].as_str().unwrap().to_string();
        assert!(values("InterventionStatus").contains(&status), "{status}");
    }
    assert_eq!(values("Role"), ["admin", "editor", "viewer"]);
}

#[actix_web::test]
async fn a_method_a_path_does_not_answer_is_405_with_the_methods_it_does() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .post(app.url("/api/v1/countries/SLE"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(response.headers()["allow"], "GET");
    let problem = crate::helpers::expect_problem(
        response,
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
    )
    .await;
    assert!(problem["detail"].as_str().unwrap().contains("GET"));
    let response = app
        .client
        .put(app.url("/api/v1/interventions/0198c1f2-0000-7000-8000-000000000000"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["allow"], "DELETE, GET, PATCH");
    crate::helpers::expect_problem(
        app.get("/api/v1/nowhere").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[test]
fn every_operation_with_a_body_documents_what_its_extractors_answer() {
    let document: Value = serde_json::from_str(COMMITTED).unwrap();
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            if operation.get("requestBody").is_none() {
                continue;
            }
            for status in ["400", "413", "415"] {
                assert!(
                    operation["responses"].get(status).is_some(),
                    "{method} {path} documents {status}"
                );
            }
        }
    }
}

#[test]
fn every_link_leads_to_an_operation_and_fills_one_of_its_path_parameters() {
    let document: Value = serde_json::from_str(COMMITTED).unwrap();
    let mut operations = std::collections::HashMap::new();
    for (path, item) in document["paths"].as_object().unwrap() {
        for operation in item.as_object().unwrap().values() {
            operations.insert(
                operation["operationId"].as_str().unwrap().to_string(),
                path.clone(),
            );
        }
    }
    let mut followed = 0;
    for item in document["paths"].as_object().unwrap().values() {
        for operation in item.as_object().unwrap().values() {
            for response in operation["responses"].as_object().unwrap().values() {
                let Some(links) = response.get("links") else {
                    continue;
                };
                for (name, link) in links.as_object().unwrap() {
                    let target = link["operationId"]
                        .as_str()
                        .unwrap_or_else(|| panic!("{name}"));
                    let path = &operations[target];
                    for parameter in link["parameters"].as_object().unwrap().keys() {
                        assert!(path.contains(&format!("{{{parameter}}}")), "{name}: {path}");
                    }
                    followed += 1;
                }
            }
        }
    }
    assert!(
        followed >= 20,
        "created resources lead to the operations that use them"
    );
    let created = &document["paths"]["/api/v1/interventions"]["post"]["responses"]["201"]["links"];
    assert_eq!(
        created["get_intervention_id"]["parameters"]["id"],
        "$response.body#/id"
    );
}
