//! A connection that PostgreSQL ends while a request uses it: reads (API calls and pages) are
//! answered from a fresh connection, writes are answered 503 and not run twice.
//!
//! The request is held inside PostgreSQL by a table lock the test takes, its backend is ended
//! with `pg_terminate_backend` (what a restart or an administrator does to it), and the lock is
//! released once the server has had the chance to try again.

use std::time::{Duration, Instant};

use diesel::sql_types::{Integer, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use reqwest::StatusCode;
use serde_json::json;

use gaptrack::domain::Role;

use crate::helpers::{TestApp, expect_json, expect_problem, signed_in};

/// A backend of the app's database waiting for a lock.
#[derive(diesel::QueryableByName)]
struct Waiting {
    #[diesel(sql_type = Integer)]
    pid: i32,
    #[diesel(sql_type = Text)]
    query: String,
}

/// Waits (at most `limit`) until a backend that `which` picks waits on a lock; its pid.
async fn until_waiting(
    watcher: &mut AsyncPgConnection,
    which: impl Fn(&Waiting) -> bool,
    limit: Duration,
) -> Option<i32> {
    let started = Instant::now();
    while started.elapsed() < limit {
        let waiting = diesel::sql_query(
            "SELECT pid, coalesce(query, '') AS query FROM pg_stat_activity \
             WHERE datname = current_database() AND wait_event_type = 'Lock' \
             AND pid <> pg_backend_pid()",
        )
        .load::<Waiting>(watcher)
        .await
        .unwrap();
        if let Some(backend) = waiting.iter().find(|backend| which(backend)) {
            return Some(backend.pid);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    None
}

async fn terminate(watcher: &mut AsyncPgConnection, pid: i32) {
    diesel::sql_query(format!("SELECT pg_terminate_backend({pid})"))
        .execute(watcher)
        .await
        .unwrap();
}

/// Locks `table` until the request reaches it, ends the backend serving the request, then
/// releases the lock: after waiting for a second backend (the retry) to queue, or for
/// `retry_wait` if none comes. Says whether a second backend came.
async fn end_the_backend_behind_the_request(
    app: &TestApp,
    locker: &mut AsyncPgConnection,
    retry_wait: Duration,
) -> bool {
    let mut watcher = AsyncPgConnection::establish(&app.database_url)
        .await
        .unwrap();
    let first = until_waiting(&mut watcher, |_| true, Duration::from_secs(10))
        .await
        .expect("the request reaches the locked table");
    terminate(&mut watcher, first).await;
    let retried = until_waiting(&mut watcher, |backend| backend.pid != first, retry_wait)
        .await
        .is_some();
    locker.batch_execute("ROLLBACK").await.unwrap();
    retried
}

async fn lock(app: &TestApp, table: &str) -> AsyncPgConnection {
    let mut locker = AsyncPgConnection::establish(&app.database_url)
        .await
        .unwrap();
    locker
        .batch_execute(&format!(
            "BEGIN; LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE"
        ))
        .await
        .unwrap();
    locker
}

#[actix_web::test]
async fn a_read_whose_connection_is_ended_is_answered_from_a_fresh_one() {
    let app = TestApp::spawn().await;
    app.create_organisation("Read through a restart").await;
    let mut locker = lock(&app, "organisations").await;

    let (response, retried) = tokio::join!(
        app.get("/api/v1/organisations"),
        end_the_backend_behind_the_request(&app, &mut locker, Duration::from_secs(5)),
    );

    assert!(retried, "the server tried the read again");
    let page = expect_json(response, StatusCode::OK).await;
    assert_eq!(page["items"][0]["name"], "Read through a restart");
    let metrics = app.as_key(None).get("/metrics").await.text().await.unwrap();
    assert!(
        metrics.contains("gaptrack_database_reads_retried_total 1"),
        "{metrics}"
    );
}

#[actix_web::test]
async fn a_write_whose_connection_is_ended_is_answered_503_and_not_run_again() {
    let app = TestApp::spawn().await;
    let mut locker = lock(&app, "organisations").await;
    let body = json!({"name": "Maybe written"});

    let (response, retried) = tokio::join!(
        app.post("/api/v1/organisations", &body),
        end_the_backend_behind_the_request(&app, &mut locker, Duration::from_millis(500)),
    );

    assert!(!retried, "a write is not tried again by the server");
    assert_eq!(response.headers()["retry-after"], "2");
    expect_problem(response, StatusCode::SERVICE_UNAVAILABLE, "unavailable").await;
    assert_eq!(
        app.count("SELECT count(*) AS n FROM organisations").await,
        0
    );
    // The pool let the broken connection go: the next write goes through.
    let created = app
        .post("/api/v1/organisations", &json!({"name": "Written"}))
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
}

#[actix_web::test]
async fn a_page_whose_connection_is_ended_is_shown_from_a_fresh_one() {
    let app = TestApp::spawn().await;
    let browser = signed_in(&app, &app.key(Role::Viewer, None)).await;
    // Every page first looks up the person's session.
    let mut locker = lock(&app, "web_sessions").await;

    let (response, retried) = tokio::join!(
        browser.get(app.url("/interventions")).send(),
        end_the_backend_behind_the_request(&app, &mut locker, Duration::from_secs(5)),
    );

    assert!(retried, "the server tried the page again");
    let response = response.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    assert!(page.contains("<h1>Interventions</h1>"), "{page}");
}

#[actix_web::test]
async fn a_write_stored_before_its_answer_could_be_kept_is_answered_as_stored() {
    let app = TestApp::spawn().await;
    let mut write_lock = lock(&app, "organisations").await;
    let body = json!({"name": "Stored once"});
    let post = || {
        app.client
            .post(app.url("/api/v1/organisations"))
            .header("Idempotency-Key", "the-first-try")
            .json(&body)
            .send()
    };

    // The write waits on its table; meanwhile the table of kept answers is locked, the write let
    // through, and the connection keeping its answer ended.
    let end_the_bookkeeping = async {
        let mut watcher = AsyncPgConnection::establish(&app.database_url)
            .await
            .unwrap();
        until_waiting(&mut watcher, |_| true, Duration::from_secs(10))
            .await
            .expect("the write reaches its table");
        let mut answers_lock = lock(&app, "idempotency_keys").await;
        write_lock.batch_execute("ROLLBACK").await.unwrap();
        let keeping = until_waiting(
            &mut watcher,
            |backend| backend.query.contains("UPDATE \"idempotency_keys\""),
            Duration::from_secs(10),
        )
        .await
        .expect("keeping the answer waits for its table");
        terminate(&mut watcher, keeping).await;
        answers_lock.batch_execute("ROLLBACK").await.unwrap();
    };
    let (response, ()) = tokio::join!(post(), end_the_bookkeeping);

    let created = expect_json(response.unwrap(), StatusCode::CREATED).await;
    assert_eq!(created["name"], "Stored once");
    // A retry does not write it again: the claim has no answer to replay yet.
    let retry = post().await.unwrap();
    expect_problem(retry, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(
        app.count("SELECT count(*) AS n FROM organisations").await,
        1
    );
}
