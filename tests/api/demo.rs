use serde_json::Value;

use crate::helpers::TestApp;

fn by_position(report: &Value) -> Vec<(i64, String, usize)> {
    report["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["position"].as_i64().unwrap(),
                r["status"].as_str().unwrap().to_string(),
                r["interventions"].as_array().unwrap().len(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn the_demo_shows_sierra_leone_partly_answered_by_cenhtro() {
    let app = TestApp::with_demo().await;
    let report = app.get_json("/api/v1/countries/SLE/gaps").await;
    assert_eq!(report["year"], 2023);
    assert_eq!(report["tier"]["tier"], "tier_2");
    assert_eq!(report["tier"]["movement"], "unchanged");
    let statuses: Vec<(i64, String, usize)> = by_position(&report);
    assert_eq!(
        statuses,
        [
            (1, "partially_addressed".into(), 1),
            (2, "addressed".into(), 1),
            (3, "partially_addressed".into(), 1),
            (4, "partially_addressed".into(), 1),
        ]
    );
}

#[actix_web::test]
async fn the_demo_shows_senegal_upgraded_with_one_recommendation_unaddressed() {
    let app = TestApp::with_demo().await;
    let report = app.get_json("/api/v1/countries/SEN/gaps").await;
    assert_eq!(report["tier"]["movement"], "upgraded");
    assert_eq!(report["summary"]["addressed"], 2);
    assert_eq!(report["summary"]["unaddressed"], 1);
    assert_eq!(report["recommendations"][1]["status"], "unaddressed");
}

#[actix_web::test]
async fn the_demo_leaves_malawi_and_zambia_unaddressed() {
    let app = TestApp::with_demo().await;
    for code in ["MWI", "ZMB"] {
        let report = app
            .get_json(&format!("/api/v1/countries/{code}/gaps"))
            .await;
        assert_eq!(report["summary"]["total"], 3);
        assert_eq!(report["summary"]["unaddressed"], 3, "{code}");
    }
    let zambia = app.get_json("/api/v1/countries/ZMB/gaps").await;
    assert_eq!(zambia["tier"]["movement"], "upgraded");
}

#[actix_web::test]
async fn loading_the_demo_twice_is_refused_and_changes_nothing() {
    let app = TestApp::with_demo().await;
    let mut connection =
        <diesel_async::AsyncPgConnection as diesel_async::AsyncConnection>::establish(
            &app.database_url,
        )
        .await
        .unwrap();
    let actor = gaptrack::db::audit::Actor::command_line("test");
    let error = gaptrack::demo::load(&mut connection, &actor)
        .await
        .unwrap_err();
    assert!(error.to_string().contains("already"), "{error}");
    let interventions = app.get_json("/api/v1/interventions?limit=200").await;
    assert_eq!(interventions["items"].as_array().unwrap().len(), 8);
}

#[actix_web::test]
async fn the_demos_links_are_signed_by_no_one_in_documents_though_the_audit_names_the_command_line()
{
    let app = TestApp::with_demo().await;
    let client =
        crate::helpers::signed_in(&app, &app.key(gaptrack::domain::Role::Viewer, None)).await;
    for path in [
        "/countries/SEN/print",
        "/countries/SLE/print",
        "/countries/SEN",
    ] {
        let page = crate::documents::page_of(&client, &app, path).await;
        assert!(
            page.contains("Evidence") || page.contains("addressed"),
            "{path}"
        );
        assert!(!page.contains("command line"), "{path}: {page}");
    }
    let gaps = app.get_json("/api/v1/countries/SLE/gaps").await;
    let linked_by: Vec<&Value> = gaps["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["interventions"].as_array().unwrap())
        .map(|i| &i["linked_by"])
        .collect();
    assert!(!linked_by.is_empty());
    assert!(linked_by.iter().all(|by| by.is_null()), "{linked_by:?}");
    let audit = app
        .get_json("/api/v1/audit?resource_type=link&limit=5")
        .await;
    assert!(
        audit["items"][0]["key_name"]
            .as_str()
            .unwrap()
            .starts_with("command line"),
        "{audit}"
    );
}
