//! The lists a program manager works from, in a real browser: the interventions list searched,
//! sorted and paged; a country filter with a typo that keeps the page; and the list on a 390 px
//! phone, where each row is a card that shows every column.

use gaptrack::domain::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::browser::Browser;
use crate::helpers::{TestApp, expect_json};

/// Logs an intervention of `organisation` in `countries` with this title and description.
async fn log(
    app: &TestApp,
    organisation: &str,
    countries: &[&str],
    title: &str,
    description: &str,
) {
    let body = json!({
        "organisation_id": organisation, "countries": countries, "kind": "legal_aid",
        "title": title, "description": description, "status": "active",
    });
    expect_json(
        app.post("/api/v1/interventions", &body).await,
        StatusCode::CREATED,
    )
    .await;
}

#[actix_web::test]
async fn a_program_manager_searches_sorts_and_pages_the_interventions_list() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    for n in 1..=55 {
        log(
            &app,
            &organisation,
            &["SLE"],
            &format!("Police training, session {n:02}"),
            "Kenema district",
        )
        .await;
    }
    log(
        &app,
        &organisation,
        &["SEN"],
        "Legal aid clinic",
        "Counsel for survivors in Thiès",
    )
    .await;
    let browser = Browser::open(&app).await;
    browser
        .sign_in(&app.key(Role::Editor, Some(&organisation)))
        .await;

    browser.goto("/interventions").await;
    assert_eq!(
        browser.text("p.count").await,
        "Showing 1–50 of 56 interventions."
    );
    let first_page = browser.texts("main table tbody th a").await;
    assert_eq!(first_page.len(), 50);
    assert_eq!(first_page[0], "Legal aid clinic", "the newest comes first");
    assert_eq!(first_page[1], "Police training, session 55");
    assert!(
        browser
            .text("main table tbody tr:first-child")
            .await
            .contains("Senegal"),
        "countries are named, not coded"
    );
    browser.screenshot("interventions-list").await;
    browser.submit("nav.pager a[rel=next]").await;
    assert_eq!(
        browser.text("p.count").await,
        "Showing 51–56 of 56 interventions."
    );
    let second_page = browser.texts("main table tbody th a").await;
    assert_eq!(second_page.len(), 6);
    assert_eq!(second_page.last().unwrap(), "Police training, session 01");
    assert!(
        second_page.iter().all(|title| !first_page.contains(title)),
        "no row is on both pages"
    );
    assert_eq!(
        browser.count("nav.pager a[rel=next]").await,
        0,
        "the last page has no next"
    );

    browser.submit("nav.pager a.secondary").await;
    browser.fill("#q", "thiès").await;
    browser.submit("form.filters button[type=submit]").await;
    assert_eq!(
        browser.texts("main table tbody th a").await,
        ["Legal aid clinic"],
        "the description is searched, ignoring case"
    );
    assert_eq!(browser.text("p.count").await, "1 intervention.");
    assert_eq!(
        browser.value("#q").await,
        "thiès",
        "the search stays in its box"
    );

    browser.goto("/interventions?sort=title").await;
    let by_title = browser.texts("main table tbody th a").await;
    assert_eq!(by_title[0], "Legal aid clinic");
    assert_eq!(by_title[1], "Police training, session 01");

    browser.goto("/interventions").await;
    browser.fill("#country", "Sierra").await;
    browser.submit("form.filters button[type=submit]").await;
    assert!(
        browser
            .text("#country-problem")
            .await
            .contains("No country is called “Sierra”"),
        "the typo is named"
    );
    assert_eq!(
        browser.count("header.site nav").await,
        1,
        "the page keeps its menu"
    );
    assert_eq!(
        browser.value("#country").await,
        "Sierra",
        "the filter keeps what was typed"
    );
    browser.screenshot("interventions-country-typo").await;
    browser.submit("#country-problem a").await;
    assert!(
        browser.path().await.contains("country=SLE"),
        "{}",
        browser.path().await
    );
    assert_eq!(
        browser.text("p.count").await,
        "Showing 1–50 of 55 interventions."
    );

    browser.client.set_window_size(390, 844).await.unwrap();
    browser.goto("/interventions").await;
    assert_eq!(
        browser.past_the_edge().await,
        Vec::<String>::new(),
        "the list fits a phone"
    );
    let statuses = browser
        .client
        .find_all(fantoccini::Locator::Css(
            "main table tbody td[data-label=Status]",
        ))
        .await
        .unwrap();
    assert_eq!(statuses.len(), 50);
    let (x, _, width, _) = statuses[0].rectangle().await.unwrap();
    assert!(
        x >= 0.0 && x + width <= 390.0,
        "each row's status is on screen ({x} + {width})"
    );
    assert!(statuses[0].text().await.unwrap().contains("Active"));
    browser.screenshot("interventions-list-phone").await;
    browser.goto("/interventions/new").await;
    assert_eq!(
        browser.past_the_edge().await,
        Vec::<String>::new(),
        "the form's boxes stay inside their card"
    );
    browser.fill(".picker-filter", "leone").await;
    let shown = browser.texts(".picker-choices label:not([hidden])").await;
    assert_eq!(
        shown,
        ["Sierra Leone"],
        "the filter narrows the countries as one types"
    );
    browser.screenshot("intervention-form-phone").await;
    browser.close().await;
}

#[actix_web::test]
async fn a_reader_follows_a_recommendation_to_every_intervention_linked_to_it_on_a_phone() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let recommendation = app
        .create_recommendation("SLE", 2023, 1, "protection")
        .await;
    let organisation = app.create_organisation("CenHTRO").await;
    for _ in 0..11 {
        let intervention = app
            .create_intervention(&organisation, &["SLE"], "active")
            .await;
        assert_eq!(
            app.link(&intervention, &recommendation, "full")
                .await
                .status(),
            StatusCode::CREATED
        );
    }
    let browser = Browser::open(&app).await;
    browser.sign_in(&app.key(Role::Viewer, None)).await;
    browser.client.set_window_size(390, 844).await.unwrap();
    let answers = format!("#recommendation-{recommendation} ul li");

    for (language, see_all, notice, back) in [
        (
            "en",
            "See every intervention linked to it",
            "Interventions linked to recommendation 1 of the 2023 report on Sierra Leone.",
            "Back to the recommendation",
        ),
        (
            "fr",
            "Voir toutes les interventions qui y sont liées",
            "Interventions liées à la recommandation 1 du rapport 2023 sur Sierra Leone.",
            "Revenir à la recommandation",
        ),
    ] {
        browser.goto(&format!("/language/{language}")).await;
        browser.goto("/countries/SLE").await;
        assert_eq!(browser.count(&answers).await, 10, "the ten strongest");
        let every_one = format!("a[href='/interventions?answers={recommendation}']");
        assert_eq!(browser.text(&every_one).await, see_all);
        browser
            .client
            .execute(
                "arguments[0].scrollIntoView({block: 'center'})",
                vec![serde_json::to_value(browser.css(&every_one).await).unwrap()],
            )
            .await
            .unwrap();
        browser
            .screenshot(&format!("country-more-answers-phone-{language}"))
            .await;
        browser.click(&every_one).await;
        assert_eq!(browser.text("#answering p").await, notice);
        assert_eq!(browser.count("main table tbody tr").await, 11, "all eleven");
        assert_eq!(browser.past_the_edge().await, Vec::<String>::new());
        browser
            .screenshot(&format!("interventions-answering-phone-{language}"))
            .await;
        browser.client.set_window_size(1280, 800).await.unwrap();
        browser
            .screenshot(&format!("interventions-answering-desktop-{language}"))
            .await;
        browser.client.set_window_size(390, 844).await.unwrap();
        assert_eq!(browser.text("#answering p.actions a").await, back);
        browser.click("#answering p.actions a").await;
        assert_eq!(browser.path().await, "/countries/SLE");
    }
    browser.close().await;
}
