//! A recommendation read in French is found in French: searching matches the report's English
//! or a translation, accents and case aside; lineage suggestions weigh the translations too.

use gaptrack::domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_json, expect_problem, session_cookie};

/// Records `text` as `country`'s recommendation `position` of `year`, with its French text when
/// given; answers its id.
async fn recommend(
    app: &TestApp,
    (country, year, position): (&str, i32, i32),
    text: &str,
    french: Option<&str>,
) -> String {
    let body = json!({"country": country, "year": year, "position": position, "pillar": "protection", "text": text});
    let created = app.post("/api/v1/recommendations", &body).await;
    let id = expect_json(created, StatusCode::CREATED).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    if let Some(french) = french {
        let path = format!("/api/v1/recommendations/{id}/translations/fr");
        let put = app.put(&path, &json!({"text": french})).await;
        assert_eq!(put.status(), StatusCode::OK);
    }
    id
}

/// Senegal's 2023 report of two recommendations, the first with its French text; their ids.
async fn senegal_2023(app: &TestApp) -> (String, String) {
    app.create_report(2023).await;
    let investigate = recommend(
        app,
        ("SEN", 2023, 1),
        "Increase efforts to investigate cases and prosecute traffickers.",
        Some("Accroître les efforts pour enquêter sur les cas de traite."),
    )
    .await;
    let inspectors = recommend(app, ("SEN", 2023, 2), "Train labour inspectors.", None).await;
    (investigate, inspectors)
}

fn ids(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap())
        .collect()
}

#[actix_web::test]
async fn the_list_finds_a_recommendation_by_either_text_accents_and_case_aside() {
    let app = TestApp::spawn().await;
    let (investigate, inspectors) = senegal_2023(&app).await;

    let search = |q: &str| format!("/api/v1/recommendations?q={}", urlencoding(q));
    assert_eq!(ids(&app.get_json(&search("traite")).await), [&investigate]);
    assert_eq!(
        ids(&app.get_json(&search("ENQUÊTER")).await),
        [&investigate],
        "accents and case aside"
    );
    assert_eq!(ids(&app.get_json(&search("inspect")).await), [&inspectors]);
    assert!(
        ids(&app.get_json(&search("100%")).await).is_empty(),
        "a wildcard is taken literally"
    );
    assert_eq!(
        ids(&app
            .get_json(&format!("{}&pillar=prevention", search("traite")))
            .await)
        .len(),
        0,
        "with the other filters"
    );
    let long = app.get(&search(&"t".repeat(201))).await;
    expect_problem(long, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}

fn urlencoding(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[actix_web::test]
async fn an_interventions_page_in_french_shows_the_french_texts_and_searches_them() {
    let app = TestApp::spawn().await;
    let (investigate, inspectors) = senegal_2023(&app).await;
    let organisation = app.create_organisation("Jokkoo").await;
    let intervention = app
        .create_intervention(&organisation, &["SEN"], "active")
        .await;
    let session = session_cookie(&app, &app.key(Role::Editor, Some(&organisation))).await;
    let page = |query: &str| {
        reqwest::Client::new()
            .get(app.url(&format!("/interventions/{intervention}{query}")))
            .header("Cookie", format!("{session}; gaptrack_language=fr"))
            .send()
    };
    let listed = |html: &str, id: &str| html.contains(&format!("id=\"recommendation-{id}\""));

    let whole = page("").await.unwrap().text().await.unwrap();
    assert!(whole.contains("Sénégal"), "the country's French name");
    assert!(
        whole.contains("<span lang=\"fr\">Accroître les efforts"),
        "the French text in place"
    );
    assert!(
        whole.contains("Train labour inspectors."),
        "the report's text where there is no other"
    );
    assert!(listed(&whole, &investigate) && listed(&whole, &inspectors));

    let found = page("?q=traite").await.unwrap().text().await.unwrap();
    assert!(listed(&found, &investigate) && !listed(&found, &inspectors));
    assert!(
        found.contains("value=\"traite\""),
        "the words stay in the box"
    );
    let found = page("?q=Inspectors").await.unwrap().text().await.unwrap();
    assert!(!listed(&found, &investigate) && listed(&found, &inspectors));
}

#[actix_web::test]
async fn lineage_weighs_the_translations_of_both_years() {
    let app = TestApp::spawn().await;
    app.create_report(2022).await;
    app.create_report(2023).await;
    let earlier = recommend(
        &app,
        ("SEN", 2022, 1),
        "Increase funding for shelters.",
        None,
    )
    .await;
    let later = recommend(
        &app,
        ("SEN", 2023, 1),
        "Allocate adequate resources to victim care facilities.",
        None,
    )
    .await;
    let candidates = format!("/api/v1/recommendations/{later}/lineage-candidates");
    let similarity = |page: &Value| page["items"][0]["similarity"].as_f64().unwrap();
    let english_only = similarity(&app.get_json(&candidates).await);
    assert!(
        english_only < 0.35,
        "the English texts differ: {english_only}"
    );
    let session = session_cookie(&app, &app.key(Role::Admin, None)).await;
    let country_page = || {
        reqwest::Client::new()
            .get(app.url("/countries/SEN?year=2023"))
            .header("Cookie", session.clone())
            .send()
    };
    let asked = format!("name=\"answer-{later}\"");
    let before = country_page().await.unwrap().text().await.unwrap();
    assert!(!before.contains(&asked), "nothing suggested yet");

    for (id, french) in [
        (
            &earlier,
            "Augmenter le financement des foyers d'accueil des victimes.",
        ),
        (
            &later,
            "Augmenter le financement des foyers d'accueil des victimes de la traite.",
        ),
    ] {
        let path = format!("/api/v1/recommendations/{id}/translations/fr");
        let put = app.put(&path, &json!({"text": french})).await;
        assert_eq!(put.status(), StatusCode::OK);
    }
    let page = app.get_json(&candidates).await;
    assert_eq!(page["items"][0]["recommendation"]["id"], earlier.as_str());
    assert!(
        similarity(&page) > 0.6,
        "the French texts are alike: {}",
        similarity(&page)
    );

    let after = country_page().await.unwrap().text().await.unwrap();
    assert!(
        after.contains(&asked),
        "the admin is asked whether it continues the earlier one"
    );
}
