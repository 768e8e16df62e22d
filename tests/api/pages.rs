//! Every page is well-formed HTML with the accessibility basics: a language, a title, one main
//! heading, a label for every field, a text alternative for every image and chart, unique ids.

use std::collections::HashSet;

use reqwest::StatusCode;
use scraper::{Html, Selector};

use crate::helpers::{TestApp, signed_in};

fn select(selector: &str) -> Selector {
    Selector::parse(selector).unwrap()
}

/// What is wrong with `page`, by the checks of this module.
fn problems(page: &str) -> Vec<String> {
    let document = Html::parse_document(page);
    let mut problems: Vec<String> = document
        .errors
        .iter()
        .map(|error| format!("not well-formed: {error}"))
        .collect();
    if document.select(&select("html[lang]")).next().is_none() {
        problems.push("no html lang".into());
    }
    let title = document
        .select(&select("head > title"))
        .next()
        .map(|t| t.text().collect::<String>());
    if title.is_none_or(|t| t.trim().is_empty()) {
        problems.push("no title".into());
    }
    let headings = document.select(&select("h1")).count();
    if headings != 1 {
        problems.push(format!("{headings} h1 headings"));
    }
    let labelled: HashSet<String> = document
        .select(&select("label[for]"))
        .filter_map(|label| label.value().attr("for").map(str::to_owned))
        .collect();
    let fields = "input:not([type=hidden]):not([type=submit]), select, textarea";
    for field in document.select(&select(fields)) {
        let id = field.value().attr("id");
        let wrapped = field.ancestors().any(|ancestor| {
            ancestor
                .value()
                .as_element()
                .is_some_and(|element| element.name() == "label")
        });
        let has_label = id.is_some_and(|id| labelled.contains(id))
            || field.value().attr("aria-label").is_some()
            || wrapped;
        if !has_label {
            problems.push(format!("unlabelled field {}", field.html()));
        }
    }
    for image in document.select(&select("img:not([alt])")) {
        problems.push(format!("image without alt: {}", image.html()));
    }
    for chart in document.select(&select("svg")) {
        if chart.value().attr("role") != Some("img") || chart.value().attr("aria-label").is_none() {
            problems.push("a chart without a text alternative".into());
        }
    }
    let mut ids = HashSet::new();
    for element in document.select(&select("[id]")) {
        let id = element.value().attr("id").unwrap();
        if !ids.insert(id.to_owned()) {
            problems.push(format!("duplicate id {id}"));
        }
    }
    problems
}

#[actix_web::test]
async fn every_page_is_well_formed_and_labelled() {
    let app = TestApp::with_demo().await;
    let key = app.key(gaptrack::domain::Role::Admin, None);
    let client = signed_in(&app, &key).await;
    let interventions = app.get_json("/api/v1/interventions?limit=1").await;
    let intervention = interventions["items"][0]["id"].as_str().unwrap().to_owned();
    let pages = [
        "/".to_owned(),
        "/?region=AF&sort=coverage".to_owned(),
        "/countries/SLE".to_owned(),
        "/countries/Malawi?status=unaddressed".to_owned(),
        "/countries/SEN/print".to_owned(),
        "/countries/SEN/call-for-information".to_owned(),
        "/countries/SEN/call-for-information/print?year=2024".to_owned(),
        "/interventions".to_owned(),
        "/interventions?q=police&sort=title".to_owned(),
        "/interventions?country=Sierra".to_owned(),
        "/interventions/new".to_owned(),
        format!("/interventions/{intervention}"),
        format!("/interventions/{intervention}/edit"),
        "/admin/import".to_owned(),
        "/admin/reports".to_owned(),
        "/admin/deadlines".to_owned(),
        "/countries/SEN/digest".to_owned(),
        "/admin/keys".to_owned(),
        "/shares".to_owned(),
        "/admin/audit".to_owned(),
    ];
    let mut found = Vec::new();
    for path in &pages {
        let response = client.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let page = response.text().await.unwrap();
        found.extend(problems(&page).into_iter().map(|p| format!("{path}: {p}")));
    }
    let sign_in = reqwest::get(app.url("/signin"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    found.extend(
        problems(&sign_in)
            .into_iter()
            .map(|p| format!("/signin: {p}")),
    );
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn the_checks_find_what_they_look_for() {
    let broken = "<!DOCTYPE html><html><head></head><body><h1>a</h1><h1>b</h1>\
                  <input id=x><img src=a.png><p id=y></p><p id=y></p></body></html>";
    let found = problems(broken);
    for expected in [
        "no html lang",
        "no title",
        "2 h1 headings",
        "unlabelled field",
        "image without alt",
        "duplicate id y",
    ] {
        assert!(
            found.iter().any(|p| p.contains(expected)),
            "{expected}: {found:?}"
        );
    }
}

#[actix_web::test]
async fn a_wrong_address_is_a_page_for_a_browser_and_a_problem_for_a_program() {
    let app = TestApp::spawn().await;
    let browser = reqwest::Client::new()
        .get(app.url("/countries/SLE/nonsense"))
        .header("Accept", "text/html,application/xhtml+xml")
        .send()
        .await
        .unwrap();
    assert_eq!(browser.status(), StatusCode::NOT_FOUND);
    assert!(crate::helpers::content_type(&browser).starts_with("text/html"));
    let page = browser.text().await.unwrap();
    assert!(page.contains("There is no page at /countries/SLE/nonsense."));
    assert_eq!(problems(&page), Vec::<String>::new());

    let program = app
        .client
        .get(app.url("/api/v1/nonsense"))
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(program.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        crate::helpers::content_type(&program),
        "application/problem+json"
    );
}

#[actix_web::test]
async fn a_refusal_or_a_missing_thing_keeps_the_top_bar_to_go_on_from() {
    let app = TestApp::spawn().await;
    let viewer = signed_in(&app, &app.key(gaptrack::domain::Role::Viewer, None)).await;
    for (path, status) in [
        ("/admin/import".to_owned(), StatusCode::FORBIDDEN),
        (
            format!("/interventions/{}", uuid::Uuid::nil()),
            StatusCode::NOT_FOUND,
        ),
        ("/countries/Atlantis".to_owned(), StatusCode::NOT_FOUND),
        ("/countries/SLE/nonsense".to_owned(), StatusCode::NOT_FOUND),
    ] {
        let response = viewer
            .get(app.url(&path))
            .header("Accept", "text/html")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), status, "{path}");
        let page = Html::parse_document(&response.text().await.unwrap());
        let menu: Vec<String> = page
            .select(&select("header.site nav a"))
            .filter_map(|a| a.value().attr("href").map(str::to_owned))
            .collect();
        assert_eq!(
            menu,
            ["/", "/interventions"],
            "{path} keeps the way to the main pages"
        );
        let heading: String = page.select(&select("h1")).flat_map(|h| h.text()).collect();
        let expected = if status == StatusCode::FORBIDDEN {
            "You may not do this"
        } else {
            "This page or item does not exist"
        };
        assert_eq!(heading, expected, "{path}: a person's words, not the API's");
    }
}

#[actix_web::test]
async fn the_overview_writes_its_counts_in_words_that_cannot_be_misread() {
    let app = TestApp::spawn().await;
    app.linked().await;
    app.create_recommendation("SLE", 2023, 2, "prevention")
        .await;
    let client = signed_in(&app, &app.key(gaptrack::domain::Role::Viewer, None)).await;
    let page = client
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("remain unaddressed; 1 is addressed"),
        "{page}"
    );
    assert!(page.contains(">1 of 2 unaddressed</text>"), "{page}");
    assert!(
        page.contains(">Sierra Leone · 1 of 2 unaddressed</text>"),
        "{page}"
    );
    assert!(
        !page.contains(">1/2<"),
        "a fraction reads as work done: {page}"
    );
}

#[actix_web::test]
async fn an_admin_links_an_organisations_work_from_the_country_page_once_it_is_chosen() {
    use gaptrack::usecases::country_page::LINKABLE_SHOWN;
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    app.create_recommendation("SLE", 2023, 1, "protection")
        .await;
    let busy = app.create_organisation("CenHTRO").await;
    let small = app.create_organisation("Réseau Sahel").await;
    let mut made = Vec::new();
    for _ in 0..=LINKABLE_SHOWN {
        made.push(app.create_intervention(&busy, &["SLE"], "active").await);
    }
    app.create_intervention(&small, &["SLE"], "planned").await;
    let admin = signed_in(&app, &app.key(gaptrack::domain::Role::Admin, None)).await;
    let choices = |page: &str| {
        Html::parse_document(page)
            .select(&select("select[name=intervention_id] option"))
            .count()
    };

    // Without a filter, the admin is asked whose work to link rather than given every
    // intervention in the country under every recommendation.
    let page = crate::documents::page_of(&admin, &app, "/countries/SLE").await;
    assert!(page.contains("Choose whose work counts"), "{page}");
    assert_eq!(choices(&page), 0);

    let page =
        crate::documents::page_of(&admin, &app, &format!("/countries/SLE?organisation={busy}"))
            .await;
    assert_eq!(choices(&page), LINKABLE_SHOWN, "the newest, and no more");
    let offered = |id: &str| page.contains(&format!("<option value=\"{id}\">"));
    assert!(offered(&made[LINKABLE_SHOWN]) && !offered(&made[0]));
    assert!(
        page.contains(&format!("The {LINKABLE_SHOWN} newest are listed")),
        "the page says the list is cut"
    );
    let page = crate::documents::page_of(
        &admin,
        &app,
        &format!("/countries/SLE?organisation={small}"),
    )
    .await;
    assert_eq!(choices(&page), 1);
    assert!(!page.contains("newest are listed"));
}

#[actix_web::test]
async fn past_the_ten_strongest_answers_the_country_page_links_to_every_one() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let busy = app
        .create_recommendation("SLE", 2023, 1, "protection")
        .await;
    let quiet = app
        .create_recommendation("SLE", 2023, 2, "prevention")
        .await;
    let organisation = app.create_organisation("CenHTRO").await;
    let mut linked = Vec::new();
    for _ in 0..12 {
        let intervention = app
            .create_intervention(&organisation, &["SLE"], "active")
            .await;
        assert!(
            app.link(&intervention, &busy, "full")
                .await
                .status()
                .is_success()
        );
        linked.push(intervention);
    }
    let unlinked = app
        .create_intervention(&organisation, &["SLE"], "active")
        .await;
    let only_one = app
        .create_intervention(&organisation, &["SLE"], "active")
        .await;
    assert!(
        app.link(&only_one, &quiet, "partial")
            .await
            .status()
            .is_success()
    );
    let viewer = signed_in(&app, &app.key(gaptrack::domain::Role::Viewer, None)).await;
    let answers_of = |page: &str, recommendation: &str| {
        Html::parse_document(page)
            .select(&select(&format!(
                "#recommendation-{recommendation} ul a[href^='/interventions/']"
            )))
            .count()
    };

    let page = crate::documents::page_of(&viewer, &app, "/countries/SLE").await;
    assert_eq!(answers_of(&page, &busy), 10, "the ten strongest are listed");
    assert_eq!(answers_of(&page, &quiet), 1);
    let every_one = format!("/interventions?answers={busy}");
    let links: Vec<String> = Html::parse_document(&page)
        .select(&select("a"))
        .filter(|a| a.text().collect::<String>() == "See every intervention linked to it")
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert_eq!(links, [every_one.as_str()], "only where more answer it");

    let list = crate::documents::page_of(&viewer, &app, &every_one).await;
    assert!(problems(&list).is_empty(), "{:?}", problems(&list));
    let document = Html::parse_document(&list);
    let notice: String = document
        .select(&select("#answering"))
        .flat_map(|n| n.text())
        .collect();
    assert!(
        notice.contains(
            "Interventions linked to recommendation 1 of the 2023 report on Sierra Leone."
        ),
        "{notice}"
    );
    let listed: HashSet<String> = document
        .select(&select("table a[href^='/interventions/']"))
        .filter_map(|a| a.value().attr("href"))
        .map(|href| href.trim_start_matches("/interventions/").to_owned())
        .collect();
    assert_eq!(listed, linked.iter().cloned().collect::<HashSet<_>>());
    assert!(!listed.contains(&unlinked) && !listed.contains(&only_one));
    // 2023 is Sierra Leone's latest report: back to its page as the country's link opens it.
    assert!(list.contains(&format!("href=\"/countries/SLE#recommendation-{busy}\"")));

    let french = viewer
        .get(app.url(&every_one))
        .header("Accept-Language", "fr")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        french.contains(
            "Interventions liées à la recommandation 1 du rapport 2023 sur Sierra Leone."
        ),
        "{french}"
    );
    let missing = viewer
        .get(app.url(&format!("/interventions?answers={}", uuid::Uuid::nil())))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);

    // Once a later report is loaded, the way back opens the 2023 report's page.
    app.create_report(2024).await;
    app.create_recommendation("SLE", 2024, 1, "protection")
        .await;
    let list = crate::documents::page_of(&viewer, &app, &every_one).await;
    assert!(list.contains(&format!(
        "href=\"/countries/SLE?year=2023#recommendation-{busy}\""
    )));
}
