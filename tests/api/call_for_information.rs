//! The call-for-information pack: the interventions active in the period the report assesses, by
//! pillar, with what they answer and their evidence, then what nothing answers; as JSON, a page,
//! a printable page and a Word document read back by python-docx.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::documents::page_of;
use crate::helpers::{TestApp, expect_json, expect_problem, signed_in};
use crate::readers::{read_docx, read_docx_properties};
use gaptrack::domain::{Role, next_report_year};

/// Senegal's 2023 recommendations 1 (prosecution), 2 (protection) and 3 (prevention), and seven
/// interventions of which two are dated in the 2024 report's period (1 April 2023 to 31 March
/// 2024) and two have dates that cannot place them (no start; completed with no end).
struct Setting {
    app: TestApp,
    organisation: String,
    recommendations: Vec<String>,
}

async fn intervention(app: &TestApp, organisation: &str, fields: Value) -> String {
    let mut body = json!({
        "organisation_id": organisation, "countries": ["SEN"], "kind": "training",
    });
    body.as_object_mut()
        .unwrap()
        .extend(fields.as_object().unwrap().clone());
    let created = expect_json(
        app.post("/api/v1/interventions", &body).await,
        StatusCode::CREATED,
    )
    .await;
    created["id"].as_str().unwrap().to_owned()
}

async fn link(app: &TestApp, intervention: &str, recommendation: &str, body: Value) {
    let path = format!("/api/v1/interventions/{intervention}/recommendations/{recommendation}");
    expect_json(app.put(&path, &body).await, StatusCode::CREATED).await;
}

async fn setting() -> Setting {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let mut recommendations = Vec::new();
    for (position, pillar) in [(1, "prosecution"), (2, "protection"), (3, "prevention")] {
        recommendations.push(
            app.create_recommendation("SEN", 2023, position, pillar)
                .await,
        );
    }
    let organisation = app
        .create_organisation("Réseau Sahel contre la traite")
        .await;
    let trained = intervention(
        &app,
        &organisation,
        json!({
            "title": "Training of Thiès prosecutors", "status": "completed", "kind": "training",
            "started_on": "2023-05-01", "ended_on": "2023-12-31", "people_reached": 120,
            "location": "Thiès",
        }),
    )
    .await;
    link(
        &app,
        &trained,
        &recommendations[0],
        json!({
            "contribution": "full", "rationale": "Trains every district prosecutor.",
            "evidence_url": "https://example.org/thies-training-report.pdf",
        }),
    )
    .await;
    let shelter = intervention(&app, &organisation, json!({
        "title": "Shelter for adult victims in Dakar", "status": "active", "kind": "victim_services",
    }))
    .await;
    link(
        &app,
        &shelter,
        &recommendations[1],
        json!({"contribution": "partial"}),
    )
    .await;
    for (title, status, dates) in [
        ("A cancelled campaign", "cancelled", json!({})),
        (
            "Last year's campaign",
            "completed",
            json!({"started_on": "2022-06-01", "ended_on": "2023-02-28"}),
        ),
        ("A planned campaign", "planned", json!({})),
    ] {
        let mut fields = json!({"title": title, "status": status, "kind": "prevention"});
        fields
            .as_object_mut()
            .unwrap()
            .extend(dates.as_object().unwrap().clone());
        let id = intervention(&app, &organisation, fields).await;
        link(
            &app,
            &id,
            &recommendations[2],
            json!({"contribution": "full"}),
        )
        .await;
    }
    intervention(&app, &organisation, json!({
        "title": "Hotline for migrants", "status": "active", "kind": "other", "started_on": "2023-09-01",
    }))
    .await;
    // Completed long ago, its end never recorded: nothing shows it was done in a later period.
    let policy = intervention(&app, &organisation, json!({
        "title": "Policy advice on the 2022 act", "status": "completed", "kind": "policy_support",
        "started_on": "2022-03-01",
    }))
    .await;
    link(
        &app,
        &policy,
        &recommendations[0],
        json!({"contribution": "partial"}),
    )
    .await;
    Setting {
        app,
        organisation,
        recommendations,
    }
}

fn titles(actions: &Value) -> Vec<&str> {
    actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect()
}

#[actix_web::test]
async fn the_pack_tells_what_was_done_in_the_period_by_pillar_and_what_nothing_answers() {
    let Setting {
        app,
        recommendations,
        ..
    } = setting().await;
    let pack = app
        .get_json("/api/v1/countries/Senegal/call-for-information?year=2024")
        .await;
    assert_eq!(pack["report_year"], 2024);
    assert_eq!(
        pack["reporting_period"],
        json!({"starts_on": "2023-04-01", "ends_on": "2024-03-31"})
    );
    assert_eq!(pack["last_report_year"], 2023);
    let pillars: Vec<&str> = pack["pillars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["pillar"].as_str().unwrap())
        .collect();
    assert_eq!(pillars, ["prosecution"]);
    assert_eq!(
        titles(&pack["pillars"][0]["actions"]),
        ["Training of Thiès prosecutors"]
    );
    assert_eq!(titles(&pack["other_actions"]), ["Hotline for migrants"]);
    assert_eq!(
        titles(&pack["to_check"]),
        [
            "Shelter for adult victims in Dakar",
            "Policy advice on the 2022 act"
        ],
        "work without a start, or completed without an end, is listed apart, not counted"
    );
    let answer = &pack["pillars"][0]["actions"][0]["answers"][0];
    assert_eq!(answer["recommendation_id"], recommendations[0].as_str());
    assert_eq!(answer["year"], 2023);
    assert_eq!(answer["position"], 1);
    assert_eq!(
        answer["evidence_url"],
        "https://example.org/thies-training-report.pdf"
    );
    let unanswered: Vec<i64> = pack["unanswered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["position"].as_i64().unwrap())
        .collect();
    assert_eq!(
        unanswered,
        [2, 3],
        "cancelled, planned, before-the-period and undated work answers nothing"
    );

    // Without a year, the pack is for the next report: the one whose period holds today.
    let next = app
        .get_json("/api/v1/countries/SEN/call-for-information")
        .await;
    assert_eq!(
        next["report_year"],
        next_report_year(app.now().date_naive())
    );
    assert_eq!(next["pillars"], json!([]), "{next}");
    assert_eq!(
        titles(&next["other_actions"]),
        ["Hotline for migrants"],
        "dated work still active reaches today's period"
    );
    assert_eq!(
        titles(&next["to_check"]),
        [
            "Shelter for adult victims in Dakar",
            "Policy advice on the 2022 act"
        ],
        "a completed 2022 action with no end is not told as done this year"
    );
    assert_eq!(next["unanswered"].as_array().unwrap().len(), 3);

    expect_problem(
        app.get("/api/v1/countries/SEN/call-for-information?year=1999")
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    expect_problem(
        app.get("/api/v1/countries/SEN/call-for-information?format=xlsx")
            .await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
}

#[actix_web::test]
async fn the_pack_is_a_page_a_printable_page_and_a_word_document_that_says_the_same() {
    let Setting {
        app, organisation, ..
    } = setting().await;
    let client = signed_in(&app, &app.key(Role::Viewer, None)).await;
    let country = page_of(&client, &app, "/countries/SEN").await;
    assert!(country.contains(r#"href="/countries/SEN/call-for-information""#));
    assert!(
        country.contains("Nothing yet in the period the next report will assess"),
        "the country page marks what the current period has nothing for: {country}"
    );

    let path = format!("/countries/SEN/call-for-information?year=2024&organisation={organisation}");
    let page = page_of(&client, &app, &path).await;
    for expected in [
        "Senegal: actions for the 2024 TIP Report",
        "1 April 2023 to 31 March 2024",
        "Réseau Sahel contre la traite",
        "Training of Thiès prosecutors",
        "2023 report, No. 1 (Prosecution)",
        "Recommendations of the 2023 report with nothing in the period",
        "To check before sending: work whose dates do not show the period",
    ] {
        assert!(page.contains(expected), "{expected:?} missing: {page}");
    }
    let printable = page_of(
        &client,
        &app,
        "/countries/SEN/call-for-information/print?year=2024",
    )
    .await;
    assert!(printable.contains("<h1>Senegal: actions for the 2024 TIP Report</h1>"));
    assert!(printable.contains("button type=\"button\" data-print"));

    let response = client
        .get(app.url("/countries/SEN/call-for-information.docx?year=2024"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("gaptrack-SEN-2024-call-for-information.docx")
    );
    let bytes = response.bytes().await.unwrap();
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/documents");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("gaptrack-SEN-2024-call-for-information.docx"),
        &bytes,
    )
    .unwrap();
    let properties = read_docx_properties(&bytes);
    assert_eq!(properties.title, "Senegal: actions for the 2024 TIP Report");
    assert_eq!(properties.author, "test viewer");
    assert_eq!(properties.language, "en-GB");
    assert_eq!(properties.text_language.as_deref(), Some("en-GB"));
    assert_eq!(properties.footer, "Page 1", "the pages are numbered");
    let paragraphs = read_docx(&bytes);
    let styled = |style: &str| -> Vec<&str> {
        paragraphs
            .iter()
            .filter(|p| p.style == style)
            .map(|p| p.text.as_str())
            .collect()
    };
    assert_eq!(
        styled("Heading 1"),
        ["Senegal: actions for the 2024 TIP Report"]
    );
    assert_eq!(
        styled("Heading 2"),
        [
            "Prosecution",
            "Other actions in the period",
            "To check before sending: work whose dates do not show the period",
            "Recommendations of the 2023 report with nothing in the period"
        ]
    );
    assert_eq!(
        styled("Heading 3"),
        [
            "Training of Thiès prosecutors",
            "Hotline for migrants",
            "Shelter for adult victims in Dakar",
            "Policy advice on the 2022 act"
        ]
    );
    let text: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
    for expected in [
        "Dates: 1 May 2023 to 31 December 2023",
        "People reached: 120",
        "Dates: since 1 September 2023",
        "Dates: dates not recorded",
        "Reporting period: 1 April 2023 to 31 March 2024",
    ] {
        assert!(text.contains(&expected), "{expected:?} missing: {text:?}");
    }
    assert!(
        text.iter()
            .any(|t| t.starts_with("No. 3. Recommendation 3 to SEN in 2023.")),
        "{text:?}"
    );
    let links: Vec<&str> = paragraphs
        .iter()
        .flat_map(|p| p.links.iter().map(String::as_str))
        .collect();
    assert_eq!(links, ["https://example.org/thies-training-report.pdf"]);
}

#[actix_web::test]
async fn word_packs_asked_for_at_once_are_each_built_in_turn_and_all_arrive() {
    let Setting { app, .. } = setting().await;
    let path = "/api/v1/countries/SEN/call-for-information?year=2024&format=docx";
    let downloads = (0..4).map(|_| async {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.bytes().await.unwrap()
    });
    let documents = futures_util::future::join_all(downloads).await;
    let text = |document: &[u8]| -> Vec<String> {
        read_docx(document)
            .into_iter()
            .map(|paragraph| paragraph.text)
            .collect()
    };
    let first = text(&documents[0]);
    assert!(
        first.contains(&"Senegal: actions for the 2024 TIP Report".to_owned()),
        "{first:?}"
    );
    for document in &documents[1..] {
        assert_eq!(text(document), first, "every download says the same");
    }
}

#[actix_web::test]
async fn the_country_page_notes_what_nothing_done_in_the_next_reports_period_answers() {
    let app = TestApp::spawn().await;
    let period = gaptrack::domain::reporting_period(next_report_year(app.now().date_naive()));
    let latest = next_report_year(app.now().date_naive()) - 1;
    app.create_report(latest).await;
    let mut recommendations = Vec::new();
    for (position, pillar) in [(1, "prosecution"), (2, "protection"), (3, "prevention")] {
        recommendations.push(
            app.create_recommendation("SEN", latest, position, pillar)
                .await,
        );
    }
    let sahel = app.create_organisation("Réseau Sahel").await;
    let other = app.create_organisation("CenHTRO").await;
    let in_period = json!({
        "status": "completed", "started_on": period.starts_on.to_string(),
        "ended_on": period.starts_on.succ_opt().unwrap().to_string(),
    });
    let before_it = json!({
        "status": "completed", "started_on": "2019-01-01", "ended_on": "2019-06-30",
    });
    let fields = |title: &str, dates: &Value| {
        let mut fields = json!({ "title": title });
        fields
            .as_object_mut()
            .unwrap()
            .extend(dates.as_object().unwrap().clone());
        fields
    };
    for (organisation, title, dates, answers) in [
        (&sahel, "Training of Thiès prosecutors", &in_period, 0),
        (&sahel, "An old shelter", &before_it, 1),
        (&other, "Hotline", &in_period, 2),
    ] {
        let id = intervention(&app, organisation, fields(title, dates)).await;
        link(
            &app,
            &id,
            &recommendations[answers],
            json!({"contribution": "full"}),
        )
        .await;
    }
    let viewer = signed_in(&app, &app.key(Role::Viewer, None)).await;
    let noted = async |query: &str| -> Vec<usize> {
        let page = page_of(&viewer, &app, &format!("/countries/SEN{query}")).await;
        let document = scraper::Html::parse_document(&page);
        recommendations
            .iter()
            .enumerate()
            .filter(|(_, id)| {
                let note = format!("#recommendation-{id} .window-note");
                document
                    .select(&scraper::Selector::parse(&note).unwrap())
                    .next()
                    .is_some()
            })
            .map(|(index, _)| index)
            .collect()
    };

    assert_eq!(noted("").await, [1], "only the old work's recommendation");
    assert_eq!(noted(&format!("?organisation={sahel}")).await, [1, 2]);
    assert_eq!(noted(&format!("?organisation={other}")).await, [0, 1]);
    assert_eq!(
        noted(&format!("?year={latest}")).await,
        Vec::<usize>::new(),
        "a year asked is read as it was, without the window"
    );
    let pack = app
        .get_json("/api/v1/countries/SEN/call-for-information")
        .await;
    let unanswered: Vec<&str> = pack["unanswered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        unanswered,
        [recommendations[1].as_str()],
        "the pack says the same"
    );
}
