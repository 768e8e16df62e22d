//! The sign-in cannot be turned against its users: no redirect to another site, no signing a
//! browser into someone else's key, no 500 from what a client sends, and the headers that keep
//! pages from being framed, sniffed or cached.

use gaptrack::config::RateLimits;
use gaptrack::domain::Role;
use reqwest::StatusCode;

use crate::helpers::{TestApp, content_type, expect_problem, post_sign_in, sign_in_token};

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

#[actix_web::test]
async fn after_signing_in_a_person_lands_only_on_a_page_of_gaptrack() {
    let app = TestApp::spawn().await;
    let key = app.key(Role::Viewer, None);
    for (wanted, lands_on) in [
        ("/countries/SLE?year=2023", "/countries/SLE?year=2023"),
        ("/\t/evil.example/page", "/"),
        ("/\n/evil.example/page", "/"),
        ("/\r\nSet-Cookie: stolen=1", "/"),
        ("//evil.example/page", "/"),
        ("/\\evil.example/page", "/"),
        ("https://evil.example/", "/"),
    ] {
        let response = post_sign_in(&no_redirects(), &app.address, &key, wanted).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{wanted:?}");
        assert_eq!(response.headers()["location"], lands_on, "{wanted:?}");
        assert!(
            response
                .headers()
                .get_all("set-cookie")
                .iter()
                .all(|c| !c.to_str().unwrap().starts_with("stolen")),
            "{wanted:?}"
        );
    }
}

/// Posts the sign-in form with a valid token and cookie, plus `headers`.
async fn sign_in_with(app: &TestApp, key: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let (token, cookie) = sign_in_token(&app.address).await;
    let mut request = no_redirects()
        .post(app.url("/signin/key"))
        .header("Cookie", cookie)
        .form(&[("key", key), ("return_to", "/"), ("signin_token", &token)]);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

#[actix_web::test]
async fn a_sign_in_posted_from_another_origin_is_refused() {
    let app = TestApp::spawn().await;
    let key = app.key(
        Role::Editor,
        Some(&app.create_organisation("Attacker NGO").await),
    );
    let own = app.address.clone();
    assert_eq!(
        sign_in_with(&app, &key, &[("Origin", &own)]).await.status(),
        StatusCode::SEE_OTHER,
        "gaptrack's own origin is accepted"
    );
    for headers in [
        vec![("Origin", "null")],
        vec![("Origin", "http://evil.example")],
        // Another scheme on the same host and port is another origin.
        vec![(
            "Origin",
            own.replacen("http://", "https://", 1).leak() as &str,
        )],
        // The client is no trusted proxy: what it says of the host is not believed.
        vec![
            ("Origin", "http://evil.example"),
            ("X-Forwarded-Host", "evil.example"),
        ],
        vec![
            ("Origin", "https://evil.example"),
            ("X-Forwarded-Host", "evil.example"),
            ("X-Forwarded-Proto", "https"),
        ],
    ] {
        let response = sign_in_with(&app, &key, &headers).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{headers:?}");
        assert!(
            response.headers().get("set-cookie").is_none(),
            "{headers:?}"
        );
    }
    assert_eq!(
        app.count("SELECT count(*) AS n FROM web_sessions").await,
        1,
        "only the sign-in from gaptrack's own origin started a session"
    );
}

#[actix_web::test]
async fn a_sign_in_without_its_pages_token_is_refused() {
    let app = TestApp::spawn().await;
    let key = app.key(Role::Viewer, None);
    let (token, cookie) = sign_in_token(&app.address).await;
    let (other_token, _) = sign_in_token(&app.address).await;
    for (cookie, token) in [
        (None, Some(token.as_str())),
        (Some(cookie.as_str()), None),
        (Some(cookie.as_str()), Some(other_token.as_str())),
    ] {
        let mut form = vec![("key", key.as_str()), ("return_to", "/")];
        if let Some(token) = token {
            form.push(("signin_token", token));
        }
        let mut request = no_redirects().post(app.url("/signin/key")).form(&form);
        if let Some(cookie) = cookie {
            request = request.header("Cookie", cookie);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(content_type(&response).starts_with("text/html"));
    }
    assert_eq!(app.count("SELECT count(*) AS n FROM web_sessions").await, 0);
}

#[actix_web::test]
async fn every_answer_carries_the_headers_that_keep_browsers_safe() {
    let app = TestApp::spawn().await;
    let client = crate::helpers::signed_in(&app, &app.key(Role::Admin, None)).await;
    for path in [
        "/",
        "/admin/keys",
        "/signin",
        "/no-such-page",
        "/api/v1/countries",
    ] {
        let mut request = client.get(app.url(path)).header("Accept", "text/html");
        if path.starts_with("/api") {
            request = app.client.get(app.url(path));
        }
        let response = request.send().await.unwrap();
        let headers = response.headers();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        if content_type(&response).starts_with("text/html") {
            let policy = headers["content-security-policy"].to_str().unwrap();
            assert!(
                policy.contains("frame-ancestors 'none'"),
                "{path}: {policy}"
            );
            let scripts = policy
                .split(';')
                .map(str::trim)
                .find(|directive| directive.starts_with("script-src"));
            assert_eq!(
                scripts,
                Some("script-src 'self'"),
                "{path}: only gaptrack's own script file, never inline script: {policy}"
            );
            assert_eq!(headers["cache-control"], "no-store", "{path}");
        }
    }
    // An error raised before any handler (no key) carries them too.
    let refused = app.as_key(None).get("/api/v1/countries").await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(refused.headers()["x-content-type-options"], "nosniff");
}

#[actix_web::test]
async fn a_sign_in_page_shut_out_by_failed_keys_says_when_to_try_again() {
    let app = TestApp::spawn_with_limits(RateLimits {
        failed_auth_per_minute: 2,
        ..RateLimits::generous()
    })
    .await;
    let mut last = None;
    for _ in 0..4 {
        let response = post_sign_in(&no_redirects(), &app.address, "gt_wrong_key", "/").await;
        last = Some(response);
    }
    let last = last.unwrap();
    assert_eq!(last.status(), StatusCode::TOO_MANY_REQUESTS);
    let seconds: u64 = last.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(seconds >= 1);
    assert!(content_type(&last).starts_with("text/html"));
}

#[actix_web::test]
async fn a_sign_in_form_over_the_size_limit_is_413() {
    let app = TestApp::spawn().await;
    let (token, cookie) = sign_in_token(&app.address).await;
    let huge = "k".repeat(64 * 1024);
    let response = no_redirects()
        .post(app.url("/signin/key"))
        .header("Cookie", cookie)
        .form(&[("key", huge.as_str()), ("signin_token", token.as_str())])
        .send()
        .await
        .unwrap();
    expect_problem(response, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
}
