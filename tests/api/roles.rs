//! Every write the contract lists, tried by keys that may not make it: driven by the OpenAPI
//! document, so a new write endpoint that forgets its role check fails here without anyone
//! having to list it.

use gaptrack::domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::helpers::{TestApp, expect_problem};

/// The committed contract.
const DOCUMENT: &str = include_str!("../../openapi/openapi.json");

/// Real ids of the demo data, all of one organisation, to put in paths and bodies.
struct Targets {
    organisation: String,
    intervention: String,
    recommendation: String,
    key: String,
}

impl Targets {
    /// A link of the demo data: its intervention, recommendation and organisation, so that a
    /// path naming both answers as for a real link.
    async fn of(app: &TestApp) -> Self {
        let first_id = |page: Value| page["items"][0]["id"].as_str().unwrap().to_string();
        let recommendations = app.get_json("/api/v1/recommendations?limit=200").await;
        for recommendation in recommendations["items"].as_array().unwrap() {
            let id = recommendation["id"].as_str().unwrap();
            let linked = app
                .get_json(&format!(
                    "/api/v1/recommendations/{id}/interventions?limit=1"
                ))
                .await;
            let Some(link) = linked["items"].as_array().unwrap().first() else {
                continue;
            };
            return Self {
                organisation: link["organisation_id"].as_str().unwrap().to_string(),
                intervention: link["intervention_id"].as_str().unwrap().to_string(),
                recommendation: id.to_string(),
                key: first_id(app.get_json("/api/v1/keys?limit=1").await),
            };
        }
        panic!("the demo data links no intervention to a recommendation");
    }

    /// `path` with each `{parameter}` replaced by a real value.
    fn path(&self, path: &str) -> String {
        let id = if path.starts_with("/api/v1/interventions/") {
            &self.intervention
        } else if path.starts_with("/api/v1/recommendations/") {
            &self.recommendation
        } else if path.starts_with("/api/v1/organisations/") {
            &self.organisation
        } else {
            &self.key
        };
        path.replace("{id}", id)
            .replace("{recommendation_id}", &self.recommendation)
            .replace("{code}", "SLE")
            .replace("{year}", "2023")
    }
}

/// The operation's documented example body, aimed at the demo organisation; CSV when JSON is
/// not what it reads. A write without an example is a gap in the contract.
fn example_body(document: &Value, operation: &Value, targets: &Targets) -> (&'static str, String) {
    let content = &operation["requestBody"]["content"];
    let Some(json) = content.get("application/json") else {
        assert!(content.get("text/csv").is_some(), "{operation}");
        return ("text/csv", "country,tier\nSLE,tier_2\n".to_string());
    };
    let reference = json["schema"]["$ref"].as_str().unwrap();
    let name = reference.trim_start_matches("#/components/schemas/");
    let mut example = document["components"]["schemas"][name]["example"].clone();
    assert!(
        example.is_object(),
        "{name} has no example: document one, as a client would need it"
    );
    if example.get("organisation_id").is_some() {
        example["organisation_id"] = Value::String(targets.organisation.clone());
    }
    ("application/json", example.to_string())
}

#[actix_web::test]
async fn every_write_is_refused_to_viewers_and_to_editors_of_other_organisations() {
    let app = TestApp::with_demo().await;
    let document: Value = serde_json::from_str(DOCUMENT).unwrap();
    let targets = Targets::of(&app).await;
    let other = app.create_organisation("Another organisation").await;
    let keys = [
        ("a viewer", app.key(Role::Viewer, None)),
        (
            "an editor of another organisation",
            app.key(Role::Editor, Some(&other)),
        ),
    ];
    let newest_event = |page: Value| page["items"][0]["id"].clone();
    let before = newest_event(app.get_json("/api/v1/audit?limit=1").await);

    let mut tried = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        if !path.starts_with("/api/v1/") {
            continue;
        }
        for (method, operation) in item.as_object().unwrap() {
            let method = match method.as_str() {
                "post" => Method::POST,
                "put" => Method::PUT,
                "patch" => Method::PATCH,
                "delete" => Method::DELETE,
                _ => continue,
            };
            let url = app.url(&targets.path(path));
            for (who, key) in &keys {
                let mut request = app.as_key(Some(key)).client.request(method.clone(), &url);
                if operation.get("requestBody").is_some() {
                    let (content_type, body) = example_body(&document, operation, &targets);
                    request = request.header("Content-Type", content_type).body(body);
                }
                let response = request.send().await.unwrap();
                let problem = expect_problem(response, StatusCode::FORBIDDEN, "forbidden").await;
                assert!(
                    problem["detail"].as_str().is_some_and(|d| !d.is_empty()),
                    "{method} {path} as {who}"
                );
                tried += 1;
            }
        }
    }
    assert!(tried >= 30, "every write, twice: {tried}");
    let after = newest_event(app.get_json("/api/v1/audit?limit=1").await);
    assert_eq!(before, after, "nothing was written");
}

/// The API's reads, from the contract, with whether each says a key's role may be refused, and
/// the statuses it documents.
fn reads(document: &Value) -> Vec<(String, bool, Vec<String>)> {
    document["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(path, _)| path.starts_with("/api/v1/") && !path.ends_with("openapi.json"))
        .filter_map(|(path, item)| {
            let get = item.get("get")?;
            let responses = get["responses"].as_object()?;
            Some((
                path.clone(),
                responses.contains_key("403"),
                responses.keys().cloned().collect(),
            ))
        })
        .collect()
}

#[actix_web::test]
async fn the_reads_the_contract_marks_admin_only_are_refused_to_viewers_and_no_others() {
    let app = TestApp::with_demo().await;
    let document: Value = serde_json::from_str(DOCUMENT).unwrap();
    let targets = Targets::of(&app).await;
    let viewer = app.as_key(Some(&app.key(Role::Viewer, None)));
    let reads = reads(&document);
    assert!(
        reads.iter().filter(|(_, admin, _)| *admin).count() >= 2,
        "{reads:?}"
    );
    for (path, admin_only, documented) in reads {
        let status = viewer.get(&targets.path(&path)).await.status();
        if admin_only {
            assert_eq!(status, StatusCode::FORBIDDEN, "GET {path}");
        } else if status == StatusCode::CONFLICT {
            // A read that depends on what is stored (an organisation's IATI file needs its
            // identifier) may say so, as its contract documents; never for want of a role.
            assert!(documented.contains(&"409".to_owned()), "GET {path}");
        } else {
            assert_eq!(status, StatusCode::OK, "GET {path}");
        }
    }
}

#[actix_web::test]
async fn the_writes_the_contract_says_honour_if_match_refuse_a_stale_tag() {
    let app = TestApp::with_demo().await;
    let document: Value = serde_json::from_str(DOCUMENT).unwrap();
    let targets = Targets::of(&app).await;
    let stale = "\"0000000000000000\"";
    let mut guarded = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let method = match method.as_str() {
                "put" => Method::PUT,
                "patch" => Method::PATCH,
                "delete" => Method::DELETE,
                // Creations have nothing to be stale against.
                _ => continue,
            };
            let honours = operation["parameters"]
                .as_array()
                .is_some_and(|parameters| parameters.iter().any(|p| p["name"] == "If-Match"));
            let mut request = app
                .client
                .request(method.clone(), app.url(&targets.path(path)))
                .header("If-Match", stale);
            if operation.get("requestBody").is_some() {
                let (content_type, body) = example_body(&document, operation, &targets);
                request = request.header("Content-Type", content_type).body(body);
            }
            let status = request.send().await.unwrap().status();
            if honours {
                assert_eq!(status, StatusCode::PRECONDITION_FAILED, "{method} {path}");
                guarded += 1;
            } else {
                assert_ne!(status, StatusCode::PRECONDITION_FAILED, "{method} {path}");
            }
        }
    }
    assert!(guarded >= 7, "{guarded}");
}
