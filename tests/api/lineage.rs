//! Recommendations that come back, reworded, year after year.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_json, expect_problem, invalid_fields};

async fn recommend(
    app: &TestApp,
    country: &str,
    year: i32,
    text: &str,
    continues: Option<&str>,
) -> String {
    let body = json!({"country": country, "year": year, "position": 1, "pillar": "prosecution", "text": text, "continues": continues});
    let created = expect_json(
        app.post("/api/v1/recommendations", &body).await,
        StatusCode::CREATED,
    )
    .await;
    created["id"].as_str().unwrap().to_string()
}

async fn reports(app: &TestApp, years: &[i32]) {
    for year in years {
        app.create_report(*year).await;
    }
}

fn line(report: &Value) -> Value {
    report["recommendations"][0]["line"].clone()
}

#[actix_web::test]
async fn a_recommendation_repeated_for_three_reports_shows_its_line() {
    let app = TestApp::spawn().await;
    reports(&app, &[2021, 2022, 2023]).await;
    let first = recommend(
        &app,
        "SLE",
        2021,
        "Train police and judges on the 2005 law.",
        None,
    )
    .await;
    let second = recommend(
        &app,
        "SLE",
        2022,
        "Train police and judges on the anti-trafficking law.",
        Some(&first),
    )
    .await;
    recommend(
        &app,
        "SLE",
        2023,
        "Train police, prosecutors and judges under the 2022 Act.",
        Some(&second),
    )
    .await;

    let report = app.get_json("/api/v1/countries/SLE/gaps").await;
    assert_eq!(
        line(&report),
        json!({"years_standing": 3, "since": 2021, "ever_addressed": false})
    );
    let earlier = app.get_json("/api/v1/countries/SLE/gaps?year=2022").await;
    assert_eq!(
        line(&earlier),
        json!({"years_standing": 2, "since": 2021, "ever_addressed": false})
    );
}

#[actix_web::test]
async fn a_skipped_report_breaks_the_run_of_years() {
    let app = TestApp::spawn().await;
    reports(&app, &[2021, 2023]).await;
    let first = recommend(&app, "SLE", 2021, "Train police.", None).await;
    recommend(&app, "SLE", 2023, "Train police again.", Some(&first)).await;
    let report = app.get_json("/api/v1/countries/SLE/gaps").await;
    assert_eq!(
        line(&report),
        json!({"years_standing": 1, "since": 2023, "ever_addressed": false})
    );
}

#[actix_web::test]
async fn persistent_gaps_are_lines_of_two_or_more_reports_never_addressed() {
    let app = TestApp::spawn().await;
    reports(&app, &[2022, 2023]).await;
    let answered_then = app
        .create_recommendation("SEN", 2022, 1, "protection")
        .await;
    let ignored_then = app
        .create_recommendation("SEN", 2022, 2, "prevention")
        .await;
    for (position, earlier) in [(1, &answered_then), (2, &ignored_then)] {
        let body = json!({"country": "SEN", "year": 2023, "position": position, "pillar": "protection", "text": "again", "continues": earlier});
        expect_json(
            app.post("/api/v1/recommendations", &body).await,
            StatusCode::CREATED,
        )
        .await;
    }
    app.create_recommendation("SEN", 2023, 3, "prosecution")
        .await; // new this year
    let organisation = app.create_organisation("CenHTRO").await;
    let intervention = app
        .create_intervention(&organisation, &["SEN"], "completed")
        .await;
    expect_json(
        app.link(&intervention, &answered_then, "full").await,
        StatusCode::CREATED,
    )
    .await;

    let report = app.get_json("/api/v1/countries/SEN/gaps").await;
    let lines: Vec<Value> = report["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["line"].clone())
        .collect();
    assert_eq!(
        lines[0]["ever_addressed"], true,
        "addressed in 2022 along its line"
    );
    assert_eq!(lines[1]["ever_addressed"], false);

    let persistent = app
        .get_json("/api/v1/countries/SEN/gaps?persistent_only=true")
        .await;
    let positions: Vec<i64> = persistent["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["position"].as_i64().unwrap())
        .collect();
    assert_eq!(positions, [2]);
    assert_eq!(
        persistent["summary"]["total"], 3,
        "the summary still counts all"
    );
}

#[actix_web::test]
async fn a_line_only_runs_back_to_the_same_country() {
    let app = TestApp::spawn().await;
    reports(&app, &[2022, 2023]).await;
    let senegal = recommend(&app, "SEN", 2022, "Senegal's.", None).await;
    let later = recommend(&app, "SLE", 2023, "Later.", None).await;
    for (country, year, earlier) in [("SLE", 2023, &senegal), ("SLE", 2022, &later)] {
        let body = json!({"country": country, "year": year, "position": 2, "pillar": "protection", "text": "x", "continues": earlier});
        let problem = expect_problem(
            app.post("/api/v1/recommendations", &body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(invalid_fields(&problem), ["continues"]);
    }
    let own = recommend(&app, "SLE", 2022, "Sierra Leone's.", None).await;
    let path = format!("/api/v1/recommendations/{later}");
    let linked = expect_json(
        app.patch(&path, &json!({"continues": own})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(linked["continues"], own.as_str());
    let unlinked = expect_json(
        app.patch(&path, &json!({"continues": null})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(unlinked["continues"], Value::Null);
    let itself = app.patch(&path, &json!({"continues": later})).await;
    expect_problem(
        itself,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
}

#[actix_web::test]
async fn candidates_are_earlier_recommendations_of_the_country_most_alike_first() {
    let app = TestApp::spawn().await;
    reports(&app, &[2021, 2022, 2023]).await;
    let body = |year: i32, position: i32, country: &str, text: &str| json!({"country": country, "year": year, "position": position, "pillar": "protection", "text": text});
    let mut ids = Vec::new();
    for (year, position, country, text) in [
        (
            2021,
            1,
            "SLE",
            "Increase funding for shelters for trafficking victims.",
        ),
        (
            2022,
            1,
            "SLE",
            "Expand victim protection services, including shelter for male victims.",
        ),
        (
            2022,
            2,
            "SLE",
            "Amend the law to remove fines in place of imprisonment.",
        ),
        (
            2022,
            1,
            "SEN",
            "Expand victim protection services, including shelter for male victims.",
        ),
        (
            2023,
            1,
            "SLE",
            "Expand victim protection services for all trafficking victims, including shelter for male victims.",
        ),
    ] {
        let created = expect_json(
            app.post(
                "/api/v1/recommendations",
                &body(year, position, country, text),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        ids.push(created["id"].as_str().unwrap().to_string());
    }
    let candidates = app
        .get_json(&format!(
            "/api/v1/recommendations/{}/lineage-candidates",
            ids[4]
        ))
        .await;
    let items = candidates["items"].as_array().unwrap();
    let ranked: Vec<&str> = items
        .iter()
        .map(|c| c["recommendation"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ranked[0], ids[1], "the near-identical 2022 text first");
    assert_eq!(ranked.len(), 3, "only Sierra Leone's, only earlier years");
    assert!(!ranked.contains(&ids[3].as_str()));
    let best = items[0]["similarity"].as_f64().unwrap();
    let worst = items[2]["similarity"].as_f64().unwrap();
    assert!(best > 0.5 && best > worst, "{best} {worst}");

    let none = app
        .get_json(&format!(
            "/api/v1/recommendations/{}/lineage-candidates",
            ids[0]
        ))
        .await;
    assert_eq!(none["items"], json!([]));
    expect_problem(
        app.get(&format!(
            "/api/v1/recommendations/{}/lineage-candidates?limit=0",
            ids[4]
        ))
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
}

#[actix_web::test]
async fn a_recommendation_a_later_one_continues_cannot_be_deleted() {
    let app = TestApp::spawn().await;
    reports(&app, &[2022, 2023]).await;
    let earlier = recommend(&app, "SLE", 2022, "Train police.", None).await;
    let later = recommend(&app, "SLE", 2023, "Train police again.", Some(&earlier)).await;
    let path = format!("/api/v1/recommendations/{earlier}");
    let problem = expect_problem(app.delete(&path).await, StatusCode::CONFLICT, "conflict").await;
    assert!(
        problem["detail"].as_str().unwrap().contains(&later),
        "{problem}"
    );
    assert_eq!(app.get(&path).await.status(), StatusCode::OK, "still there");

    let unlinked = app
        .patch(
            &format!("/api/v1/recommendations/{later}"),
            &json!({"continues": null}),
        )
        .await;
    expect_json(unlinked, StatusCode::OK).await;
    assert_eq!(app.delete(&path).await.status(), StatusCode::NO_CONTENT);
}

/// The continuation the country page asks an admin about, as its question reads ("" for none).
async fn asked(client: &reqwest::Client, app: &TestApp) -> String {
    let page = crate::documents::page_of(client, app, "/countries/SEN?year=2024").await;
    let document = scraper::Html::parse_document(&page);
    let legend = scraper::Selector::parse("section.lineage legend").unwrap();
    document
        .select(&legend)
        .map(|l| l.text().collect::<String>())
        .collect::<Vec<_>>()
        .join(" | ")
}

#[actix_web::test]
async fn remembered_suggestions_follow_every_change_they_are_computed_from() {
    let app = TestApp::spawn().await;
    reports(&app, &[2022, 2024]).await;
    let shelters = "Increase funding for shelters for trafficking victims.";
    let earliest = recommend(&app, "SEN", 2022, shelters, None).await;
    recommend(
        &app,
        "SEN",
        2024,
        "Increase funding for shelters for trafficking victims, including children.",
        None,
    )
    .await;
    let admin =
        crate::helpers::signed_in(&app, &app.key(gaptrack::domain::Role::Admin, None)).await;
    assert_eq!(
        asked(&admin, &app).await,
        "2024 no. 1 continues 2022 no. 1?"
    );
    assert_eq!(
        asked(&admin, &app).await,
        "2024 no. 1 continues 2022 no. 1?"
    );
    assert_eq!(
        app.count("SELECT count(*) AS n FROM lineage_suggestion_cache WHERE country_code = 'SEN' AND year = 2024")
            .await,
        1,
        "computed once, then remembered"
    );

    // The earlier text reworded beyond likeness, then back.
    let earliest_path = format!("/api/v1/recommendations/{earliest}");
    let reword = async |text: &str| app.patch(&earliest_path, &json!({ "text": text })).await;
    assert_eq!(
        reword("Adopt a national action plan.").await.status(),
        StatusCode::OK
    );
    assert_eq!(asked(&admin, &app).await, "", "no longer alike");
    assert_eq!(reword(shelters).await.status(), StatusCode::OK);
    assert_eq!(
        asked(&admin, &app).await,
        "2024 no. 1 continues 2022 no. 1?"
    );

    // A report loaded in between becomes the one before 2024; deleted, 2022 is again.
    app.create_report(2023).await;
    let between = recommend(&app, "SEN", 2023, shelters, None).await;
    assert_eq!(
        asked(&admin, &app).await,
        "2024 no. 1 continues 2023 no. 1?"
    );
    assert_eq!(
        app.delete(&format!("/api/v1/recommendations/{between}"))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        asked(&admin, &app).await,
        "2024 no. 1 continues 2022 no. 1?"
    );
}
