//! The status read model equals the live rule: after random sequences of writes, sent at once from
//! several clients, every status the gap report and coverage give (overall and per organisation),
//! every recommendation's line and every listed intervention are what the live SQL functions
//! work out from the links; and `gaptrack dev check-read-model` finds and repairs a difference.

use std::collections::BTreeMap;

use diesel::QueryableByName;
use diesel::sql_types::{Bool, Int4, Nullable, Text, Uuid as SqlUuid};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{TestApp, expect_json, gaptrack};

const YEARS: [i32; 2] = [2023, 2024];
const COUNTRIES: [&str; 2] = ["SLE", "SEN"];
const ORGANISATIONS: usize = 3;
const INTERVENTIONS: usize = 6;
/// SLE 2023 (3), SEN 2023 (2), SLE 2024 (2, the first continuing SLE 2023's first).
const RECOMMENDATIONS: usize = 7;
const STATUSES: [&str; 4] = ["planned", "active", "completed", "cancelled"];
/// Clients writing at once.
const LANES: usize = 4;

/// One write a client sends.
#[derive(Debug, Clone)]
enum Write {
    Link {
        intervention: usize,
        recommendation: usize,
        full: bool,
    },
    Unlink {
        intervention: usize,
        recommendation: usize,
    },
    Status {
        intervention: usize,
        status: &'static str,
    },
    Organisation {
        intervention: usize,
        organisation: usize,
    },
    DeleteIntervention {
        intervention: usize,
    },
    DeleteRecommendation {
        recommendation: usize,
    },
}

fn a_write() -> impl Strategy<Value = Write> {
    let intervention = 0..INTERVENTIONS;
    let recommendation = 0..RECOMMENDATIONS;
    prop_oneof![
        6 => (intervention.clone(), recommendation.clone(), any::<bool>()).prop_map(
            |(intervention, recommendation, full)| Write::Link { intervention, recommendation, full }
        ),
        2 => (intervention.clone(), recommendation.clone()).prop_map(
            |(intervention, recommendation)| Write::Unlink { intervention, recommendation }
        ),
        3 => (intervention.clone(), proptest::sample::select(&STATUSES[..])).prop_map(
            |(intervention, status)| Write::Status { intervention, status }
        ),
        2 => (intervention.clone(), 0..ORGANISATIONS).prop_map(
            |(intervention, organisation)| Write::Organisation { intervention, organisation }
        ),
        1 => intervention.prop_map(|intervention| Write::DeleteIntervention { intervention }),
        1 => recommendation.prop_map(|recommendation| Write::DeleteRecommendation { recommendation }),
    ]
}

/// The starting statuses of the interventions, and what each client writes, in its order.
fn a_history() -> impl Strategy<Value = (Vec<&'static str>, Vec<Vec<Write>>)> {
    (
        proptest::collection::vec(proptest::sample::select(&STATUSES[..]), INTERVENTIONS),
        proptest::collection::vec(proptest::collection::vec(a_write(), 1..14), LANES),
    )
}

#[test]
fn after_random_concurrent_writes_the_read_model_equals_the_live_rule() {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(16);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&a_history(), |(statuses, lanes)| {
            actix_web::rt::System::new().block_on(check_history(statuses, lanes));
            Ok(())
        })
        .unwrap();
}

/// The ids a history's indexes stand for.
struct World {
    organisations: Vec<String>,
    interventions: Vec<String>,
    recommendations: Vec<String>,
}

async fn check_history(statuses: Vec<&'static str>, lanes: Vec<Vec<Write>>) {
    let app = TestApp::spawn().await;
    let world = build_world(&app, &statuses).await;
    let [first, second, third, fourth] = &lanes[..] else {
        unreachable!("a history has {LANES} clients")
    };
    tokio::join!(
        send_writes(&app, &world, first),
        send_writes(&app, &world, second),
        send_writes(&app, &world, third),
        send_writes(&app, &world, fourth),
    );
    assert_model_equals_live_rule(&app, &world).await;
}

async fn build_world(app: &TestApp, statuses: &[&'static str]) -> World {
    for year in YEARS {
        app.create_report(year).await;
    }
    let mut recommendations: Vec<String> = Vec::new();
    for (country, year, positions) in [("SLE", 2023, 3), ("SEN", 2023, 2), ("SLE", 2024, 2)] {
        for position in 1..=positions {
            let continues = (year == 2024 && position == 1).then(|| recommendations[0].clone());
            let body = json!({
                "country": country, "year": year, "position": position, "pillar": "protection",
                "text": format!("Recommendation {position} to {country} in {year}."),
                "continues": continues,
            });
            let created = expect_json(
                app.post("/api/v1/recommendations", &body).await,
                StatusCode::CREATED,
            )
            .await;
            recommendations.push(created["id"].as_str().unwrap().to_string());
        }
    }
    let mut organisations = Vec::new();
    for n in 0..ORGANISATIONS {
        organisations.push(app.create_organisation(&format!("Organisation {n}")).await);
    }
    let mut interventions = Vec::new();
    for (n, status) in statuses.iter().enumerate() {
        let organisation = &organisations[n % ORGANISATIONS];
        interventions.push(
            app.create_intervention(organisation, &COUNTRIES, status)
                .await,
        );
    }
    World {
        organisations,
        interventions,
        recommendations,
    }
}

/// Sends one client's writes in order. A write may be refused (its intervention was deleted, its
/// recommendation is linked); none may fail.
async fn send_writes(app: &TestApp, world: &World, writes: &[Write]) {
    for write in writes {
        let response = match write {
            Write::Link {
                intervention,
                recommendation,
                full,
            } => {
                let contribution = if *full { "full" } else { "partial" };
                app.link(
                    &world.interventions[*intervention],
                    &world.recommendations[*recommendation],
                    contribution,
                )
                .await
            }
            Write::Unlink {
                intervention,
                recommendation,
            } => {
                app.delete(&format!(
                    "/api/v1/interventions/{}/recommendations/{}",
                    world.interventions[*intervention], world.recommendations[*recommendation]
                ))
                .await
            }
            Write::Status {
                intervention,
                status,
            } => {
                app.patch(
                    &format!(
                        "/api/v1/interventions/{}",
                        world.interventions[*intervention]
                    ),
                    &json!({"status": status}),
                )
                .await
            }
            Write::Organisation {
                intervention,
                organisation,
            } => {
                app.patch(
                    &format!(
                        "/api/v1/interventions/{}",
                        world.interventions[*intervention]
                    ),
                    &json!({"organisation_id": world.organisations[*organisation]}),
                )
                .await
            }
            Write::DeleteIntervention { intervention } => {
                app.delete(&format!(
                    "/api/v1/interventions/{}",
                    world.interventions[*intervention]
                ))
                .await
            }
            Write::DeleteRecommendation { recommendation } => {
                app.delete(&format!(
                    "/api/v1/recommendations/{}",
                    world.recommendations[*recommendation]
                ))
                .await
            }
        };
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        assert!(
            status.is_success() || [StatusCode::NOT_FOUND, StatusCode::CONFLICT].contains(&status),
            "{write:?} answered {status}: {body}"
        );
    }
}

/// A recommendation's status and line as the live functions work them out.
#[derive(Debug, QueryableByName)]
struct LiveStatus {
    #[diesel(sql_type = SqlUuid)]
    recommendation_id: Uuid,
    #[diesel(sql_type = Text)]
    status: String,
    #[diesel(sql_type = Bool)]
    ever_addressed: bool,
}

/// An intervention that counts towards a recommendation, as the live functions say.
#[derive(Debug, QueryableByName)]
struct LiveLink {
    #[diesel(sql_type = SqlUuid)]
    recommendation_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    intervention_id: Uuid,
    #[diesel(sql_type = Int4)]
    _strength: i32,
}

#[derive(Debug, QueryableByName)]
struct Differences {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

async fn assert_model_equals_live_rule(app: &TestApp, world: &World) {
    let mut connection = AsyncPgConnection::establish(&app.database_url)
        .await
        .unwrap();
    let mut scopes: Vec<Option<&String>> = vec![None];
    scopes.extend(world.organisations.iter().map(Some));
    for year in YEARS {
        for organisation in &scopes {
            let organisation_id = organisation.map(|id| Uuid::parse_str(id).unwrap());
            let live = live_statuses(&mut connection, year, organisation_id).await;
            let links = live_links(&mut connection, year, organisation_id).await;
            let query = organisation.map_or_else(String::new, |id| format!("&organisation={id}"));
            let mut coverage_counts: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
            for country in COUNTRIES {
                let report = app
                    .get_json(&format!(
                        "/api/v1/countries/{country}/gaps?year={year}{query}"
                    ))
                    .await;
                let counts = coverage_counts.entry(country.to_string()).or_default();
                for recommendation in report["recommendations"].as_array().unwrap() {
                    let id = Uuid::parse_str(recommendation["id"].as_str().unwrap()).unwrap();
                    let expected = live
                        .get(&id)
                        .unwrap_or_else(|| panic!("{id} is not in the live rule's answer"));
                    let scope = format!("{id} in {year}, organisation {organisation:?}");
                    assert_eq!(
                        recommendation["status"], expected.status,
                        "status of {scope}"
                    );
                    assert_eq!(
                        recommendation["line"]["ever_addressed"], expected.ever_addressed,
                        "line of {scope}"
                    );
                    let listed: Vec<String> = recommendation["interventions"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|i| i["id"].as_str().unwrap().to_string())
                        .collect();
                    let counting: Vec<String> = links
                        .iter()
                        .filter(|link| link.recommendation_id == id)
                        .map(|link| link.intervention_id.to_string())
                        .collect();
                    assert_eq!(listed, counting, "interventions of {scope}");
                    *counts.entry(expected.status.clone()).or_default() += 1;
                }
            }
            assert_coverage(app, year, &query, &coverage_counts).await;
        }
    }
    let differences: Differences =
        diesel::sql_query("SELECT count(*) AS n FROM read_model_differences()")
            .get_result(&mut connection)
            .await
            .unwrap();
    assert_eq!(differences.n, 0, "read_model_differences() finds none");
}

/// The live statuses and lines of a year's recommendations, overall or for one organisation.
async fn live_statuses(
    connection: &mut AsyncPgConnection,
    year: i32,
    organisation: Option<Uuid>,
) -> BTreeMap<Uuid, LiveStatus> {
    let rows: Vec<LiveStatus> = diesel::sql_query(
        "SELECT s.recommendation_id, s.status, l.ever_addressed \
           FROM recommendation_statuses($1, NULL, $2) s \
           JOIN (SELECT l.* FROM countries c \
                  CROSS JOIN LATERAL recommendation_lines($1, c.code, $2) l) l \
                USING (recommendation_id)",
    )
    .bind::<Int4, _>(year)
    .bind::<Nullable<SqlUuid>, _>(organisation)
    .load(connection)
    .await
    .unwrap();
    rows.into_iter()
        .map(|row| (row.recommendation_id, row))
        .collect()
}

/// The interventions that count towards a year's recommendations, strongest first, as the gap
/// report lists them.
async fn live_links(
    connection: &mut AsyncPgConnection,
    year: i32,
    organisation: Option<Uuid>,
) -> Vec<LiveLink> {
    diesel::sql_query(
        "SELECT l.recommendation_id, l.intervention_id, \
                CASE link_status(i.status, l.contribution) \
                    WHEN 'addressed' THEN 1 WHEN 'partially_addressed' THEN 2 ELSE 3 END AS _strength \
           FROM links l \
           JOIN interventions i ON i.id = l.intervention_id \
           JOIN recommendations r ON r.id = l.recommendation_id \
          WHERE r.year = $1 \
            AND link_counts(i.status, i.organisation_id, $2) \
            AND link_status(i.status, l.contribution) IS NOT NULL \
          ORDER BY l.recommendation_id, _strength, l.intervention_id",
    )
    .bind::<Int4, _>(year)
    .bind::<Nullable<SqlUuid>, _>(organisation)
    .load(connection)
    .await
    .unwrap()
}

/// Coverage gives, for each country, the counts of the live statuses.
async fn assert_coverage(
    app: &TestApp,
    year: i32,
    query: &str,
    expected: &BTreeMap<String, BTreeMap<String, i64>>,
) {
    let coverage = app
        .get_json(&format!("/api/v1/coverage?year={year}{query}"))
        .await;
    for item in coverage["items"].as_array().unwrap() {
        let code = item["code"].as_str().unwrap();
        let counts = &expected[code];
        for status in ["addressed", "partially_addressed", "planned", "unaddressed"] {
            let count = counts.get(status).copied().unwrap_or(0);
            assert_eq!(
                item[status],
                json!(count),
                "{status} of {code} in {year}{query}"
            );
        }
        let total: i64 = counts.values().sum();
        assert_eq!(
            item["total"],
            json!(total),
            "total of {code} in {year}{query}"
        );
    }
    let listed: Vec<&str> = coverage["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["code"].as_str().unwrap())
        .collect();
    let with_recommendations: Vec<&str> = expected
        .iter()
        .filter(|(_, counts)| !counts.is_empty())
        .map(|(code, _)| code.as_str())
        .collect();
    assert_eq!(listed, with_recommendations, "countries of {year}{query}");
}

#[actix_web::test]
async fn check_read_model_reports_a_difference_and_rebuild_repairs_it() {
    let app = TestApp::spawn().await;
    let linked = app.linked().await;
    let check = |rebuild: bool| {
        let mut command = gaptrack(&[("DATABASE_URL", &app.database_url)]);
        command
            .args(["dev", "check-read-model"])
            .stdout(std::process::Stdio::piped());
        if rebuild {
            command.arg("--rebuild");
        }
        command.output().expect("gaptrack runs")
    };

    let healthy = check(false);
    assert!(healthy.status.success(), "{healthy:?}");
    assert!(String::from_utf8_lossy(&healthy.stdout).contains("equals the live rule"));

    let mut connection = AsyncPgConnection::establish(&app.database_url)
        .await
        .unwrap();
    for table in [
        "recommendation_strengths",
        "organisation_recommendation_strengths",
    ] {
        diesel::sql_query(format!("DELETE FROM {table}"))
            .execute(&mut connection)
            .await
            .unwrap();
    }
    let gaps = app.get_json("/api/v1/countries/SLE/gaps?year=2023").await;
    assert_eq!(gaps["recommendations"][0]["status"], "unaddressed");

    let broken = check(false);
    assert_eq!(broken.status.code(), Some(1), "{broken:?}");
    let listed = String::from_utf8_lossy(&broken.stdout);
    assert!(
        listed.contains(&format!(
            "recommendation {} (overall): stored unaddressed, live addressed",
            linked.recommendation
        )),
        "{listed}"
    );
    assert!(String::from_utf8_lossy(&broken.stderr).contains("--rebuild"));

    let repaired = check(true);
    assert!(repaired.status.success(), "{repaired:?}");
    let gaps: Value = app.get_json("/api/v1/countries/SLE/gaps?year=2023").await;
    assert_eq!(gaps["recommendations"][0]["status"], "addressed");
}
