//! An import larger than one statement's rows and read as it is checked: every row written and
//! counted once, a change deep in the file found, and a bad line far down named by its number.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, expect_json};

const COUNTRIES: [&str; 3] = ["SEN", "SLE", "MWI"];
const PER_COUNTRY: usize = 4_000;

/// A CSV file of 12,000 recommendations; `text` words row `n` (from 0).
fn file(text: impl Fn(usize) -> String) -> String {
    let mut csv = String::from("country,position,pillar,text\n");
    for (n, (country, position)) in COUNTRIES
        .iter()
        .flat_map(|country| (1..=PER_COUNTRY).map(move |position| (country, position)))
        .enumerate()
    {
        csv.push_str(&format!(
            "{country},{position},protection,\"{}\"\n",
            text(n)
        ));
    }
    csv
}

async fn import(app: &TestApp, csv: String) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/reports/2023/import"))
        .header("Content-Type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap()
}

#[actix_web::test]
async fn twelve_thousand_rows_import_in_one_transaction_and_are_counted_once() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let words = |n: usize| format!("Train officials, measure {n}.");
    let summary = expect_json(import(&app, file(words)).await, StatusCode::OK).await;
    assert_eq!(
        summary["recommendations"],
        json!({"received": 12000, "skipped": 0, "created": 12000, "updated": 0, "unchanged": 0})
    );
    assert_eq!(
        app.count("SELECT count(*) AS n FROM recommendations WHERE year = 2023 AND country_code = 'MWI' AND position = 4000")
            .await,
        1
    );

    // One row reworded near the end: found, and only it.
    let reworded = |n: usize| {
        if n == 11_500 {
            "Reworded.".to_owned()
        } else {
            words(n)
        }
    };
    let summary = expect_json(import(&app, file(reworded)).await, StatusCode::OK).await;
    assert_eq!(
        summary["recommendations"],
        json!({"received": 12000, "skipped": 0, "created": 0, "updated": 1, "unchanged": 11999})
    );

    // A bad row far down is named by its line, and nothing is written.
    let mut bad = file(words);
    bad = bad.replacen("MWI,3999,protection", "MWI,3999,persuasion", 1);
    let refused = import(&app, bad).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = refused.json().await.unwrap();
    let line = 1 + 2 * PER_COUNTRY + 3999;
    assert_eq!(problem["errors"][0]["row"], line, "{problem}");
    assert_eq!(
        app.count("SELECT count(*) AS n FROM recommendations WHERE text = 'Reworded.'")
            .await,
        1
    );
}
