//! The load-test data set: realistic in shape, and the same every time.

use diesel_async::{AsyncConnection, AsyncPgConnection};
use gaptrack::generate::{GenerateError, generate_with};
use serde_json::Value;

use crate::helpers::TestApp;

async fn generated(interventions: usize) -> TestApp {
    let app = TestApp::spawn().await;
    let mut connection = AsyncPgConnection::establish(&app.database_url)
        .await
        .unwrap();
    let summary = generate_with(&mut connection, interventions, |_| {})
        .await
        .unwrap();
    assert_eq!(summary.countries, 201, "every ranked country");
    assert_eq!(
        summary.tiers,
        201 * 25,
        "a tier per country and year, 2001-2025"
    );
    assert!((8 * 201 * 25..=12 * 201 * 25).contains(&summary.recommendations));
    assert_eq!(summary.interventions, interventions);
    assert!((interventions..=4 * interventions).contains(&summary.links));
    app
}

/// A JSON document without the ids that differ from run to run (time-ordered ones).
fn without_ids(mut value: Value) -> Value {
    match &mut value {
        Value::Object(fields) => {
            fields.retain(|name, _| name != "id" && !name.ends_with("_id"));
            for field in fields.values_mut() {
                *field = without_ids(field.take());
            }
        }
        Value::Array(items) => {
            for item in items.iter_mut() {
                *item = without_ids(item.take());
            }
        }
        _ => {}
    }
    value
}

#[actix_web::test]
async fn the_generated_data_set_is_realistic_and_the_same_every_time() {
    let first = generated(3_000).await;
    let coverage = first.get_json("/api/v1/coverage").await;
    assert_eq!(coverage["year"], 2025);
    assert_eq!(coverage["items"].as_array().unwrap().len(), 201);
    let gaps = first.get_json("/api/v1/countries/SLE/gaps").await;
    let lines: Vec<i64> = gaps["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["line"]["years_standing"].as_i64().unwrap())
        .collect();
    assert!(
        lines.iter().any(|&years| years > 1),
        "recommendations continue earlier ones: {lines:?}"
    );
    let history = first.get_json("/api/v1/countries/SLE/tiers").await;
    assert_eq!(history["items"].as_array().unwrap().len(), 25);

    let second = generated(3_000).await;
    assert_eq!(second.get_json("/api/v1/coverage").await, coverage);
    assert_eq!(
        without_ids(second.get_json("/api/v1/countries/SLE/gaps").await),
        without_ids(gaps)
    );
}

#[actix_web::test]
async fn the_generated_data_set_has_the_shape_users_have() {
    // Enough work for every answerable recommendation of recent reports to be answered, as at
    // scale 1 and above.
    let app = generated(40_000).await;
    assert_the_shape_users_have(&app).await;
}

/// About half the latest report unaddressed and older ones more addressed, a few organisations
/// doing most of the work, some countries with none.
async fn assert_the_shape_users_have(app: &TestApp) {
    let unaddressed_percent = |year: i32| {
        format!(
            "SELECT (100 * count(*) FILTER (WHERE status = 'unaddressed') / count(*))::bigint AS n \
               FROM recommendation_statuses({year}, NULL, NULL)"
        )
    };
    let latest = app.count(&unaddressed_percent(2025)).await;
    let older = app.count(&unaddressed_percent(2015)).await;
    assert!((40..=65).contains(&latest), "{latest}% of 2025 unaddressed");
    assert!(
        older < latest,
        "{older}% of 2015 unaddressed, {latest}% of 2025"
    );
    let without_work = app
        .count(
            "SELECT count(*) AS n FROM countries c WHERE c.region IS NOT NULL \
                AND NOT EXISTS (SELECT 1 FROM intervention_countries i WHERE i.country_code = c.code)",
        )
        .await;
    assert!(
        (8..=40).contains(&without_work),
        "{without_work} countries without work"
    );
    let top_five_percent = app
        .count(
            "SELECT (100 * sum(n) / (SELECT count(*) FROM interventions))::bigint AS n FROM ( \
                 SELECT count(*) AS n FROM interventions GROUP BY organisation_id \
                  ORDER BY count(*) DESC LIMIT 5) top",
        )
        .await;
    assert!(
        top_five_percent >= 40,
        "the 5 busiest of 40 organisations run {top_five_percent}% of the work"
    );
}

#[actix_web::test]
async fn generating_into_a_database_with_report_data_is_refused() {
    let app = TestApp::with_demo().await;
    let mut connection = AsyncPgConnection::establish(&app.database_url)
        .await
        .unwrap();
    let error = generate_with(&mut connection, 10, |_| {})
        .await
        .unwrap_err();
    assert!(matches!(error, GenerateError::NotEmpty), "{error}");
}
