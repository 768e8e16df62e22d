//! A new edition in the pages: an admin pastes two countries' narratives as copied from the
//! report, reviews what was read, corrects a pillar the words misled, imports, and finds each
//! country's recommendations on its page. The narratives are written for the test.

use gaptrack::domain::Role;

use crate::browser::Browser;
use crate::helpers::TestApp;

const PASTE: &str = "\
SIERRA LEONE: Tier 2
The government remained on Tier 2.
PRIORITIZED RECOMMENDATIONS:
\u{2022} Increase efforts to investigate and prosecute traffickers, including com-
plicit officials.
\u{2022} Expand shelter for male victims.
PROSECUTION
The government maintained its efforts.
SENEGAL (Tier 2 Watch List)
The government was downgraded to Tier 2 Watch List.
PRIORITIZED RECOMMENDATIONS:
\u{2022} Collect and publish data on victims referred to care.
\u{2022} Train labor inspectors to identify forced labor.
PROTECTION
";

#[actix_web::test]
async fn an_admin_pastes_narratives_corrects_a_pillar_and_imports_them() {
    let app = TestApp::spawn().await;
    app.create_report(2024).await;
    app.create_report(2025).await;
    // Senegal's previous report: one recommendation the new one rewords, one it drops.
    let earlier = |position: i32, text: &str| serde_json::json!({"country": "SEN", "year": 2024, "position": position, "pillar": "prevention", "text": text});
    let inspectors = app
        .post(
            "/api/v1/recommendations",
            &earlier(
                1,
                "Train labor inspectors to identify forced labor in mines.",
            ),
        )
        .await;
    let inspectors: serde_json::Value = inspectors.json().await.unwrap();
    let inspectors = inspectors["id"].as_str().unwrap().to_owned();
    app.post(
        "/api/v1/recommendations",
        &earlier(2, "Amend the penal code to remove fines."),
    )
    .await;
    let browser = Browser::open(&app).await;
    browser.sign_in(&app.key(Role::Admin, None)).await;

    browser.goto("/admin/import").await;
    browser
        .css("#year")
        .await
        .select_by_value("2025")
        .await
        .unwrap();
    browser.click("details.paste summary").await;
    browser.fill("#narratives", PASTE).await;
    browser
        .fill(
            "#source_url",
            "https://www.state.gov/reports/2025-trafficking-in-persons-report/",
        )
        .await;
    browser.submit("form.panel button[type=submit]").await;
    assert!(
        browser
            .text("main .notice")
            .await
            .contains("Senegal and Sierra Leone"),
        "{}",
        browser.text("main").await
    );
    assert_eq!(
        browser.texts("form.review h3").await,
        ["SIERRA LEONE", "SENEGAL"],
        "each country as its heading reads"
    );
    assert_eq!(
        browser.value("select[name='tier-1-tier']").await,
        "tier_2_watch_list"
    );
    assert_eq!(
        browser.value("textarea[name='rec-0-text']").await,
        "Increase efforts to investigate and prosecute traffickers, including complicit officials.",
        "the PDF's hyphen mended"
    );
    // Its words speak of victims and care; the admin files data collection under prevention.
    assert_eq!(
        browser.value("select[name='rec-2-pillar']").await,
        "protection"
    );
    browser
        .css("select[name='rec-2-pillar']")
        .await
        .select_by_value("prevention")
        .await
        .unwrap();
    browser
        .fill(
            "textarea[name='rec-3-text']",
            "Train labor inspectors to identify forced labor in gold mines.",
        )
        .await;
    // The reworded one is proposed as continuing last year's; the other is new.
    assert_eq!(
        browser.value("select[name='rec-3-continues']").await,
        inspectors
    );
    assert_eq!(browser.value("select[name='rec-2-continues']").await, "");
    assert_eq!(
        browser.count("select[name='rec-0-continues']").await,
        0,
        "Sierra Leone has no earlier report to continue"
    );
    assert_eq!(
        app.count("SELECT count(*) AS n FROM recommendations").await,
        2
    );
    browser.screenshot("narratives-review").await;
    browser.submit("form.review button[type=submit]").await;
    assert!(
        browser.text("main .notice").await.starts_with("Imported"),
        "{}",
        browser.text("main").await
    );

    browser.goto("/countries/SEN?year=2025").await;
    let page = browser.text("main").await;
    assert!(page.contains("Tier 2 Watch List"), "{page}");
    assert!(page.contains("Train labor inspectors to identify forced labor in gold mines."));
    let prevention = browser
        .text("section[aria-labelledby='pillar-prevention']")
        .await;
    assert!(
        prevention.contains("Collect and publish data on victims referred to care."),
        "the corrected pillar: {prevention}"
    );
    let stored = app
        .get_json("/api/v1/recommendations?country=SEN&year=2025")
        .await;
    let reworded = stored["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["position"] == 2)
        .unwrap()
        .clone();
    assert_eq!(
        reworded["continues"],
        inspectors.as_str(),
        "the line is kept"
    );
    browser.screenshot("narratives-imported").await;
    browser.close().await;
}
