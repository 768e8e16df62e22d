//! Linking from where the gap is seen, in a real browser: under a recommendation on the country
//! page, an editor links one of their interventions (with a rationale and evidence), or logs a
//! new one with the country and the recommendation already chosen; and the overview and the
//! country page on a 390 px phone, where nothing runs past the screen and the chart's names
//! stay at least 12 px.

use gaptrack::domain::Role;

use crate::browser::Browser;
use crate::helpers::TestApp;

#[actix_web::test]
async fn an_editor_links_work_from_the_country_page_where_the_gap_is_seen() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let recommendation = app
        .create_recommendation("SLE", 2023, 1, "protection")
        .await;
    app.create_recommendation("SLE", 2023, 2, "prevention")
        .await;
    let organisation = app.create_organisation("CenHTRO").await;
    let intervention = app
        .create_intervention(&organisation, &["SLE"], "active")
        .await;
    let other = app.create_organisation("Another NGO").await;
    app.create_intervention(&other, &["SLE"], "active").await;
    let browser = Browser::open(&app).await;
    browser
        .sign_in(&app.key(Role::Editor, Some(&organisation)))
        .await;

    browser.goto("/countries/SLE").await;
    let card = format!("#recommendation-{recommendation}");
    browser
        .click(&format!("{card} details.link-offer summary"))
        .await;
    assert_eq!(
        browser
            .count(&format!("{card} select[name=intervention_id] option"))
            .await,
        1,
        "only the editor's own work is offered"
    );
    browser
        .css(&format!("{card} select[name=contribution]"))
        .await
        .select_by_value("partial")
        .await
        .unwrap();
    browser
        .fill(
            &format!("{card} textarea[name=rationale]"),
            "Trains the police of Kenema.",
        )
        .await;
    browser
        .fill(
            &format!("{card} input[name=evidence_url]"),
            "https://example.org/kenema-report",
        )
        .await;
    browser.screenshot("country-link-offer").await;
    browser
        .submit(&format!("{card} form button[type=submit]"))
        .await;

    assert!(
        browser.path().await.starts_with("/countries/SLE?linked="),
        "{}",
        browser.path().await
    );
    let shown = browser.text(&card).await;
    assert!(
        shown.contains("Linked."),
        "the message is beside the recommendation: {shown}"
    );
    assert!(shown.contains("Partly addressed"), "{shown}");
    assert!(shown.contains("Trains the police of Kenema."), "{shown}");
    assert_eq!(
        browser
            .attr(&format!("{card} a.evidence"), "href")
            .await
            .as_deref(),
        Some("https://example.org/kenema-report")
    );
    let link = app
        .get_json(&format!(
            "/api/v1/interventions/{intervention}/recommendations/{recommendation}"
        ))
        .await;
    assert_eq!(link["contribution"], "partial");
    browser
        .goto(&format!("/interventions/{intervention}"))
        .await;
    let authors = browser.text(&format!("{card} .link-authors")).await;
    assert!(
        authors.starts_with("Linked by test editor on "),
        "who linked, and when: {authors}"
    );
    browser.goto("/countries/SLE").await;
    assert!(
        browser.text(&card).await.contains("Linked by test editor"),
        "the country page says who linked it"
    );

    browser
        .click(&format!("{card} details.link-offer summary"))
        .await;
    browser
        .submit(&format!("{card} details.link-offer a.button"))
        .await;
    assert!(
        browser.checked("input[name=countries][value=SLE]").await,
        "the country is chosen"
    );
    browser.fill("#title", "Legal aid clinic in Kenema").await;
    browser.submit("form.panel button[type=submit]").await;
    let path = browser.path().await;
    assert!(path.contains(&format!("link={recommendation}")), "{path}");
    assert_eq!(
        browser
            .count(&format!("{card} details[open] form[action$='/links']"))
            .await,
        1,
        "the new intervention's page opens the form to link it to the recommendation"
    );
    browser.close().await;
}

/// The size of the smallest text of the chart, as drawn: the font size times the drawing's
/// scale, for every name the browser shows.
async fn smallest_chart_text(browser: &Browser) -> f64 {
    let smallest = browser
        .client
        .execute(SMALLEST_CHART_TEXT, vec![])
        .await
        .unwrap();
    smallest.as_f64().unwrap()
}

const SMALLEST_CHART_TEXT: &str = r#"
    let smallest = Infinity;
    for (const svg of document.querySelectorAll(".chart svg")) {
      if (svg.getBoundingClientRect().width === 0) continue;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      for (const text of svg.querySelectorAll("text")) {
        smallest = Math.min(smallest, parseFloat(text.getAttribute("font-size")) * scale);
      }
    }
    return smallest;
"#;

#[actix_web::test]
async fn on_a_phone_the_overview_and_a_country_page_fit_the_screen_and_the_chart_stays_legible() {
    let app = TestApp::with_demo().await;
    let browser = Browser::open(&app).await;
    browser.sign_in(&app.key(Role::Viewer, None)).await;
    browser.client.set_window_size(390, 844).await.unwrap();
    for (path, name) in [
        ("/", "overview-phone"),
        ("/countries/SEN", "country-phone"),
        ("/interventions", "interventions-phone"),
    ] {
        browser.goto(path).await;
        assert_eq!(
            browser.past_the_edge().await,
            Vec::<String>::new(),
            "{path} fits a phone"
        );
        browser.screenshot(name).await;
    }
    browser.goto("/").await;
    let smallest = smallest_chart_text(&browser).await;
    assert!(
        smallest >= 12.0,
        "the chart's names are drawn at {smallest} px"
    );
    let coverage = browser
        .css("main table tbody tr:first-child td[data-label=Coverage]")
        .await;
    let (x, _, width, _) = coverage.rectangle().await.unwrap();
    assert!(x + width <= 390.0, "each country's coverage is on screen");
    for (id, name) in [
        ("chart-title", "overview-phone-chart"),
        ("countries", "overview-phone-table"),
    ] {
        let scroll = format!("document.getElementById('{id}').scrollIntoView();");
        browser.client.execute(&scroll, vec![]).await.unwrap();
        browser.screenshot(name).await;
    }
    browser.client.set_window_size(1280, 900).await.unwrap();
    browser.goto("/").await;
    let smallest = smallest_chart_text(&browser).await;
    assert!(smallest >= 12.0, "at desktop width too: {smallest} px");
    browser.screenshot("overview").await;
    browser.close().await;
}
