//! Report years in a real browser: an admin records a new year in the pages and imports one
//! country's recommendations into it; the overview still shows every other country's latest
//! year, saying which year each row is, and can be pinned to one; the country page has a year
//! selector; an intervention's page lists each of its countries' latest recommendations.

use gaptrack::domain::Role;

use crate::browser::Browser;
use crate::helpers::TestApp;

#[actix_web::test]
async fn a_new_report_year_for_one_country_keeps_the_others_latest_work_in_view() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    app.create_recommendation("SLE", 2023, 1, "protection")
        .await;
    app.create_recommendation("SEN", 2023, 1, "prosecution")
        .await;
    let organisation = app.create_organisation("CenHTRO").await;
    let intervention = app
        .create_intervention(&organisation, &["SEN", "SLE"], "active")
        .await;
    let folder = crate::helpers::scratch_dir(&format!("years-{}", uuid::Uuid::now_v7().simple()));
    let senegal_2024 = folder.join("senegal-2024.csv");
    std::fs::write(
        &senegal_2024,
        "country,position,pillar,text\nSénégal,1,prosecution,Train judges on the 2005 law.\nSEN,2,protection,Open shelters in Tambacounda.\n",
    )
    .unwrap();
    let browser = Browser::open(&app).await;
    browser.sign_in(&app.key(Role::Admin, None)).await;

    browser.goto("/admin/reports").await;
    assert_eq!(
        browser.value("#year").await,
        "2024",
        "the next year is offered"
    );
    assert_eq!(
        browser.value("#title").await,
        "2024 Trafficking in Persons Report"
    );
    browser.fill("#published_on", "24 June 2024").await;
    browser.screenshot("report-year-new").await;
    browser.submit("main form button[type=submit]").await;
    assert_eq!(browser.path().await, "/admin/import?year=2024&recorded=1");
    assert!(
        browser
            .text("main [role=status]")
            .await
            .contains("2024 report year is recorded")
    );
    assert_eq!(
        browser.value("#year").await,
        "2024",
        "the import opens on the new year"
    );
    browser
        .css("#file")
        .await
        .send_keys(senegal_2024.to_str().unwrap())
        .await
        .unwrap();
    browser.submit("form.panel button[type=submit]").await;
    browser
        .submit("form[action='/admin/import'] input[name=confirm] ~ button")
        .await;
    assert!(
        browser
            .text("main")
            .await
            .contains("Imported, in one transaction")
    );

    browser.goto("/admin/reports").await;
    browser.fill("#year", "2024").await;
    browser.submit("main form button[type=submit]").await;
    assert!(
        browser
            .text("main [role=alert]")
            .await
            .contains("already exists"),
        "a year is recorded once"
    );
    assert!(browser.text("main table").await.contains("24 June 2024"));

    browser.goto("/").await;
    assert_eq!(
        browser.text("h1").await,
        "Coverage of each country's latest TIP Report"
    );
    let rows = browser.texts("main table tbody tr").await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    let senegal = rows.iter().find(|row| row.starts_with("Senegal")).unwrap();
    let sierra_leone = rows
        .iter()
        .find(|row| row.starts_with("Sierra Leone"))
        .unwrap();
    assert!(senegal.contains("2024"), "{senegal}");
    assert!(sierra_leone.contains("2023"), "{sierra_leone}");
    browser.screenshot("overview-latest-years").await;
    browser
        .css("#year")
        .await
        .select_by_value("2024")
        .await
        .unwrap();
    browser.submit("form.filters button[type=submit]").await;
    assert_eq!(browser.text("h1").await, "Coverage of the 2024 TIP Report");
    let pinned = browser.texts("main table tbody tr").await;
    assert_eq!(pinned.len(), 1, "{pinned:?}");
    assert!(pinned[0].starts_with("Senegal"));

    browser.goto("/countries/SEN").await;
    assert!(browser.text("h1").await.contains("2024"));
    browser
        .css("#year")
        .await
        .select_by_value("2023")
        .await
        .unwrap();
    browser.submit("form.filters button[type=submit]").await;
    assert_eq!(browser.text("h1").await, "Senegal in the 2023 TIP Report");

    browser
        .goto(&format!("/interventions/{intervention}"))
        .await;
    assert_eq!(
        browser.text("#recommendations-SEN").await,
        "Senegal · 2024 report"
    );
    assert_eq!(
        browser.text("#recommendations-SLE").await,
        "Sierra Leone · 2023 report"
    );
    assert_eq!(
        browser
            .count("section.country-recommendations ol.recommendations > li")
            .await,
        3,
        "Senegal's two of 2024 and Sierra Leone's one of 2023"
    );
    browser.screenshot("intervention-countries-years").await;
    browser.close().await;
}

/// Records a recommendation with this text, and gives its id.
async fn recommend(app: &TestApp, year: i32, position: i32, text: &str) -> String {
    let body = serde_json::json!({
        "country": "SEN", "year": year, "position": position, "pillar": "protection", "text": text,
    });
    crate::helpers::expect_json(
        app.post("/api/v1/recommendations", &body).await,
        reqwest::StatusCode::CREATED,
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[actix_web::test]
async fn an_admin_confirms_in_one_pass_which_recommendations_continue_last_years() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    app.create_report(2024).await;
    let begging_2023 = recommend(&app, 2023, 1, "Vigorously investigate and prosecute trafficking crimes, including forced begging in Koranic schools.").await;
    recommend(
        &app,
        2023,
        2,
        "Increase funding for shelters for trafficking victims.",
    )
    .await;
    recommend(
        &app,
        2023,
        3,
        "Train labour inspectors to identify forced labour in gold mines.",
    )
    .await;
    let begging_2024 = recommend(&app, 2024, 1, "Vigorously investigate and prosecute trafficking offenses, including forced begging in Koranic schools, and convict traffickers.").await;
    let shelters_2024 = recommend(
        &app,
        2024,
        2,
        "Increase funding for shelters for trafficking victims, including children.",
    )
    .await;
    recommend(&app, 2024, 3, "Adopt and fund a national action plan.").await;
    let browser = Browser::open(&app).await;
    browser.sign_in(&app.key(Role::Admin, None)).await;

    browser.goto("/countries/SEN").await;
    assert_eq!(
        browser.text("#lineage-title").await,
        "Do these continue the 2023 report's?"
    );
    assert_eq!(
        browser.texts("section.lineage legend").await,
        [
            "2024 no. 1 continues 2023 no. 1?",
            "2024 no. 2 continues 2023 no. 2?"
        ],
        "the unrelated third is not offered"
    );
    let new_line = format!("#recommendation-{begging_2024}");
    assert!(browser.text(&new_line).await.contains("New in this report"));
    browser.screenshot("lineage-suggestions").await;
    browser
        .click(&format!("input[name='answer-{begging_2024}'][value=yes]"))
        .await;
    browser
        .click(&format!("input[name='answer-{shelters_2024}'][value=no]"))
        .await;
    browser.submit("section.lineage button[type=submit]").await;

    assert_eq!(browser.text("#lineage-done").await, "2 answers saved.");
    assert_eq!(
        browser.count("section.lineage").await,
        0,
        "nothing is asked twice"
    );
    assert!(
        browser
            .text(&new_line)
            .await
            .contains("Standing since 2023 (2 reports)"),
        "{}",
        browser.text(&new_line).await
    );
    let stored = app
        .get_json(&format!("/api/v1/recommendations/{begging_2024}"))
        .await;
    assert_eq!(stored["continues"], begging_2023.as_str());
    let refused = app
        .get_json(&format!("/api/v1/recommendations/{shelters_2024}"))
        .await;
    assert!(refused["continues"].is_null(), "a no links nothing");
    let audit = app
        .get_json(&format!(
            "/api/v1/audit?resource_type=recommendation&resource_id={shelters_2024}"
        ))
        .await;
    assert!(audit.to_string().contains("does_not_continue"), "{audit}");
    browser.close().await;
}
