use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_json, expect_problem, invalid_fields};

/// Sierra Leone's 2023 recommendations, an organisation, and a helper to link interventions.
struct Scenario {
    app: TestApp,
    organisation: String,
    recommendations: Vec<String>,
}

async fn scenario(count: i32) -> Scenario {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let mut recommendations = Vec::new();
    for position in 1..=count {
        let pillar = if position % 2 == 1 {
            "protection"
        } else {
            "prosecution"
        };
        recommendations.push(
            app.create_recommendation("SLE", 2023, position, pillar)
                .await,
        );
    }
    let organisation = app.create_organisation("CenHTRO").await;
    Scenario {
        app,
        organisation,
        recommendations,
    }
}

impl Scenario {
    /// Links a new intervention with `status` to recommendation `index` with `contribution`.
    async fn answer(&self, index: usize, status: &str, contribution: &str) -> String {
        self.answer_as(&self.organisation, index, status, contribution)
            .await
    }

    async fn answer_as(
        &self,
        organisation: &str,
        index: usize,
        status: &str,
        contribution: &str,
    ) -> String {
        let intervention = self
            .app
            .create_intervention(organisation, &["SLE"], status)
            .await;
        let response = self
            .app
            .link(&intervention, &self.recommendations[index], contribution)
            .await;
        expect_json(response, StatusCode::CREATED).await;
        intervention
    }

    async fn gaps(&self, query: &str) -> Value {
        self.app
            .get_json(&format!("/api/v1/countries/SLE/gaps{query}"))
            .await
    }

    async fn statuses(&self, query: &str) -> Vec<String> {
        statuses(&self.gaps(query).await)
    }
}

fn statuses(report: &Value) -> Vec<String> {
    report["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap().to_string())
        .collect()
}

#[actix_web::test]
async fn a_recommendation_with_nothing_linked_is_unaddressed() {
    let s = scenario(1).await;
    let report = s.gaps("").await;
    assert_eq!(statuses(&report), ["unaddressed"]);
    assert_eq!(report["summary"]["unaddressed"], 1);
    assert_eq!(report["summary"]["coverage_ratio"], 0.0);
    assert_eq!(report["recommendations"][0]["interventions"], json!([]));
}

#[actix_web::test]
async fn an_active_or_completed_full_contribution_addresses_it() {
    let s = scenario(2).await;
    s.answer(0, "active", "full").await;
    s.answer(1, "completed", "full").await;
    assert_eq!(s.statuses("").await, ["addressed", "addressed"]);
    assert_eq!(s.gaps("").await["summary"]["coverage_ratio"], 1.0);
}

#[actix_web::test]
async fn only_partial_contributions_leave_it_partially_addressed() {
    let s = scenario(1).await;
    s.answer(0, "active", "partial").await;
    s.answer(0, "completed", "partial").await;
    assert_eq!(s.statuses("").await, ["partially_addressed"]);
}

#[actix_web::test]
async fn one_full_contribution_among_partial_ones_addresses_it() {
    let s = scenario(1).await;
    s.answer(0, "active", "partial").await;
    s.answer(0, "completed", "full").await;
    assert_eq!(s.statuses("").await, ["addressed"]);
}

#[actix_web::test]
async fn planned_interventions_alone_make_it_planned_even_when_full() {
    let s = scenario(1).await;
    s.answer(0, "planned", "full").await;
    assert_eq!(s.statuses("").await, ["planned"]);
}

#[actix_web::test]
async fn a_planned_full_beside_an_active_partial_is_partially_addressed() {
    let s = scenario(1).await;
    s.answer(0, "planned", "full").await;
    s.answer(0, "active", "partial").await;
    assert_eq!(s.statuses("").await, ["partially_addressed"]);
}

#[actix_web::test]
async fn cancelled_interventions_do_not_count_and_are_not_listed() {
    let s = scenario(2).await;
    s.answer(0, "cancelled", "full").await;
    s.answer(1, "cancelled", "full").await;
    s.answer(1, "planned", "partial").await;
    let report = s.gaps("").await;
    assert_eq!(statuses(&report), ["unaddressed", "planned"]);
    assert_eq!(report["recommendations"][0]["interventions"], json!([]));
    let counted = report["recommendations"][1]["interventions"]
        .as_array()
        .unwrap();
    assert_eq!(counted.len(), 1);
    assert_eq!(counted[0]["status"], "planned");
}

#[actix_web::test]
async fn cancelling_an_intervention_reopens_the_gap_at_once() {
    let s = scenario(1).await;
    let intervention = s.answer(0, "active", "full").await;
    assert_eq!(s.statuses("").await, ["addressed"]);
    let path = format!("/api/v1/interventions/{intervention}");
    expect_json(
        s.app.patch(&path, &json!({"status": "cancelled"})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(s.statuses("").await, ["unaddressed"]);
}

#[actix_web::test]
async fn the_organisation_filter_counts_only_that_organisations_work() {
    let s = scenario(2).await;
    let other = s.app.create_organisation("Other NGO").await;
    s.answer_as(&other, 0, "active", "full").await;
    s.answer(1, "active", "partial").await;

    assert_eq!(s.statuses("").await, ["addressed", "partially_addressed"]);
    let mine = s.gaps(&format!("?organisation={}", s.organisation)).await;
    assert_eq!(statuses(&mine), ["unaddressed", "partially_addressed"]);
    assert_eq!(mine["organisation"], s.organisation.as_str());
    assert_eq!(mine["recommendations"][0]["interventions"], json!([]));
    let theirs = s.gaps(&format!("?organisation={other}")).await;
    assert_eq!(statuses(&theirs), ["addressed", "unaddressed"]);
    assert_eq!(
        theirs["recommendations"][0]["interventions"][0]["organisation_name"],
        "Other NGO"
    );
}

#[actix_web::test]
async fn other_years_recommendations_are_kept_apart() {
    let s = scenario(1).await;
    s.app.create_report(2022).await;
    let old = s
        .app
        .create_recommendation("SLE", 2022, 1, "protection")
        .await;
    let intervention = s
        .app
        .create_intervention(&s.organisation, &["SLE"], "active")
        .await;
    expect_json(
        s.app.link(&intervention, &old, "full").await,
        StatusCode::CREATED,
    )
    .await;

    let latest = s.gaps("").await;
    assert_eq!(
        latest["year"], 2023,
        "defaults to the latest year with recommendations"
    );
    assert_eq!(
        statuses(&latest),
        ["unaddressed"],
        "the 2022 link does not answer 2023"
    );
    let earlier = s.gaps("?year=2022").await;
    assert_eq!(earlier["year"], 2022);
    assert_eq!(statuses(&earlier), ["addressed"]);
}

#[actix_web::test]
async fn the_summary_counts_every_status_overall_and_per_pillar() {
    let s = scenario(5).await;
    s.answer(0, "active", "full").await; // protection
    s.answer(1, "active", "partial").await; // prosecution
    s.answer(2, "planned", "full").await; // protection
    // 3 (prosecution) and 4 (protection) stay unaddressed.
    let report = s.gaps("").await;
    assert_eq!(
        report["summary"],
        json!({"total": 5, "addressed": 1, "partially_addressed": 1, "planned": 1, "unaddressed": 2, "coverage_ratio": 0.2})
    );
    assert_eq!(
        report["pillars"],
        json!([
            {"pillar": "prosecution", "total": 2, "addressed": 0, "partially_addressed": 1, "planned": 0, "unaddressed": 1, "coverage_ratio": 0.0},
            {"pillar": "protection", "total": 3, "addressed": 1, "partially_addressed": 0, "planned": 1, "unaddressed": 1, "coverage_ratio": 1.0 / 3.0},
        ])
    );
}

#[actix_web::test]
async fn the_status_filter_lists_only_those_recommendations() {
    let s = scenario(3).await;
    s.answer(0, "active", "full").await;
    let report = s.gaps("?status=unaddressed").await;
    let positions: Vec<i64> = report["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["position"].as_i64().unwrap())
        .collect();
    assert_eq!(positions, [2, 3]);
    assert_eq!(
        report["summary"]["total"], 3,
        "the summary still counts all"
    );
}

#[actix_web::test]
async fn the_report_shows_the_tier_and_its_movement() {
    let s = scenario(1).await;
    s.app.create_report(2022).await;
    s.app
        .put(
            "/api/v1/countries/SLE/tiers/2022",
            &json!({"tier": "tier_2_watch_list"}),
        )
        .await;
    s.app
        .put(
            "/api/v1/countries/SLE/tiers/2023",
            &json!({"tier": "tier_2"}),
        )
        .await;
    let report = s.gaps("").await;
    assert_eq!(
        report["tier"],
        json!({"tier": "tier_2", "movement": "upgraded", "waiver": false})
    );
    assert_eq!(report["country"]["name"], "Sierra Leone");
}

#[actix_web::test]
async fn a_country_without_recommendations_has_an_empty_report() {
    let app = TestApp::spawn().await;
    let report = app.get_json("/api/v1/countries/MW/gaps").await;
    assert_eq!(report["year"], Value::Null);
    assert_eq!(report["summary"]["total"], 0);
    assert_eq!(report["recommendations"], json!([]));
}

#[actix_web::test]
async fn bad_gap_queries_are_refused_clearly() {
    let s = scenario(1).await;
    expect_problem(
        s.app.get("/api/v1/countries/SLE/gaps?year=2031").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    expect_problem(
        s.app.get("/api/v1/countries/QQQ/gaps").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let problem = expect_problem(
        s.app
            .get(&format!(
                "/api/v1/countries/SLE/gaps?organisation={}",
                uuid::Uuid::nil()
            ))
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("`organisation` filter")
    );
    expect_problem(
        s.app.get("/api/v1/countries/SLE/gaps?status=done").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
    expect_problem(
        s.app
            .get("/api/v1/countries/SLE/gaps?organisation=abc")
            .await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
}

#[actix_web::test]
async fn interventions_are_listed_strongest_first_up_to_the_limit() {
    let s = scenario(1).await;
    let planned = s.answer(0, "planned", "full").await;
    let partial = s.answer(0, "active", "partial").await;
    let addressing = s.answer(0, "completed", "full").await;
    let listed = |report: &Value| -> Vec<String> {
        report["recommendations"][0]["interventions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    let report = s.gaps("").await;
    assert_eq!(listed(&report), [addressing.clone(), partial, planned]);
    assert_eq!(report["recommendations"][0]["more_interventions"], false);

    let one = s.gaps("?interventions_limit=1").await;
    assert_eq!(listed(&one), [addressing]);
    assert_eq!(one["recommendations"][0]["more_interventions"], true);
    assert_eq!(one["recommendations"][0]["status"], "addressed");
    let none = s.gaps("?interventions_limit=0").await;
    assert_eq!(listed(&none), Vec::<String>::new());

    let problem = expect_problem(
        s.app
            .get("/api/v1/countries/SLE/gaps?interventions_limit=101")
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(invalid_fields(&problem), ["interventions_limit"]);
}
