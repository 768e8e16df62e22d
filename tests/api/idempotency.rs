//! `Idempotency-Key`: a retried POST returns the first answer and creates nothing new.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, expect_json, expect_problem};

async fn post_with_key(
    client: &reqwest::Client,
    url: &str,
    key: &str,
    body: &Value,
) -> reqwest::Response {
    client
        .post(url)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap()
}

fn intervention(organisation: &str, title: &str) -> Value {
    json!({"organisation_id": organisation, "countries": ["SLE"], "kind": "training", "title": title})
}

async fn interventions(app: &TestApp) -> i64 {
    app.count("SELECT count(*) AS n FROM interventions").await
}

#[actix_web::test]
async fn a_retried_create_returns_the_first_answer_and_creates_nothing_new() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let url = app.url("/api/v1/interventions");
    let body = intervention(&organisation, "Police training");

    let first = post_with_key(&app.client, &url, "retry-1", &body).await;
    assert!(first.headers().get("Idempotent-Replayed").is_none());
    let location = first.headers()["location"].clone();
    let etag = first.headers()["etag"].clone();
    let first = expect_json(first, StatusCode::CREATED).await;

    let retry = post_with_key(&app.client, &url, "retry-1", &body).await;
    assert_eq!(retry.headers()["Idempotent-Replayed"], "true");
    assert_eq!(retry.headers()["location"], location);
    assert_eq!(retry.headers()["etag"], etag);
    assert_eq!(expect_json(retry, StatusCode::CREATED).await, first);
    assert_eq!(interventions(&app).await, 1);
    let creations = app
        .count("SELECT count(*) AS n FROM audit_events WHERE resource_type = 'intervention' AND action = 'create'")
        .await;
    assert_eq!(creations, 1, "one creation in the audit trail");

    // Without a key, or with another, the same body creates again, as it always has.
    expect_json(
        app.post("/api/v1/interventions", &body).await,
        StatusCode::CREATED,
    )
    .await;
    expect_json(
        post_with_key(&app.client, &url, "retry-2", &body).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(interventions(&app).await, 3);
}

#[actix_web::test]
async fn the_same_key_with_a_different_body_is_a_422_and_creates_nothing() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let url = app.url("/api/v1/interventions");
    expect_json(
        post_with_key(
            &app.client,
            &url,
            "k",
            &intervention(&organisation, "Police training"),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let other = post_with_key(
        &app.client,
        &url,
        "k",
        &intervention(&organisation, "Judges"),
    )
    .await;
    let problem =
        expect_problem(other, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "Idempotency-Key");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("different request")
    );
    // The same key on another path is a different request too.
    let report = post_with_key(
        &app.client,
        &app.url("/api/v1/organisations"),
        "k",
        &json!({"name": "X"}),
    )
    .await;
    expect_problem(
        report,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(interventions(&app).await, 1);
}

#[actix_web::test]
async fn a_failed_request_does_not_hold_its_key() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let url = app.url("/api/v1/interventions");
    let invalid = intervention(&organisation, " ");
    for _ in 0..2 {
        let response = post_with_key(&app.client, &url, "fix-and-retry", &invalid).await;
        assert!(response.headers().get("Idempotent-Replayed").is_none());
        expect_problem(
            response,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
    }
    let fixed = intervention(&organisation, "Police training");
    expect_json(
        post_with_key(&app.client, &url, "fix-and-retry", &fixed).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(interventions(&app).await, 1);
}

#[actix_web::test]
async fn keys_are_per_api_key_and_a_retry_on_another_instance_gets_the_first_answer() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let body = intervention(&organisation, "Police training");
    let first = expect_json(
        post_with_key(
            &app.client,
            &app.url("/api/v1/interventions"),
            "shared",
            &body,
        )
        .await,
        StatusCode::CREATED,
    )
    .await;

    let other = app.another_instance();
    let retry = post_with_key(
        &app.client,
        &format!("{}/api/v1/interventions", other.address),
        "shared",
        &body,
    )
    .await;
    assert_eq!(retry.headers()["Idempotent-Replayed"], "true");
    assert_eq!(expect_json(retry, StatusCode::CREATED).await, first);

    let editor = app.as_key(Some(
        &app.key(gaptrack::domain::Role::Editor, Some(&organisation)),
    ));
    let theirs = post_with_key(
        &editor.client,
        &app.url("/api/v1/interventions"),
        "shared",
        &body,
    )
    .await;
    assert!(theirs.headers().get("Idempotent-Replayed").is_none());
    let theirs = expect_json(theirs, StatusCode::CREATED).await;
    assert_ne!(theirs["id"], first["id"]);
    assert_eq!(interventions(&app).await, 2);
}

#[actix_web::test]
async fn a_replayed_api_key_is_never_stored_readably() {
    let app = TestApp::spawn().await;
    let url = app.url("/api/v1/keys");
    let body = json!({"name": "reporting", "role": "viewer"});
    let created = expect_json(
        post_with_key(&app.client, &url, "new-key", &body).await,
        StatusCode::CREATED,
    )
    .await;
    let secret = created["secret"].as_str().expect("the secret, once");
    let replay = expect_json(
        post_with_key(&app.client, &url, "new-key", &body).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(
        replay["secret"], secret,
        "the retry gets the key it would otherwise have lost"
    );

    assert_eq!(
        app.count("SELECT count(*) AS n FROM idempotency_keys WHERE response_sealed IS NOT NULL")
            .await,
        1
    );
    let readable = app
        .count(&format!(
            "SELECT count(*) AS n FROM idempotency_keys \
             WHERE position(convert_to('{secret}', 'UTF8') IN response_sealed) > 0 \
             OR position(convert_to('reporting', 'UTF8') IN response_sealed) > 0"
        ))
        .await;
    assert_eq!(readable, 0, "the answer is sealed");
    assert_eq!(
        app.count("SELECT count(*) AS n FROM api_keys WHERE name = 'reporting'")
            .await,
        1
    );
}

#[actix_web::test]
async fn concurrent_requests_with_one_key_create_once() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let url = app.url("/api/v1/interventions");
    for round in 0..8 {
        let key = format!("race-{round}");
        let body = intervention(&organisation, &format!("Training {round}"));
        let (a, b) = tokio::join!(
            post_with_key(&app.client, &url, &key, &body),
            post_with_key(&app.client, &url, &key, &body)
        );
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert!(
            statuses == [StatusCode::CREATED, StatusCode::CREATED]
                || statuses == [StatusCode::CREATED, StatusCode::CONFLICT],
            "round {round}: {statuses:?}"
        );
        assert_eq!(interventions(&app).await, round + 1, "round {round}");
    }
}

#[actix_web::test]
async fn an_expired_key_is_forgotten() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let url = app.url("/api/v1/interventions");
    let body = intervention(&organisation, "Police training");
    expect_json(
        post_with_key(&app.client, &url, "old", &body).await,
        StatusCode::CREATED,
    )
    .await;
    // A day and a second later on the server's clock, the key is free again.
    app.clock
        .advance(chrono::TimeDelta::days(1) + chrono::TimeDelta::seconds(1));
    let again = post_with_key(&app.client, &url, "old", &body).await;
    assert!(again.headers().get("Idempotent-Replayed").is_none());
    expect_json(again, StatusCode::CREATED).await;
    assert_eq!(interventions(&app).await, 2);
}

/// Leaves the key's claim as an instance that died mid-request leaves it: no answer; then moves
/// the server's clock past the time after which such a claim counts as abandoned. `wrote` says
/// whether that request had stored its write (its claim is the one in the audit trail) or died
/// before.
async fn as_if_its_instance_died(app: &TestApp, wrote: bool) {
    let claim = if wrote {
        "claim_id"
    } else {
        "gen_random_uuid()"
    };
    let died = app
        .count(&format!(
            "WITH died AS (UPDATE idempotency_keys SET status = NULL, response_nonce = NULL, \
             response_sealed = NULL, claim_id = {claim} \
             RETURNING 1) SELECT count(*) AS n FROM died"
        ))
        .await;
    assert_eq!(died, 1);
    app.clock.advance(chrono::TimeDelta::hours(1));
}

#[actix_web::test]
async fn a_retry_after_its_first_request_died_between_write_and_answer_is_told_what_was_written() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let url = app.url("/api/v1/interventions");
    let body = intervention(&organisation, "Police training");
    let first = post_with_key(&app.client, &url, "died-after-writing", &body).await;
    let first = expect_json(first, StatusCode::CREATED).await;
    as_if_its_instance_died(&app, true).await;

    let retry = post_with_key(&app.client, &url, "died-after-writing", &body).await;
    let problem = expect_problem(retry, StatusCode::CONFLICT, "conflict").await;
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.contains(first["id"].as_str().unwrap()) && detail.contains("answer was lost"),
        "{detail}"
    );
    assert_eq!(interventions(&app).await, 1, "not written twice");
}

#[actix_web::test]
async fn a_retry_after_its_first_request_died_before_writing_is_served() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let url = app.url("/api/v1/interventions");
    let body = intervention(&organisation, "Police training");
    let first = post_with_key(&app.client, &url, "died-before-writing", &body).await;
    expect_json(first, StatusCode::CREATED).await;
    // Only the claim is left: as far as the key knows, nothing was written for it.
    as_if_its_instance_died(&app, false).await;

    let retry = post_with_key(&app.client, &url, "died-before-writing", &body).await;
    assert!(retry.headers().get("Idempotent-Replayed").is_none());
    expect_json(retry, StatusCode::CREATED).await;
    // And its answer is kept like any first answer.
    let again = post_with_key(&app.client, &url, "died-before-writing", &body).await;
    assert_eq!(again.headers()["Idempotent-Replayed"], "true");
}

#[actix_web::test]
async fn a_malformed_key_is_a_400() {
    let app = TestApp::spawn().await;
    let long = "k".repeat(256);
    for key in ["with space", long.as_str()] {
        let response = post_with_key(
            &app.client,
            &app.url("/api/v1/organisations"),
            key,
            &json!({"name": "X"}),
        )
        .await;
        let problem = expect_problem(response, StatusCode::BAD_REQUEST, "bad_request").await;
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains("Idempotency-Key")
        );
    }
    assert_eq!(
        app.count("SELECT count(*) AS n FROM organisations").await,
        0
    );
}

#[actix_web::test]
async fn concurrent_failing_requests_with_one_key_are_never_a_500() {
    let app = TestApp::spawn().await;
    let url = app.url("/api/v1/organisations");
    // Each claims the key, fails validation and releases it, while the other claims it.
    for round in 0..20 {
        let key = format!("failing-{round}");
        let bad = json!({"name": ["not", "a", "name"]});
        let (a, b) = tokio::join!(
            post_with_key(&app.client, &url, &key, &bad),
            post_with_key(&app.client, &url, &key, &bad)
        );
        for response in [a, b] {
            let status = response.status();
            assert!(
                status == StatusCode::UNPROCESSABLE_ENTITY || status == StatusCode::CONFLICT,
                "round {round}: {status}"
            );
        }
    }
}
