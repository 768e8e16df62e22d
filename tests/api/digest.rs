//! The edition digest: what a new edition changed for a country, and for an organisation's work.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_json};

/// Senegal's 2023 and 2024 editions: one recommendation kept word for word, one reworded, one
/// new and one dropped; the tier up from the Watch List. Two organisations' work on them.
pub struct Season {
    pub app: TestApp,
    pub ours: String,
    pub theirs: String,
    /// Our active intervention, linked to the kept recommendation in both editions and to the
    /// reworded one in 2023 only.
    pub ongoing: String,
    pub kept_2024: String,
    pub reworded_2024: String,
}

async fn recommendation(
    app: &TestApp,
    year: i32,
    position: i32,
    text: &str,
    continues: Option<&str>,
) -> String {
    recommendation_of(app, "SEN", year, position, text, continues).await
}

async fn linked(app: &TestApp, intervention: &str, recommendation: &str) {
    expect_json(
        app.link(intervention, recommendation, "partial").await,
        StatusCode::CREATED,
    )
    .await;
}

pub async fn season() -> Season {
    let app = TestApp::spawn().await;
    for year in [2023, 2024] {
        app.create_report(year).await;
    }
    for (year, tier) in [(2023, "tier_2_watch_list"), (2024, "tier_2")] {
        let put = app
            .put(
                &format!("/api/v1/countries/SEN/tiers/{year}"),
                &json!({"tier": tier}),
            )
            .await;
        assert!(put.status().is_success(), "{}", put.status());
    }
    let kept = recommendation(
        &app,
        2023,
        1,
        "Train judges on the anti-trafficking law.",
        None,
    )
    .await;
    let reworded = recommendation(&app, 2023, 2, "Fund shelters for adult victims.", None).await;
    let dropped = recommendation(&app, 2023, 3, "Adopt a national action plan.", None).await;
    let kept_2024 = recommendation(
        &app,
        2024,
        1,
        "Train judges on the anti-trafficking law.",
        Some(&kept),
    )
    .await;
    let reworded_2024 = recommendation(
        &app,
        2024,
        2,
        "Fund shelters for adult and child victims.",
        Some(&reworded),
    )
    .await;
    recommendation(
        &app,
        2024,
        3,
        "Screen migrant workers for indicators.",
        None,
    )
    .await;

    let ours = app.create_organisation("Maison Rose").await;
    let theirs = app.create_organisation("CenHTRO").await;
    let ongoing = app.create_intervention(&ours, &["SEN"], "active").await;
    let finished = app.create_intervention(&ours, &["SEN"], "completed").await;
    let other = app.create_intervention(&theirs, &["SEN"], "active").await;
    linked(&app, &ongoing, &kept).await;
    linked(&app, &ongoing, &kept_2024).await;
    linked(&app, &ongoing, &reworded).await;
    linked(&app, &finished, &dropped).await;
    linked(&app, &other, &dropped).await;
    Season {
        app,
        ours,
        theirs,
        ongoing,
        kept_2024,
        reworded_2024,
    }
}

fn texts(items: &Value, path: &[&str]) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            path.iter()
                .fold(item, |value, key| &value[*key])
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[actix_web::test]
async fn the_digest_says_what_continues_what_is_new_and_what_was_dropped() {
    let season = season().await;
    let digest = season.app.get_json("/api/v1/countries/SEN/digest").await;
    assert_eq!(digest["year"], 2024, "the latest edition by default");
    assert_eq!(digest["earlier_year"], 2023);
    assert_eq!(digest["tier"]["tier"], "tier_2");
    assert_eq!(digest["tier"]["previous_tier"], "tier_2_watch_list");
    assert_eq!(digest["tier"]["movement"], "upgraded");

    let continuing = &digest["continuing"];
    assert_eq!(
        texts(continuing, &["current", "id"]),
        [season.kept_2024.clone(), season.reworded_2024.clone()]
    );
    assert_eq!(continuing[0]["reworded"], false);
    assert_eq!(continuing[0]["wording"], json!([]));
    assert_eq!(continuing[1]["reworded"], true);
    let added: String = continuing[1]["wording"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|piece| piece["change"] == "added")
        .map(|piece| piece["text"].as_str().unwrap())
        .collect();
    assert_eq!(added.trim(), "and child");
    assert_eq!(
        texts(&digest["new"], &["text"]),
        ["Screen migrant workers for indicators."]
    );
    assert_eq!(
        texts(&digest["dropped"], &["recommendation", "text"]),
        ["Adopt a national action plan."]
    );
    assert_eq!(
        digest["dropped"][0]["answered_by"]
            .as_array()
            .unwrap()
            .len(),
        2,
        "both organisations' work"
    );

    // Our ongoing work on the kept one is linked to both; on the reworded one, to 2023's only.
    assert_eq!(continuing[0]["ongoing_work"][0]["linked_to_current"], true);
    assert_eq!(
        continuing[1]["ongoing_work"][0]["intervention_id"],
        season.ongoing.as_str()
    );
    assert_eq!(continuing[1]["ongoing_work"][0]["linked_to_current"], false);
    assert_eq!(digest["waiting_to_carry"], 1);
}

#[actix_web::test]
async fn an_organisations_digest_lists_its_own_work_only() {
    let season = season().await;
    let digest = season
        .app
        .get_json(&format!(
            "/api/v1/countries/SEN/digest?year=2024&organisation={}",
            season.ours
        ))
        .await;
    assert_eq!(digest["organisation_name"], "Maison Rose");
    let answered = &digest["dropped"][0]["answered_by"];
    assert_eq!(answered.as_array().unwrap().len(), 1);
    assert_eq!(answered[0]["organisation_id"], season.ours.as_str());
    assert_eq!(digest["dropped_answered"], 1);

    let theirs = season
        .app
        .get_json(&format!(
            "/api/v1/countries/SEN/digest?organisation={}",
            season.theirs
        ))
        .await;
    assert_eq!(
        theirs["waiting_to_carry"], 0,
        "their work is on 2023's dropped one only"
    );
    assert_eq!(theirs["continuing"][1]["ongoing_work"], json!([]));
}

#[actix_web::test]
async fn a_first_edition_has_only_new_recommendations_and_a_country_with_none_is_refused() {
    let season = season().await;
    let first = season
        .app
        .get_json("/api/v1/countries/SEN/digest?year=2023")
        .await;
    assert_eq!(first["earlier_year"], Value::Null);
    assert_eq!(first["new"].as_array().unwrap().len(), 3);
    assert_eq!(first["dropped"], json!([]));

    let none = season.app.get("/api/v1/countries/NOR/digest").await;
    assert_eq!(none.status(), StatusCode::NOT_FOUND);
    let problem: Value = none.json().await.unwrap();
    assert!(
        problem["detail"].as_str().unwrap().contains("Norway"),
        "{problem}"
    );
    let unknown = season
        .app
        .get("/api/v1/countries/SEN/digest?year=1999")
        .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn the_call_for_information_pack_says_what_the_last_report_changed() {
    let season = season().await;
    let app = &season.app;
    let path = format!(
        "/api/v1/countries/SEN/call-for-information?year=2025&organisation={}",
        season.ours
    );
    let pack = app.get_json(&path).await;
    let brief = &pack["edition_changes"];
    assert_eq!(brief["year"], 2024);
    assert_eq!(brief["earlier_year"], 2023);
    assert_eq!(
        [
            &brief["continuing"],
            &brief["reworded"],
            &brief["new"],
            &brief["dropped"]
        ],
        [2, 1, 1, 1]
    );
    assert_eq!(brief["dropped_answered"], 1);
    assert_eq!(brief["waiting_to_carry"], 1);

    let viewer =
        crate::helpers::signed_in(app, &app.key(gaptrack::domain::Role::Viewer, None)).await;
    let page = crate::documents::page_of(
        &viewer,
        app,
        &format!(
            "/countries/SEN/call-for-information?year=2025&organisation={}",
            season.ours
        ),
    )
    .await;
    assert!(page.contains("What the 2024 report changed"), "{page}");
    assert!(
        page.contains(
            "Maison Rose&#39;s work answered the recommendation the 2024 report dropped."
        ) || page
            .contains("Maison Rose's work answered the recommendation the 2024 report dropped."),
        "{page}"
    );
    let word = viewer
        .get(app.url(&format!(
            "/countries/SEN/call-for-information.docx?year=2025&organisation={}",
            season.ours
        )))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let paragraphs = crate::readers::read_docx(&word);
    let at = paragraphs
        .iter()
        .position(|p| p.text == "What the 2024 report changed")
        .expect("the section's heading");
    assert!(
        paragraphs[at + 1]
            .text
            .starts_with("Against the 2023 report: 2 recommendations continue"),
        "{:?}",
        paragraphs[at + 1]
    );
}

/// The demo's Senegal 2023 recommendations by their number, with their ids.
async fn demo_senegal_2023(app: &TestApp) -> Vec<(i64, String, String)> {
    let gaps = app.get_json("/api/v1/countries/SEN/gaps?year=2023").await;
    gaps["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["position"].as_i64().unwrap(),
                r["id"].as_str().unwrap().to_owned(),
                r["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn the_demo_organisation_reads_what_a_next_edition_changed() {
    let app = TestApp::with_demo().await;
    let earlier = demo_senegal_2023(&app).await;
    let of = |position: i64| earlier.iter().find(|r| r.0 == position).unwrap().clone();
    app.create_report(2024).await;
    let put = app
        .put(
            "/api/v1/countries/SEN/tiers/2024",
            &json!({"tier": "tier_2"}),
        )
        .await;
    assert!(put.status().is_success());
    // 2024: no. 1 word for word, no. 3 reworded, no. 5 as it was, and one new; nos. 2 and 4
    // dropped.
    let (one, three, five) = (of(1), of(3), of(5));
    let reworded = three
        .2
        .replace("expand access to", "expand and fund access to");
    for (position, text, continues) in [
        (1, one.2.as_str(), Some(one.1.as_str())),
        (2, reworded.as_str(), Some(three.1.as_str())),
        (3, five.2.as_str(), Some(five.1.as_str())),
        (
            4,
            "Screen migrant workers in gold mining areas for trafficking indicators.",
            None,
        ),
    ] {
        recommendation_of(&app, "SEN", 2024, position, text, continues).await;
    }
    let organisations = app.get_json("/api/v1/organisations").await;
    let cenhtro = organisations["items"][0]["id"].as_str().unwrap().to_owned();
    let digest = app
        .get_json(&format!(
            "/api/v1/countries/SEN/digest?organisation={cenhtro}"
        ))
        .await;
    assert_eq!(digest["tier"]["movement"], "unchanged");
    assert_eq!(digest["continuing"].as_array().unwrap().len(), 3);
    assert_eq!(digest["new"].as_array().unwrap().len(), 1);
    assert_eq!(digest["dropped"].as_array().unwrap().len(), 2);
    assert_eq!(
        digest["dropped_answered"], 1,
        "CenHTRO's care answered no. 4"
    );
    assert_eq!(
        digest["waiting_to_carry"], 3,
        "three ongoing links to carry"
    );

    let viewer =
        crate::helpers::signed_in(&app, &app.key(gaptrack::domain::Role::Viewer, None)).await;
    let page = crate::documents::page_of(
        &viewer,
        &app,
        &format!("/countries/SEN/digest?organisation={cenhtro}"),
    )
    .await;
    for sentence in [
        "Against the 2023 report: 3 recommendations continue (1 reworded), 1 is new and 2 were dropped.",
        "answered 1 of the 2 recommendations the 2024 report dropped.",
        "3 links of ongoing work wait to be carried forward",
    ] {
        assert!(page.contains(sentence), "{sentence}: {page}");
    }
}

async fn recommendation_of(
    app: &TestApp,
    country: &str,
    year: i32,
    position: i32,
    text: &str,
    continues: Option<&str>,
) -> String {
    let body = json!({
        "country": country, "year": year, "position": position, "pillar": "protection",
        "text": text, "continues": continues,
    });
    let created = expect_json(
        app.post("/api/v1/recommendations", &body).await,
        StatusCode::CREATED,
    )
    .await;
    created["id"].as_str().unwrap().to_owned()
}

#[actix_web::test]
async fn a_link_is_carried_forward_through_the_api_by_its_organisation_only() {
    let season = season().await;
    let app = &season.app;
    let digest = app.get_json("/api/v1/countries/SEN/digest").await;
    let reworded_2023 = digest["continuing"][1]["earlier"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let kept_2023 = digest["continuing"][0]["earlier"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!(
        "/api/v1/interventions/{}/recommendations/{}/carry-forward",
        season.ongoing, season.reworded_2024
    );
    let answer = json!({"from": reworded_2023, "carry": true});

    let viewer = app.as_key(Some(&app.key(gaptrack::domain::Role::Viewer, None)));
    assert_eq!(
        viewer.post(&path, &answer).await.status(),
        StatusCode::FORBIDDEN
    );
    let theirs = app.as_key(Some(
        &app.key(gaptrack::domain::Role::Editor, Some(&season.theirs)),
    ));
    assert_eq!(
        theirs.post(&path, &answer).await.status(),
        StatusCode::FORBIDDEN
    );
    let ours = app.as_key(Some(
        &app.key(gaptrack::domain::Role::Editor, Some(&season.ours)),
    ));
    let wrong_line = ours
        .post(&path, &json!({"from": kept_2023, "carry": true}))
        .await;
    assert_eq!(wrong_line.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = wrong_line.json().await.unwrap();
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("does not continue"),
        "{problem}"
    );

    let carried = expect_json(ours.post(&path, &answer).await, StatusCode::OK).await;
    assert_eq!(carried["outcome"], "carried");
    let link = app
        .get_json(&format!(
            "/api/v1/interventions/{}/recommendations/{}",
            season.ongoing, season.reworded_2024
        ))
        .await;
    assert_eq!(link["carried_from"], reworded_2023.as_str());
    assert_eq!(link["contribution"], "partial", "the earlier link's");
    let again = expect_json(ours.post(&path, &answer).await, StatusCode::OK).await;
    assert_eq!(again["outcome"], "already_linked");
    let digest = app.get_json("/api/v1/countries/SEN/digest").await;
    assert_eq!(digest["waiting_to_carry"], 0);
}
