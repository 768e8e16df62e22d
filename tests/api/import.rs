//! Bulk import of report data.

use gaptrack::domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_json, expect_problem, gaptrack};

/// TIP tier placements 1999-2015 from public research data (see shared/data/README.md).
const TIER_HISTORY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/data/tip-tiers-2000-2015.csv"
);

async fn upload(
    app: &TestApp,
    path: &str,
    content_type: &str,
    body: impl Into<reqwest::Body>,
) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header("Content-Type", content_type)
        .body(body)
        .send()
        .await
        .unwrap()
}

fn movements(history: &Value) -> Vec<(i64, String, String)> {
    history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["year"].as_i64().unwrap(),
                t["tier"].as_str().unwrap().to_string(),
                t["movement"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn the_real_tier_history_imports_through_the_api_and_again_changes_nothing() {
    let app = TestApp::spawn().await;
    let file = std::fs::read(TIER_HISTORY).expect("shared/data is beside the repository");
    let response = upload(&app, "/api/v1/tiers/import", "text/csv", file.clone()).await;
    let summary = expect_json(response, StatusCode::OK).await;
    assert_eq!(
        summary["tiers"],
        json!({"received": 3208, "skipped": 957, "created": 2251, "updated": 0, "unchanged": 0})
    );
    assert_eq!(
        summary["reports_created"],
        json!((2001..=2015).collect::<Vec<_>>())
    );
    assert_eq!(summary["ignored_columns"], json!(["ccode"]));

    let malawi = app.get_json("/api/v1/countries/MWI/tiers").await;
    let expected: Vec<(i64, String, String)> = [
        (2003, "tier_2", "new"),
        (2004, "tier_2_watch_list", "downgraded"),
        (2005, "tier_2", "upgraded"),
        (2006, "tier_1", "upgraded"),
        (2007, "tier_1", "unchanged"),
        (2008, "tier_2", "downgraded"),
        (2009, "tier_2", "unchanged"),
        (2010, "tier_2", "unchanged"),
        (2011, "tier_2", "unchanged"),
        (2012, "tier_2_watch_list", "downgraded"),
        (2013, "tier_2", "upgraded"),
        (2014, "tier_2", "unchanged"),
        (2015, "tier_2", "unchanged"),
    ]
    .iter()
    .map(|(year, tier, movement)| (*year, tier.to_string(), movement.to_string()))
    .collect();
    assert_eq!(movements(&malawi), expected);

    // Kosovo appears under the research code KOS.
    let kosovo = app.get_json("/api/v1/countries/XKX/tiers").await;
    assert_eq!(kosovo["items"].as_array().unwrap().len(), 7);

    let again = expect_json(
        upload(&app, "/api/v1/tiers/import", "text/csv", file).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        again["tiers"],
        json!({"received": 3208, "skipped": 957, "created": 0, "updated": 0, "unchanged": 2251})
    );
    assert_eq!(again["reports_created"], json!([]));
}

#[actix_web::test]
async fn every_year_of_the_real_file_imports_by_its_iso_and_tier_columns_alone() {
    let app = TestApp::spawn().await;
    let mut reader =
        csv::Reader::from_path(TIER_HISTORY).expect("shared/data is beside the repository");
    let mut by_year: std::collections::BTreeMap<i32, String> = Default::default();
    for record in reader.records() {
        let record = record.unwrap();
        let (iso, year, tier) = (&record[1], record[2].parse::<i32>().unwrap(), &record[4]);
        by_year
            .entry(year)
            .or_insert_with(|| "iso,tier\n".to_string())
            .push_str(&format!("{iso},{tier}\n"));
    }
    // The first reports rank no one (every row `NA`): there is no such report year to import to.
    by_year.retain(|_, file| file.lines().skip(1).any(|line| !line.ends_with(",NA")));
    let mut created = 0;
    for (year, file) in by_year {
        app.create_report(year).await;
        let path = format!("/api/v1/reports/{year}/import");
        let summary =
            expect_json(upload(&app, &path, "text/csv", file).await, StatusCode::OK).await;
        created += summary["tiers"]["created"].as_i64().unwrap();
    }
    assert_eq!(created, 2251, "every placement with a tier, in every year");
    let kosovo = app.get_json("/api/v1/countries/KOS/tiers").await;
    assert_eq!(
        kosovo["items"].as_array().unwrap().len(),
        7,
        "KOS is Kosovo"
    );
}

#[actix_web::test]
async fn an_unknown_or_ambiguous_country_names_its_line_and_the_closest_countries() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let file = "country,tier\nBurma,3\nCentral African Rep,2\nCongo,2\nKorea, South,1\n";
    let file = file.replace("Korea, South", "\"Korea, South\"");
    let problem = expect_problem(
        upload(&app, "/api/v1/reports/2023/import", "text/csv", file).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let errors: Vec<(i64, String)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["row"].as_i64().unwrap(),
                e["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(
        errors[0],
        (
            3,
            "`Central African Rep` is not a known country: did you mean Central African Republic (CAF)?"
                .to_string()
        )
    );
    assert_eq!(errors[1].0, 4);
    assert!(
        errors[1].1.contains("(COD)") && errors[1].1.contains("(COG)"),
        "{errors:?}"
    );
}

#[actix_web::test]
async fn the_real_tier_history_imports_through_the_command_line() {
    let app = TestApp::spawn().await;
    let output = gaptrack(&[("DATABASE_URL", app.database_url.as_str())])
        .args(["import", "tiers", TIER_HISTORY])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["tiers"]["created"], 2251);
    assert_eq!(summary["tiers"]["skipped"], 957);
    let senegal = app.get_json("/api/v1/countries/SEN/tiers").await;
    assert_eq!(senegal["items"].as_array().unwrap().len(), 14);
    let audit = app
        .get_json("/api/v1/audit?resource_type=tier_history")
        .await;
    assert_eq!(audit["items"][0]["action"], "import");
    assert_eq!(audit["items"][0]["key_name"], "command line: import");
}

#[actix_web::test]
async fn the_command_line_keeps_the_imports_rules_a_tier_history_holds_no_recommendations() {
    let app = TestApp::spawn().await;
    let folder = crate::helpers::scratch_dir("cli-import");
    let file = folder.join("recommendations.csv");
    std::fs::write(
        &file,
        "country,position,pillar,text\nSLE,1,protection,Expand shelters.\n",
    )
    .unwrap();
    let output = gaptrack(&[("DATABASE_URL", app.database_url.as_str())])
        .args(["import", "tiers", file.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("a tier history holds tiers only"), "{said}");
    assert_eq!(
        app.count("SELECT count(*) AS n FROM recommendations").await,
        0
    );
}

#[actix_web::test]
async fn the_command_line_says_why_a_file_cannot_be_read_and_what_caused_it() {
    let app = TestApp::spawn().await;
    let missing = crate::helpers::scratch_dir("cli-import-missing").join("2024.csv");
    let output = gaptrack(&[("DATABASE_URL", app.database_url.as_str())])
        .args(["import", "recommendations", "--year", "2024"])
        .arg(&missing)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains(&format!("cannot read {}", missing.display())),
        "{said}"
    );
    assert!(
        said.contains("caused by: No such file or directory"),
        "{said}"
    );
}

#[actix_web::test]
async fn a_year_imports_from_json_and_a_reworded_recommendation_is_updated_in_place() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let body = json!({
        "tiers": [
            {"country": "SEN", "tier": "Tier 2"},
            {"country": "ZM", "tier": "Tier 2 Watchlist", "waiver": true},
            {"country": "Sierra Leone", "tier": 2},
        ],
        "recommendations": [
            {"country": "SLE", "position": 1, "pillar": "protection", "text": "Expand victim services."},
            {"country": "SLE", "position": 2, "pillar": "Prosecution", "text": "Train judges.", "prioritized": true},
        ],
    });
    let summary = expect_json(
        app.post("/api/v1/reports/2023/import", &body).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(summary["tiers"]["created"], 3);
    assert_eq!(summary["recommendations"]["created"], 2);
    let zambia = app.get_json("/api/v1/countries/ZMB/tiers").await;
    assert_eq!(zambia["items"][0]["tier"], "tier_2_watch_list");
    assert_eq!(zambia["items"][0]["waiver"], true);

    let first = app.get_json("/api/v1/recommendations?country=SLE").await["items"][0].clone();
    let organisation = app.create_organisation("CenHTRO").await;
    let intervention = app
        .create_intervention(&organisation, &["SLE"], "active")
        .await;
    expect_json(
        app.link(&intervention, first["id"].as_str().unwrap(), "full")
            .await,
        StatusCode::CREATED,
    )
    .await;

    let mut reworded = body.clone();
    reworded["recommendations"][0]["text"] =
        json!("Expand victim services, including shelter for men.");
    let summary = expect_json(
        app.post("/api/v1/reports/2023/import", &reworded).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        summary["recommendations"],
        json!({"received": 2, "skipped": 0, "created": 0, "updated": 1, "unchanged": 1})
    );
    assert_eq!(summary["tiers"]["unchanged"], 3);
    let listed = app.get_json("/api/v1/recommendations?country=SLE").await;
    assert_eq!(
        listed["items"].as_array().unwrap().len(),
        2,
        "updated, not added"
    );
    assert_eq!(
        listed["items"][0]["id"], first["id"],
        "the same recommendation"
    );
    assert_eq!(
        listed["items"][0]["text"],
        "Expand victim services, including shelter for men."
    );
    let gaps = app.get_json("/api/v1/countries/SLE/gaps").await;
    assert_eq!(
        gaps["recommendations"][0]["status"], "addressed",
        "its links survive"
    );
}

#[actix_web::test]
async fn one_bad_row_rejects_the_whole_file_and_every_bad_row_is_listed() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let file = "country,position,pillar,text,prioritized\n\
                SLE,1,protection,Expand services.,yes\n\
                QQQ,2,protection,Unknown country.,no\n\
                SLE,3,policing,Unknown pillar.,no\n\
                SLE,1,prevention,Duplicate position.,no\n\
                SEN,4,prevention,,no\n\
                SEN,x,prevention,Bad position.,maybe\n";
    let response = upload(&app, "/api/v1/reports/2023/import", "text/csv", file).await;
    let problem = expect_problem(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let listed: Vec<(u64, &str)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["row"].as_u64().unwrap(), e["field"].as_str().unwrap()))
        .collect();
    assert_eq!(
        listed,
        [
            (3, "country"),
            (4, "pillar"),
            (5, "position"),
            (6, "text"),
            (7, "position"),
            (7, "prioritized")
        ]
    );
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("nothing was imported")
    );
    let stored = app.get_json("/api/v1/recommendations").await;
    assert_eq!(stored["items"], json!([]), "not even the good row");
}

#[actix_web::test]
async fn a_dry_run_counts_but_writes_nothing() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let file = "country,tier\nSEN,Tier 2\nSLE,Special Case\nMWI,NA\n";
    let response = upload(
        &app,
        "/api/v1/reports/2023/import?dry_run=true",
        "text/csv",
        file,
    )
    .await;
    let summary = expect_json(response, StatusCode::OK).await;
    assert_eq!(summary["dry_run"], true);
    assert_eq!(
        summary["tiers"],
        json!({"received": 3, "skipped": 1, "created": 2, "updated": 0, "unchanged": 0})
    );
    let senegal = app.get_json("/api/v1/countries/SEN/tiers").await;
    assert_eq!(senegal["items"], json!([]));
    let audit = app
        .get_json("/api/v1/audit?resource_type=report&resource_id=2023")
        .await;
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["create"], "a dry run leaves no audit row");

    let real = upload(&app, "/api/v1/reports/2023/import", "text/csv", file).await;
    expect_json(real, StatusCode::OK).await;
    let audit = app
        .get_json("/api/v1/audit?resource_type=report&resource_id=2023")
        .await;
    assert_eq!(audit["items"][0]["action"], "import");
    assert_eq!(audit["items"][0]["after"]["tiers"]["created"], 2);
}

#[actix_web::test]
async fn imports_are_refused_clearly() {
    let app = TestApp::spawn().await;
    let missing = upload(
        &app,
        "/api/v1/reports/2031/import",
        "text/csv",
        "country,tier\nSEN,1\n",
    )
    .await;
    expect_problem(missing, StatusCode::NOT_FOUND, "not_found").await;
    app.create_report(2023).await;
    let wrong_year = upload(
        &app,
        "/api/v1/reports/2023/import",
        "text/csv",
        "country,year,tier\nSEN,2022,1\n",
    )
    .await;
    let problem = expect_problem(
        wrong_year,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "year");
    let no_year = upload(
        &app,
        "/api/v1/tiers/import",
        "text/csv",
        "country,tier\nSEN,1\n",
    )
    .await;
    expect_problem(
        no_year,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let unknown_layout = upload(
        &app,
        "/api/v1/reports/2023/import",
        "text/csv",
        "country,score\nSEN,1\n",
    )
    .await;
    expect_problem(
        unknown_layout,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let xml = upload(
        &app,
        "/api/v1/reports/2023/import",
        "application/xml",
        "<tiers/>",
    )
    .await;
    expect_problem(
        xml,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    )
    .await;
    let broken = upload(
        &app,
        "/api/v1/reports/2023/import",
        "application/json",
        "{\"tiers\": [",
    )
    .await;
    expect_problem(broken, StatusCode::BAD_REQUEST, "bad_request").await;

    let viewer_key = app.key(Role::Viewer, None);
    let viewer = app
        .as_key(Some(&viewer_key))
        .client
        .post(app.url("/api/v1/reports/2023/import"))
        .header("Content-Type", "text/csv")
        .body("country,tier\nSEN,1\n")
        .send()
        .await
        .unwrap();
    expect_problem(viewer, StatusCode::FORBIDDEN, "forbidden").await;
}

#[actix_web::test]
async fn an_import_refuses_the_urls_the_api_refuses() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    for url in [
        "https://user@example.org/report",
        "https://example.org:12345/",
    ] {
        let created = app
            .post(
                "/api/v1/recommendations",
                &json!({"country": "SEN", "year": 2023, "position": 1, "pillar": "prosecution",
                        "text": "Investigate and prosecute trafficking crimes.", "source_url": url}),
            )
            .await;
        let problem = expect_problem(
            created,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], "source_url", "{problem}");

        let file = format!(
            "country,position,pillar,text,source_url\nSEN,1,prosecution,Investigate and prosecute trafficking crimes.,{url}\n"
        );
        let imported = upload(&app, "/api/v1/reports/2023/import", "text/csv", file).await;
        let problem = expect_problem(
            imported,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(
            problem["errors"],
            json!([{"field": "source_url", "message": "must be an absolute http or https URL", "row": 2}]),
            "{url}"
        );
    }
    assert_eq!(
        app.count("SELECT count(*) AS n FROM recommendations").await,
        0
    );
}

#[actix_web::test]
async fn an_import_refuses_a_note_the_api_could_not_store_instead_of_dropping_it() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let file = "country,tier,note\nSEN,Tier 2,before\0after\n";
    let imported = upload(&app, "/api/v1/reports/2023/import", "text/csv", file).await;
    let problem = expect_problem(
        imported,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(
        problem["errors"],
        json!([{"field": "note", "message": "must not contain the NUL character", "row": 2}])
    );
    assert_eq!(
        app.count("SELECT count(*) AS n FROM tier_placements").await,
        0
    );
}

/// `rows` recommendations for 2023, spread over the countries gaptrack knows, as a CSV file.
fn many_recommendations(rows: usize) -> String {
    let codes = [
        "SEN", "SLE", "MWI", "ZMB", "GHA", "NGA", "KEN", "UGA", "MLI", "NER",
    ];
    let mut file = String::from("country,position,pillar,text\n");
    for row in 0..rows {
        let code = codes[row % codes.len()];
        let position = row / codes.len() + 1;
        file.push_str(&format!(
            "{code},{position},protection,Expand victim services in {code}, measure {position}.\n"
        ));
    }
    file
}

async fn spawn_with_deadlines(request_ms: u64, import_ms: u64) -> TestApp {
    let mut settings = crate::helpers::test_settings();
    settings.timeouts.request = std::time::Duration::from_millis(request_ms);
    settings.timeouts.import = std::time::Duration::from_millis(import_ms);
    let app = TestApp::spawn_with_settings(settings).await;
    app.create_report(2023).await;
    app
}

#[actix_web::test]
async fn an_import_has_a_deadline_of_its_own_longer_than_a_requests() {
    // 20,000 rows take far longer than 150 ms to check and write, well inside 60 s.
    let app = spawn_with_deadlines(150, 60_000).await;
    let file = many_recommendations(20_000);
    for dry_run in [true, false] {
        let path = format!("/api/v1/reports/2023/import?dry_run={dry_run}");
        let summary = expect_json(
            upload(&app, &path, "text/csv", file.clone()).await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(
            summary["recommendations"]["created"], 20_000,
            "dry run {dry_run}"
        );
    }
    let written = app
        .count("SELECT count(*) AS n FROM recommendations WHERE year = 2023")
        .await;
    assert_eq!(written, 20_000);
}

#[actix_web::test]
async fn an_import_past_its_deadline_says_so_and_keeps_nothing() {
    let app = spawn_with_deadlines(5_000, 100).await;
    let file = many_recommendations(20_000);
    let problem = expect_problem(
        upload(&app, "/api/v1/reports/2023/import", "text/csv", file).await,
        StatusCode::SERVICE_UNAVAILABLE,
        "took_too_long",
    )
    .await;
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.contains("took longer than the 100 ms it is allowed (IMPORT_TIMEOUT_MS)"),
        "{detail}"
    );
    assert!(!detail.contains("cannot be reached"), "{detail}");
    // Nothing of the abandoned import can be read: its rows were never committed.
    let written = app
        .count("SELECT count(*) AS n FROM recommendations WHERE year = 2023")
        .await;
    assert_eq!(written, 0);
}

#[actix_web::test]
async fn the_import_page_has_the_imports_deadline_not_a_requests() {
    let app = spawn_with_deadlines(150, 60_000).await;
    let admin = crate::helpers::signed_in(&app, &app.key(Role::Admin, None)).await;
    let page = crate::documents::page_of(&admin, &app, "/admin/import").await;
    let (_, after) = page.split_once(r#"name="csrf" value=""#).unwrap();
    let csrf = after.split('"').next().unwrap().to_owned();
    let file = many_recommendations(20_000);
    let (status, checked) = post_import_page(
        &admin,
        &app,
        &[("csrf", &csrf), ("kind", "report"), ("year", "2023")],
        Some(("2023.csv", &file)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{checked}");
    assert!(checked.contains("The file is valid"), "{checked}");
}

/// A multipart form as a browser sends the import page's: `fields`, then `file` if any.
fn multipart(fields: &[(&str, &str)], file: Option<(&str, &str)>) -> (String, String) {
    let boundary = "gaptrack-import-page-test";
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    if let Some((file_name, content)) = file {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
             Content-Type: text/csv\r\n\r\n{content}\r\n"
        ));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn post_import_page(
    client: &reqwest::Client,
    app: &TestApp,
    fields: &[(&str, &str)],
    file: Option<(&str, &str)>,
) -> (StatusCode, String) {
    let (content_type, body) = multipart(fields, file);
    let response = client
        .post(app.url("/admin/import"))
        .header("Content-Type", content_type)
        .header("Origin", app.address.as_str())
        .body(body)
        .send()
        .await
        .unwrap();
    (response.status(), response.text().await.unwrap())
}

#[actix_web::test]
async fn the_import_page_confirms_a_checked_file_by_its_id_and_never_sends_it_back() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let admin = crate::helpers::signed_in(&app, &app.key(Role::Admin, None)).await;
    let page = crate::documents::page_of(&admin, &app, "/admin/import").await;
    let (_, after) = page.split_once(r#"name="csrf" value=""#).unwrap();
    let csrf = after.split('"').next().unwrap().to_owned();
    let file = "country,position,pillar,text\n\
                SLE,1,protection,Expand shelters run by trained staff in every district.\n\
                SLE,2,prosecution,Prosecute labour traffickers under the 2022 act.\n";

    let (status, checked) = post_import_page(
        &admin,
        &app,
        &[("csrf", &csrf), ("kind", "report"), ("year", "2023")],
        Some(("2023.csv", file)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{checked}");
    assert!(
        checked.contains("The file is valid. It changes the 2023 report of Sierra Leone."),
        "the dry run says which year and countries: {checked}"
    );
    assert!(
        !checked.contains("Expand shelters run by trained staff"),
        "the page does not carry the file back"
    );
    let (_, after) = checked.split_once(r#"name="checked" value=""#).unwrap();
    let id = after.split('"').next().unwrap().to_owned();
    assert_eq!(
        app.count("SELECT count(*) AS n FROM recommendations").await,
        0,
        "a check writes nothing"
    );

    // Another admin cannot confirm a file they did not check.
    let other = crate::helpers::signed_in(&app, &app.key(Role::Admin, None)).await;
    let other_page = crate::documents::page_of(&other, &app, "/admin/import").await;
    let (_, after) = other_page.split_once(r#"name="csrf" value=""#).unwrap();
    let other_csrf = after.split('"').next().unwrap().to_owned();
    let (status, refused) = post_import_page(
        &other,
        &app,
        &[("csrf", &other_csrf), ("checked", &id), ("confirm", "true")],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.contains("no longer kept"), "{refused}");

    let (status, imported) = post_import_page(
        &admin,
        &app,
        &[("csrf", &csrf), ("checked", &id), ("confirm", "true")],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{imported}");
    assert!(
        imported.contains("Imported, in one transaction: the 2023 report of Sierra Leone."),
        "{imported}"
    );
    assert!(
        imported
            .contains(r#"<a href="/countries/SLE?year=2023">Sierra Leone in the 2023 report</a>"#),
        "the next step: {imported}"
    );
    assert_eq!(
        app.count("SELECT count(*) AS n FROM recommendations").await,
        2
    );
    assert_eq!(
        app.count("SELECT count(*) AS n FROM checked_imports").await,
        0
    );
    let (status, again) = post_import_page(
        &admin,
        &app,
        &[("csrf", &csrf), ("checked", &id), ("confirm", "true")],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.contains("no longer kept"), "{again}");
}
