//! A new edition from its published text: an admin sends country narratives as copied from the
//! report (or a saved page), checks what they would change, imports them, and finds each
//! country's tier and recommendations in order, with a proposed pillar and the source kept. The
//! narratives here are written for the tests, in the report's forms, not copied from it.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::TestApp;

const TWO_COUNTRIES: &str = "\
SENEGAL: Tier 2
The Government of Senegal does not fully meet the minimum standards but is making significant
efforts to do so. Therefore Senegal remained on Tier 2.
PRIORITIZED RECOMMENDATIONS:
\u{2022} Increase efforts to investigate and prosecute those who force children to beg, and con-
vict them.
\u{2022} Expand shelter and services for adult victims outside the capital.
\u{2022} Adopt and fund a national action plan.
PROSECUTION
The government maintained its efforts.

CHAD (Tier 2 Watch List)
The government was granted a waiver from an otherwise required downgrade and remained on Tier 2
Watch List.
PRIORITIZED RECOMMENDATIONS:
Train labor inspectors to identify forced labor in mining areas.

Raise awareness of fraudulent recruitment among young people.
PROTECTION
";

const SOURCE: &str = "https://www.state.gov/reports/2025-trafficking-in-persons-report/";

async fn send(app: &TestApp, body: &str, content_type: &str, query: &str) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/reports/2025/import{query}")))
        .header("Content-Type", content_type)
        .body(body.to_owned())
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn narratives_pasted_from_the_report_are_checked_then_imported_in_order() {
    let app = TestApp::spawn().await;
    app.create_report(2025).await;
    let source = url::form_urlencoded::byte_serialize(SOURCE.as_bytes()).collect::<String>();
    let checked = send(
        &app,
        TWO_COUNTRIES,
        "text/plain",
        &format!("?dry_run=true&source_url={source}"),
    )
    .await;
    assert_eq!(checked.status(), StatusCode::OK);
    let checked: Value = checked.json().await.unwrap();
    assert_eq!(checked["dry_run"], true);
    assert_eq!(checked["countries"], serde_json::json!(["SEN", "TCD"]));
    assert_eq!(checked["tiers"]["created"], 2);
    assert_eq!(checked["recommendations"]["created"], 5);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM recommendations").await,
        0,
        "a check writes nothing"
    );

    let imported = send(
        &app,
        TWO_COUNTRIES,
        "text/plain",
        &format!("?source_url={source}"),
    )
    .await;
    assert_eq!(imported.status(), StatusCode::OK);
    let senegal = app
        .get_json("/api/v1/recommendations?country=SEN&year=2025")
        .await;
    let senegal = senegal["items"].as_array().unwrap();
    let read: Vec<(i64, &str, &str)> = senegal
        .iter()
        .map(|r| {
            (
                r["position"].as_i64().unwrap(),
                r["pillar"].as_str().unwrap(),
                r["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (
                1,
                "prosecution",
                "Increase efforts to investigate and prosecute those who force children to beg, and convict them."
            ),
            (
                2,
                "protection",
                "Expand shelter and services for adult victims outside the capital."
            ),
            (3, "prevention", "Adopt and fund a national action plan."),
        ]
    );
    assert!(
        senegal
            .iter()
            .all(|r| r["source_url"] == SOURCE && r["prioritized"] == true)
    );
    let chad = app.get_json("/api/v1/countries/TCD/tiers").await;
    let placement = chad["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["year"] == 2025)
        .unwrap()
        .clone();
    assert_eq!(placement["tier"], "tier_2_watch_list");
    assert_eq!(placement["waiver"], true);

    // The same text again changes nothing.
    let again: Value = send(
        &app,
        TWO_COUNTRIES,
        "text/plain",
        &format!("?source_url={source}"),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(again["recommendations"]["unchanged"], 5, "{again}");
}

#[actix_web::test]
async fn a_saved_country_page_is_read_as_its_text() {
    let app = TestApp::spawn().await;
    app.create_report(2025).await;
    let page = "<html><head><title>Senegal</title><script>track()</script></head><body>\
        <h2>SENEGAL: Tier 2</h2><p>The government remained on Tier 2.</p>\
        <h3>PRIORITIZED RECOMMENDATIONS:</h3><ul><li>Train judges on the <em>2005 law</em>.</li>\
        <li>Fund shelters for victims.</li></ul><h3>PROSECUTION</h3><p>Efforts held.</p></body></html>";
    let imported = send(&app, page, "text/html; charset=utf-8", "").await;
    assert_eq!(
        imported.status(),
        StatusCode::OK,
        "{}",
        imported.text().await.unwrap()
    );
    let stored = app
        .get_json("/api/v1/recommendations?country=SEN&year=2025")
        .await;
    let texts: Vec<&str> = stored["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "Train judges on the 2005 law.",
            "Fund shelters for victims."
        ]
    );
}

#[actix_web::test]
async fn what_cannot_be_read_is_said_with_its_line_and_the_text_around_it() {
    let app = TestApp::spawn().await;
    app.create_report(2025).await;
    let missing = "SENEGAL: Tier 2\nThe government remained on Tier 2.\nPRIORITIZED RECOMMENDATIONS:\n\u{2022} Fund shelters.\nPROSECUTION\n\
                   TOGO: Tier 2\nThe government remained on Tier 2 and was praised.\nPROSECUTION\n";
    let refused = send(&app, missing, "text/plain", "").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = refused.json().await.unwrap();
    let error = &problem["errors"][0];
    assert_eq!(error["row"], 6, "{problem}");
    assert_eq!(error["field"], "text");
    let message = error["message"].as_str().unwrap();
    assert!(
        message.starts_with("TOGO: no recommendations section"),
        "{message}"
    );
    assert!(
        message.contains("remained on Tier 2 and was praised"),
        "{message}"
    );
    assert_eq!(
        app.count("SELECT count(*) AS n FROM recommendations").await,
        0,
        "nothing written"
    );

    let unknown = "ATLANTIS: Tier 1\nPRIORITIZED RECOMMENDATIONS:\n\u{2022} Fund shelters.\n";
    let refused = send(&app, unknown, "text/plain", "").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = refused.json().await.unwrap();
    assert_eq!(
        problem["errors"][0]["row"], 1,
        "the heading's line: {problem}"
    );

    let nothing = send(
        &app,
        "Minutes of the meeting.\nNothing here.",
        "text/plain",
        "",
    )
    .await;
    assert_eq!(nothing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = nothing.json().await.unwrap();
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("no country narrative found"),
        "{problem}"
    );

    let csv = send(
        &app,
        "country,tier\nSEN,Tier 2\n",
        "text/csv",
        "?source_url=https%3A%2F%2Fexample.org%2F",
    )
    .await;
    assert_eq!(
        csv.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a file's rows name their own source"
    );
    let problem: Value = csv.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "source_url");

    let tiers = app
        .client
        .post(app.url("/api/v1/tiers/import"))
        .header("Content-Type", "text/plain")
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(
        tiers.status(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "a tier history is a file"
    );
}
