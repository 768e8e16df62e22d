//! The account flows in a real browser, at desktop width and at a phone's: the first admin from
//! the printed link with a second factor; inviting an editor with a new organisation; the
//! e-mailed invitation opened in a fresh browser; the editor's first intervention; the audit
//! trail naming both people; the editor thrown out mid-session when disabled; organisations
//! renamed and archived in the pages.

use crate::accounts::{link_in, now, users_command};
use crate::browser::Browser;
use crate::helpers::{TestApp, test_settings};
use crate::mail_server::MailServer;
use gaptrack::config::{AccountSettings, SmtpSettings};

const ADMIN_PASSWORD: &str = "tamarind kettle orbit sandal";
const EDITOR_PASSWORD: &str = "copper lantern meadow violin";

/// The current code of the second factor whose key the enrolment page shows, on the server's
/// clock (which the test moves on rather than waiting for a new code).
fn code_for(app: &TestApp, secret_text: &str) -> String {
    let secret = totp_rs::Secret::Encoded(secret_text.replace(' ', ""))
        .to_bytes()
        .unwrap();
    gaptrack::domain::second_factor::code_at(&secret, now(app))
}

#[actix_web::test]
async fn people_join_through_their_links_and_work_as_themselves() {
    let mail = MailServer::start();
    let mut settings = test_settings();
    settings.accounts = AccountSettings {
        smtp: Some(SmtpSettings {
            url: mail.url(),
            from: "gaptrack <gaptrack@example.org>".into(),
        }),
        ..AccountSettings::default()
    };
    let app = TestApp::spawn_with_settings(settings).await;

    // The first admin, from the printed link, must set up a second factor.
    let link = link_in(&users_command(&app, &["first-admin"]));
    let admin = Browser::open(&app).await;
    admin.client.goto(&link).await.unwrap();
    admin.fill("#display_name", "Awa Ndiaye").await;
    admin.fill("#email", "awa@example.org").await;
    admin.fill("#password", ADMIN_PASSWORD).await;
    admin.fill("#confirmation", ADMIN_PASSWORD).await;
    admin.screenshot("first-admin").await;
    admin.submit("form button[type=submit]").await;
    assert_eq!(admin.path().await, "/account/second-factor");
    assert_eq!(
        admin.count("figure.qr svg").await,
        1,
        "the QR code is on the page"
    );
    admin.screenshot("second-factor-enrolment").await;
    let secret_text = admin.text("#totp-secret").await;
    let code = code_for(&app, &secret_text);
    admin.fill("#code", &code).await;
    admin.submit("form button[type=submit]").await;
    assert_eq!(admin.count("#recovery-codes li").await, 10);
    admin.screenshot("recovery-codes").await;
    admin.submit("a.button").await;

    // Signing in again asks for the app's code.
    admin.submit("form[action='/signout'] button").await;
    admin.fill("#email", "awa@example.org").await;
    admin.fill("#password", ADMIN_PASSWORD).await;
    admin.submit("form[action='/signin'] button").await;
    assert!(admin.path().await.starts_with("/signin/second-factor"));
    // A code is good once: the next comes half a minute later.
    app.clock.advance(chrono::TimeDelta::seconds(30));
    let code = code_for(&app, &secret_text);
    admin.fill("#code", &code).await;
    admin.submit("form button[type=submit]").await;
    assert_eq!(admin.path().await, "/");

    // Inviting an editor, with a new organisation, in one form.
    admin.goto("/admin/people").await;
    assert_eq!(
        admin.attr("#role option", "value").await.as_deref(),
        Some("viewer"),
        "the least powerful role comes first"
    );
    admin.fill("#display_name", "Moussa Diallo").await;
    admin.fill("#email", "moussa@reseau-sahel.example").await;
    admin
        .css("#role")
        .await
        .select_by_value("editor")
        .await
        .unwrap();
    admin
        .css("#organisation_id")
        .await
        .select_by_value("new")
        .await
        .unwrap();
    admin
        .fill("#new_organisation", "Réseau Sahel contre la traite")
        .await;
    admin.screenshot("invite").await;
    admin.submit("form[action='/admin/people'] button").await;
    assert!(admin.text("main").await.contains("It was e-mailed to"));
    let shown = admin.attr("#account-link", "value").await.unwrap();
    admin.screenshot("invitation-link").await;

    // The message arrives; its link opens in a fresh browser, on a phone.
    let received = mail.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].subject, "You are invited to gaptrack");
    let emailed = link_in(&received[0].body);
    assert_eq!(emailed, shown);
    let editor = Browser::open(&app).await;
    editor.client.set_window_size(390, 844).await.unwrap();
    editor.client.goto(&emailed).await.unwrap();
    assert!(editor.text("main").await.contains("Moussa Diallo"));
    // Long enough for the browser's own check, too easy to guess for gaptrack's.
    editor.fill("#password", "password1234").await;
    editor.fill("#confirmation", "password1234").await;
    editor.submit("form button[type=submit]").await;
    assert!(
        editor
            .text("#form-errors")
            .await
            .contains("too easy to guess")
    );
    editor.fill("#password", EDITOR_PASSWORD).await;
    editor.fill("#confirmation", EDITOR_PASSWORD).await;
    editor.screenshot("invitation-opened-phone").await;
    editor.submit("form button[type=submit]").await;
    assert_eq!(editor.path().await, "/");
    assert!(
        editor
            .client
            .source()
            .await
            .unwrap()
            .contains("Moussa Diallo (Editor)")
    );

    // The editor's first intervention, in the pages.
    editor.goto("/interventions/new").await;
    editor
        .fill("#title", "Training of labour inspectors in Kédougou")
        .await;
    editor.click("input[name=countries][value=SEN]").await;
    editor
        .css("#status")
        .await
        .select_by_value("active")
        .await
        .unwrap();
    editor
        .css("#kind")
        .await
        .select_by_value("training")
        .await
        .unwrap();
    editor.submit("form.panel button[type=submit]").await;
    assert!(
        editor.path().await.ends_with("?saved=1"),
        "{}",
        editor.path().await
    );

    // The audit trail names both people.
    admin.goto("/admin/audit").await;
    let trail = admin.text("table").await;
    assert!(
        trail.contains("Moussa Diallo") && trail.contains("Awa Ndiaye"),
        "{trail}"
    );
    admin.screenshot("audit-people").await;

    // On a phone the People page is a card per person: role, organisation, state and second
    // factor stay on screen, and nothing scrolls sideways.
    admin.client.set_window_size(390, 844).await.unwrap();
    admin.goto("/admin/people").await;
    assert_eq!(admin.past_the_edge().await, Vec::<String>::new());
    let card = admin.text("table.people tbody tr:nth-child(2)").await;
    for shown in [
        "Moussa Diallo",
        "Editor",
        "Réseau Sahel contre la traite",
        "no",
    ] {
        assert!(
            card.contains(shown),
            "{shown:?} missing from the card: {card}"
        );
    }
    admin
        .client
        .execute(
            "document.querySelector('table.people').scrollIntoView()",
            vec![],
        )
        .await
        .unwrap();
    admin.screenshot("people-phone").await;
    admin.client.set_window_size(1280, 900).await.unwrap();

    // Renamed and archived in the pages: its work stays, nothing new can be logged for it.
    admin.goto("/admin/organisations").await;
    admin.submit("a[href^='/admin/organisations/']").await;
    admin.fill("#name", "Réseau Sahel").await;
    admin.submit("main form button[type=submit]").await;
    assert!(admin.text("main").await.contains("renamed"));
    admin.submit("a.danger-link").await;
    admin.submit("form button.danger").await;
    assert!(admin.text("main").await.contains("Archived on"));
    admin.screenshot("organisation-archived").await;

    // Disabled mid-session: the editor's next page is the sign-in page.
    admin.goto("/admin/people").await;
    // By name: Awa Ndiaye, then Moussa Diallo.
    admin.submit("tbody tr:nth-child(2) th a").await;
    assert!(admin.text("h1").await.contains("Moussa Diallo"));
    admin.submit("a.danger-link").await;
    admin.screenshot("disable-confirm").await;
    admin.submit("form button.danger").await;
    assert!(admin.text("main").await.contains("disabled"));
    editor.goto("/interventions").await;
    assert!(editor.path().await.starts_with("/signin"), "thrown out");
    editor.screenshot("thrown-out-phone").await;

    admin.close().await;
    editor.close().await;
}
