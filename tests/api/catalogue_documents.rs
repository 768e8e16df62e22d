//! The documents people download say nothing that is not from the catalogue: each is made in the
//! pseudo-locale (every message wrapped in ⟦…⟧) and read back as its reader would (the printable
//! pages as HTML, the CSV by cell, the workbooks by calamine, the Word pack by python-docx), and
//! whatever is left outside the wrappers must be the demo's own data.

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use gaptrack::domain::Role;

use crate::catalogue::{
    as_data, assert_catalogued, pseudo_browser, strings_in, texts_outside_the_catalogue,
};
use crate::helpers::{TestApp, session_cookie};
use crate::readers::read_docx;

/// Every string of the API's JSON for the documents' subjects: the data they print.
async fn demo_data(app: &TestApp, admin: &str) -> Vec<String> {
    let mut data = vec!["test admin".to_owned()];
    for path in [
        "/api/v1/countries/SEN/gaps",
        "/api/v1/coverage",
        "/api/v1/organisations",
        "/api/v1/interventions?limit=200",
        "/api/v1/countries/SEN/call-for-information?year=2024",
    ] {
        let json: serde_json::Value = app
            .as_key(Some(admin))
            .get(path)
            .await
            .json()
            .await
            .unwrap();
        strings_in(&json, &mut data);
    }
    // Longest first, so that a name is not cut by a shorter one inside it.
    data.sort_by_key(|text| std::cmp::Reverse(text.len()));
    data
}

/// Every cell of every sheet of a workbook, and the sheets' names.
fn workbook_texts(bytes: &[u8]) -> Vec<String> {
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("an .xlsx file");
    let mut texts = workbook.sheet_names();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).unwrap();
        for cell in range.used_cells() {
            if let Data::String(text) = cell.2 {
                texts.push(text.clone());
            }
        }
    }
    texts
}

/// Every cell of a CSV file.
fn csv_texts(text: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader
        .records()
        .flat_map(|record| {
            let record = record.expect("a CSV row");
            record.iter().map(str::to_owned).collect::<Vec<_>>()
        })
        .collect()
}

fn assert_all_catalogued(what: &str, texts: Vec<String>, data: &[&str]) {
    assert!(
        texts.iter().any(|text| text.contains('⟦')),
        "{what} is not in the pseudo-locale: {texts:?}"
    );
    assert_eq!(
        texts_outside_the_catalogue(texts, data),
        Vec::<String>::new(),
        "{what}"
    );
}

#[actix_web::test]
async fn the_documents_say_nothing_that_is_not_from_the_catalogue() {
    let app = TestApp::with_demo().await;
    let admin = app.key(Role::Admin, None);
    let data = demo_data(&app, &admin).await;
    let data = as_data(&data);
    let browser = pseudo_browser(&app);
    let session = session_cookie(&app, &admin).await;
    let get = |path: &str| {
        browser
            .get(app.url(path))
            .header("Cookie", format!("{session}; gaptrack_language=pseudo"))
            .send()
    };

    for path in [
        "/countries/SEN/print",
        "/countries/SEN/call-for-information?year=2024",
        "/countries/SEN/call-for-information/print?year=2024",
    ] {
        let page = get(path).await.unwrap().text().await.unwrap();
        assert_catalogued(path, &page, &data);
    }
    for path in ["/countries/SEN/gaps.csv", "/coverage.csv"] {
        let csv = get(path).await.unwrap().text().await.unwrap();
        assert_all_catalogued(path, csv_texts(&csv), &data);
    }
    for path in ["/countries/SEN/gaps.xlsx", "/coverage.xlsx"] {
        let bytes = get(path).await.unwrap().bytes().await.unwrap();
        assert_all_catalogued(path, workbook_texts(&bytes), &data);
    }
    let docx = get("/countries/SEN/call-for-information.docx?year=2024")
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let paragraphs = read_docx(&docx).into_iter().map(|p| p.text).collect();
    assert_all_catalogued("the Word pack", paragraphs, &data);
}
