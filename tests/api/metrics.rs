//! `GET /metrics`: what an operator's Prometheus scrapes.

use reqwest::StatusCode;

use crate::helpers::{TestApp, content_type};

async fn scrape(app: &TestApp) -> String {
    let response = app.as_key(None).get("/metrics").await;
    assert_eq!(response.status(), StatusCode::OK, "open, like /healthz");
    assert!(
        content_type(&response).starts_with("text/plain; version=0.0.4"),
        "{}",
        content_type(&response)
    );
    response.text().await.unwrap()
}

fn value(metrics: &str, series: &str) -> Option<f64> {
    metrics
        .lines()
        .find(|line| line.starts_with(series) && line[series.len()..].starts_with(' '))
        .map(|line| line[series.len()..].trim().parse().unwrap())
}

#[actix_web::test]
async fn requests_are_counted_by_route_template_and_status_and_timed() {
    let app = TestApp::spawn().await;
    for _ in 0..3 {
        assert_eq!(
            app.get("/api/v1/countries/SLE").await.status(),
            StatusCode::OK
        );
    }
    assert_eq!(
        app.get("/api/v1/countries/Atlantis").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.as_key(None).get("/api/v1/countries/SLE").await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get("/no/such/page").await.status(),
        StatusCode::NOT_FOUND
    );

    let metrics = scrape(&app).await;
    let route = r#"method="GET",route="/api/v1/countries/{code}""#;
    assert_eq!(
        value(
            &metrics,
            &format!(r#"gaptrack_http_requests_total{{{route},status="200"}}"#)
        ),
        Some(3.0),
        "{metrics}"
    );
    assert_eq!(
        value(
            &metrics,
            &format!(r#"gaptrack_http_requests_total{{{route},status="404"}}"#)
        ),
        Some(1.0)
    );
    assert_eq!(
        value(
            &metrics,
            &format!(r#"gaptrack_http_requests_total{{{route},status="401"}}"#)
        ),
        Some(1.0)
    );
    assert_eq!(
        value(
            &metrics,
            r#"gaptrack_http_requests_total{method="GET",route="unmatched",status="404"}"#
        ),
        Some(1.0),
        "unknown paths share one series, so they cannot multiply them"
    );
    assert!(
        !metrics.contains("Atlantis"),
        "route templates, never values"
    );
    assert_eq!(
        value(
            &metrics,
            &format!("gaptrack_http_request_duration_seconds_count{{{route}}}")
        ),
        Some(5.0)
    );
    assert_eq!(
        value(&metrics, "gaptrack_db_pool_max_connections"),
        Some(4.0)
    );
    let connections = value(&metrics, "gaptrack_db_pool_connections").unwrap();
    assert!((1.0..=4.0).contains(&connections), "{connections}");
    assert_eq!(value(&metrics, "gaptrack_db_pool_waiters"), Some(0.0));
}

#[actix_web::test]
async fn database_failures_are_counted() {
    let app = TestApp::spawn_without_database();
    let response = app
        .as_key(Some("gt_00000000000000000000000000000000_x"))
        .get("/api/v1/countries/SLE")
        .await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_one_unavailable_database_error_counted(&app).await;
}

#[actix_web::test]
async fn database_failures_of_pages_are_counted_like_the_apis() {
    let app = TestApp::spawn_without_database();
    let response = app
        .client
        .get(app.url("/interventions"))
        .header("Accept", "text/html")
        .header(
            "Cookie",
            format!("{}=not-a-live-session", gaptrack::web::session::COOKIE),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        content_type(&response).starts_with("text/html"),
        "a person is shown a page"
    );
    assert_one_unavailable_database_error_counted(&app).await;
}

/// The metrics count exactly one "database unavailable" error.
async fn assert_one_unavailable_database_error_counted(app: &TestApp) {
    let metrics = scrape(app).await;
    assert_eq!(
        value(
            &metrics,
            r#"gaptrack_database_errors_total{kind="unavailable"}"#
        ),
        Some(1.0),
        "{metrics}"
    );
}
