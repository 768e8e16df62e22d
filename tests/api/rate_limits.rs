//! Rate limits: a key that floods is slowed down without slowing the others, and an address that
//! guesses keys is shut out.

use std::net::{IpAddr, Ipv4Addr};

use gaptrack::config::TrustedProxies;
use gaptrack::config::{RateLimits, ServerSettings};
use gaptrack::domain::Role;
use reqwest::StatusCode;

use crate::helpers::{TestApp, expect_json, expect_problem, test_settings};

fn client(key: Option<&str>, from: IpAddr) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    if let Some(key) = key {
        headers.insert(
            reqwest::header::AUTHORIZATION,
            format!("Bearer {key}").parse().unwrap(),
        );
    }
    reqwest::Client::builder()
        .default_headers(headers)
        .local_address(from)
        .build()
        .unwrap()
}

const HOME: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);
const NEIGHBOUR: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));

async fn statuses(client: &reqwest::Client, url: &str, count: usize) -> Vec<reqwest::Response> {
    let mut responses = Vec::new();
    for _ in 0..count {
        responses.push(client.get(url).send().await.unwrap());
    }
    responses
}

#[actix_web::test]
async fn a_key_over_its_limit_gets_429_with_retry_after_and_other_keys_go_on() {
    let app = TestApp::spawn_with_limits(RateLimits {
        per_key_per_second: 5,
        ..RateLimits::generous()
    })
    .await;
    let url = app.url("/api/v1/countries/SLE");
    let flood = statuses(&app.client, &url, 30).await;
    let (ok, limited): (Vec<_>, Vec<_>) = flood
        .into_iter()
        .partition(|response| response.status() == StatusCode::OK);
    assert!(
        (5..=10).contains(&ok.len()),
        "a burst of 5, then about 5 a second: {} went through",
        ok.len()
    );
    let limited = limited.into_iter().next().expect("some were limited");
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=2).contains(&retry_after), "{retry_after}");
    let problem = expect_problem(limited, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;
    assert!(
        problem["detail"].as_str().unwrap().contains("retry after"),
        "{problem}"
    );

    let viewer = client(Some(&app.key(Role::Viewer, None)), HOME);
    expect_json(viewer.get(&url).send().await.unwrap(), StatusCode::OK).await;
}

#[actix_web::test]
async fn an_address_that_keeps_failing_authentication_is_shut_out_even_with_a_valid_key() {
    let app = TestApp::spawn_with_limits(RateLimits {
        failed_auth_per_minute: 3,
        ..RateLimits::generous()
    })
    .await;
    let url = app.url("/api/v1/countries/SLE");
    let guesser = client(Some("gt_00000000000000000000000000000000_guess"), HOME);
    for response in statuses(&guesser, &url, 4).await {
        expect_problem(response, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }
    let admin_key = app.key(Role::Admin, None);
    let shut_out = client(Some(&admin_key), HOME)
        .get(&url)
        .send()
        .await
        .unwrap();
    let retry_after: u64 = shut_out.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry_after > 5, "until the quota refills: {retry_after}");
    let problem =
        expect_problem(shut_out, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("unknown or revoked key")
    );

    // Without trusted proxies, a client cannot name another address to get out.
    let disguised = client(Some(&admin_key), HOME)
        .get(&url)
        .header("X-Forwarded-For", "198.51.100.1")
        .send()
        .await
        .unwrap();
    assert_eq!(disguised.status(), StatusCode::TOO_MANY_REQUESTS);

    // Another address is not affected.
    let neighbour = client(Some(&admin_key), NEIGHBOUR);
    expect_json(neighbour.get(&url).send().await.unwrap(), StatusCode::OK).await;
}

#[actix_web::test]
async fn behind_a_trusted_proxy_the_client_it_names_is_shut_out_not_everyone_behind_it() {
    let app = TestApp::spawn_with_settings(ServerSettings {
        rate_limits: RateLimits {
            failed_auth_per_minute: 3,
            ..RateLimits::generous()
        },
        trusted_proxies: TrustedProxies::parse("127.0.0.1").unwrap(),
        ..test_settings()
    })
    .await;
    let url = app.url("/api/v1/countries/SLE");
    // Every request comes from the proxy (HOME), which appends the address it saw.
    let via_proxy = |key: &str, forwarded_for: &str| {
        client(Some(key), HOME)
            .get(&url)
            .header("X-Forwarded-For", forwarded_for)
            .send()
    };
    let guess = "gt_00000000000000000000000000000000_guess";
    for _ in 0..4 {
        let response = via_proxy(guess, "203.0.113.7").await.unwrap();
        expect_problem(response, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }
    let admin_key = app.key(Role::Admin, None);
    let shut_out = via_proxy(&admin_key, "203.0.113.7").await.unwrap();
    let problem =
        expect_problem(shut_out, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;
    assert!(
        problem["detail"].as_str().unwrap().contains("203.0.113.7"),
        "{problem}"
    );
    // What the guesser writes itself, left of the proxy's entry, is not believed.
    let disguised = via_proxy(&admin_key, "198.51.100.1, 203.0.113.7")
        .await
        .unwrap();
    assert_eq!(disguised.status(), StatusCode::TOO_MANY_REQUESTS);

    // Another person behind the same proxy goes on.
    let colleague = via_proxy(&admin_key, "203.0.113.8").await.unwrap();
    expect_json(colleague, StatusCode::OK).await;
}

#[actix_web::test]
async fn requests_without_credentials_are_limited_per_address() {
    let app = TestApp::spawn_with_limits(RateLimits {
        per_address_per_second: 3,
        ..RateLimits::generous()
    })
    .await;
    let url = app.url("/api/v1/countries/SLE");
    let anonymous = statuses(&client(None, HOME), &url, 12).await;
    let codes: Vec<u16> = anonymous.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(&codes[..3], [401, 401, 401], "{codes:?}");
    assert!(codes.contains(&429), "{codes:?}");
    // A key's requests from the same address are counted against the key, not the address.
    expect_json(app.get("/api/v1/countries/SLE").await, StatusCode::OK).await;
}
