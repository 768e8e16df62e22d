//! Single sign-on against a real OpenID Connect provider the test starts (oidc-provider-mock,
//! from PyPI, on a random port of 127.0.0.1): an invited address signs in through it and becomes
//! active; an address nobody invited, or one the provider does not vouch for, is refused.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::json;

use crate::accounts::{link_in, users_command};
use crate::helpers::{TestApp, test_settings};
use crate::readers;
use gaptrack::config::{AccountSettings, OidcSettings};

/// The provider; stopped when dropped.
struct Provider {
    address: String,
    child: Child,
}

impl Provider {
    fn start() -> Self {
        let program = readers::python().with_file_name("oidc-provider-mock");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(program)
            .args(["--host", "127.0.0.1", "--port", &port.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("oidc-provider-mock starts");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the provider did not listen"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Self {
            address: format!("http://127.0.0.1:{port}"),
            child,
        }
    }

    /// Gives the person `sub` these claims.
    async fn person(&self, sub: &str, claims: serde_json::Value) {
        let response = reqwest::Client::new()
            .put(format!("{}/users/{sub}", self.address))
            .json(&claims)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success(), "{}", response.status());
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}

/// Starts at gaptrack's button, signs in at the provider's form as `sub`, and gives gaptrack's
/// answer to the callback.
async fn sign_on(app: &TestApp, client: &reqwest::Client, sub: &str) -> reqwest::Response {
    let page = client
        .get(app.url("/signin"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Sign in with Sahel ID"),
        "the button is on the sign-in page"
    );
    let start = client
        .get(app.url("/signin/oidc?return_to=%2Finterventions"))
        .send()
        .await
        .unwrap();
    assert_eq!(start.status(), StatusCode::SEE_OTHER);
    let authorize = location(&start);
    assert!(
        authorize.contains("code_challenge_method=S256"),
        "{authorize}"
    );
    let form = client.get(&authorize).send().await.unwrap();
    assert_eq!(form.status(), StatusCode::OK);
    let back = client
        .post(&authorize)
        .form(&[("sub", sub)])
        .send()
        .await
        .unwrap();
    assert!(back.status().is_redirection(), "{}", back.status());
    let callback = location(&back);
    assert!(
        callback.starts_with(&app.url("/signin/oidc/callback")),
        "{callback}"
    );
    client.get(&callback).send().await.unwrap()
}

#[actix_web::test]
async fn an_invited_address_signs_in_through_the_identity_provider_and_no_other() {
    let provider = Provider::start();
    let mut settings = test_settings();
    settings.accounts = AccountSettings {
        oidc: Some(OidcSettings {
            issuer_url: provider.address.clone(),
            client_id: "gaptrack".into(),
            client_secret: Some("not a secret".into()),
            label: "Sahel ID".into(),
        }),
        ..AccountSettings::default()
    };
    let app = TestApp::spawn_with_settings(settings).await;
    let invitation = users_command(
        &app,
        &[
            "invite",
            "--email",
            "fatou@example.org",
            "--name",
            "Fatou Sow",
            "--role",
            "viewer",
        ],
    );
    provider
        .person(
            "fatou",
            json!({"email": "Fatou@example.org", "email_verified": true, "name": "Fatou Sow"}),
        )
        .await;
    provider
        .person(
            "stranger",
            json!({"email": "stranger@example.org", "email_verified": true}),
        )
        .await;
    provider
        .person(
            "unverified",
            json!({"email": "fatou@example.org", "email_verified": false}),
        )
        .await;
    let browser = || {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    };

    let fatou = browser();
    let signed = sign_on(&app, &fatou, "fatou").await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&signed),
        "/interventions",
        "back where she was going"
    );
    let page = fatou.get(app.url("/interventions")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Fatou Sow (Viewer)"));
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM users WHERE email = 'fatou@example.org' AND state = 'active'"
        )
        .await,
        1,
        "the invited account is active"
    );
    let link = browser().get(link_in(&invitation)).send().await.unwrap();
    assert_eq!(
        link.status(),
        StatusCode::GONE,
        "and its invitation link is spent"
    );

    let stranger = sign_on(&app, &browser(), "stranger").await;
    assert_eq!(stranger.status(), StatusCode::FORBIDDEN);
    assert!(
        stranger
            .text()
            .await
            .unwrap()
            .contains("ask an admin to invite you")
    );

    let unverified = sign_on(&app, &browser(), "unverified").await;
    assert_eq!(unverified.status(), StatusCode::FORBIDDEN);
    assert!(unverified.text().await.unwrap().contains("does not say"));

    // A callback that did not start in this browser is refused.
    let forged = browser()
        .get(app.url("/signin/oidc/callback?code=abc&state=xyz"))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT count(*) AS n FROM web_sessions").await, 1);
}

#[actix_web::test]
async fn single_sign_on_works_in_a_browser() {
    let provider = Provider::start();
    let mut settings = test_settings();
    settings.accounts = AccountSettings {
        oidc: Some(OidcSettings {
            issuer_url: provider.address.clone(),
            client_id: "gaptrack".into(),
            client_secret: Some("not a secret".into()),
            label: "Sahel ID".into(),
        }),
        ..AccountSettings::default()
    };
    let app = TestApp::spawn_with_settings(settings).await;
    users_command(
        &app,
        &[
            "invite",
            "--email",
            "awa@example.org",
            "--name",
            "Awa Ndiaye",
            "--role",
            "editor",
            "--organisation",
            &app.create_organisation("Réseau Sahel").await,
        ],
    );
    provider
        .person(
            "awa",
            json!({"email": "awa@example.org", "email_verified": true}),
        )
        .await;
    let browser = crate::browser::Browser::open(&app).await;
    browser.goto("/signin").await;
    browser.screenshot("sign-in-with-provider").await;
    browser.submit("#single-sign-on").await;
    assert!(
        browser
            .client
            .current_url()
            .await
            .unwrap()
            .as_str()
            .starts_with(&provider.address)
    );
    browser.fill("input[name=sub]", "awa").await;
    browser.submit("form button[type=submit]").await;
    assert_eq!(
        browser.path().await,
        "/",
        "signed in and back at the overview"
    );
    assert!(
        browser
            .client
            .source()
            .await
            .unwrap()
            .contains("Awa Ndiaye (Editor)")
    );
    browser.close().await;
}
