//! Reminders before the TIP Office's deadlines, against the real SMTP server the tests start, on
//! a clock the test sets: each editor gets one e-mail in their language, listing their
//! countries' recommendations with no work of theirs in the period; two instances on one
//! database, and two runs of `gaptrack reminders send`, send each reminder once.

use std::sync::Arc;

use chrono::{NaiveDate, TimeZone, Utc};
use gaptrack::config::{AccountSettings, SmtpSettings, Timeouts};
use gaptrack::db;
use gaptrack::domain::{ManualClock, Role, SharedClock};
use gaptrack::http::AppState;
use gaptrack::mail::Mailer;
use gaptrack::usecases::reminders::{ReminderSettings, RemindersRun, send_due};
use reqwest::StatusCode;

use crate::accounts::{ADMIN_PASSWORD, browser, link_in, post_form, redeem, users_command};
use crate::helpers::{TestApp, gaptrack, signed_in, test_settings};
use crate::mail_server::MailServer;

/// An instance of gaptrack on `app`'s database, as the reminders' schedule runs in each
/// server: its own pool, the mail server, and a clock at `today`.
fn instance(app: &TestApp, mail: &MailServer, today: NaiveDate) -> AppState {
    let clock = Arc::new(ManualClock::at(
        Utc.from_utc_datetime(&today.and_hms_opt(8, 0, 0).unwrap()),
    ));
    let smtp = SmtpSettings {
        url: mail.url(),
        from: "gaptrack <gaptrack@example.org>".into(),
    };
    AppState {
        pool: db::build_pool(&app.database_url, 2, &Timeouts::default()).unwrap(),
        timeouts: Timeouts::default(),
        accounts: AccountSettings::default(),
        mailer: Some(Mailer::new(&smtp).unwrap()),
        clock: SharedClock::new(clock),
    }
}

fn settings(app: &TestApp) -> ReminderSettings {
    ReminderSettings {
        days_before: 14,
        public_url: app.address.clone(),
    }
}

async fn run(state: &AppState, app: &TestApp) -> RemindersRun {
    send_due(state, state.mailer.as_ref().unwrap(), &settings(app))
        .await
        .unwrap()
}

/// An active editor of `organisation` who reads `language`, made as the command line invites
/// and the person accepts.
async fn editor(app: &TestApp, organisation: &str, name: &str, email: &str) -> reqwest::Client {
    let link = link_in(&users_command(
        app,
        &[
            "invite",
            "--email",
            email,
            "--name",
            name,
            "--role",
            "editor",
            "--organisation",
            organisation,
        ],
    ));
    let person = browser();
    let made = redeem(
        &person,
        &link,
        &[
            ("display_name", name),
            ("password", ADMIN_PASSWORD),
            ("confirmation", ADMIN_PASSWORD),
        ],
    )
    .await;
    assert!(made.status().is_redirection(), "{}", made.status());
    person
}

/// Senegal's 2024 report (two recommendations), Maison Rose working there with nothing dated
/// in the period, and its three editors: Awa reads French, Ben English, Chloé wants no
/// reminders. The call for information of the 2025 report closes on 7 February 2025.
async fn season(mail: &MailServer) -> (TestApp, String) {
    let mut settings = test_settings();
    settings.accounts.smtp = Some(SmtpSettings {
        url: mail.url(),
        from: "gaptrack <gaptrack@example.org>".into(),
    });
    let app = TestApp::spawn_with_settings(settings).await;
    app.create_report(2024).await;
    app.create_recommendation("SEN", 2024, 1, "protection")
        .await;
    app.create_recommendation("SEN", 2024, 2, "prosecution")
        .await;
    let ours = app.create_organisation("Maison Rose").await;
    app.create_intervention(&ours, &["SEN"], "active").await;

    let awa = editor(&app, &ours, "Awa Ndiaye", "awa@maison-rose.example").await;
    let done = post_form(
        &awa,
        &app,
        "/account",
        "/account/language",
        &[("language", "fr")],
    )
    .await;
    assert!(done.status().is_redirection());
    editor(&app, &ours, "Ben Okafor", "ben@maison-rose.example").await;
    let chloe = editor(&app, &ours, "Chloé Martin", "chloe@maison-rose.example").await;
    let off = post_form(
        &chloe,
        &app,
        "/account",
        "/account/reminders",
        &[("reminders_offered", "yes")],
    )
    .await;
    assert!(off.status().is_redirection(), "{}", off.status());

    // The admin records the deadline on its page.
    let admin = signed_in(&app, &app.key(Role::Admin, None)).await;
    let recorded = post_form(
        &admin,
        &app,
        "/admin/deadlines",
        "/admin/deadlines",
        &[("year", "2025"), ("deadline", "7 February 2025")],
    )
    .await;
    assert_eq!(recorded.status(), StatusCode::SEE_OTHER);
    (app, ours)
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[actix_web::test]
async fn each_editor_is_reminded_once_in_their_language_even_by_two_instances() {
    let mail = MailServer::start();
    let (app, ours) = season(&mail).await;

    // Too early: nothing.
    let early = instance(&app, &mail, day("2025-01-23"));
    assert_eq!(run(&early, &app).await.sent, 0);
    assert!(mail.received().is_empty());

    // 14 days before: two instances at once; each editor who wants reminders gets one.
    let (first, second) = (
        instance(&app, &mail, day("2025-01-24")),
        instance(&app, &mail, day("2025-01-24")),
    );
    let (a, b) = tokio::join!(run(&first, &app), run(&second, &app));
    assert_eq!(a.sent + b.sent, 2, "{a:?} {b:?}");
    let received = mail.received();
    let mut to: Vec<&str> = received.iter().map(|m| m.to.as_str()).collect();
    to.sort_unstable();
    assert_eq!(
        to,
        [
            "Awa Ndiaye <awa@maison-rose.example>",
            "Ben Okafor <ben@maison-rose.example>"
        ]
    );
    let ben = received.iter().find(|m| m.to.contains("ben@")).unwrap();
    assert_eq!(
        ben.subject,
        "The call for information for the 2025 TIP Report closes on 7 February 2025"
    );
    assert!(
        ben.body.contains("Senegal: 2 recommendations without work"),
        "{}",
        ben.body
    );
    assert!(
        ben.body
            .contains("2024 no. 1 (Protection): Recommendation 1 to SEN in 2024."),
        "{}",
        ben.body
    );
    assert!(
        ben.body.contains(&format!(
            "{}/countries/SEN/call-for-information?year=2025&organisation={ours}",
            app.address
        )),
        "{}",
        ben.body
    );
    let awa = received.iter().find(|m| m.to.contains("awa@")).unwrap();
    assert!(
        awa.subject.contains("appel à informations"),
        "{}",
        awa.subject
    );
    assert!(awa.body.contains("Sénégal"), "{}", awa.body);
    assert!(awa.body.contains("2024 n° 1 (Protection)"), "{}", awa.body);

    // The next day, and again: nothing more.
    let next_day = instance(&app, &mail, day("2025-01-25"));
    assert_eq!(run(&next_day, &app).await.sent, 0);
    assert_eq!(run(&first, &app).await.sent, 0);
    assert_eq!(mail.received().len(), 2);

    // Before 31 March, the period's end: one more each.
    let march = instance(&app, &mail, day("2025-03-20"));
    let reminded = run(&march, &app).await;
    assert_eq!(reminded.sent, 2, "{reminded:?}");
    let received = mail.received();
    assert!(
        received
            .iter()
            .any(|m| m.subject == "The period the 2025 TIP Report assesses ends on 31 March 2025"),
        "{received:?}"
    );
}

#[actix_web::test]
async fn two_runs_of_the_command_at_once_send_each_reminder_once() {
    let mail = MailServer::start();
    let (app, _) = season(&mail).await;
    // The command runs on the machine's clock: the deadline is set a few days from today.
    let deadline = Utc::now().date_naive() + chrono::Days::new(3);
    let admin = signed_in(&app, &app.key(Role::Admin, None)).await;
    let year = gaptrack::domain::next_report_year(Utc::now().date_naive()).to_string();
    let recorded = post_form(
        &admin,
        &app,
        "/admin/deadlines",
        "/admin/deadlines",
        &[
            ("year", &year),
            ("deadline", &deadline.format("%d/%m/%Y").to_string()),
        ],
    )
    .await;
    assert_eq!(recorded.status(), StatusCode::SEE_OTHER);
    let command = || {
        gaptrack(&[
            ("DATABASE_URL", app.database_url.as_str()),
            ("SMTP_URL", mail.url().as_str()),
            ("PUBLIC_URL", app.address.as_str()),
        ])
        .args(["reminders", "send"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
    };
    let (one, two) = (command(), command());
    for child in [one, two] {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let received = mail.received();
    let calls = received
        .iter()
        .filter(|m| m.subject.contains("call for information") || m.subject.contains("appel"))
        .count();
    assert_eq!(calls, 2, "one each for Awa and Ben: {received:?}");
}

#[actix_web::test]
async fn a_deadline_that_is_not_a_date_is_refused_beside_its_field() {
    let mail = MailServer::start();
    let (app, _) = season(&mail).await;
    let admin = signed_in(&app, &app.key(Role::Admin, None)).await;
    let refused = post_form(
        &admin,
        &app,
        "/admin/deadlines",
        "/admin/deadlines",
        &[("year", "2025"), ("deadline", "early February")],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(page.contains("must be a date"), "{page}");
    assert!(page.contains(r#"aria-invalid="true""#), "{page}");
}

#[actix_web::test]
async fn who_asks_for_it_gets_what_a_new_edition_changed_once() {
    let mail = MailServer::start();
    let season = crate::digest::season().await;
    let app = &season.app;
    let asks = editor(app, &season.ours, "Awa Ndiaye", "awa@maison-rose.example").await;
    editor(app, &season.ours, "Ben Okafor", "ben@maison-rose.example").await;
    let asked = post_form(
        &asks,
        app,
        "/account",
        "/account/reminders",
        &[
            ("reminders_offered", "yes"),
            ("reminders", "yes"),
            ("digest", "yes"),
        ],
    )
    .await;
    assert!(asked.status().is_redirection());
    let (_, page) = crate::accounts::get_page(&asks, app, "/account").await;
    assert!(
        page.contains(r#"name="digest" value="yes" checked"#),
        "{page}"
    );

    // In July, after the 2024 edition is in: no reminder is due, the letter is.
    let july = instance(app, &mail, day("2024-07-01"));
    let sent = run(&july, app).await;
    assert_eq!(sent.sent, 1, "{sent:?}");
    let received = mail.received();
    assert_eq!(received.len(), 1);
    let letter = &received[0];
    assert!(letter.to.contains("awa@"), "only who asked: {}", letter.to);
    assert_eq!(
        letter.subject,
        "What the 2024 TIP Report changed for Maison Rose's work"
    );
    for line in [
        "Senegal:",
        "Placed on Tier 2 (upgraded).",
        "Against the 2023 report: 2 recommendations continue (1 reworded), 1 is new and 1 was dropped.",
        "Maison Rose's work answered the recommendation the 2024 report dropped.",
        "1 link of ongoing work waits to be carried forward",
    ] {
        assert!(letter.body.contains(line), "{line}: {}", letter.body);
    }
    assert!(
        letter.body.contains(&format!(
            "/countries/SEN/digest?year=2024&organisation={}",
            season.ours
        )),
        "{}",
        letter.body
    );
    assert_eq!(run(&july, app).await.sent, 0, "once per edition");
}

#[actix_web::test]
async fn an_admin_records_a_deadline_on_a_phone() {
    let app = TestApp::spawn().await;
    let browser = crate::browser::Browser::open(&app).await;
    browser.client.set_window_size(390, 844).await.unwrap();
    browser.sign_in(&app.key(Role::Admin, None)).await;
    browser.goto("/admin/reports").await;
    browser.submit("a[href='/admin/deadlines']").await;
    browser.fill("#year", "2025").await;
    browser.fill("#deadline", "7/2/2025").await;
    browser.submit("main form button[type=submit]").await;
    assert!(
        browser
            .text("main [role=status]")
            .await
            .contains("recorded")
    );
    assert!(browser.text("main table").await.contains("7 February 2025"));
    assert_eq!(browser.past_the_edge().await, Vec::<String>::new());
    browser.screenshot("deadlines-phone").await;
    browser.close().await;
}
