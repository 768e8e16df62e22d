//! The catalogues hold every word people read: each key the code asks for is in every
//! language's catalogue, each key of a catalogue is asked for, and a page rendered in the
//! pseudo-locale (each message wrapped in ⟦…⟧) shows nothing outside a message but the data it
//! is about.

use std::collections::BTreeSet;
use std::path::Path;

use reqwest::StatusCode;
use scraper::{Html, Selector};

use crate::helpers::{TestApp, session_cookie};
use gaptrack::domain::Role;

/// The folder of each language's catalogue.
const LOCALES: &str = "src/i18n/locales";

/// The keys of one language's catalogue: every `key =` at the start of a line of its files.
pub fn catalogue_keys(language: &Path) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(language).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            let Some((key, _)) = line.split_once('=') else {
                continue;
            };
            let key = key.trim_end();
            let is_key = line.starts_with(|c: char| c.is_ascii_lowercase())
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if is_key {
                keys.insert(key.to_owned());
            }
        }
    }
    keys
}

/// Every string literal of the code under `src/`.
fn literals_in_the_code() -> Vec<String> {
    let mut literals = Vec::new();
    let mut files = vec![Path::new("src").to_path_buf()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            literals.extend(text.split('"').skip(1).step_by(2).map(str::to_owned));
        }
    }
    literals
}

/// The keys the code asks for: the literals that look like a key of a group the catalogue has
/// (`nav-…`, `error-…`, `signin-…`), so that a mistyped key in the group is caught too.
fn keys_in_the_code(groups: &BTreeSet<&str>) -> BTreeSet<String> {
    literals_in_the_code()
        .into_iter()
        .filter(|literal| {
            literal.split_once('-').is_some_and(|(group, rest)| {
                groups.contains(group)
                    && !rest.is_empty()
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
        })
        .collect()
}

#[test]
fn every_key_is_in_every_catalogue_and_every_message_is_used() {
    let vocabulary: BTreeSet<String> = gaptrack::i18n::every_vocabulary_key().into_iter().collect();
    let english = catalogue_keys(&Path::new(LOCALES).join("en"));
    let vocabulary_groups: BTreeSet<&str> = vocabulary
        .iter()
        .filter_map(|key| key.split('-').next())
        .collect();
    let groups: BTreeSet<&str> = english
        .iter()
        .filter_map(|key| key.split('-').next())
        .filter(|group| !vocabulary_groups.contains(group))
        .collect();
    let used = keys_in_the_code(&groups);
    assert!(english.len() > 50, "the English catalogue: {english:?}");
    for language in std::fs::read_dir(LOCALES).unwrap() {
        let language = language.unwrap().path();
        let keys = catalogue_keys(&language);
        let missing: Vec<_> = used
            .union(&vocabulary)
            .filter(|k| !keys.contains(*k))
            .collect();
        assert!(
            missing.is_empty(),
            "{} lacks {missing:?}",
            language.display()
        );
        let unused: Vec<_> = keys
            .iter()
            .filter(|k| !used.contains(*k) && !vocabulary.contains(*k))
            .collect();
        assert!(
            unused.is_empty(),
            "{} holds messages nothing uses: {unused:?}",
            language.display()
        );
    }
}

/// What a person reads on `page` that no message of the catalogue wrapped: its text and the
/// attributes read aloud or shown (`aria-label`, `placeholder`, `alt`, `title`), less the
/// wrapped messages, the brand, `data` the page is about, and punctuation.
pub fn words_outside_the_catalogue(page: &str, data: &[&str]) -> Vec<String> {
    let document = Html::parse_document(page);
    let mut texts: Vec<String> = Vec::new();
    let every = Selector::parse("*").unwrap();
    for element in document.select(&every) {
        let name = element.value().name();
        if name == "script" || name == "style" {
            continue;
        }
        for child in element.children() {
            if let Some(text) = child.value().as_text() {
                texts.push(text.to_string());
            }
        }
        for attribute in ["aria-label", "placeholder", "alt", "title"] {
            if let Some(value) = element.value().attr(attribute) {
                texts.push(value.to_owned());
            }
        }
    }
    texts_outside_the_catalogue(texts, data)
}

/// What of `texts` (a document's cells or paragraphs) no message of the catalogue wrapped, less
/// the brand, `data` and punctuation.
pub fn texts_outside_the_catalogue(
    texts: impl IntoIterator<Item = String>,
    data: &[&str],
) -> Vec<String> {
    let mut outside = Vec::new();
    for text in texts {
        let mut unwrapped = String::new();
        let mut depth = 0usize;
        for c in text.chars() {
            match c {
                '⟦' => depth += 1,
                '⟧' => depth = depth.saturating_sub(1),
                _ if depth == 0 => unwrapped.push(c),
                _ => {}
            }
        }
        // The brand, and each language by its own name (the switcher's words, in no catalogue).
        for known in data.iter().chain(&["gaptrack", "English", "Français"]) {
            unwrapped = unwrapped.replace(known, " ");
        }
        let left = unwrapped.trim_matches(|c: char| !c.is_alphabetic());
        if left.chars().any(char::is_alphabetic) {
            outside.push(left.to_owned());
        }
    }
    outside
}

/// A client whose every page is asked for in the pseudo-locale, with `session` if given.
async fn pseudo_page(app: &TestApp, path: &str, session: Option<&str>) -> (StatusCode, String) {
    let cookie = match session {
        Some(session) => format!("{session}; gaptrack_language=pseudo"),
        None => "gaptrack_language=pseudo".to_owned(),
    };
    let response = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(app.url(path))
        .header("Cookie", cookie)
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    (response.status(), response.text().await.unwrap())
}

#[actix_web::test]
async fn the_pages_say_nothing_that_is_not_from_the_catalogue() {
    let app = TestApp::spawn().await;
    let (status, sign_in) = pseudo_page(&app, "/signin", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(sign_in.contains("⟦Sign in⟧"), "{sign_in}");
    assert_eq!(
        words_outside_the_catalogue(&sign_in, &[]),
        Vec::<String>::new()
    );

    let (status, missing) = pseudo_page(&app, "/no-such-page", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        missing.contains("⟦This page or item does not exist⟧"),
        "{missing}"
    );
    assert_eq!(
        words_outside_the_catalogue(&missing, &["/no-such-page"]),
        Vec::<String>::new()
    );

    let viewer = session_cookie(&app, &app.key(Role::Viewer, None)).await;
    let (status, refused) = pseudo_page(&app, "/admin/people", Some(&viewer)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(refused.contains("⟦You may not do this⟧"), "{refused}");
    assert!(
        refused.contains("⟦Sign out⟧"),
        "the person's top bar: {refused}"
    );
}

/// Every string value in `json`, nested or not: the data a page shows beside its words.
pub fn strings_in(json: &serde_json::Value, into: &mut Vec<String>) {
    match json {
        serde_json::Value::String(text) if !text.is_empty() => into.push(text.clone()),
        serde_json::Value::Array(values) => values.iter().for_each(|v| strings_in(v, into)),
        serde_json::Value::Object(fields) => fields.values().for_each(|v| strings_in(v, into)),
        _ => {}
    }
}

#[actix_web::test]
async fn the_daily_pages_say_nothing_that_is_not_from_the_catalogue() {
    let app = TestApp::with_demo().await;
    let admin = app.key(Role::Admin, None);
    // The CSV headers an import file must have are code, the same in every language.
    let mut data = vec![
        "test admin".to_owned(),
        "country,tier".to_owned(),
        "country,position,pillar,text".to_owned(),
    ];
    for path in [
        "/api/v1/countries/SEN/gaps",
        "/api/v1/countries/SEN/tiers",
        "/api/v1/coverage",
        "/api/v1/organisations",
        "/api/v1/interventions",
        "/api/v1/reports",
    ] {
        strings_in(
            &app.as_key(Some(&admin))
                .get(path)
                .await
                .json()
                .await
                .unwrap(),
            &mut data,
        );
    }
    // Every country, which the country picker lists.
    let mut cursor = String::new();
    loop {
        let page: serde_json::Value = app
            .as_key(Some(&admin))
            .get(&format!("/api/v1/countries?limit=200{cursor}"))
            .await
            .json()
            .await
            .unwrap();
        strings_in(&page["items"], &mut data);
        match page["next_cursor"].as_str() {
            Some(next) => cursor = format!("&cursor={next}"),
            None => break,
        }
    }
    let interventions = app.as_key(Some(&admin)).get("/api/v1/interventions").await;
    let interventions: serde_json::Value = interventions.json().await.unwrap();
    let linked = interventions["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["countries"].as_array().is_some_and(|c| !c.is_empty()))
        .expect("the demo has interventions");
    let id = linked["id"].as_str().unwrap();
    let links: serde_json::Value = app
        .as_key(Some(&admin))
        .get(&format!("/api/v1/interventions/{id}/recommendations"))
        .await
        .json()
        .await
        .unwrap();
    strings_in(&links, &mut data);
    let session = session_cookie(&app, &admin).await;
    let mut paths = vec![
        "/".to_owned(),
        "/?year=2023&sort=country".to_owned(),
        "/countries/SEN".to_owned(),
        "/interventions".to_owned(),
        "/interventions?country=Nowhere".to_owned(),
        "/interventions?country=Congo".to_owned(),
        "/interventions/new".to_owned(),
        "/shares".to_owned(),
        "/admin/keys".to_owned(),
        "/admin/reports".to_owned(),
        "/admin/deadlines".to_owned(),
        "/admin/backups".to_owned(),
        "/countries/SEN/digest".to_owned(),
        "/admin/organisations".to_owned(),
        "/admin/import".to_owned(),
        "/admin/import?year=2023&recorded=1".to_owned(),
        "/admin/audit".to_owned(),
        "/admin/audit?resource_type=intervention".to_owned(),
        format!("/interventions/{id}"),
        format!("/interventions/{id}/edit"),
    ];
    if let Some(link) = links["items"].as_array().and_then(|items| items.first()) {
        let recommendation = link["recommendation_id"].as_str().unwrap();
        paths.push(format!("/interventions/{id}/links/{recommendation}/remove"));
        paths.push(format!("/recommendations/{recommendation}/translations/fr"));
    }
    // Longest first, so that a name is not cut by a shorter one inside it.
    data.sort_by_key(|text| std::cmp::Reverse(text.len()));
    let data: Vec<&str> = data.iter().map(String::as_str).collect();
    for path in &paths {
        let (status, page) = pseudo_page(&app, path, Some(&session)).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(
            words_outside_the_catalogue(&page, &data),
            Vec::<String>::new(),
            "{path}: {page}"
        );
    }
}

/// A browser that asks for the pseudo-locale on every page of `app`, and keeps its cookies.
pub fn pseudo_browser(app: &TestApp) -> reqwest::Client {
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    jar.add_cookie_str(
        "gaptrack_language=pseudo; Path=/",
        &app.address.parse().unwrap(),
    );
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT,
        reqwest::header::HeaderValue::from_static("text/html"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .cookie_provider(jar)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The page at `url`, as `browser` gets it.
pub async fn text_of(browser: &reqwest::Client, url: &str) -> String {
    let response = browser.get(url).send().await.unwrap();
    response.text().await.unwrap()
}

/// `data` as the checks take it.
pub fn as_data(data: &[String]) -> Vec<&str> {
    data.iter().map(String::as_str).collect()
}

/// Asserts that `page` says nothing outside the catalogue but `data`.
pub fn assert_catalogued(what: &str, page: &str, data: &[&str]) {
    assert!(
        page.contains('⟦'),
        "{what} is not in the pseudo-locale: {page}"
    );
    assert_eq!(
        words_outside_the_catalogue(page, data),
        Vec::<String>::new(),
        "{what}: {page}"
    );
}

#[actix_web::test]
async fn a_persons_own_pages_say_nothing_that_is_not_from_the_catalogue() {
    let app = TestApp::spawn().await;
    let link = crate::accounts::link_in(&crate::accounts::users_command(&app, &["first-admin"]));
    let browser = pseudo_browser(&app);
    let page = text_of(&browser, &link).await;
    assert_catalogued("the first admin's link", &page, &[]);
    let token = page
        .split_once(r#"name="form_token" value=""#)
        .and_then(|(_, after)| after.split('"').next())
        .unwrap()
        .to_owned();
    let password = "tamarind kettle orbit sandal";
    let made = browser
        .post(&link)
        .form(&[
            ("form_token", token.as_str()),
            ("display_name", "Awa Ndiaye"),
            ("email", "awa@example.org"),
            ("password", password),
            ("confirmation", password),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    // A language is offered by its own name, in no catalogue.
    let mut data = vec![
        "Awa Ndiaye".to_owned(),
        "awa@example.org".to_owned(),
        "English".to_owned(),
    ];
    let enrol = browser
        .get(app.url("/account/second-factor"))
        .send()
        .await
        .unwrap();
    let enrol = enrol.text().await.unwrap();
    let secret_text = enrol
        .split_once(r#"id="totp-secret">"#)
        .and_then(|(_, after)| after.split('<').next())
        .unwrap()
        .to_owned();
    data.push(secret_text.clone());
    assert_catalogued("setting up a second factor", &enrol, &as_data(&data));
    let secret = totp_rs::Secret::Encoded(secret_text.replace(' ', ""))
        .to_bytes()
        .unwrap();
    let code = gaptrack::domain::second_factor::code_at(&secret, app.now().timestamp() as u64);
    let csrf = enrol
        .split_once(r#"name="csrf" value=""#)
        .and_then(|(_, after)| after.split('"').next())
        .unwrap()
        .to_owned();
    let wrong = browser
        .post(app.url("/account/second-factor"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("code", "000000"),
            ("return_to", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let wrong = wrong.text().await.unwrap();
    assert!(wrong.contains("⟦that code is not right"), "{wrong}");
    assert_catalogued("a wrong code", &wrong, &as_data(&data));
    let confirmed = browser
        .post(app.url("/account/second-factor"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("code", code.as_str()),
            ("return_to", "/"),
        ])
        .send()
        .await
        .unwrap();
    let codes = confirmed.text().await.unwrap();
    data.extend(
        codes
            .split("<li><code>")
            .skip(1)
            .filter_map(|rest| rest.split('<').next())
            .map(str::to_owned),
    );
    assert_catalogued("the recovery codes", &codes, &as_data(&data));
    for path in ["/account", "/no-such-page", "/admin/people/none"] {
        let page = browser
            .get(app.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_catalogued(path, &page, &as_data(&data));
    }
    let people = text_of(&browser, &app.url("/admin/people")).await;
    assert_catalogued("the people page", &people, &as_data(&data));
    let person = people
        .split_once(r#"<a href="/admin/people/"#)
        .and_then(|(_, after)| after.split('"').next())
        .expect("the list links to each person");
    for path in [
        format!("/admin/people/{person}"),
        format!("/admin/people/{person}/disable"),
    ] {
        let page = text_of(&browser, &app.url(&path)).await;
        assert_catalogued(&path, &page, &as_data(&data));
    }
    // The trail of what was just done: an account made, a second factor set up.
    let trail = text_of(&browser, &app.url("/admin/audit")).await;
    data.push("test admin".to_owned());
    assert!(trail.contains("⟦Set up⟧"), "{trail}");
    assert_catalogued("the audit trail", &trail, &as_data(&data));
    let data = as_data(&data);
    let (_, spent) =
        crate::accounts::get_page(&browser, &app, &link.replace(&app.address, "")).await;
    assert_catalogued("a spent link", &spent, &data);
    let signed_out = pseudo_browser(&app);
    let page = text_of(&signed_out, &app.url("/signin")).await;
    assert_catalogued("the sign-in page", &page, &[]);
}

#[test]
fn text_outside_the_catalogue_is_found() {
    let page = "<html><head><title>⟦Sign in⟧</title></head><body>\
        <a aria-label=\"Main\">⟦Overview⟧</a><p>⟦Placed on ⟦Tier 2⟧⟧ (upgraded)</p></body></html>";
    assert_eq!(
        words_outside_the_catalogue(page, &[]),
        vec!["Main".to_owned(), "upgraded".to_owned()]
    );
    assert_eq!(
        words_outside_the_catalogue("<p>⟦Hello⟧ Senegal</p>", &["Senegal"]),
        Vec::<String>::new()
    );
}
