//! People's accounts, as people use them over HTTP: the first admin from the printed link with
//! a second factor, an invitation e-mailed through a real SMTP server, an editor's first work
//! through a key of their own, the audit trail naming both people, a disabled person thrown out,
//! and the sign-in lock.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, gaptrack, test_settings};
use crate::mail_server::MailServer;
use gaptrack::config::{AccountSettings, SmtpSettings};

pub const ADMIN_PASSWORD: &str = "tamarind kettle orbit sandal";
const EDITOR_PASSWORD: &str = "copper lantern meadow violin";

/// A browser-like client: keeps cookies, follows no redirect (the tests read each one).
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The value of the hidden field `name` in `page`.
fn hidden(page: &str, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let (_, after) = page
        .split_once(&marker)
        .unwrap_or_else(|| panic!("no field {name} in {page}"));
    after.split('"').next().unwrap().to_owned()
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}

/// The text between `before` and the next `<`.
fn text_after(page: &str, before: &str) -> String {
    let (_, after) = page
        .split_once(before)
        .unwrap_or_else(|| panic!("no {before} in {page}"));
    after.split('<').next().unwrap().to_owned()
}

/// Runs `gaptrack users <args>` against the app's database and gives what it printed.
pub fn users_command(app: &TestApp, args: &[&str]) -> String {
    let output = gaptrack(&[
        ("DATABASE_URL", app.database_url.as_str()),
        ("PUBLIC_URL", app.address.as_str()),
    ])
    .arg("users")
    .args(args)
    .stdout(std::process::Stdio::piped())
    .stderr(std::process::Stdio::piped())
    .output()
    .unwrap();
    assert!(
        output.status.success(),
        "gaptrack users {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The one-time link in what a command printed or an e-mail said.
pub fn link_in(text: &str) -> String {
    text.split_whitespace()
        .find(|word| word.contains("/account-links/"))
        .unwrap_or_else(|| panic!("no link in {text}"))
        .to_owned()
}

/// Opens a link and chooses `password` there (and, for the first admin's, name and address).
pub async fn redeem(
    client: &reqwest::Client,
    link: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let page = client.get(link).send().await.unwrap();
    let status = page.status();
    let text = page.text().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{link}: {text}");
    let token = hidden(&text, "form_token");
    let mut form = vec![("form_token", token.as_str())];
    form.extend_from_slice(fields);
    client.post(link).form(&form).send().await.unwrap()
}

pub async fn get_page(client: &reqwest::Client, app: &TestApp, path: &str) -> (StatusCode, String) {
    let response = client.get(app.url(path)).send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

/// Posts the form of the page at `page_path` whose fields are `fields` (its CSRF token added).
pub async fn post_form(
    client: &reqwest::Client,
    app: &TestApp,
    page_path: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let (status, page) = get_page(client, app, page_path).await;
    assert_eq!(status, StatusCode::OK, "{page_path}: {page}");
    let csrf = hidden(&page, "csrf");
    let mut form = vec![("csrf", csrf.as_str())];
    form.extend_from_slice(fields);
    client
        .post(app.url(action))
        .form(&form)
        .send()
        .await
        .unwrap()
}

pub async fn sign_in(
    client: &reqwest::Client,
    app: &TestApp,
    email: &str,
    password: &str,
) -> reqwest::Response {
    let page = client
        .get(app.url("/signin"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = hidden(&page, "signin_token");
    client
        .post(app.url("/signin"))
        .form(&[
            ("email", email),
            ("password", password),
            ("return_to", "/"),
            ("signin_token", token.as_str()),
        ])
        .send()
        .await
        .unwrap()
}

/// The key of the second factor the enrolment page shows as text.
pub fn totp_secret_of(enrol: &str) -> Vec<u8> {
    let secret_text = text_after(enrol, r#"id="totp-secret">"#).replace(' ', "");
    totp_rs::Secret::Encoded(secret_text).to_bytes().unwrap()
}

/// The server's time, in seconds since 1970, as the second factor counts it.
pub fn now(app: &TestApp) -> u64 {
    app.now().timestamp() as u64
}

#[actix_web::test]
async fn the_first_admin_comes_from_the_printed_link_and_must_set_up_a_second_factor() {
    let app = TestApp::spawn().await;
    let printed = users_command(&app, &["first-admin"]);
    let link = link_in(&printed);
    assert!(link.starts_with(&app.address), "{link}");

    let admin = browser();
    let weak = redeem(
        &admin,
        &link,
        &[
            ("display_name", "Awa Ndiaye"),
            ("email", "awa@example.org"),
            ("password", "password1234"),
            ("confirmation", "password1234"),
        ],
    )
    .await;
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.text().await.unwrap().contains("too easy to guess"));

    let made = redeem(
        &admin,
        &link,
        &[
            ("display_name", "Awa Ndiaye"),
            ("email", "awa@example.org"),
            ("password", ADMIN_PASSWORD),
            ("confirmation", ADMIN_PASSWORD),
        ],
    )
    .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&made), "/account/second-factor");
    // Until the second factor is set up, no page opens.
    let overview = admin.get(app.url("/")).send().await.unwrap();
    assert_eq!(location(&overview), "/account/second-factor");
    // The link was spent.
    let again = admin.get(&link).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::GONE);
    assert!(again.text().await.unwrap().contains("already been used"));

    let (_, enrol) = get_page(&admin, &app, "/account/second-factor").await;
    assert!(enrol.contains("<svg"), "the QR code is drawn on the page");
    let secret = totp_secret_of(&enrol);
    let code = gaptrack::domain::second_factor::code_at(&secret, now(&app));
    let wrong = post_form(
        &admin,
        &app,
        "/account/second-factor",
        "/account/second-factor",
        &[("code", "000000"), ("return_to", "/")],
    )
    .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let confirmed = post_form(
        &admin,
        &app,
        "/account/second-factor",
        "/account/second-factor",
        &[("code", code.as_str()), ("return_to", "/")],
    )
    .await;
    assert_eq!(confirmed.status(), StatusCode::OK);
    let page = confirmed.text().await.unwrap();
    let recovery = text_after(&page, "<li><code>");
    assert_eq!(recovery.len(), 14, "{recovery}");
    assert_eq!(get_page(&admin, &app, "/").await.0, StatusCode::OK);

    // Signing in again asks for a code; the one already used is refused, a recovery code works once.
    let fresh = browser();
    let signed = sign_in(&fresh, &app, "AWA@example.org", ADMIN_PASSWORD).await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    assert!(location(&signed).starts_with("/signin/second-factor"));
    let path = "/signin/second-factor?return_to=%2F";
    let replayed = post_form(
        &fresh,
        &app,
        path,
        "/signin/second-factor",
        &[("code", code.as_str()), ("return_to", "/")],
    )
    .await;
    assert_eq!(
        replayed.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a code is good once"
    );
    let recovered = post_form(
        &fresh,
        &app,
        path,
        "/signin/second-factor",
        &[("code", recovery.as_str()), ("return_to", "/")],
    )
    .await;
    assert_eq!(recovered.status(), StatusCode::SEE_OTHER);
    assert_eq!(get_page(&fresh, &app, "/").await.0, StatusCode::OK);
    let third = browser();
    sign_in(&third, &app, "awa@example.org", ADMIN_PASSWORD).await;
    let spent = post_form(
        &third,
        &app,
        path,
        "/signin/second-factor",
        &[("code", recovery.as_str()), ("return_to", "/")],
    )
    .await;
    assert_eq!(
        spent.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a recovery code is good once"
    );

    // No second link while an admin is active.
    let output = gaptrack(&[("DATABASE_URL", app.database_url.as_str())])
        .args(["users", "first-admin"])
        .output()
        .unwrap();
    assert!(!output.status.success());
}

/// A server whose admins may skip the second factor, e-mailing through `mail`.
pub async fn app_with_mail(mail: &MailServer) -> TestApp {
    let mut settings = test_settings();
    settings.accounts = AccountSettings {
        admins_need_second_factor: false,
        smtp: Some(SmtpSettings {
            url: mail.url(),
            from: "gaptrack <gaptrack@example.org>".into(),
        }),
        ..AccountSettings::default()
    };
    TestApp::spawn_with_settings(settings).await
}

/// Awa Ndiaye becomes the first admin through the printed link: her browser, and where the form
/// sent her.
pub async fn become_first_admin(app: &TestApp) -> (reqwest::Client, String) {
    let link = link_in(&users_command(app, &["first-admin"]));
    let admin = browser();
    let made = redeem(
        &admin,
        &link,
        &[
            ("display_name", "Awa Ndiaye"),
            ("email", "awa@example.org"),
            ("password", ADMIN_PASSWORD),
            ("confirmation", ADMIN_PASSWORD),
        ],
    )
    .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    (admin, location(&made))
}

/// The first admin, signed in (no second factor on this server).
async fn first_admin(app: &TestApp) -> reqwest::Client {
    let (admin, location) = become_first_admin(app).await;
    assert_eq!(location, "/");
    admin
}

/// The admin invites Moussa Diallo, an editor of a new organisation, from the People page.
async fn invite_editor_of_a_new_organisation(
    app: &TestApp,
    admin: &reqwest::Client,
) -> reqwest::Response {
    post_form(
        admin,
        app,
        "/admin/people",
        "/admin/people",
        &[
            ("display_name", "Moussa Diallo"),
            ("email", "moussa@reseau-sahel.example"),
            ("role", "editor"),
            ("organisation_id", "new"),
            ("new_organisation", "Réseau Sahel contre la traite"),
            // Moussa works in French: the admin writes to him in it.
            ("letter_language", "fr"),
        ],
    )
    .await
}

/// The admin sends the person named `name` a new link (an invitation again, or a reset), from
/// their page.
async fn send_a_new_link(admin: &reqwest::Client, app: &TestApp, name: &str) {
    let people = get_page(admin, app, "/admin/people").await.1;
    let person_path = person_path_of(&people, name);
    let sent = post_form(
        admin,
        app,
        &person_path,
        &format!("{person_path}/link"),
        &[],
    )
    .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
}

/// The address of the page of the person named `name`, from the People page.
fn person_path_of(people: &str, name: &str) -> String {
    let (before_name, _) = people
        .split_once(&format!(">{name}</a>"))
        .unwrap_or_else(|| panic!("{name} is not listed: {people}"));
    let id = before_name
        .rsplit("/admin/people/")
        .next()
        .unwrap()
        .trim_end_matches('"');
    format!("/admin/people/{id}")
}

#[actix_web::test]
async fn an_invited_editor_signs_in_logs_work_and_is_thrown_out_when_disabled() {
    let mail = MailServer::start();
    let app = app_with_mail(&mail).await;
    let admin = first_admin(&app).await;

    let invited = invite_editor_of_a_new_organisation(&app, &admin).await;
    assert_eq!(invited.status(), StatusCode::SEE_OTHER);
    let link_page = location(&invited);
    let (_, shown) = get_page(&admin, &app, &link_page).await;
    assert!(shown.contains("It was e-mailed to"), "{shown}");
    let (_, again) = get_page(&admin, &app, &link_page).await;
    assert!(
        again.contains("shown once"),
        "reloading shows the link no more"
    );

    let received = mail.received();
    assert_eq!(received.len(), 1, "{received:?}");
    assert_eq!(received[0].subject, "Vous êtes invité·e dans gaptrack");
    assert!(received[0].to.contains("moussa@reseau-sahel.example"));
    assert_eq!(received[0].from, "gaptrack <gaptrack@example.org>");
    assert!(
        received[0]
            .body
            .contains("Awa Ndiaye vous a invité·e dans gaptrack"),
        "{}",
        received[0].body
    );
    let link = link_in(&received[0].body);
    assert!(shown.contains(&link), "the admin sees the same link");

    let editor = browser();
    let joined = redeem(
        &editor,
        &link,
        &[
            ("password", EDITOR_PASSWORD),
            ("confirmation", EDITOR_PASSWORD),
        ],
    )
    .await;
    assert_eq!(location(&joined), "/");
    let (_, account) = get_page(&editor, &app, "/account").await;
    assert!(account.contains("Réseau Sahel contre la traite"));

    // A key of their own never has more rights than they do.
    let too_strong = post_form(
        &editor,
        &app,
        "/account",
        "/account/keys",
        &[("name", "laptop"), ("role", "admin")],
    )
    .await;
    assert_eq!(too_strong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let made = post_form(
        &editor,
        &app,
        "/account",
        "/account/keys",
        &[("name", "laptop"), ("role", "editor")],
    )
    .await;
    assert_eq!(location(&made), "/account/keys/made");
    let (_, secret_page) = get_page(&editor, &app, "/account/keys/made").await;
    let key = hidden_value_of_secret(&secret_page);
    let organisation = app.as_key(Some(&key)).get("/api/v1/organisations").await;
    let organisation_id = organisation.json::<serde_json::Value>().await.unwrap()["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let created = app
        .as_key(Some(&key))
        .post(
            "/api/v1/interventions",
            &json!({
                "organisation_id": organisation_id,
                "title": "Training of labour inspectors in Kédougou",
                "kind": "training",
                "status": "active",
                "countries": ["SEN"],
            }),
        )
        .await;
    assert_eq!(
        created.status(),
        StatusCode::CREATED,
        "{:?}",
        created.text().await
    );

    // The audit trail names both people.
    let audit = app
        .get("/api/v1/audit?limit=200")
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap();
    let events = audit["items"].as_array().unwrap();
    let by = |resource: &str| {
        events
            .iter()
            .find(|e| e["resource_type"] == resource && e["action"] == "create")
            .unwrap_or_else(|| panic!("no {resource} in {events:?}"))["key_name"]
            .clone()
    };
    assert_eq!(by("organisation"), "Awa Ndiaye");
    assert_eq!(by("intervention"), "Moussa Diallo (key “laptop”)");
    let (_, trail) = get_page(&admin, &app, "/admin/audit").await;
    assert!(trail.contains("Moussa Diallo (key “laptop”)") && trail.contains(">Awa Ndiaye<"));

    // Disabled: the session and the key stop at once.
    let moussa = app
        .count("SELECT count(*) AS n FROM users WHERE email = 'moussa@reseau-sahel.example' AND state = 'active'")
        .await;
    assert_eq!(moussa, 1);
    let people = get_page(&admin, &app, "/admin/people").await.1;
    let person_path = person_path_of(&people, "Moussa Diallo");
    let disabled = post_form(
        &admin,
        &app,
        &format!("{person_path}/disable"),
        &format!("{person_path}/disable"),
        &[],
    )
    .await;
    assert_eq!(disabled.status(), StatusCode::SEE_OTHER);
    let thrown_out = editor.get(app.url("/interventions")).send().await.unwrap();
    assert_eq!(thrown_out.status(), StatusCode::SEE_OTHER);
    assert!(location(&thrown_out).starts_with("/signin"));
    let refused = app.as_key(Some(&key)).get("/api/v1/countries").await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    let back = sign_in(
        &browser(),
        &app,
        "moussa@reseau-sahel.example",
        EDITOR_PASSWORD,
    )
    .await;
    assert_eq!(
        back.status(),
        StatusCode::UNAUTHORIZED,
        "a disabled person cannot sign in"
    );
}

fn hidden_value_of_secret(page: &str) -> String {
    let (_, after) = page
        .split_once(r#"id="secret""#)
        .expect("the secret is shown");
    let (_, value) = after.split_once(r#"value=""#).unwrap();
    value.split('"').next().unwrap().to_owned()
}

#[actix_web::test]
async fn wrong_passwords_lock_an_address_whether_or_not_it_has_an_account() {
    let app = TestApp::spawn().await;
    let printed = users_command(
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
    let joined = redeem(
        &browser(),
        &link_in(&printed),
        &[
            ("password", EDITOR_PASSWORD),
            ("confirmation", EDITOR_PASSWORD),
        ],
    )
    .await;
    assert_eq!(joined.status(), StatusCode::SEE_OTHER);

    let mut last_bodies = Vec::new();
    for email in ["fatou@example.org", "nobody@example.org"] {
        let client = browser();
        for attempt in 1..=5 {
            let response = sign_in(&client, &app, email, "not the password at all").await;
            let expected = if attempt < 5 {
                StatusCode::UNAUTHORIZED
            } else {
                StatusCode::TOO_MANY_REQUESTS
            };
            assert_eq!(response.status(), expected, "{email}, attempt {attempt}");
            if attempt == 5 {
                let retry: u64 = response.headers()["retry-after"]
                    .to_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert_eq!(retry, 900, "15 minutes on the server's clock");
                let body = response.text().await.unwrap();
                last_bodies.push(text_after(&body, r#"role="alert"><p>"#));
            }
        }
        let locked = sign_in(&client, &app, email, EDITOR_PASSWORD).await;
        assert_eq!(
            locked.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "the right password waits too"
        );
    }
    assert_eq!(last_bodies[0], last_bodies[1], "the same words for both");
    assert!(
        last_bodies[0].contains("locked for 15 more minutes"),
        "{}",
        last_bodies[0]
    );

    // Ten minutes on, still locked, saying how long is left; at fifteen, the lock is lifted.
    app.clock.advance(chrono::TimeDelta::minutes(10));
    let waiting = sign_in(&browser(), &app, "fatou@example.org", EDITOR_PASSWORD).await;
    assert_eq!(waiting.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(waiting.headers()["retry-after"], "300");
    app.clock.advance(chrono::TimeDelta::minutes(5));
    let lifted = sign_in(&browser(), &app, "fatou@example.org", EDITOR_PASSWORD).await;
    assert_eq!(lifted.status(), StatusCode::SEE_OTHER, "the lock is lifted");
}

#[actix_web::test]
async fn a_key_signed_in_to_the_pages_manages_no_account_and_invites_nobody() {
    let mail = MailServer::start();
    let app = app_with_mail(&mail).await;
    let admin = first_admin(&app).await;
    let invited = invite_editor_of_a_new_organisation(&app, &admin).await;
    assert_eq!(invited.status(), StatusCode::SEE_OTHER);
    let editor = browser();
    let link = link_in(&mail.received()[0].body);
    redeem(
        &editor,
        &link,
        &[
            ("password", EDITOR_PASSWORD),
            ("confirmation", EDITOR_PASSWORD),
        ],
    )
    .await;
    post_form(
        &editor,
        &app,
        "/account",
        "/account/keys",
        &[("name", "laptop"), ("role", "editor")],
    )
    .await;
    let (_, secret_page) = get_page(&editor, &app, "/account/keys/made").await;
    let key = hidden_value_of_secret(&secret_page);

    // Whoever holds the key signs in to the pages with it: they may work, not take the account.
    let holder = crate::helpers::signed_in(&app, &key).await;
    assert_eq!(
        get_page(&holder, &app, "/interventions").await.0,
        StatusCode::OK
    );
    let minted = post_form(
        &holder,
        &app,
        "/",
        "/account/keys",
        &[("name", "spare"), ("role", "editor")],
    )
    .await;
    assert_eq!(minted.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        get_page(&holder, &app, "/account/second-factor").await.0,
        StatusCode::FORBIDDEN
    );
    let enrolled = post_form(
        &holder,
        &app,
        "/",
        "/account/second-factor",
        &[("code", "123456"), ("return_to", "/")],
    )
    .await;
    assert_eq!(enrolled.status(), StatusCode::FORBIDDEN);
    let password = post_form(
        &holder,
        &app,
        "/",
        "/account/password",
        &[
            ("current_password", EDITOR_PASSWORD),
            ("password", "quartz harbour lentil fiddle"),
            ("confirmation", "quartz harbour lentil fiddle"),
        ],
    )
    .await;
    assert_eq!(password.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM api_keys WHERE name = 'spare'")
            .await,
        0
    );
    assert_eq!(
        app.count("SELECT count(*) AS n FROM users WHERE totp_secret IS NOT NULL")
            .await,
        0,
        "no second factor was started on the account"
    );
    let (_, account) = get_page(&holder, &app, "/account").await;
    assert!(account.contains("belong to personal accounts"), "{account}");

    // An admin service key reads the people, and invites nobody: it has no second factor.
    let service =
        crate::helpers::signed_in(&app, &app.key(gaptrack::domain::Role::Admin, None)).await;
    assert_eq!(
        get_page(&service, &app, "/admin/people").await.0,
        StatusCode::OK
    );
    let new_admin = post_form(
        &service,
        &app,
        "/admin/people",
        "/admin/people",
        &[
            ("display_name", "Intruder"),
            ("email", "intruder@example.org"),
            ("role", "admin"),
            ("organisation_id", ""),
        ],
    )
    .await;
    assert_eq!(new_admin.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM users WHERE email = 'intruder@example.org'")
            .await,
        0
    );
    // The person, signed in as themselves, still manages their own account.
    let mine = post_form(
        &editor,
        &app,
        "/account",
        "/account/keys",
        &[("name", "desktop"), ("role", "viewer")],
    )
    .await;
    assert_eq!(location(&mine), "/account/keys/made");
}

#[actix_web::test]
async fn links_are_built_on_the_public_address_and_a_reset_needs_a_new_password() {
    const PUBLIC: &str = "https://gaptrack.example.org";
    let mail = MailServer::start();
    let mut settings = test_settings();
    settings.public_url = Some(PUBLIC.to_owned());
    settings.accounts = AccountSettings {
        admins_need_second_factor: false,
        smtp: Some(SmtpSettings {
            url: mail.url(),
            from: "gaptrack <gaptrack@example.org>".into(),
        }),
        ..AccountSettings::default()
    };
    let app = crate::helpers::TestApp::spawn_with_settings(settings).await;
    let admin = first_admin(&app).await;

    // A request whose Host names another site, as one passed on unchecked would.
    let (_, page) = get_page(&admin, &app, "/admin/people").await;
    let csrf = hidden(&page, "csrf");
    let invited = admin
        .post(app.url("/admin/people"))
        .header("Host", "evil.example")
        .header("Origin", "http://evil.example")
        .form(&[
            ("csrf", csrf.as_str()),
            ("display_name", "Moussa Diallo"),
            ("email", "moussa@reseau-sahel.example"),
            ("role", "viewer"),
            ("organisation_id", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(invited.status(), StatusCode::SEE_OTHER);
    let invitation = link_in(&mail.received()[0].body);
    assert!(
        invitation.starts_with(&format!("{PUBLIC}/account-links/")),
        "{invitation}"
    );
    let here = |link: &str| link.replacen(PUBLIC, &app.address, 1);
    let person = browser();
    redeem(
        &person,
        &here(&invitation),
        &[
            ("password", EDITOR_PASSWORD),
            ("confirmation", EDITOR_PASSWORD),
        ],
    )
    .await;

    // The admin sends a password reset; choosing the current password again is refused.
    send_a_new_link(&admin, &app, "Moussa Diallo").await;
    let reset = link_in(&mail.received()[1].body);
    assert!(
        reset.starts_with(&format!("{PUBLIC}/account-links/")),
        "{reset}"
    );
    let same = redeem(
        &browser(),
        &here(&reset),
        &[
            ("password", EDITOR_PASSWORD),
            ("confirmation", EDITOR_PASSWORD),
        ],
    )
    .await;
    assert_eq!(same.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        same.text()
            .await
            .unwrap()
            .contains("must differ from your current password")
    );
    let changed = redeem(
        &browser(),
        &here(&reset),
        &[
            ("password", "quartz harbour lentil fiddle"),
            ("confirmation", "quartz harbour lentil fiddle"),
        ],
    )
    .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
}

#[actix_web::test]
async fn the_audit_trail_names_links_and_values_as_people_do() {
    let mail = MailServer::start();
    let app = app_with_mail(&mail).await;
    let admin = first_admin(&app).await;
    invite_editor_of_a_new_organisation(&app, &admin).await;
    redeem(
        &browser(),
        &link_in(&mail.received()[0].body),
        &[
            ("password", EDITOR_PASSWORD),
            ("confirmation", EDITOR_PASSWORD),
        ],
    )
    .await;
    app.create_report(2023).await;
    app.create_recommendation("SEN", 2023, 1, "protection")
        .await;
    let shared = post_form(
        &admin,
        &app,
        "/countries/SEN",
        "/countries/SEN/share",
        &[("year", "2023"), ("days", "30")],
    )
    .await;
    assert_eq!(shared.status(), StatusCode::SEE_OTHER);

    let (_, trail) = get_page(&admin, &app, "/admin/audit").await;
    for expected in [
        "the invitation of Moussa Diallo",
        "the read-only link to Senegal's 2023 report",
        "A new password was chosen.",
        "<dd>Editor</dd>",
        "<dd>Invited</dd>",
        "<dt>Kind of link</dt><dd>Invitation</dd>",
        ">Invitation or reset link</option>",
    ] {
        assert!(trail.contains(expected), "{expected:?} missing: {trail}");
    }
    for raw in [
        "“editor”",
        "“invited”",
        "“en”",
        "Password:",
        ">account link<",
        ">share link<",
    ] {
        assert!(!trail.contains(raw), "{raw:?} shown: {trail}");
    }
}

#[actix_web::test]
async fn inviting_a_taken_address_with_a_new_organisation_leaves_nothing_and_the_corrected_form_works()
 {
    let mail = MailServer::start();
    let app = app_with_mail(&mail).await;
    let admin = first_admin(&app).await;
    let form = |email: &'static str| {
        [
            ("display_name", "Fatou Sarr"),
            ("email", email),
            ("role", "editor"),
            ("organisation_id", "new"),
            ("new_organisation", "Maison Rose Dakar"),
        ]
    };
    // awa@example.org is the admin's own address.
    let refused = post_form(
        &admin,
        &app,
        "/admin/people",
        "/admin/people",
        &form("AWA@example.org"),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    let page = refused.text().await.unwrap();
    // Beside the field the refusal names.
    assert!(
        page.contains(
            r#"id="email-error">an account with the address AWA@example.org already exists"#
        ),
        "{page}"
    );
    assert_eq!(
        app.count("SELECT count(*) AS n FROM organisations WHERE name = 'Maison Rose Dakar'")
            .await,
        0,
        "the refused invitation left no organisation behind"
    );
    let invited = post_form(
        &admin,
        &app,
        "/admin/people",
        "/admin/people",
        &form("fatou@maisonrose.example"),
    )
    .await;
    assert_eq!(invited.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM users u JOIN organisations o ON o.id = u.organisation_id \
             WHERE u.email = 'fatou@maisonrose.example' AND o.name = 'Maison Rose Dakar'"
        )
        .await,
        1
    );
    // An organisation name already taken is said beside the new organisation's name.
    let taken = post_form(
        &admin,
        &app,
        "/admin/people",
        "/admin/people",
        &[
            ("display_name", "Ibrahima Ba"),
            ("email", "ibrahima@maisonrose.example"),
            ("role", "editor"),
            ("organisation_id", "new"),
            ("new_organisation", "maison rose dakar"),
        ],
    )
    .await;
    assert_eq!(taken.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        taken
            .text()
            .await
            .unwrap()
            .contains("choose it in the list instead")
    );
}

#[actix_web::test]
async fn a_password_reset_still_asks_for_the_second_factor_the_person_has() {
    let mail = MailServer::start();
    let app = app_with_mail(&mail).await;
    let admin = first_admin(&app).await;
    // The admin sets up a second factor (this server does not require it of them).
    let (_, enrol) = get_page(&admin, &app, "/account/second-factor").await;
    let secret = totp_secret_of(&enrol);
    let code = gaptrack::domain::second_factor::code_at(&secret, now(&app));
    let confirmed = post_form(
        &admin,
        &app,
        "/account/second-factor",
        "/account/second-factor",
        &[("code", code.as_str()), ("return_to", "/")],
    )
    .await;
    assert_eq!(confirmed.status(), StatusCode::OK);

    send_a_new_link(&admin, &app, "Awa Ndiaye").await;
    let reset = link_in(&mail.received()[0].body);
    let fresh = browser();
    let chosen = redeem(
        &fresh,
        &reset,
        &[
            ("password", "quartz harbour lentil fiddle"),
            ("confirmation", "quartz harbour lentil fiddle"),
        ],
    )
    .await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    assert!(
        location(&chosen).starts_with("/signin/second-factor"),
        "the link proves the address, not the phone: {}",
        location(&chosen)
    );
    let overview = fresh.get(app.url("/")).send().await.unwrap();
    assert!(location(&overview).starts_with("/signin/second-factor"));
}

#[actix_web::test]
async fn an_invitation_expires_after_its_days_and_the_admin_sends_a_new_link() {
    let mail = MailServer::start();
    let app = app_with_mail(&mail).await;
    let admin = first_admin(&app).await;
    let invited = invite_editor_of_a_new_organisation(&app, &admin).await;
    assert_eq!(invited.status(), StatusCode::SEE_OTHER);
    let first = link_in(&mail.received()[0].body);

    // Seven days, less a minute, on the server's clock: the link still opens; a minute after its
    // seventh day, it says it has expired.
    app.clock
        .advance(chrono::TimeDelta::days(7) - chrono::TimeDelta::minutes(1));
    assert_eq!(
        browser().get(&first).send().await.unwrap().status(),
        StatusCode::OK
    );
    app.clock.advance(chrono::TimeDelta::minutes(2));
    let expired = browser().get(&first).send().await.unwrap();
    assert_eq!(expired.status(), StatusCode::GONE);
    assert!(
        expired
            .text()
            .await
            .unwrap()
            .contains("This link has expired")
    );

    // The admin's session ended long ago too; signed in again, they see why and send a new link.
    let admin = browser();
    let signed = sign_in(&admin, &app, "awa@example.org", ADMIN_PASSWORD).await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let (_, people) = get_page(&admin, &app, "/admin/people").await;
    assert!(people.contains("invited (link expired)"), "{people}");
    send_a_new_link(&admin, &app, "Moussa Diallo").await;
    let second = link_in(&mail.received()[1].body);
    assert_ne!(first, second);
    assert_eq!(
        browser().get(&second).send().await.unwrap().status(),
        StatusCode::OK
    );
}
