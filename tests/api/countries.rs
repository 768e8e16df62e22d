use std::collections::BTreeSet;

use diesel_async::{AsyncConnection, AsyncPgConnection};
use reqwest::StatusCode;

use crate::helpers::{TestApp, expect_problem};

#[actix_web::test]
async fn a_country_is_found_by_alpha3_or_alpha2_in_any_case() {
    let app = TestApp::spawn().await;
    for code in ["SLE", "sle", "SL", "sl"] {
        let country = app.get_json(&format!("/api/v1/countries/{code}")).await;
        assert_eq!(country["code"], "SLE");
        assert_eq!(country["alpha2"], "SL");
        assert_eq!(country["name"], "Sierra Leone");
        assert_eq!(country["region"], "AF");
    }
}

#[actix_web::test]
async fn kosovo_is_listed_under_its_tip_code() {
    let app = TestApp::spawn().await;
    let kosovo = app.get_json("/api/v1/countries/XKX").await;
    assert_eq!(kosovo["name"], "Kosovo");
    assert_eq!(kosovo["region"], "EUR");
}

#[actix_web::test]
async fn an_unknown_country_is_404_with_the_closest_names() {
    let app = TestApp::spawn().await;
    expect_problem(
        app.get("/api/v1/countries/ZZZ").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let problem = expect_problem(
        app.get(&country_path("Central African Rep")).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_eq!(
        problem["detail"],
        "`Central African Rep` is not a known country: did you mean Central African Republic (CAF)?"
    );
}

/// The path of one country, with `name` percent-encoded as a path segment.
fn country_path(name: &str) -> String {
    let mut url = url::Url::parse("http://host/api/v1/countries/").unwrap();
    url.path_segments_mut().unwrap().pop_if_empty().push(name);
    url.path().to_string()
}

#[actix_web::test]
async fn every_country_is_found_by_its_french_name() {
    let app = TestApp::spawn().await;
    for (name, code) in [
        ("Sénégal", "SEN"),
        ("Tchad", "TCD"),
        ("Côte d'Ivoire", "CIV"),
        ("Guinée-Bissau", "GNB"),
        ("guinee bissau", "GNB"),
        ("République centrafricaine", "CAF"),
        ("Cabo Verde", "CPV"),
        ("Corée du Sud", "KOR"),
        ("Birmanie", "MMR"),
        ("Îles Salomon", "SLB"),
    ] {
        let response = app.get(&country_path(name)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        let country: serde_json::Value = response.json().await.unwrap();
        assert_eq!(country["code"], code, "{name}");
    }
    // Every name the French pages show leads back to its country, and to no other.
    for (code, name) in gaptrack::i18n::countries::every_french_name() {
        let response = app.get(&country_path(name)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name} ({code})");
        let country: serde_json::Value = response.json().await.unwrap();
        assert_eq!(country["code"], code, "{name}");
    }
}

#[actix_web::test]
async fn countries_are_found_by_the_names_the_tip_report_and_people_use() {
    let app = TestApp::spawn().await;
    let cases = [
        ("Burma", "MMR"),
        ("Korea, North", "PRK"),
        ("Korea, South", "KOR"),
        ("Congo, Democratic Republic of the", "COD"),
        ("Congo, Republic of the", "COG"),
        ("The Gambia", "GMB"),
        ("Gambia, The", "GMB"),
        ("Kyrgyz Republic", "KGZ"),
        ("Slovak Republic", "SVK"),
        ("Micronesia", "FSM"),
        ("Macau", "MAC"),
        ("Curacao", "CUW"),
        ("St. Lucia", "LCA"),
        ("Saint Lucia", "LCA"),
        ("Brunei", "BRN"),
        ("Russia", "RUS"),
        ("Turkey", "TUR"),
        ("Czech Republic", "CZE"),
        ("Swaziland", "SWZ"),
        ("Cape Verde", "CPV"),
        ("Ivory Coast", "CIV"),
        ("East Timor", "TLS"),
        ("Bosnia-Herzegovina", "BIH"),
        ("Antigua & Barbuda", "ATG"),
        ("Cote d'Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("  CÔTE D'IVOIRE ", "CIV"),
        ("KOS", "XKX"),
        ("XKX", "XKX"),
        ("ROM", "ROU"),
        ("ZAR", "COD"),
        ("TMP", "TLS"),
        ("YUG", "SRB"),
        ("sl", "SLE"),
    ];
    for (name, code) in cases {
        let response = app.get(&country_path(name)).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        let country: serde_json::Value = response.json().await.unwrap();
        assert_eq!(country["code"], code, "{name}");
    }
}

#[actix_web::test]
async fn a_country_shows_the_tip_reports_name_beside_its_iso_name() {
    let app = TestApp::spawn().await;
    let korea = app.get_json("/api/v1/countries/KOR").await;
    assert_eq!(korea["tip_name"], "Korea, South");
    assert_eq!(korea["name"], "South Korea");
    let senegal = app.get_json("/api/v1/countries/SEN").await;
    assert_eq!(senegal["tip_name"], "Senegal");
}

#[actix_web::test]
async fn every_name_and_code_of_the_table_resolves_to_its_country() {
    let app = TestApp::spawn().await;
    let mut connection = AsyncPgConnection::establish(&app.database_url)
        .await
        .unwrap();
    let names = gaptrack::db::countries::all_names(&mut connection)
        .await
        .unwrap();
    assert!(
        names.len() > 800,
        "ISO codes and names, TIP names, common names: {}",
        names.len()
    );
    let mut ambiguous = BTreeSet::new();
    for (name, code) in &names {
        let response = app.get(&country_path(name)).await;
        let status = response.status();
        let body: serde_json::Value = response.json().await.unwrap();
        if status == StatusCode::OK {
            assert_eq!(&body["code"], code.as_str(), "{name}");
        } else {
            assert_eq!(status, StatusCode::NOT_FOUND, "{name}: {body}");
            let detail = body["detail"].as_str().unwrap();
            assert!(
                detail.contains("could be") && detail.contains(&format!("({code})")),
                "{name} is refused only as ambiguous, naming {code} among the candidates: {detail}"
            );
            ambiguous.insert(name.clone());
        }
    }
    assert_eq!(
        ambiguous.into_iter().collect::<Vec<_>>(),
        ["Congo", "Korea"],
        "only names that several countries share are refused"
    );
}

#[actix_web::test]
async fn a_name_two_countries_share_is_refused_with_both() {
    let app = TestApp::spawn().await;
    let problem = expect_problem(
        app.get("/api/v1/countries/congo").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_eq!(
        problem["detail"],
        "`congo` could be Congo, Democratic Republic of the (COD) or Congo, Republic of the (COG): \
         give the country's code or its full name"
    );
    let organisation = app.create_organisation("An NGO").await;
    let body = serde_json::json!({
        "organisation_id": organisation, "countries": ["SLE", "Korea"], "kind": "training", "title": "x",
    });
    let problem = expect_problem(
        app.post("/api/v1/interventions", &body).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "countries[1]");
    let message = problem["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("(KOR)") && message.contains("(PRK)"),
        "{message}"
    );
}

#[actix_web::test]
async fn a_search_finds_countries_by_any_of_their_names_best_first() {
    let app = TestApp::spawn().await;
    let codes = |page: serde_json::Value| -> Vec<String> {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        codes(app.get_json("/api/v1/countries?q=burma").await)[0],
        "MMR"
    );
    assert_eq!(
        codes(app.get_json("/api/v1/countries?q=ivory").await)[0],
        "CIV"
    );
    assert_eq!(
        codes(app.get_json("/api/v1/countries?q=KOS").await)[0],
        "XKX"
    );
    let niger = codes(app.get_json("/api/v1/countries?q=niger").await);
    assert_eq!(
        niger[..2],
        ["NER", "NGA"],
        "the exact name first: {niger:?}"
    );
    let korea = codes(app.get_json("/api/v1/countries?q=korea").await);
    assert!(
        korea.contains(&"KOR".into()) && korea.contains(&"PRK".into()),
        "{korea:?}"
    );
    let in_africa = codes(app.get_json("/api/v1/countries?q=guinea&region=AF").await);
    assert!(
        in_africa.contains(&"GNB".into()) && !in_africa.contains(&"PNG".into()),
        "{in_africa:?}"
    );
    let page = app.get_json("/api/v1/countries?q=zzzzzz").await;
    assert_eq!(page["items"], serde_json::json!([]));
    assert_eq!(page["next_cursor"], serde_json::Value::Null);
    let whole = codes(app.get_json("/api/v1/countries?q=guinea").await);
    let mut paged = Vec::new();
    let mut path = "/api/v1/countries?q=guinea&limit=2".to_string();
    loop {
        let page = app.get_json(&path).await;
        paged.extend(codes(page.clone()));
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/v1/countries?q=guinea&limit=2&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(paged, whole, "a search pages in its ranking");
}

#[actix_web::test]
async fn the_list_pages_through_every_country_once() {
    let app = TestApp::spawn().await;
    let mut seen = Vec::new();
    let mut path = "/api/v1/countries?limit=200".to_string();
    loop {
        let page = app.get_json(&path).await;
        for item in page["items"].as_array().unwrap() {
            seen.push(item["code"].as_str().unwrap().to_string());
        }
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/v1/countries?limit=200&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(seen.len(), 250, "ISO 3166-1 plus Kosovo");
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, seen, "in code order, each once");
}

#[actix_web::test]
async fn the_list_filters_by_region() {
    let app = TestApp::spawn().await;
    let page = app.get_json("/api/v1/countries?region=SCA&limit=200").await;
    let codes: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"IND") && codes.contains(&"KAZ"),
        "{codes:?}"
    );
    assert!(!codes.contains(&"SLE"));
    assert_eq!(page["next_cursor"], serde_json::Value::Null);
}

#[actix_web::test]
async fn an_unknown_region_or_a_forged_cursor_is_a_bad_request() {
    let app = TestApp::spawn().await;
    expect_problem(
        app.get("/api/v1/countries?region=MARS").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
    expect_problem(
        app.get("/api/v1/countries?cursor=%21%21").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
}

#[actix_web::test]
async fn a_limit_above_200_is_refused() {
    let app = TestApp::spawn().await;
    let problem = expect_problem(
        app.get("/api/v1/countries?limit=500").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "limit");
}
