//! In the browser: an editor reads what the 2024 report changed for Senegal and their work, and
//! carries two links of ongoing work forward and declines one; coverage of 2024 shows it.

use gaptrack::domain::Role;
use reqwest::StatusCode;
use serde_json::Value;

use crate::browser::Browser;
use crate::digest::season;
use crate::french::{assert_french, english_only_messages, french_keys};
use crate::helpers::{expect_json, session_cookie};

fn carry_button(intervention: &str, to: &str, answer: &str) -> String {
    format!(
        "form.carry:has(input[name=intervention][value='{intervention}']):has(input[name=to][value='{to}']) button[value={answer}]"
    )
}

#[actix_web::test]
async fn an_editor_reads_the_digest_and_carries_two_links_forward_and_declines_one() {
    let season = season().await;
    let app = &season.app;
    // A second ongoing intervention of ours, on both earlier recommendations that continue.
    let second = app
        .create_intervention(&season.ours, &["SEN"], "planned")
        .await;
    let continuing = app.get_json("/api/v1/countries/SEN/digest").await["continuing"].clone();
    for earlier in continuing.as_array().unwrap() {
        let earlier = earlier["earlier"]["id"].as_str().unwrap();
        expect_json(
            app.link(&second, earlier, "full").await,
            StatusCode::CREATED,
        )
        .await;
    }
    let coverage_before = sen_coverage(app, &season.ours).await;

    let browser = Browser::open(app).await;
    browser
        .sign_in(&app.key(Role::Editor, Some(&season.ours)))
        .await;
    browser.goto("/countries/SEN?year=2024").await;
    browser.submit("a[href^='/countries/SEN/digest']").await;
    browser
        .goto(&format!(
            "/countries/SEN/digest?year=2024&organisation={}",
            season.ours
        ))
        .await;
    let summary = browser.text("section.panel").await;
    assert!(summary.contains("Tier 2"), "{summary}");
    assert!(summary.contains("upgraded"), "{summary}");
    assert!(summary.contains("In 2023: Tier 2 Watch List."), "{summary}");
    assert!(
        summary.contains("2 recommendations continue (1 reworded), 1 is new and 1 was dropped"),
        "{summary}"
    );
    assert!(
        summary.contains("Maison Rose's work answered the recommendation the 2024 report dropped"),
        "{summary}"
    );
    assert!(
        summary.contains("3 links of ongoing work wait"),
        "{summary}"
    );
    assert_eq!(browser.texts(".wording ins").await, ["and child"]);
    assert_eq!(
        browser.texts("#new ~ ul li p").await,
        ["Screen migrant workers for indicators."]
    );
    let dropped = browser.text("section[aria-labelledby=dropped]").await;
    assert!(
        dropped.contains("Adopt a national action plan."),
        "{dropped}"
    );
    assert!(dropped.contains("Maison Rose"), "{dropped}");
    assert!(!dropped.contains("CenHTRO"), "only our work: {dropped}");
    browser.client.set_window_size(390, 844).await.unwrap();
    assert_eq!(browser.past_the_edge().await, Vec::<String>::new());
    browser.screenshot("digest-phone").await;
    browser.client.set_window_size(1280, 900).await.unwrap();
    browser.screenshot("digest").await;

    browser
        .submit(&carry_button(&season.ongoing, &season.reworded_2024, "yes"))
        .await;
    assert!(browser.text("p.notice").await.contains("carried forward"));
    browser
        .submit(&carry_button(&second, &season.kept_2024, "yes"))
        .await;
    browser
        .submit(&carry_button(&second, &season.reworded_2024, "no"))
        .await;
    assert!(
        browser
            .text("p.notice")
            .await
            .contains("not be asked again")
    );
    assert_eq!(
        browser.count("form.carry").await,
        0,
        "nothing left to answer"
    );
    let continuing = browser.text("section[aria-labelledby=continuing]").await;
    assert!(continuing.contains("said no"), "{continuing}");
    browser.screenshot("digest-carried").await;
    browser.close().await;

    // Coverage of 2024 counts the carried work at once; the declined one is not linked.
    let coverage_after = sen_coverage(app, &season.ours).await;
    assert_eq!(
        coverage_before["partially_addressed"], 1,
        "{coverage_before}"
    );
    assert_eq!(coverage_before["unaddressed"], 2, "{coverage_before}");
    assert_eq!(
        coverage_after["partially_addressed"], 2,
        "the reworded one now answered: {coverage_after}"
    );
    assert_eq!(
        coverage_after["unaddressed"], 1,
        "the new one: {coverage_after}"
    );
    let carried = app
        .get_json(&format!(
            "/api/v1/interventions/{second}/recommendations/{}",
            season.kept_2024
        ))
        .await;
    assert_eq!(carried["contribution"], "full");
    assert!(carried["carried_from"].is_string(), "{carried}");
    let declined = app
        .get(&format!(
            "/api/v1/interventions/{second}/recommendations/{}",
            season.reworded_2024
        ))
        .await;
    assert_eq!(declined.status(), StatusCode::NOT_FOUND);
}

async fn sen_coverage(app: &crate::helpers::TestApp, organisation: &str) -> Value {
    let coverage = app
        .get_json(&format!(
            "/api/v1/coverage?year=2024&organisation={organisation}"
        ))
        .await;
    coverage["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["code"] == "SEN")
        .unwrap()
        .clone()
}

#[actix_web::test]
async fn the_digest_reads_in_french_and_a_viewer_gets_no_form() {
    let season = season().await;
    let app = &season.app;
    let viewer = app.key(Role::Viewer, None);
    let session = session_cookie(app, &viewer).await;
    let page = reqwest::Client::new()
        .get(app.url("/countries/SEN/digest"))
        .header("Cookie", session)
        .header("Accept-Language", "fr")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_french(
        "the digest",
        &page,
        &french_keys(),
        &english_only_messages(),
    );
    assert!(
        page.contains("Ce que le rapport 2024 a changé pour le Sénégal")
            || page.contains("Ce que le rapport 2024 a changé pour Sénégal"),
        "{page}"
    );
    assert!(
        !page.contains("form class=\"carry\""),
        "a viewer carries nothing"
    );
}
