//! En français: a French browser reads French pages and documents, and the language switcher at
//! the foot of every page changes the language and keeps the reader on the same page, signed
//! out as well as signed in.

use std::collections::BTreeSet;

use gaptrack::domain::Role;
use reqwest::StatusCode;

use crate::browser::Browser;
use crate::catalogue::catalogue_keys;
use crate::helpers::{TestApp, session_cookie};
use crate::readers::read_docx;

/// Every key of the French catalogue: a page that shows one shows a message it could not find.
pub fn french_keys() -> BTreeSet<String> {
    catalogue_keys(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n/locales/fr"))
}

/// The English messages a French page must not show: those of one line with no placeholder
/// whose French differs, long enough not to be a word both languages share.
pub fn english_only_messages() -> Vec<String> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n/locales");
    let messages = |language: &str| -> std::collections::BTreeMap<String, String> {
        std::fs::read_dir(folder.join(language))
            .unwrap()
            .flat_map(|file| {
                let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
                text.lines()
                    .filter_map(|line| line.split_once(" = "))
                    .filter(|(key, value)| {
                        key.contains('-') && !key.contains(' ') && !value.contains('{')
                    })
                    .map(|(key, value)| (key.to_owned(), value.trim().to_owned()))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let french = messages("fr");
    messages("en")
        .into_iter()
        .filter(|(key, english)| english.len() >= 12 && french.get(key) != Some(english))
        .map(|(_, english)| english)
        .collect()
}

/// `page`'s visible text, for checking what a reader sees.
fn text_of(page: &str) -> String {
    let document = scraper::Html::parse_document(page);
    let body = scraper::Selector::parse("body").unwrap();
    document
        .select(&body)
        .flat_map(|body| body.text())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Asserts that `page` is French throughout: `lang="fr"`, no message left as its key, no
/// placeholder left unfilled.
pub fn assert_french(what: &str, page: &str, keys: &BTreeSet<String>, english: &[String]) {
    assert!(page.contains(r#"<html lang="fr""#), "{what}: {page}");
    let text = text_of(page);
    let leaked: Vec<&String> = keys
        .iter()
        .filter(|key| text.split_whitespace().any(|word| word == key.as_str()))
        .collect();
    assert!(leaked.is_empty(), "{what} shows keys {leaked:?}");
    let untranslated: Vec<&String> = english
        .iter()
        .filter(|m| text.contains(m.as_str()))
        .collect();
    assert!(
        untranslated.is_empty(),
        "{what} shows English: {untranslated:?}"
    );
    assert!(
        !text.contains("{ $") && !text.contains("{$"),
        "{what}: {text}"
    );
}

#[actix_web::test]
async fn a_french_browser_reads_french_pages_and_documents() {
    let app = TestApp::with_demo().await;
    let admin = app.key(Role::Admin, None);
    let session = session_cookie(&app, &admin).await;
    let french = reqwest::Client::new();
    let get = |path: &str| {
        french
            .get(app.url(path))
            .header("Cookie", session.clone())
            .header("Accept-Language", "fr-SN,fr;q=0.9,en;q=0.5")
            .header("Accept", "text/html,*/*;q=0.8")
            .send()
    };
    let keys = french_keys();
    let english = english_only_messages();
    assert!(english.len() > 300, "{}", english.len());
    for path in [
        "/",
        "/countries/SEN",
        "/countries/SEN/print",
        "/countries/SEN/call-for-information?year=2024",
        "/interventions",
        "/interventions/new",
        "/shares",
        "/admin/reports",
        "/admin/deadlines",
        "/countries/SEN/digest",
        "/admin/people",
        "/admin/keys",
        "/admin/organisations",
        "/admin/import",
        "/admin/audit",
        "/no-such-page",
    ] {
        let page = get(path).await.unwrap().text().await.unwrap();
        assert_french(path, &page, &keys, &english);
    }
    let overview = get("/").await.unwrap().text().await.unwrap();
    assert!(overview.contains("Vue d'ensemble"), "{overview}");
    let country = get("/countries/SEN").await.unwrap().text().await.unwrap();
    assert!(
        country.contains("Niveau 2"),
        "the tier in French: {country}"
    );
    assert!(country.contains("Poursuites"), "a pillar in French");
    assert!(
        country.contains("\u{a0}%)"),
        "a percentage as French writes it: {country}"
    );

    let csv = get("/countries/SEN/gaps.csv").await.unwrap();
    let csv = csv.text().await.unwrap();
    let header = csv.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert!(
        header.contains("Pilier") && header.contains("Statut"),
        "{header}"
    );
    let docx = get("/countries/SEN/call-for-information.docx?year=2024")
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let paragraphs: Vec<String> = read_docx(&docx).into_iter().map(|p| p.text).collect();
    assert!(
        paragraphs.iter().any(|p| p.starts_with("Période couverte")),
        "{paragraphs:?}"
    );
    assert!(
        paragraphs
            .iter()
            .any(|p| p.contains("avril 2023 au 31 mars 2024")),
        "the period in French words: {paragraphs:?}"
    );

    // The API's words stay the contract's English, whatever the caller's language.
    let refused = french
        .get(app.url("/api/v1/countries/Nowhere/gaps"))
        .header("Authorization", format!("Bearer {admin}"))
        .header("Accept-Language", "fr")
        .send()
        .await
        .unwrap();
    let problem: serde_json::Value = refused.json().await.unwrap();
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("is not a known country"),
        "{problem}"
    );
}

#[actix_web::test]
async fn the_switcher_changes_the_language_and_keeps_the_page() {
    let app = TestApp::spawn().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let sign_in = client.get(app.url("/signin")).send().await.unwrap();
    let sign_in = sign_in.text().await.unwrap();
    assert!(sign_in.contains(r#"<html lang="en""#), "{sign_in}");
    assert!(sign_in.contains(r#"href="/language/fr""#), "{sign_in}");

    let switched = client
        .get(app.url("/language/fr?return_to=%2Fsignin%3Freturn_to%3D%252Finterventions"))
        .send()
        .await
        .unwrap();
    assert_eq!(switched.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        switched.headers()["location"],
        "/signin?return_to=%2Finterventions"
    );
    let cookie = switched.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("gaptrack_language=fr;"), "{cookie}");
    let again = client
        .get(app.url("/signin"))
        .header("Cookie", "gaptrack_language=fr")
        .send()
        .await
        .unwrap();
    let again = again.text().await.unwrap();
    assert!(again.contains(r#"<html lang="fr""#) && again.contains("Connexion"));
    assert!(
        again.contains(r#"href="/language/en""#),
        "and back: {again}"
    );

    // Without the script, the page the link was followed from.
    let from = client
        .get(app.url("/language/en"))
        .header("Referer", app.url("/interventions?status=active"))
        .send()
        .await
        .unwrap();
    assert_eq!(from.headers()["location"], "/interventions?status=active");
    let elsewhere = client
        .get(app.url("/language/en"))
        .header("Referer", "https://evil.example/phish")
        .send()
        .await
        .unwrap();
    assert_eq!(elsewhere.headers()["location"], "/");
    let away = client
        .get(app.url("/language/fr?return_to=%2F%2Fevil.example"))
        .send()
        .await
        .unwrap();
    assert_eq!(away.headers()["location"], "/");
    let unknown = client.get(app.url("/language/xx")).send().await.unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn a_reader_switches_to_french_on_a_phone_and_works_in_it() {
    let app = TestApp::with_demo().await;
    let admin = app.key(Role::Admin, None);
    let browser = Browser::open(&app).await;
    browser.client.set_window_size(390, 844).await.unwrap();
    browser.goto("/signin").await;
    browser.click("footer.languages a[lang='fr']").await;
    assert!(browser.path().await.starts_with("/signin"), "the same page");
    assert_eq!(browser.text("h1").await, "Connexion");
    browser.screenshot("fr-signin-phone").await;

    browser.sign_in(&admin).await;
    browser.goto("/countries/SEN").await;
    assert_eq!(browser.attr("html", "lang").await.as_deref(), Some("fr"));
    assert_eq!(browser.past_the_edge().await, Vec::<String>::new());
    browser.screenshot("fr-country-phone").await;
    // French runs longer than English: nothing may run past a phone's edge.
    for (path, name) in [
        ("/", "fr-overview-phone"),
        ("/interventions", "fr-interventions-phone"),
        ("/admin/people", "fr-people-phone"),
        ("/admin/import", "fr-import-phone"),
        ("/admin/audit", "fr-audit-phone"),
        (
            "/countries/SEN/call-for-information?year=2024",
            "fr-pack-phone",
        ),
    ] {
        browser.goto(path).await;
        assert_eq!(
            browser.past_the_edge().await,
            Vec::<String>::new(),
            "{path}"
        );
        browser.screenshot(name).await;
    }

    browser.client.set_window_size(1280, 900).await.unwrap();
    browser.goto("/").await;
    assert!(browser.text("h1").await.starts_with("Couverture"));
    browser.screenshot("fr-overview-desktop").await;
    browser.click("footer.languages a[lang='en']").await;
    assert_eq!(browser.path().await, "/");
    assert!(browser.text("h1").await.starts_with("Coverage"));
    browser.close().await;
}

#[actix_web::test]
async fn readers_of_two_languages_at_once_each_read_their_own() {
    let app = TestApp::spawn().await;
    let client = reqwest::Client::new();
    let languages: Vec<&str> = ["fr-SN", "en-GB"].into_iter().cycle().take(20).collect();
    let pages = futures_util::future::join_all(languages.iter().map(|language| {
        let request = client
            .get(app.url("/signin"))
            .header("Accept-Language", *language)
            .send();
        async move { request.await.unwrap().text().await.unwrap() }
    }))
    .await;
    for (language, page) in languages.iter().zip(&pages) {
        let (tag, heading) = match *language {
            "fr-SN" => ("fr", "<h1>Connexion</h1>"),
            _ => ("en", "<h1>Sign in</h1>"),
        };
        assert!(
            page.contains(&format!(r#"<html lang="{tag}""#)) && page.contains(heading),
            "{language}: {page}"
        );
    }
}

#[actix_web::test]
async fn a_french_editor_corrects_a_mistake_logs_work_and_prints_the_summary() {
    let app = TestApp::with_demo().await;
    let admin = app.key(Role::Admin, None);
    let organisations: serde_json::Value = app
        .as_key(Some(&admin))
        .get("/api/v1/organisations")
        .await
        .json()
        .await
        .unwrap();
    let organisation = organisations["items"][0]["id"].as_str().unwrap().to_owned();
    let editor = app.key(Role::Editor, Some(&organisation));
    let browser = Browser::open(&app).await;
    browser.client.set_window_size(390, 844).await.unwrap();
    browser.goto("/signin").await;
    browser.click("footer.languages a[lang='fr']").await;
    browser.sign_in(&editor).await;

    browser.goto("/interventions/new").await;
    browser.fill("#title", "   ").await;
    browser.click("input[name=countries][value=SEN]").await;
    browser.fill("#started_on", "31/02/2024").await;
    browser.fill("#people_reached", "1 200").await;
    browser.submit("form.panel button[type=submit]").await;
    assert_eq!(browser.text("#title-error").await, "ne doit pas être vide");
    assert!(
        browser
            .text("#started_on-error")
            .await
            .starts_with("doit être une date"),
        "the mistake is said in French beside its field"
    );
    assert!(browser.text("#form-errors").await.contains("Titre"));
    assert_eq!(browser.value("#people_reached").await, "1 200", "kept");
    assert_eq!(browser.past_the_edge().await, Vec::<String>::new());
    browser
        .screenshot("fr-intervention-form-errors-phone")
        .await;

    browser
        .fill("#title", "Formation des magistrats de Thiès")
        .await;
    browser.fill("#started_on", "1er mars 2024").await;
    browser.submit("form.panel button[type=submit]").await;
    assert!(browser.path().await.ends_with("?saved=1"));
    let shown = browser.text("main").await;
    assert!(shown.contains("1er mars 2024"), "{shown}");
    assert!(
        shown.contains("1\u{202f}200") || shown.contains("1 200"),
        "{shown}"
    );

    // Linking it, from its page, to a recommendation read in French.
    let unanswered = "ol.recommendations li[data-status='unaddressed']";
    let card = format!("#{}", browser.attr(unanswered, "id").await.unwrap());
    let card = card.as_str();
    let recommendation = card.trim_start_matches("#recommendation-");
    let translated = app
        .as_key(Some(&admin))
        .put(
            &format!("/api/v1/recommendations/{recommendation}/translations/fr"),
            &serde_json::json!({"text": "Former les magistrats à l'application de la loi de 2005."}),
        )
        .await;
    assert_eq!(translated.status(), StatusCode::OK);
    browser.goto(&browser.path().await).await;
    assert!(
        browser.text(card).await.contains("Former les magistrats"),
        "the recommendation in French"
    );
    browser
        .click(&format!("{card} details:not(.original) summary"))
        .await;
    browser
        .fill(
            &format!("{card} textarea[name=rationale]"),
            "La formation porte sur la loi de 2005.",
        )
        .await;
    browser.submit(&format!("{card} form button")).await;
    assert_eq!(
        browser.text(&format!("{card} .notice")).await,
        "Lien créé. Le statut de la recommandation est recalculé."
    );
    assert_eq!(
        browser.attr(card, "data-status").await.as_deref(),
        Some("planned"),
        "planned work answers it in full: the gap is planned for"
    );
    assert!(browser.text(card).await.contains("Prévue"));
    assert_eq!(browser.past_the_edge().await, Vec::<String>::new());
    let page = browser.client.source().await.unwrap();
    assert_french(
        "the linked intervention",
        &page,
        &french_keys(),
        &english_only_messages(),
    );
    browser.screenshot("fr-intervention-linked-phone").await;

    browser.client.set_window_size(1280, 900).await.unwrap();
    browser.goto("/countries/SEN/print").await;
    assert_eq!(browser.text("h1").await, "Sénégal");
    assert!(browser.text("body").await.contains("Période couverte"));
    browser.screenshot("fr-summary-desktop").await;
    browser.close().await;
}

#[actix_web::test]
async fn the_first_admin_sets_up_and_signs_in_with_a_second_factor_in_french() {
    let app = TestApp::spawn().await;
    let keys = french_keys();
    let english = english_only_messages();
    let password = "tamarind kettle orbit sandal";
    let link = crate::accounts::link_in(&crate::accounts::users_command(&app, &["first-admin"]));
    let admin = Browser::open(&app).await;
    admin.client.goto(&link).await.unwrap();
    admin.click("footer.languages a[lang='fr']").await;
    assert!(
        admin.path().await.starts_with("/account-links/"),
        "the same page"
    );
    admin.fill("#display_name", "Awa Ndiaye").await;
    admin.fill("#email", "awa@example.org").await;
    admin.fill("#password", password).await;
    admin.fill("#confirmation", password).await;
    admin.submit("form button[type=submit]").await;
    assert_eq!(admin.path().await, "/account/second-factor");
    assert_eq!(admin.text("h1").await, "Activer un second facteur");
    let page = admin.client.source().await.unwrap();
    assert_french("the enrolment", &page, &keys, &english);
    admin.screenshot("fr-second-factor-enrolment").await;
    let secret = admin.text("#totp-secret").await;
    let code = |app: &TestApp| {
        let secret = totp_rs::Secret::Encoded(secret.replace(' ', ""));
        let now = crate::accounts::now(app);
        gaptrack::domain::second_factor::code_at(&secret.to_bytes().unwrap(), now)
    };
    admin.fill("#code", &code(&app)).await;
    admin.submit("form button[type=submit]").await;
    assert_eq!(admin.count("#recovery-codes li").await, 10);
    assert_eq!(admin.text("h2").await, "Vos codes de secours");
    admin.submit("a.button").await;

    admin.submit("form[action='/signout'] button").await;
    admin.fill("#email", "awa@example.org").await;
    admin.fill("#password", password).await;
    admin.submit("form[action='/signin'] button").await;
    assert!(admin.path().await.starts_with("/signin/second-factor"));
    assert_eq!(admin.attr("html", "lang").await.as_deref(), Some("fr"));
    let page = admin.client.source().await.unwrap();
    assert_french("the second factor's question", &page, &keys, &english);
    // A wrong code is said in French; a code is good once, so the next comes half a minute on.
    let wrong = if code(&app) == "000000" {
        "111111"
    } else {
        "000000"
    };
    admin.fill("#code", wrong).await;
    admin.submit("form button[type=submit]").await;
    let refused = admin.client.source().await.unwrap();
    assert_french("a refused code", &refused, &keys, &english);
    admin.screenshot("fr-second-factor-refused").await;
    app.clock.advance(chrono::TimeDelta::seconds(30));
    admin.fill("#code", &code(&app)).await;
    admin.submit("form button[type=submit]").await;
    assert_eq!(admin.path().await, "/");
    assert!(admin.text("h1").await.starts_with("Couverture"));
    admin.close().await;
}
