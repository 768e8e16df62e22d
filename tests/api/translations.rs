//! A recommendation's text in French: an admin adds and corrects it through the API, with its
//! source; French pages show it marked as a translation, the report's English one click away;
//! English pages show the report's text only.

use gaptrack::domain::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, session_cookie};

const FRENCH: &str = "Renforcer l'autorité de la cellule nationale de lutte contre la traite \
    pour coordonner l'action des administrations.";

/// The id of Senegal's first recommendation in the demo, and its English text.
async fn a_recommendation(app: &TestApp, admin: &str) -> (String, String) {
    let gaps: serde_json::Value = app
        .as_key(Some(admin))
        .get("/api/v1/countries/SEN/gaps")
        .await
        .json()
        .await
        .unwrap();
    let first = &gaps["recommendations"][0];
    (
        first["id"].as_str().unwrap().to_owned(),
        first["text"].as_str().unwrap().to_owned(),
    )
}

#[actix_web::test]
async fn an_admin_adds_and_corrects_a_french_text_with_its_source() {
    let app = TestApp::with_demo().await;
    let admin = app.key(Role::Admin, None);
    let (id, _) = a_recommendation(&app, &admin).await;
    let path = format!("/api/v1/recommendations/{id}/translations/fr");
    let first =
        json!({"text": "Une première version", "source_url": "https://sn.usembassy.gov/fr/"});
    let added = app.as_key(Some(&admin)).put(&path, &first).await;
    assert_eq!(added.status(), StatusCode::OK);
    let added: serde_json::Value = added.json().await.unwrap();
    assert_eq!(added["language"], "fr");
    assert_eq!(added["added_by"], "test admin");
    let corrected = json!({"text": FRENCH});
    let corrected = app.as_key(Some(&admin)).put(&path, &corrected).await;
    assert_eq!(corrected.status(), StatusCode::OK);
    let list: serde_json::Value = app
        .as_key(Some(&admin))
        .get(&format!("/api/v1/recommendations/{id}/translations"))
        .await
        .json()
        .await
        .unwrap();
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "corrected, not added twice: {list}");
    assert_eq!(items[0]["text"], FRENCH);
    assert_eq!(items[0]["source_url"], serde_json::Value::Null);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS n FROM audit_events WHERE resource_id = '{id}' \
             AND after ? 'translation_fr'"
        ))
        .await,
        2,
        "each change is in the audit trail"
    );

    let viewer = app.key(Role::Viewer, None);
    let refused = app
        .as_key(Some(&viewer))
        .put(&path, &json!({"text": "x"}))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    for language in ["en", "xx"] {
        let wrong = format!("/api/v1/recommendations/{id}/translations/{language}");
        let wrong = app
            .as_key(Some(&admin))
            .put(&wrong, &json!({"text": "x"}))
            .await;
        assert_eq!(
            wrong.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{language}"
        );
    }
    let bad = json!({"text": " ", "source_url": "not a link"});
    let bad = app.as_key(Some(&admin)).put(&path, &bad).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = bad.json().await.unwrap();
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["text", "source_url"], "{problem}");
    let nowhere = "/api/v1/recommendations/01a24896-8ea8-7232-8a4a-7644072c9f2a/translations/fr";
    let missing = app
        .as_key(Some(&admin))
        .put(nowhere, &json!({"text": "x"}))
        .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn french_pages_show_the_translation_and_english_pages_the_report() {
    let app = TestApp::with_demo().await;
    let admin = app.key(Role::Admin, None);
    let (id, english) = a_recommendation(&app, &admin).await;
    let path = format!("/api/v1/recommendations/{id}/translations/fr");
    let given = json!({"text": FRENCH, "source_url": "https://sn.usembassy.gov/fr/"});
    let put = app.as_key(Some(&admin)).put(&path, &given).await;
    assert_eq!(put.status(), StatusCode::OK);
    let session = session_cookie(&app, &admin).await;
    let page = |language: &'static str| {
        let request = reqwest::Client::new()
            .get(app.url("/countries/SEN"))
            .header("Cookie", format!("{session}; gaptrack_language={language}"))
            .send();
        async move { request.await.unwrap().text().await.unwrap() }
    };
    let french = page("fr").await;
    let escaped = FRENCH.replace('\'', "&#39;");
    assert!(
        french.contains(&format!(r#"<span lang="fr">{escaped}</span>"#))
            || french.contains(&format!(r#"<span lang="fr">{FRENCH}</span>"#)),
        "{french}"
    );
    assert!(french.contains("Traduction\u{a0}: le texte original du rapport"));
    assert!(french.contains(r#"href="https://sn.usembassy.gov/fr/""#));
    let printable = reqwest::Client::new()
        .get(app.url("/countries/SEN/print"))
        .header("Cookie", format!("{session}; gaptrack_language=fr"))
        .send();
    let printable = printable.await.unwrap().text().await.unwrap();
    assert!(
        printable.contains("Renforcer l")
            && printable.contains("Traduction\u{a0}; le texte du rapport"),
        "the printable summary reads it too, with the report's text: {printable}"
    );
    let english_page = page("en").await;
    assert!(!english_page.contains("Renforcer l"), "{english_page}");
    assert!(!english_page.contains("details class=\"original\""));
    let first_words: String = english.chars().take(30).collect();
    assert!(english_page.contains(&first_words), "{english_page}");
}

#[actix_web::test]
async fn an_admin_adds_the_french_text_from_the_pages() {
    let app = TestApp::with_demo().await;
    let admin = app.key(Role::Admin, None);
    let (id, english) = a_recommendation(&app, &admin).await;
    let browser = crate::helpers::signed_in(&app, &admin).await;
    let country = browser.get(app.url("/countries/SEN")).send().await.unwrap();
    let country = country.text().await.unwrap();
    let form_path = format!("/recommendations/{id}/translations/fr");
    assert!(
        country.contains(&format!(r#"href="{form_path}""#)),
        "the country page leads an admin to it"
    );
    let form = browser.get(app.url(&form_path)).send().await.unwrap();
    let form = form.text().await.unwrap();
    let first_words: String = english.chars().take(30).collect();
    assert!(form.contains(&first_words), "the report's text is above");
    let csrf = form
        .split_once(r#"name="csrf" value=""#)
        .and_then(|(_, after)| after.split('"').next())
        .unwrap()
        .to_owned();
    let post = |text: &'static str| {
        browser
            .post(app.url(&form_path))
            .form(&[("csrf", csrf.as_str()), ("text", text), ("source_url", "")])
            .send()
    };
    let refused = post("  ").await.unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = refused.text().await.unwrap();
    assert!(refused.contains(r#"id="text-error""#), "{refused}");
    let saved = post(FRENCH).await.unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let back = saved.headers()["location"].to_str().unwrap();
    assert!(
        back.starts_with("/countries/SEN?year=")
            && back.ends_with(&format!("#recommendation-{id}")),
        "{back}"
    );
    let session = session_cookie(&app, &admin).await;
    let in_french = reqwest::Client::new()
        .get(app.url("/countries/SEN"))
        .header("Cookie", format!("{session}; gaptrack_language=fr"))
        .send();
    let in_french = in_french.await.unwrap().text().await.unwrap();
    assert!(
        in_french.contains("Renforcer l"),
        "saved and shown: {in_french}"
    );

    // A viewer reads the pages but may not translate.
    let viewer = crate::helpers::signed_in(&app, &app.key(Role::Viewer, None)).await;
    let refused = viewer.get(app.url(&form_path)).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let english_only = viewer.get(app.url(&format!("/recommendations/{id}/translations/en")));
    assert_eq!(
        english_only.send().await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
}

/// Imports `file` into the 2023 report, as CSV.
async fn import_csv(app: &TestApp, file: &'static str) -> reqwest::Response {
    let request = app.client.post(app.url("/api/v1/reports/2023/import"));
    let request = request.header("Content-Type", "text/csv").body(file);
    request.send().await.unwrap()
}

#[actix_web::test]
async fn an_import_brings_each_recommendations_french_text() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let file = "country,position,pillar,text,text_fr,text_fr_source_url\n\
                SEN,1,protection,Expand services.,Étendre les services.,https://sn.usembassy.gov/fr/\n\
                SEN,2,prevention,Train labour inspectors.,,\n";
    let imported = import_csv(&app, file).await;
    assert_eq!(
        imported.status(),
        StatusCode::OK,
        "{}",
        imported.text().await.unwrap()
    );
    let stored = app.get_json("/api/v1/recommendations?country=SEN").await;
    let first = stored["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["position"] == 1)
        .unwrap();
    let id = first["id"].as_str().unwrap();
    let translations = app
        .get_json(&format!("/api/v1/recommendations/{id}/translations"))
        .await;
    assert_eq!(translations["items"][0]["text"], "Étendre les services.");
    assert_eq!(
        translations["items"][0]["source_url"],
        "https://sn.usembassy.gov/fr/"
    );
    assert_eq!(
        app.count("SELECT count(*) AS n FROM recommendation_translations")
            .await,
        1,
        "a row without French text adds none"
    );

    let orphan = "country,position,pillar,text,text_fr,text_fr_source_url\n\
                  SEN,3,protection,Expand shelters.,,https://example.org/\n";
    let refused = import_csv(&app, orphan).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "text_fr", "{problem}");
}

/// The downloads of Senegal's country page and its call-for-information pack, for a reader of
/// `language`: the people's CSV, the workbook and the Word pack.
async fn documents_in(app: &TestApp, admin: &str, language: &str, year: i64) -> [Vec<u8>; 3] {
    let session = session_cookie(app, admin).await;
    let mut files = Vec::new();
    for path in [
        "/countries/SEN/gaps.csv".to_owned(),
        "/countries/SEN/gaps.xlsx".to_owned(),
        format!("/countries/SEN/call-for-information.docx?year={}", year + 1),
    ] {
        let response = reqwest::Client::new()
            .get(app.url(&path))
            .header("Cookie", format!("{session}; gaptrack_language={language}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        files.push(response.bytes().await.unwrap().to_vec());
    }
    files.try_into().unwrap()
}

/// The first sheet's rows, as text.
fn first_sheet(workbook: &[u8]) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx, open_workbook_from_rs};
    let mut workbook: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(workbook)).unwrap();
    let name = workbook.sheet_names()[0].clone();
    let range = workbook.worksheet_range(&name).unwrap();
    range
        .rows()
        .map(|row| row.iter().map(ToString::to_string).collect())
        .collect()
}

#[actix_web::test]
async fn french_documents_read_the_french_text_beside_the_reports_words() {
    let app = TestApp::with_demo().await;
    let admin = app.key(Role::Admin, None);
    let (id, english) = a_recommendation(&app, &admin).await;
    let put = app
        .as_key(Some(&admin))
        .put(
            &format!("/api/v1/recommendations/{id}/translations/fr"),
            &json!({"text": FRENCH}),
        )
        .await;
    assert_eq!(put.status(), StatusCode::OK);
    let client = app.as_key(Some(&admin));
    let gaps: serde_json::Value = client
        .get("/api/v1/countries/SEN/gaps")
        .await
        .json()
        .await
        .unwrap();
    let year = gaps["year"].as_i64().unwrap();

    let [csv, workbook, pack] = documents_in(&app, &admin, "fr", year).await;
    let csv = String::from_utf8(csv).unwrap();
    let mut rows = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = rows.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (read, original) = (
        column("Recommandation"),
        column("Texte du rapport (anglais)"),
    );
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let translated = rows.iter().find(|row| &row[read] == FRENCH).expect(&csv);
    assert_eq!(
        &translated[original], english,
        "the report's words beside it"
    );
    assert!(
        rows.iter()
            .any(|row| &row[read] != FRENCH && row[original].is_empty()),
        "a recommendation without French text reads as the report wrote it, once"
    );

    let sheet = first_sheet(&workbook);
    let read = sheet[0].iter().position(|h| h == "Recommandation").unwrap();
    let original = sheet[0]
        .iter()
        .position(|h| h == "Texte du rapport (anglais)")
        .expect("the workbook has the report's words too");
    let translated = sheet.iter().find(|row| row[read] == FRENCH).unwrap();
    assert_eq!(translated[original], english);

    let paragraphs: Vec<String> = crate::readers::read_docx(&pack)
        .into_iter()
        .map(|p| p.text)
        .collect();
    let at = paragraphs
        .iter()
        .position(|p| p.contains(FRENCH))
        .unwrap_or_else(|| panic!("the pack cites the French text: {paragraphs:?}"));
    assert_eq!(
        paragraphs[at + 1],
        format!("Traduction ; le texte du rapport : {english}")
            .replace(" ;", "\u{a0};")
            .replace(" :", "\u{a0}:"),
        "and the report's words under it"
    );

    // In English, the documents are the report's words alone.
    let [csv, workbook, pack] = documents_in(&app, &admin, "en", year).await;
    let csv = String::from_utf8(csv).unwrap();
    assert!(!csv.contains(FRENCH) && !csv.contains("The report's text"));
    assert!(
        !first_sheet(&workbook)[0]
            .iter()
            .any(|h| h.starts_with("The report's text"))
    );
    let paragraphs = crate::readers::read_docx(&pack);
    assert!(paragraphs.iter().any(|p| p.text.contains(&english)));
    assert!(!paragraphs.iter().any(|p| p.text.contains(FRENCH)));
}
