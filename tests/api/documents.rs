//! The documents people send, downloaded from the pages as a grant writer does: CSV files a
//! spreadsheet reads right, workbooks read back by a spreadsheet reader, and a printable summary
//! that stands on its own.

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, expect_json, signed_in};
use gaptrack::domain::Role;

/// A download's file name, from its `Content-Disposition`.
fn file_name(response: &reqwest::Response) -> String {
    let disposition = response.headers()["content-disposition"].to_str().unwrap();
    disposition
        .split("filename=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no file name in {disposition}"))
        .to_owned()
}

async fn download(client: &reqwest::Client, app: &TestApp, path: &str) -> (String, Vec<u8>) {
    let response = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let name = file_name(&response);
    let bytes = response.bytes().await.unwrap().to_vec();
    // Kept for a person to open in a real spreadsheet or word processor after the run.
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/documents");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join(&name), &bytes).unwrap();
    (name, bytes)
}

/// A page's HTML, which must be there.
pub async fn page_of(client: &reqwest::Client, app: &TestApp, path: &str) -> String {
    let response = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

/// The rows of a CSV file made for a spreadsheet, after checking its byte-order mark.
pub fn spreadsheet_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a CSV for a spreadsheet starts with a byte-order mark, or Excel garbles accents");
    csv::Reader::from_reader(text.as_bytes())
        .into_records()
        .map(|row| row.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[actix_web::test]
async fn the_country_csv_of_the_pages_speaks_words_and_says_what_it_holds() {
    let app = TestApp::with_demo().await;
    let client = signed_in(&app, &app.key(Role::Viewer, None)).await;
    let (name, bytes) = download(&client, &app, "/countries/SEN/gaps.csv?status=unaddressed").await;
    assert_eq!(name, "gaptrack-SEN-2023-unaddressed.csv");
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        text.lines().next().unwrap().ends_with("Country,Report year,Tier,No.,Pillar,Prioritized,Status,Recommendation,Reports standing,Standing since,Ever addressed,Answered by,People reached,Evidence,Rationale,Linked by,Counting the work of"),
        "{text}"
    );
    let rows = spreadsheet_rows(&bytes);
    assert_eq!(rows.len(), 1, "only the unaddressed one: {rows:?}");
    assert_eq!(
        rows[0][..7],
        [
            "Senegal",
            "2023",
            "Tier 2",
            "2",
            "Prevention",
            "Yes",
            "Unaddressed"
        ]
    );
    assert!(rows[0][7].starts_with("Strengthen the anti-trafficking task force"));
    assert_eq!(rows[0][16], "All organisations");

    let (_, all) = download(&client, &app, "/countries/SEN/gaps.csv").await;
    let rows = spreadsheet_rows(&all);
    assert_eq!(rows.len(), 5);
    let first = &rows[0];
    assert_eq!(first[6], "Addressed");
    assert_eq!(
        first[11],
        "Training of law enforcement and judiciary in Senegal (CenHTRO, active, answers it fully)"
    );
    // Each answer's rationale, as the workbook's "Answers" sheet gives it; nobody signed the
    // demo's links.
    let json = app.get_json("/api/v1/countries/SEN/gaps").await;
    let rationale = json["recommendations"][0]["interventions"][0]["rationale"]
        .as_str()
        .unwrap();
    assert_eq!(first[14], rationale);
    assert_eq!(first[15], "");

    // The country page offers it, with the page's filters.
    let page = page_of(&client, &app, "/countries/SEN?status=unaddressed").await;
    assert!(
        page.contains(r#"href="/countries/SEN/gaps.csv?status=unaddressed""#),
        "{page}"
    );
}

#[actix_web::test]
async fn the_coverage_csv_of_the_pages_keeps_accents_and_names_the_organisation() {
    let app = TestApp::with_demo().await;
    let organisation = app
        .create_organisation("Réseau Sahel contre la traite")
        .await;
    let client = signed_in(&app, &app.key(Role::Viewer, None)).await;
    let (name, bytes) = download(
        &client,
        &app,
        &format!("/coverage.csv?year=2023&region=AF&organisation={organisation}"),
    )
    .await;
    assert_eq!(
        name,
        "gaptrack-coverage-2023-AF-reseau-sahel-contre-la-traite.csv"
    );
    let rows = spreadsheet_rows(&bytes);
    assert_eq!(rows.len(), 4, "the four African countries: {rows:?}");
    let senegal = rows.iter().find(|row| row[0] == "Senegal").unwrap();
    assert_eq!(
        senegal[1..],
        [
            "SEN",
            "2023",
            "Africa",
            "Tier 2",
            "upgraded",
            "5",
            "0",
            "0",
            "0",
            "5",
            "0",
            "Réseau Sahel contre la traite"
        ],
        "the new organisation has done nothing yet"
    );

    let (_, everyone) = download(&client, &app, "/coverage.csv?year=2023").await;
    let rows = spreadsheet_rows(&everyone);
    let senegal = rows.iter().find(|row| row[0] == "Senegal").unwrap();
    assert_eq!(senegal[11], "40", "coverage as a whole percentage: 2 of 5");
    // The workbook's columns, in the workbook's order: one table for both.
    let header = String::from_utf8(everyone.clone()).unwrap();
    assert!(
        header.lines().next().unwrap().ends_with(
            "Country,Code,Report year,Region,Tier,Movement,Recommendations,Addressed,\
             Partly addressed,Planned,Unaddressed,Coverage (%),Counting the work of"
        ),
        "{header}"
    );
}

#[actix_web::test]
async fn the_printable_summary_stands_alone() {
    let app = TestApp::with_demo().await;
    let gaps = app.get_json("/api/v1/countries/SEN/gaps").await;
    let answered = gaps["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["status"] == "addressed")
        .unwrap();
    let intervention = answered["interventions"][0]["id"].as_str().unwrap();
    let evidence = "https://example.org/reports/training-2023.pdf";
    expect_json(
        app.put(
            &format!(
                "/api/v1/interventions/{intervention}/recommendations/{}",
                answered["id"].as_str().unwrap()
            ),
            &json!({"contribution": "full", "rationale": "Trains 120 officers.", "evidence_url": evidence}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let client = signed_in(&app, &app.key(Role::Viewer, None)).await;
    let page = page_of(&client, &app, "/countries/SEN/print?year=2023").await;
    let document = scraper::Html::parse_document(&page);
    let text_of = |selector: &str| -> Vec<String> {
        document
            .select(&scraper::Selector::parse(selector).unwrap())
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    // Every recommendation under its own number in the report, with its text: the unaddressed
    // no. 2 is not renumbered 1.
    let printed = text_of("ol.numbered > li");
    for recommendation in gaps["recommendations"].as_array().unwrap() {
        let expected = format!(
            "No. {}. {}",
            recommendation["position"],
            recommendation["text"].as_str().unwrap()
        );
        assert!(
            printed.iter().any(|item| item.starts_with(&expected)),
            "{expected:?} is not printed: {printed:?}"
        );
    }
    let unaddressed = text_of("section:nth-of-type(2) ol.numbered > li");
    assert_eq!(unaddressed.len(), 1);
    assert!(unaddressed[0].starts_with("No. 2. "), "{unaddressed:?}");
    // The answer, with its organisation, rationale and evidence.
    let answer = printed
        .iter()
        .find(|item| item.contains("Trains 120 officers."))
        .expect("the link's rationale is printed");
    assert!(answer.contains("CenHTRO"), "{answer}");
    assert!(page.contains(&format!(r#"<a href="{evidence}">{evidence}</a>"#)));
    // The period, whose work, and who made it.
    let facts = text_of("dl.facts").join(" ");
    for expected in [
        "1 April 2022 to 31 March 2023",
        "All organisations",
        "by test viewer",
    ] {
        assert!(facts.contains(expected), "{expected:?} missing in {facts}");
    }
    // On screen, a way back and a Print button, neither printed.
    let back = text_of("nav.screen a");
    assert_eq!(back, ["← Back to Senegal"]);
    assert!(
        page.contains(r#"<a href="/countries/SEN?year=2023">"#),
        "{page}"
    );
    assert_eq!(text_of("nav.screen button[data-print]"), ["Print"]);
    assert!(page.contains(".screen { display: none !important; }"));

    // The API's summary is the same document, without the page's controls.
    let from_api = page_of(&app.client, &app, "/api/v1/countries/SEN/gaps?format=html").await;
    assert!(!from_api.contains("<nav"), "{from_api}");
    assert!(from_api.contains("No. 2. "));
}

/// A workbook's sheet, row by row, read back by a spreadsheet reader.
pub fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<Data>> {
    let mut workbook: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec()))
        .expect("the download is an .xlsx workbook");
    workbook
        .worksheet_range(name)
        .unwrap_or_else(|error| panic!("no sheet {name}: {error}"))
        .rows()
        .map(<[Data]>::to_vec)
        .collect()
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(text) => text.clone(),
        Data::Empty => String::new(),
        other => panic!("{other:?} is not text"),
    }
}

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(number) => *number,
        Data::Int(number) => *number as f64,
        other => panic!("{other:?} is not a number"),
    }
}

/// The value of a fact of the "About" sheet.
fn fact(about: &[Vec<Data>], name: &str) -> String {
    about
        .iter()
        .find(|row| text(&row[0]) == name)
        .map(|row| text(&row[1]))
        .unwrap_or_else(|| panic!("no {name:?} in {about:?}"))
}

#[actix_web::test]
async fn the_coverage_workbook_holds_what_the_json_says_in_words_and_numbers() {
    let app = TestApp::with_demo().await;
    let client = signed_in(&app, &app.key(Role::Viewer, None)).await;
    let overview = page_of(&client, &app, "/?region=AF").await;
    assert!(
        overview.contains(r#"href="/coverage.xlsx?region=AF""#),
        "the overview offers the workbook beside the CSV: {overview}"
    );
    let (name, bytes) = download(&client, &app, "/coverage.xlsx?region=AF").await;
    assert_eq!(name, "gaptrack-coverage-2023-AF.xlsx");
    let json = app.get_json("/api/v1/coverage?region=AF").await;
    let rows = sheet(&bytes, "Coverage");
    let heading: Vec<String> = rows[0].iter().map(text).collect();
    assert_eq!(
        heading,
        [
            "Country",
            "Code",
            "Report year",
            "Region",
            "Tier",
            "Movement",
            "Recommendations",
            "Addressed",
            "Partly addressed",
            "Planned",
            "Unaddressed",
            "Coverage"
        ]
    );
    let items = json["items"].as_array().unwrap();
    assert_eq!(
        rows.len(),
        items.len() + 3,
        "a heading, the countries, a blank row, the totals"
    );
    for (row, item) in rows[1..].iter().zip(items) {
        assert_eq!(text(&row[0]), item["tip_name"].as_str().unwrap());
        assert_eq!(text(&row[1]), item["code"].as_str().unwrap());
        assert_eq!(number(&row[2]), item["year"].as_f64().unwrap());
        assert_eq!(text(&row[3]), "Africa");
        assert!(text(&row[4]).starts_with("Tier "), "a label, not a code");
        for (column, field) in [(6, "total"), (7, "addressed"), (10, "unaddressed")] {
            assert_eq!(
                number(&row[column]),
                item[field].as_f64().unwrap(),
                "{field}"
            );
        }
        assert_eq!(number(&row[11]), item["coverage_ratio"].as_f64().unwrap());
    }
    assert!(
        rows[items.len() + 1]
            .iter()
            .all(|cell| text(cell).is_empty()),
        "the totals stand apart from the rows a sort moves"
    );
    let totals = rows.last().unwrap();
    assert_eq!(text(&totals[0]), "All countries");
    assert_eq!(
        number(&totals[6]),
        json["totals"]["total"].as_f64().unwrap()
    );

    let about = sheet(&bytes, "About");
    assert_eq!(fact(&about, "Report year"), "2023");
    assert_eq!(fact(&about, "Region"), "Africa");
    assert_eq!(fact(&about, "Counting the work of"), "All organisations");
    assert_eq!(fact(&about, "Made by"), "test viewer");

    // The API gives the same workbook by `Accept` and by `?format=xlsx`.
    for request in [
        app.client
            .get(app.url("/api/v1/coverage?region=AF"))
            .header("Accept", XLSX),
        app.client
            .get(app.url("/api/v1/coverage?region=AF&format=xlsx")),
    ] {
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], XLSX);
        let bytes = response.bytes().await.unwrap();
        assert_eq!(sheet(&bytes, "Coverage"), rows);
        assert_eq!(fact(&sheet(&bytes, "About"), "Made by"), "test admin");
    }
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[actix_web::test]
async fn the_gap_workbook_honours_the_filters_and_lists_every_answer_with_its_evidence() {
    let app = TestApp::with_demo().await;
    let client = signed_in(&app, &app.key(Role::Viewer, None)).await;
    let (name, bytes) = download(&client, &app, "/countries/SEN/gaps.xlsx?status=addressed").await;
    assert_eq!(name, "gaptrack-SEN-2023-addressed.xlsx");
    let json = app
        .get_json("/api/v1/countries/SEN/gaps?status=addressed")
        .await;
    let listed = json["recommendations"].as_array().unwrap();
    let rows = sheet(&bytes, "Recommendations");
    assert_eq!(rows.len(), listed.len() + 1);
    for (row, recommendation) in rows[1..].iter().zip(listed) {
        assert_eq!(
            number(&row[0]),
            recommendation["position"].as_f64().unwrap()
        );
        assert_eq!(text(&row[3]), "Addressed");
        assert_eq!(text(&row[4]), recommendation["text"].as_str().unwrap());
    }
    let answers = sheet(&bytes, "Answers");
    let expected: Vec<(f64, String, String)> = listed
        .iter()
        .flat_map(|r| {
            r["interventions"].as_array().unwrap().iter().map(|i| {
                (
                    r["position"].as_f64().unwrap(),
                    i["title"].as_str().unwrap().to_owned(),
                    i["organisation_name"].as_str().unwrap().to_owned(),
                )
            })
        })
        .collect();
    let found: Vec<(f64, String, String)> = answers[1..]
        .iter()
        .map(|row| (number(&row[0]), text(&row[1]), text(&row[4])))
        .collect();
    assert_eq!(found, expected);
    assert_eq!(text(&answers[1][5]), "Fully");
    assert_eq!(text(&answers[0][9]), "Linked by");
    assert_eq!(
        text(&answers[1][9]),
        listed
            .iter()
            .find_map(|r| r["interventions"].as_array().and_then(|all| all.first()))
            .unwrap()["linked_by"]
            .as_str()
            .unwrap_or_default(),
        "who linked it, as the gap report says"
    );
    let about = sheet(&bytes, "About");
    assert_eq!(fact(&about, "Recommendations listed"), "Addressed");
    assert_eq!(
        fact(&about, "Reporting period"),
        "1 April 2022 to 31 March 2023"
    );
    assert_eq!(fact(&about, "Coverage"), "2 of 5 recommendations addressed");
    let pillars = sheet(&bytes, "Pillars");
    assert_eq!(text(&pillars.last().unwrap()[0]), "All pillars");
    assert_eq!(
        number(&pillars.last().unwrap()[1]),
        5.0,
        "the summary counts all"
    );
}

#[actix_web::test]
async fn a_workbook_of_each_countrys_latest_report_says_which_report_each_row_comes_from() {
    let app = TestApp::with_demo().await;
    app.create_report(2024).await;
    app.create_recommendation("SEN", 2024, 1, "protection")
        .await;
    let client = signed_in(&app, &app.key(Role::Viewer, None)).await;
    let (name, bytes) = download(&client, &app, "/coverage.xlsx").await;
    assert_eq!(name, "gaptrack-coverage-latest-2023-2024.xlsx");
    let rows = sheet(&bytes, "Coverage");
    assert_eq!(text(&rows[0][2]), "Report year");
    let countries: Vec<(String, f64)> = rows[1..5]
        .iter()
        .map(|row| (text(&row[1]), number(&row[2])))
        .collect();
    assert_eq!(countries.len(), 4, "{rows:?}");
    for (code, year) in countries {
        let expected = if code == "SEN" { 2024.0 } else { 2023.0 };
        assert_eq!(year, expected, "{code}");
    }
    let about = sheet(&bytes, "About");
    assert_eq!(
        fact(&about, "What this is"),
        "Coverage of each country's latest TIP Report (2023 and 2024), country by country"
    );
    assert!(fact(&about, "Report years").starts_with("2023 and 2024: each country's latest"));
    assert_eq!(
        fact(&about, "Reporting periods"),
        "2023 report: 1 April 2022 to 31 March 2023; 2024 report: 1 April 2023 to 31 March 2024"
    );
    assert!(
        about.iter().all(|row| text(&row[0]) != "Report year"),
        "no single year is claimed for the whole file"
    );
    let (name, _) = download(&client, &app, "/coverage.csv").await;
    assert_eq!(name, "gaptrack-coverage-latest-2023-2024.csv");
    let (name, bytes) = download(&client, &app, "/coverage.xlsx?year=2023").await;
    assert_eq!(name, "gaptrack-coverage-2023.xlsx");
    assert_eq!(fact(&sheet(&bytes, "About"), "Report year"), "2023");
}
