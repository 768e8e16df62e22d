//! The tier history gaptrack ships: every ranked country's placements for the years it knows,
//! each year saying where they come from; a year known only in part says so, and no country is
//! called new because it is missing from such a year.

use diesel_async::{AsyncConnection, AsyncPgConnection};
use gaptrack::db::audit::Actor;
use gaptrack::domain::Role;
use serde_json::Value;

use crate::documents::page_of;
use crate::helpers::{TestApp, signed_in};

/// The demo, then the history, as a first start loads them.
async fn first_start() -> TestApp {
    let app = TestApp::with_demo().await;
    let mut connection = AsyncPgConnection::establish(&app.database_url)
        .await
        .unwrap();
    let loaded = gaptrack::tier_history::load(&mut connection, &Actor::command_line("test"))
        .await
        .expect("the history loads");
    let shipped = gaptrack::tier_history::TIERS_CSV.lines().count() - 1;
    assert_eq!(loaded.tiers.received, shipped);
    app
}

fn placement(tiers: &Value, year: i64) -> Option<Value> {
    tiers["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["year"] == year)
        .cloned()
}

#[actix_web::test]
async fn every_country_has_its_placements_and_the_demo_keeps_its_own() {
    let app = first_start().await;
    let afghanistan = app.get_json("/api/v1/countries/AFG/tiers").await;
    assert_eq!(
        placement(&afghanistan, 2002).unwrap()["tier"],
        "tier_3",
        "research coding 4"
    );
    let haiti = app.get_json("/api/v1/countries/HTI/tiers").await;
    assert_eq!(placement(&haiti, 2025).unwrap()["tier"], "special_case");
    let senegal = app.get_json("/api/v1/countries/SEN/gaps").await;
    assert_eq!(senegal["tier"]["tier"], "tier_2");
    assert_eq!(senegal["tier"]["movement"], "upgraded");
    assert!(
        app.count("SELECT count(*) AS n FROM reports").await >= 24,
        "the report years it names are recorded"
    );
}

#[actix_web::test]
async fn a_year_known_in_part_says_so_and_calls_no_country_new() {
    let app = first_start().await;
    let viewer = signed_in(&app, &app.key(Role::Viewer, None)).await;
    let page = page_of(&viewer, &app, "/countries/GHA").await;
    let document = scraper::Html::parse_document(&page);
    let rows = scraper::Selector::parse("section[aria-labelledby=tiers] tbody tr").unwrap();
    let row_of = |year: &str| -> Vec<String> {
        document
            .select(&rows)
            .find(|row| row.text().next() == Some(year))
            .unwrap_or_else(|| panic!("no {year} row"))
            .text()
            .map(str::trim)
            .filter(|text| !text.is_empty())
            .map(str::to_owned)
            .collect()
    };
    // Ghana is not in what gaptrack knows of 2022 (the Watch List and Tier 3): its 2023 move is
    // not told.
    let row_2023 = row_of("2023");
    assert_eq!(row_2023[1], "Tier 2");
    assert_eq!(row_2023[2], "–", "{row_2023:?}");
    assert!(
        row_2023.iter().any(|cell| cell.contains("public page")),
        "{row_2023:?}"
    );
    let row_2024 = row_of("2016");
    assert!(
        row_2024
            .iter()
            .any(|cell| cell.contains("known only in part")),
        "{row_2024:?}"
    );
    let row_2010 = row_of("2010");
    assert!(
        row_2010
            .iter()
            .any(|cell| cell.contains("Kelley and Heiss"))
    );

    // The overview's movement follows the same rule.
    app.create_recommendation("GHA", 2023, 1, "protection")
        .await;
    let coverage = app.get_json("/api/v1/coverage?year=2023").await;
    let ghana = coverage["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["code"] == "GHA")
        .unwrap();
    assert_eq!(ghana["tier"], "tier_2");
    assert_eq!(ghana["movement"], Value::Null);
    // So do its gap report, its country page and its printable summary: not "new", not a
    // first ranking.
    let gaps = app.get_json("/api/v1/countries/GHA/gaps?year=2023").await;
    assert_eq!(gaps["tier"]["tier"], "tier_2");
    assert_eq!(gaps["tier"]["movement"], Value::Null);
    let page = page_of(&viewer, &app, "/countries/GHA?year=2023").await;
    assert!(page.contains("Placed on Tier 2 (–)"), "{page}");
    let summary = page_of(&viewer, &app, "/countries/GHA/print?year=2023").await;
    assert!(summary.contains("Tier 2"), "{summary}");
    assert!(!summary.contains("first ranking"), "{summary}");
}

/// The overview's rows of the table of placements for `year` (or the latest), each as its cells.
async fn placements_on_the_overview(app: &TestApp, query: &str) -> (String, Vec<Vec<String>>) {
    let viewer = signed_in(app, &app.key(Role::Viewer, None)).await;
    let page = page_of(&viewer, app, &format!("/{query}")).await;
    let document = scraper::Html::parse_document(&page);
    let section = scraper::Selector::parse("section[aria-labelledby=placements]").unwrap();
    let rows = scraper::Selector::parse("tbody tr").unwrap();
    let section = document
        .select(&section)
        .next()
        .expect("a placements section");
    let cells = section
        .select(&rows)
        .map(|row| {
            row.text()
                .map(str::trim)
                .filter(|text| !text.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .collect();
    (section.text().collect(), cells)
}

#[actix_web::test]
async fn the_overview_shows_every_ranked_country_with_its_tier_and_move() {
    let app = first_start().await;
    let (text, rows) = placements_on_the_overview(&app, "?placements=2023").await;
    let shipped_2023 = gaptrack::tier_history::TIERS_CSV
        .lines()
        .filter(|line| line.split(',').nth(1) == Some("2023"))
        .count();
    assert_eq!(rows.len(), shipped_2023, "every country ranked in 2023");
    assert!(text.contains("Tier placements in 2023"), "{text}");
    assert!(!text.contains("known only in part"), "2023 is complete");
    let row = |name: &str| {
        rows.iter()
            .find(|row| row[0] == name)
            .unwrap_or_else(|| panic!("no {name} in {rows:?}"))
            .clone()
    };
    // Norway holds no recommendation in the demo, and is listed all the same; 2022 is known
    // only in part and does not name it, so its move is not told.
    assert_eq!(row("Norway")[2..], ["Tier 2", "–"]);
    assert_eq!(row("China")[2..], ["Tier 3", "unchanged"]);

    // The latest year by default: known only in part, and saying so.
    let (text, rows) = placements_on_the_overview(&app, "").await;
    assert!(text.contains("Tier placements in 2025"), "{text}");
    assert!(text.contains("known only in part"), "{text}");
    assert!(rows.len() < shipped_2023, "{}", rows.len());

    // A report year pinned on the overview picks its placements too, and the region filter
    // applies.
    let (text, rows) = placements_on_the_overview(&app, "?year=2020&region=EUR").await;
    assert!(text.contains("Tier placements in 2020"), "{text}");
    assert!(rows.iter().any(|row| row[0] == "Finland"));
    assert!(rows.iter().all(|row| row[1] == "Europe"), "{rows:?}");
}

#[actix_web::test]
async fn the_tier_history_with_its_sources_fits_a_phone() {
    let app = first_start().await;
    let browser = crate::browser::Browser::open(&app).await;
    browser.client.set_window_size(390, 844).await.unwrap();
    browser.sign_in(&app.key(Role::Viewer, None)).await;
    browser.goto("/countries/GHA").await;
    assert_eq!(browser.past_the_edge().await, Vec::<String>::new());
    browser.screenshot("tier-history-phone").await;
    browser.goto("/?placements=2023#placements").await;
    assert_eq!(browser.past_the_edge().await, Vec::<String>::new());
    browser.screenshot("placements-phone").await;
    browser.client.set_window_size(1280, 900).await.unwrap();
    browser.goto("/countries/GHA#tiers").await;
    browser.screenshot("tier-history").await;
    browser.close().await;
}
