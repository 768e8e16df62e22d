//! An organisation's IATI activity file, validated against the official IATI 2.03 activity
//! schema, and the organisation's IATI identifier it is built on.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, expect_json, expect_problem, invalid_fields, signed_in};
use crate::readers::validate_iati_activities;
use gaptrack::domain::Role;

async fn xml_of(app: &TestApp, organisation: &str) -> String {
    let response = app
        .get(&format!(
            "/api/v1/organisations/{organisation}/iati-activities"
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/xml")
    );
    response.text().await.unwrap()
}

#[actix_web::test]
async fn an_organisations_work_is_a_valid_iati_file_citing_the_recommendations_it_answers() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let recommendation = app
        .create_recommendation("SEN", 2023, 4, "prosecution")
        .await;
    let created = expect_json(
        app.post(
            "/api/v1/organisations",
            &json!({
                "name": "Réseau Sahel & Co <Dakar>", "iati_identifier": "SN-RCC-12345",
                "iati_organisation_type": "22",
            }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(created["iati_identifier"], "SN-RCC-12345");
    let organisation = created["id"].as_str().unwrap().to_owned();
    let trained = expect_json(
        app.post(
            "/api/v1/interventions",
            &json!({
                "organisation_id": organisation, "countries": ["SEN", "SLE", "MLI"],
                "kind": "training", "title": "Training of prosecutors", "status": "completed",
                "started_on": "2023-05-01", "ended_on": "2023-12-31", "people_reached": 120,
                "description": "Three days on the 2015 law.",
            }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let trained = trained["id"].as_str().unwrap();
    expect_json(
        app.put(
            &format!("/api/v1/interventions/{trained}/recommendations/{recommendation}"),
            &json!({"contribution": "full", "evidence_url": "https://example.org/report.pdf"}),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    for status in ["planned", "cancelled", "active"] {
        app.create_intervention(&organisation, &["SEN"], status)
            .await;
    }

    let xml = xml_of(&app, &organisation).await;
    if let Err(errors) = validate_iati_activities(xml.as_bytes()) {
        panic!("the IATI 2.03 schema refuses the file: {errors}\n{xml}");
    }
    assert_eq!(xml.matches("<iati-activity ").count(), 4, "{xml}");
    for expected in [
        format!("<iati-identifier>SN-RCC-12345-{trained}</iati-identifier>"),
        r#"<reporting-org ref="SN-RCC-12345" type="22">"#.to_owned(),
        "<narrative>Réseau Sahel &amp; Co &lt;Dakar&gt;</narrative>".to_owned(),
        r#"<activity-status code="4"/>"#.to_owned(),
        r#"<activity-date type="2" iso-date="2023-05-01"/>"#.to_owned(),
        r#"<activity-date type="4" iso-date="2023-12-31"/>"#.to_owned(),
        r#"<recipient-country code="ML" percentage="33.34">"#.to_owned(),
        r#"<recipient-country code="SN" percentage="33.33">"#.to_owned(),
        r#"<sector vocabulary="1" code="15130" percentage="100"/>"#.to_owned(),
        format!(
            r#"<tag vocabulary="99" vocabulary-uri="{}/api/v1/recommendations" code="{recommendation}">"#,
            app.address
        ),
        "TIP Report 2023, Senegal, recommendation No. 4 (answered fully)".to_owned(),
        r#"<document-link format="application/pdf" url="https://example.org/report.pdf">"#
            .to_owned(),
        r#"<activity-status code="1"/>"#.to_owned(),
        r#"<activity-status code="5"/>"#.to_owned(),
        "People reached: 120.".to_owned(),
    ] {
        assert!(xml.contains(&expected), "{expected} is missing:\n{xml}");
    }
    // Written a page at a time, the file is the same whatever the page's size.
    for page in [1, 3] {
        let paged = written_in_pages(&app, &organisation, page).await;
        assert_eq!(paged, xml, "pages of {page}");
    }

    // The tag's code names the recommendation where its vocabulary says.
    let cited = app
        .get_json(&format!("/api/v1/recommendations/{recommendation}"))
        .await;
    assert_eq!(cited["position"], 4);

    // The pages offer it beside the organisation's interventions.
    let client = signed_in(&app, &app.key(Role::Viewer, None)).await;
    let list = client
        .get(app.url(&format!("/interventions?organisation={organisation}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let link = format!("/organisations/{organisation}/iati-activities.xml");
    assert!(list.contains(&link), "{list}");
    let download = client.get(app.url(&link)).send().await.unwrap();
    assert_eq!(download.status(), StatusCode::OK);
    assert!(
        download.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("gaptrack-reseau-sahel-co-dakar-iati-activities.xml")
    );
    let bytes = download.bytes().await.unwrap();
    validate_iati_activities(&bytes).unwrap();
}

/// The organisation's file as the server writes it, `page` activities at a time.
async fn written_in_pages(app: &TestApp, organisation: &str, page: i64) -> String {
    use futures_util::StreamExt;
    let pool = gaptrack::db::build_pool(&app.database_url, 1, &Default::default()).unwrap();
    let organisation = uuid::Uuid::parse_str(organisation).unwrap();
    let mut connection = gaptrack::db::connection(&pool).await.unwrap();
    let file = gaptrack::usecases::iati::iati_file(&mut connection, organisation)
        .await
        .unwrap();
    drop(connection);
    let recommendations = format!("{}/api/v1/recommendations", app.address);
    let parts = gaptrack::export::iati::stream(pool, file, app.now(), recommendations, page);
    let mut parts = std::pin::pin!(parts);
    let mut written = Vec::new();
    let mut count = 0;
    while let Some(part) = parts.next().await {
        written.extend(part.unwrap());
        count += 1;
    }
    // The opening, a part per page, the closing.
    assert_eq!(count, 2 + 4usize.div_ceil(page as usize));
    String::from_utf8(written).unwrap()
}

/// Why the organisation's file is refused (a 409), as its `detail` says.
async fn refusal(app: &TestApp, organisation: &str) -> String {
    let path = format!("/api/v1/organisations/{organisation}/iati-activities");
    let problem = expect_problem(app.get(&path).await, StatusCode::CONFLICT, "conflict").await;
    problem["detail"].as_str().unwrap().to_owned()
}

#[actix_web::test]
async fn an_iati_identifier_is_checked_unique_and_required_for_the_file() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    assert!(
        refusal(&app, &organisation)
            .await
            .contains("no IATI organisation identifier")
    );

    let path = format!("/api/v1/organisations/{organisation}");
    let tag = app.get(&path).await.headers()["etag"].clone();
    let bad = app
        .client
        .patch(app.url(&path))
        .header("If-Match", tag.clone())
        .json(&json!({"iati_identifier": "GB COH/1"}))
        .send()
        .await
        .unwrap();
    let problem = expect_problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(invalid_fields(&problem), ["iati_identifier"]);
    // `{}` changes nothing; an array is no body of the API, whatever serde would make of it.
    for (body, status) in [
        (json!({}), StatusCode::OK),
        (json!([null, null]), StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let response = app
            .client
            .patch(app.url(&path))
            .header("If-Match", tag.clone())
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), status, "{body}");
    }
    let set = app
        .client
        .patch(app.url(&path))
        .header("If-Match", tag)
        .json(&json!({"iati_identifier": "US-EIN-123456789"}))
        .send()
        .await
        .unwrap();
    let updated = expect_json(set, StatusCode::OK).await;
    assert_eq!(updated["name"], "CenHTRO", "the name is kept");
    assert_eq!(updated["iati_identifier"], "US-EIN-123456789");

    let taken = app
        .post(
            "/api/v1/organisations",
            &json!({"name": "Another", "iati_identifier": "us-ein-123456789"}),
        )
        .await;
    let problem = expect_problem(taken, StatusCode::CONFLICT, "conflict").await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("IATI identifier `us-ein-123456789`"),
        "{problem}"
    );
    // With nothing to report, the file would be invalid: the refusal says why.
    assert!(
        refusal(&app, &organisation)
            .await
            .contains("no intervention to report yet")
    );
    app.create_intervention(&organisation, &["SLE"], "active")
        .await;
    let xml = xml_of(&app, &organisation).await;
    validate_iati_activities(xml.as_bytes()).unwrap();
    assert!(
        xml.contains(r#"<reporting-org ref="US-EIN-123456789" type="90">"#),
        "an organisation of no recorded type reports as other: {xml}"
    );
}
