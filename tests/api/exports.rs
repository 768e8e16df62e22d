//! Files for grant writers: CSV and a printable HTML summary.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, content_type, expect_json, expect_problem};

async fn text(app: &TestApp, path: &str, accept: &str) -> (String, String) {
    let response = app
        .client
        .get(app.url(path))
        .header("Accept", accept)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let content_type = content_type(&response);
    (content_type, response.text().await.unwrap())
}

#[actix_web::test]
async fn the_gaps_csv_has_a_row_per_recommendation_and_honours_the_filters() {
    let app = TestApp::with_demo().await;
    let (content_type, all) = text(&app, "/api/v1/countries/SEN/gaps?format=csv", "*/*").await;
    assert!(content_type.starts_with("text/csv"));
    let lines: Vec<&str> = all.lines().collect();
    assert_eq!(
        lines[0],
        "country_code,country_name,year,tier,movement,position,pillar,prioritized,status,years_standing,standing_since,ever_addressed,text,interventions,people_reached,organisation,organisation_name"
    );
    assert_eq!(lines.len(), 6, "a header and five recommendations");
    assert!(
        lines[1].starts_with(
            "SEN,Senegal,2023,tier_2,upgraded,1,protection,true,addressed,1,2023,true,"
        )
    );

    let (_, unaddressed) = text(
        &app,
        "/api/v1/countries/SEN/gaps?status=unaddressed",
        "text/csv",
    )
    .await;
    let rows: Vec<&str> = unaddressed.lines().skip(1).collect();
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0].contains(",2,prevention,true,unaddressed,"),
        "{}",
        rows[0]
    );

    let other = app.create_organisation("Other NGO").await;
    let (_, theirs) = text(
        &app,
        &format!("/api/v1/countries/SEN/gaps?format=csv&organisation={other}"),
        "*/*",
    )
    .await;
    let statuses: Vec<&str> = theirs
        .lines()
        .skip(1)
        .map(|row| row.split(',').nth(8).unwrap())
        .collect();
    assert_eq!(
        statuses, ["unaddressed"; 5],
        "another organisation's filter counts none of CenHTRO's work"
    );
    assert!(
        theirs
            .lines()
            .nth(1)
            .unwrap()
            .ends_with(&format!("{other},Other NGO"))
    );
}

#[actix_web::test]
async fn coverage_csv_is_the_same_by_query_or_by_accept() {
    let app = TestApp::with_demo().await;
    let (_, by_accept) = text(&app, "/api/v1/coverage?region=AF", "text/csv").await;
    let (_, by_query) = text(
        &app,
        "/api/v1/coverage?region=AF&format=csv",
        "application/json",
    )
    .await;
    assert_eq!(by_accept, by_query);
    assert_eq!(by_accept.lines().count(), 5);
}

#[actix_web::test]
async fn the_printable_summary_shows_tier_coverage_gaps_and_interventions() {
    let app = TestApp::with_demo().await;
    let (content_type, page) = text(
        &app,
        "/api/v1/countries/SEN/gaps",
        "text/html,application/xhtml+xml,*/*;q=0.8",
    )
    .await;
    assert!(content_type.starts_with("text/html"));
    for expected in [
        "<h1>Senegal</h1>",
        "<strong>Tier 2</strong> (upgraded since the previous report)",
        "<strong>2 of 5</strong> recommendations addressed (40%)",
        "Reporting period",
        "Strengthen the anti-trafficking task force",
        "Training of law enforcement and judiciary in Senegal",
        "<th>Dates</th>",
        "<td>dates not recorded</td>",
    ] {
        assert!(page.contains(expected), "missing {expected:?} in {page}");
    }
}

#[actix_web::test]
async fn the_printable_summary_gives_each_interventions_dates() {
    let app = TestApp::spawn().await;
    let linked = app.linked().await;
    let path = format!("/api/v1/interventions/{}", linked.intervention);
    let tag = app.get(&path).await.headers()["etag"].clone();
    let dated = app
        .client
        .patch(app.url(&path))
        .header("If-Match", tag)
        .json(&json!({"started_on": "2023-05-01", "ended_on": "2023-12-31"}))
        .send()
        .await
        .unwrap();
    expect_json(dated, StatusCode::OK).await;
    let (_, page) = text(&app, "/api/v1/countries/SLE/gaps?format=html", "*/*").await;
    assert!(
        page.contains("<td>1 May 2023 to 31 December 2023</td>"),
        "{page}"
    );
    let gaps = app.get_json("/api/v1/countries/SLE/gaps").await;
    let answer = &gaps["recommendations"][0]["interventions"][0];
    assert_eq!(answer["started_on"], "2023-05-01");
    assert_eq!(answer["ended_on"], "2023-12-31");
}

#[actix_web::test]
async fn the_printable_summary_escapes_what_users_typed() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let body = json!({"country": "SLE", "year": 2023, "position": 1, "pillar": "protection", "text": "<script>alert(1)</script> & more"});
    expect_json(
        app.post("/api/v1/recommendations", &body).await,
        StatusCode::CREATED,
    )
    .await;
    let (_, page) = text(&app, "/api/v1/countries/SLE/gaps?format=html", "*/*").await;
    assert!(!page.contains("<script>"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
}

#[actix_web::test]
async fn formats_an_endpoint_does_not_offer_are_refused() {
    let app = TestApp::with_demo().await;
    // Coverage is a table: `html` is not one of its formats, as its contract says.
    expect_problem(
        app.get("/api/v1/coverage?format=html").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
    let html = app
        .client
        .get(app.url("/api/v1/coverage"))
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    expect_problem(html, StatusCode::NOT_ACCEPTABLE, "not_acceptable").await;
    expect_problem(
        app.get("/api/v1/countries/SEN/gaps?format=pdf").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
    let xml = app
        .client
        .get(app.url("/api/v1/countries/SEN/gaps"))
        .header("Accept", "application/xml")
        .send()
        .await
        .unwrap();
    expect_problem(xml, StatusCode::NOT_ACCEPTABLE, "not_acceptable").await;
}

#[actix_web::test]
async fn exports_name_countries_as_the_tip_report_does() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    app.create_recommendation("Myanmar", 2023, 1, "prosecution")
        .await;
    let (_, csv) = text(&app, "/api/v1/countries/MMR/gaps?format=csv", "*/*").await;
    assert!(
        csv.lines().nth(1).unwrap().starts_with("MMR,Burma,2023,"),
        "{csv}"
    );
    let (_, page) = text(&app, "/api/v1/countries/burma/gaps?format=html", "*/*").await;
    assert!(page.contains("<title>Burma"), "{page}");
    let (_, coverage) = text(&app, "/api/v1/coverage?year=2023&format=csv", "*/*").await;
    assert!(
        coverage.lines().nth(1).unwrap().starts_with("MMR,Burma,"),
        "{coverage}"
    );
    let json = app.get_json("/api/v1/coverage?year=2023").await;
    assert_eq!(json["items"][0]["name"], "Myanmar");
    assert_eq!(json["items"][0]["tip_name"], "Burma");
}

#[actix_web::test]
async fn csv_cells_that_a_spreadsheet_would_run_as_formulas_are_written_as_text() {
    let app = TestApp::spawn().await;
    let linked = app.linked().await;
    let formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
    expect_json(
        app.patch(
            &format!("/api/v1/interventions/{}", linked.intervention),
            &json!({"title": formula}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    expect_json(
        app.patch(
            &format!("/api/v1/recommendations/{}", linked.recommendation),
            &json!({"text": "+SUM(1,2)"}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let (_, csv) = text(&app, "/api/v1/countries/SLE/gaps?format=csv", "*/*").await;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[12], "'+SUM(1,2)", "the recommendation's text");
    assert!(
        row[13].starts_with(&format!("'{formula} (active")),
        "{}",
        &row[13]
    );
    // The JSON keeps what was typed.
    let json = app.get_json("/api/v1/countries/SLE/gaps").await;
    assert_eq!(json["recommendations"][0]["text"], "+SUM(1,2)");
}

#[actix_web::test]
async fn no_download_or_api_answer_is_kept_in_a_cache() {
    let app = TestApp::with_demo().await;
    let organisations = app.get_json("/api/v1/organisations").await;
    let organisation = organisations["items"][0]["id"].as_str().unwrap().to_owned();
    // The IATI file needs the organisation's identifier.
    let path = format!("/api/v1/organisations/{organisation}");
    let tag = app.get(&path).await.headers()["etag"].clone();
    let set = app
        .client
        .patch(app.url(&path))
        .header("If-Match", tag)
        .json(&json!({"iati_identifier": "US-EIN-123456789"}))
        .send()
        .await
        .unwrap();
    expect_json(set, StatusCode::OK).await;
    let person =
        crate::helpers::signed_in(&app, &app.key(gaptrack::domain::Role::Admin, None)).await;
    for path in [
        "/coverage.csv".to_owned(),
        "/coverage.xlsx".to_owned(),
        "/countries/SEN/gaps.csv".to_owned(),
        "/countries/SEN/gaps.xlsx".to_owned(),
        "/countries/SEN/call-for-information.docx".to_owned(),
        format!("/organisations/{organisation}/iati-activities.xml"),
    ] {
        let response = person.get(app.url(&path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
    }
    for path in [
        "/api/v1/countries",
        "/api/v1/countries/SEN/gaps",
        "/api/v1/countries/SEN/gaps?format=csv",
        "/api/v1/coverage",
        "/api/v1/countries/Atlantis",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
    }
    // The static files never change, and may be kept.
    let overview = person
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let stylesheet = overview
        .split("href=\"")
        .map(|rest| rest.split('"').next().unwrap())
        .find(|href| href.ends_with(".css"))
        .expect("the page links its stylesheet")
        .to_owned();
    let response = person.get(app.url(&stylesheet)).send().await.unwrap();
    assert!(
        response.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
}
