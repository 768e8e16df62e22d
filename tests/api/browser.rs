//! The web interface in a real browser: Debian's chromium, driven through chromedriver over
//! WebDriver, against the real server and PostgreSQL. Each test saves screenshots of the pages
//! it visits under `target/screenshots/`, for a person to look at.

use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use gaptrack::domain::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, expect_json};

/// A headless chromium, with the chromedriver that drives it; both stop when this is dropped.
pub struct Browser {
    pub client: Client,
    driver: Child,
    base: String,
    /// Where the browser saves what it downloads.
    downloads: PathBuf,
}

impl Browser {
    pub async fn open(app: &TestApp) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        // A process group of its own, so that chromium, which chromedriver starts, goes with it
        // even when a test fails before closing its session.
        let driver = Command::new(driver_path())
            .arg(format!("--port={port}"))
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver runs (Debian: apt-get install chromium chromium-driver)");
        let profile =
            crate::helpers::scratch_dir(&format!("chromium-{}", uuid::Uuid::now_v7().simple()));
        let downloads = profile.join("downloads");
        std::fs::create_dir_all(&downloads).unwrap();
        let capabilities = json!({
            "goog:chromeOptions": {
                "binary": browser_path(),
                "prefs": {
                    "download.default_directory": downloads.display().to_string(),
                    "download.prompt_for_download": false,
                },
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.display()),
                ]
            }
        });
        let mut builder =
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        builder.capabilities(capabilities.as_object().unwrap().clone());
        let mut last_error = None;
        for _ in 0..50 {
            match builder.connect(&format!("http://127.0.0.1:{port}")).await {
                Ok(client) => {
                    return Self {
                        client,
                        driver,
                        base: app.address.clone(),
                        downloads,
                    };
                }
                Err(error) => last_error = Some(error),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no WebDriver session: {last_error:?}");
    }

    pub async fn goto(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .unwrap();
    }

    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.unwrap();
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    }

    pub async fn css(&self, selector: &str) -> fantoccini::elements::Element {
        match self.client.find(Locator::Css(selector)).await {
            Ok(element) => element,
            Err(error) => {
                let page = self.client.source().await.unwrap_or_default();
                let main = page.split("<main").nth(1).unwrap_or(&page);
                panic!("{selector} at {}: {error}\n{main}", self.path().await)
            }
        }
    }

    pub async fn count(&self, selector: &str) -> usize {
        self.client
            .find_all(Locator::Css(selector))
            .await
            .unwrap()
            .len()
    }

    /// The text of every element `selector` finds, in page order.
    pub async fn texts(&self, selector: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for element in self.client.find_all(Locator::Css(selector)).await.unwrap() {
            texts.push(element.text().await.unwrap());
        }
        texts
    }

    /// Whether the checkbox or radio button `selector` finds is ticked.
    pub async fn checked(&self, selector: &str) -> bool {
        self.css(selector)
            .await
            .prop("checked")
            .await
            .unwrap()
            .as_deref()
            == Some("true")
    }

    /// An attribute of the element `selector` finds.
    pub async fn attr(&self, selector: &str, name: &str) -> Option<String> {
        self.css(selector).await.attr(name).await.unwrap()
    }

    /// Clicks `selector`, on the same page (for a click that leads to another, see [`Self::submit`]).
    pub async fn click(&self, selector: &str) {
        self.css(selector).await.click().await.unwrap();
    }

    pub async fn text(&self, selector: &str) -> String {
        self.css(selector).await.text().await.unwrap()
    }

    pub async fn fill(&self, selector: &str, value: &str) {
        let field = self.css(selector).await;
        if let Err(error) = field.clear().await {
            let page = self.client.source().await.unwrap_or_default();
            panic!("{selector} at {}: {error}\n{page}", self.path().await);
        }
        field.send_keys(value).await.unwrap();
    }

    pub async fn value(&self, selector: &str) -> String {
        self.css(selector)
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    /// Clicks `selector` and waits for the page it leads to.
    pub async fn submit(&self, selector: &str) {
        self.client
            .execute("window.__leaving = true;", vec![])
            .await
            .unwrap();
        self.css(selector).await.click().await.unwrap();
        for _ in 0..100 {
            let arrived = self
                .client
                .execute(
                    "return window.__leaving === undefined && document.readyState === 'complete';",
                    vec![],
                )
                .await;
            if matches!(arrived, Ok(serde_json::Value::Bool(true))) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("clicking {selector} led to no new page");
    }

    /// Signs in with an API key, the sign-in page's second way.
    pub async fn sign_in(&self, key: &str) {
        self.goto("/signin").await;
        self.click("details summary").await;
        self.fill("#key", key).await;
        self.submit("form[action='/signin/key'] button").await;
    }

    /// Clicks the download link `selector` and gives the file the browser saved: its name and
    /// its bytes. The folder is emptied first, so the file is this click's.
    pub async fn download(&self, selector: &str) -> (String, Vec<u8>) {
        for entry in std::fs::read_dir(&self.downloads).unwrap() {
            std::fs::remove_file(entry.unwrap().path()).unwrap();
        }
        self.click(selector).await;
        // Chromium writes to a hidden or `.crdownload` file and renames it when done.
        let mut seen: Option<(PathBuf, u64)> = None;
        for _ in 0..100 {
            let finished: Vec<PathBuf> = std::fs::read_dir(&self.downloads)
                .unwrap()
                .map(|entry| entry.unwrap().path())
                .filter(|path| {
                    let name = path.file_name().unwrap().to_string_lossy();
                    !name.starts_with('.') && !name.ends_with(".crdownload")
                })
                .collect();
            if let [file] = finished.as_slice() {
                let size = std::fs::metadata(file).map_or(0, |m| m.len());
                if seen.as_ref() == Some(&(file.clone(), size)) && size > 0 {
                    let name = file.file_name().unwrap().to_string_lossy().into_owned();
                    return (name, std::fs::read(file).unwrap());
                }
                seen = Some((file.clone(), size));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("clicking {selector} downloaded nothing");
    }

    /// The elements that run past the window's right edge (each as its tag, id and classes),
    /// leaving out those inside a box that scrolls sideways on purpose: empty when the page
    /// fits the width, as a phone needs.
    pub async fn past_the_edge(&self) -> Vec<String> {
        let found = self
            .client
            .execute(
                r#"
                const width = document.documentElement.clientWidth;
                const scrolls = (e) => {
                  for (let p = e.parentElement; p; p = p.parentElement) {
                    const o = getComputedStyle(p).overflowX;
                    if (o === "auto" || o === "scroll" || o === "hidden") return true;
                  }
                  return false;
                };
                const out = [];
                for (const e of document.body.querySelectorAll("*")) {
                  const r = e.getBoundingClientRect();
                  if (r.width === 0 || r.height === 0) continue;
                  if (r.right > width + 1 && !scrolls(e)) {
                    out.push(`${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join(".")} right=${Math.round(r.right)}`);
                  }
                }
                if (document.documentElement.scrollWidth > width + 1) out.push(`page scrollWidth=${document.documentElement.scrollWidth}`);
                return out;
                "#,
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value(found).unwrap()
    }

    /// Saves what the browser shows as `target/screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.unwrap();
        let folder = screenshots_dir();
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(format!("{name}.png")), png).unwrap();
    }

    /// Ends the session (chromium quits), then stops chromedriver.
    pub async fn close(self) {
        let client = self.client.clone();
        let _ = client.close().await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let group = nix::unistd::Pid::from_raw(self.driver.id() as i32);
        let _ = nix::sys::signal::killpg(group, nix::sys::signal::Signal::SIGKILL);
        let _ = self.driver.wait();
    }
}

fn driver_path() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into())
}

fn browser_path() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

pub fn screenshots_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots")
}

/// A report, one recommendation to Sierra Leone, and an organisation with an editor key.
struct Setting {
    organisation: String,
    editor_key: String,
    recommendation: String,
}

async fn setting(app: &TestApp) -> Setting {
    app.create_report(2023).await;
    let recommendation = app
        .create_recommendation("SLE", 2023, 1, "protection")
        .await;
    let organisation = app.create_organisation("CenHTRO").await;
    let editor_key = app.key(Role::Editor, Some(&organisation));
    Setting {
        organisation,
        editor_key,
        recommendation,
    }
}

#[actix_web::test]
async fn a_program_manager_logs_an_intervention_links_it_and_sees_the_gap_close() {
    let app = TestApp::spawn().await;
    let setting = setting(&app).await;
    let browser = Browser::open(&app).await;

    browser.goto("/").await;
    assert!(
        browser.path().await.starts_with("/signin"),
        "pages need a session"
    );
    browser.screenshot("sign-in").await;
    let focused = browser.client.active_element().await.unwrap();
    assert_eq!(
        focused.attr("id").await.unwrap().as_deref(),
        Some("email"),
        "the e-mail address box has the focus"
    );
    browser.sign_in(&setting.editor_key).await;
    assert_eq!(browser.path().await, "/");
    assert!(
        browser.text("caption").await.starts_with("1 country;"),
        "one country is one country"
    );
    let sierra_leone = "table tbody tr:first-child";
    assert!(browser.text(sierra_leone).await.contains("Sierra Leone"));
    assert!(
        browser
            .text(&format!("{sierra_leone} td:last-child"))
            .await
            .contains("0%")
    );
    browser.screenshot("overview-before").await;

    browser.goto("/interventions/new").await;
    browser
        .fill("#title", "Training of police on the 2022 act")
        .await;
    browser.click("input[name=countries][value=SLE]").await;
    browser
        .css("#status")
        .await
        .select_by_value("active")
        .await
        .unwrap();
    browser
        .css("#kind")
        .await
        .select_by_value("training")
        .await
        .unwrap();
    browser.fill("#people_reached", "120").await;
    browser.screenshot("intervention-form").await;
    browser.submit("form.panel button[type=submit]").await;
    let path = browser.path().await;
    assert!(
        path.starts_with("/interventions/") && path.ends_with("?saved=1"),
        "{path}"
    );

    let card = format!("#recommendation-{}", setting.recommendation);
    assert_eq!(
        browser.attr(&card, "data-status").await.as_deref(),
        Some("unaddressed")
    );
    browser.click(&format!("{card} summary")).await;
    browser
        .fill(
            &format!("{card} textarea[name=rationale]"),
            "Police training answers it.",
        )
        .await;
    browser
        .fill(
            &format!("{card} input[name=evidence_url]"),
            "https://example.org/report",
        )
        .await;
    browser.submit(&format!("{card} form button")).await;
    assert!(
        browser
            .path()
            .await
            .contains(&format!("linked={}", setting.recommendation))
    );
    assert_eq!(
        browser.attr(&card, "data-status").await.as_deref(),
        Some("addressed")
    );
    assert!(
        browser
            .text(&card)
            .await
            .contains("This intervention answers it in full.")
    );
    assert!(
        browser
            .text(&format!("{card} .link-evidence"))
            .await
            .contains("Police training answers it."),
        "the rationale is shown with the link"
    );
    browser.screenshot("intervention").await;

    browser.goto("/countries/SLE").await;
    assert_eq!(
        browser.attr(&card, "data-status").await.as_deref(),
        Some("addressed")
    );
    assert!(
        browser
            .text(&card)
            .await
            .contains("Training of police on the 2022 act")
    );
    browser.screenshot("country").await;

    browser.goto("/").await;
    assert!(
        browser
            .text(&format!("{sierra_leone} td:last-child"))
            .await
            .contains("100%")
    );
    browser.screenshot("overview-after").await;

    browser.submit("form[action='/signout'] button").await;
    assert!(browser.path().await.starts_with("/signin"));
    browser.goto("/").await;
    assert!(browser.path().await.starts_with("/signin"), "signed out");
    let _ = setting.organisation;
    browser.close().await;
}

#[actix_web::test]
async fn a_link_shows_its_evidence_keeps_it_when_only_the_contribution_changes_and_is_removed_after_asking()
 {
    let app = TestApp::spawn().await;
    let setting = setting(&app).await;
    let intervention = app
        .create_intervention(&setting.organisation, &["SLE"], "active")
        .await;
    let link_path = format!(
        "/api/v1/interventions/{intervention}/recommendations/{}",
        setting.recommendation
    );
    let rationale = "Trained every district prosecutor named in the recommendation.";
    // Long, as real report addresses are: on a phone it must wrap.
    let evidence = "https://example.org/reports/2023/sierra-leone/\
                    training-of-district-prosecutors-under-the-2022-anti-trafficking-act.pdf";
    let created = app
        .put(
            &link_path,
            &json!({"contribution": "full", "rationale": rationale, "evidence_url": evidence}),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let browser = Browser::open(&app).await;
    browser.sign_in(&setting.editor_key).await;

    browser
        .goto(&format!("/interventions/{intervention}"))
        .await;
    let card = format!("#recommendation-{}", setting.recommendation);
    let shown = browser.text(&format!("{card} .link-evidence")).await;
    assert!(shown.contains("answers it in full"), "{shown}");
    assert!(shown.contains(rationale), "{shown}");
    assert_eq!(
        browser
            .attr(&format!("{card} .link-evidence a"), "href")
            .await
            .as_deref(),
        Some(evidence),
        "the evidence is a link"
    );

    browser.click(&format!("{card} summary")).await;
    assert_eq!(
        browser
            .value(&format!("{card} textarea[name=rationale]"))
            .await,
        rationale,
        "the form opens with the stored rationale"
    );
    assert_eq!(
        browser
            .value(&format!("{card} input[name=evidence_url]"))
            .await,
        evidence
    );
    browser
        .css(&format!("{card} select[name=contribution]"))
        .await
        .select_by_value("partial")
        .await
        .unwrap();
    browser
        .submit(&format!("{card} form button[type=submit]"))
        .await;
    assert_eq!(
        browser.attr(&card, "data-status").await.as_deref(),
        Some("partially_addressed")
    );
    let shown = browser.text(&card).await;
    assert!(
        shown.contains("The link is changed. The recommendation's status is recomputed."),
        "the message is beside the recommendation, and says it changed: {shown}"
    );
    assert!(shown.contains("answers it in part"), "{shown}");
    assert!(
        shown.contains(rationale),
        "changing the contribution kept the rationale: {shown}"
    );
    let stored = app.get_json(&link_path).await;
    assert_eq!(stored["rationale"], rationale);
    assert_eq!(stored["evidence_url"], evidence);
    browser.screenshot("intervention-link-evidence").await;

    for page in ["/countries/SLE", "/countries/SLE/print"] {
        browser.goto(page).await;
        let evidence = format!("a[href='{evidence}']");
        assert_eq!(
            browser.count(&evidence).await,
            1,
            "{page} links the evidence"
        );
    }
    // The summary's Print button is shown by gaptrack's script (the page's policy lets no
    // other script run), and the way back leads to the country page.
    let print = browser
        .client
        .find(Locator::Css("button[data-print]"))
        .await
        .unwrap();
    assert!(
        print.is_displayed().await.unwrap(),
        "the Print button shows"
    );
    browser.screenshot("summary-printable").await;
    browser.click("nav.screen a").await;
    assert_eq!(browser.path().await, "/countries/SLE");
    browser.goto("/countries/SLE").await;
    assert!(
        browser.text(&card).await.contains(rationale),
        "the country page gives the rationale"
    );
    // On a phone, a long evidence address wraps instead of running past the screen.
    browser.client.set_window_size(390, 844).await.unwrap();
    for (page, name) in [
        ("/countries/SLE".to_owned(), "country-link-evidence-phone"),
        (
            format!("/interventions/{intervention}"),
            "intervention-link-evidence-phone",
        ),
    ] {
        browser.goto(&page).await;
        let fits = browser
            .client
            .execute(
                "return [...document.querySelectorAll('a[href^=\"https://example.org\"]')]\
                   .every(a => a.getBoundingClientRect().right <= document.documentElement.clientWidth);",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(fits, json!(true), "the evidence fits the screen on {page}");
        browser.screenshot(name).await;
    }
    browser.client.set_window_size(1280, 900).await.unwrap();
    // A notice parameter that names no recommendation (an old bookmark) still shows the page.
    browser
        .goto(&format!("/interventions/{intervention}?linked=1"))
        .await;
    assert!(browser.text("h1").await.contains("Training of police"));
    browser
        .goto(&format!("/interventions/{intervention}"))
        .await;

    browser.click(&format!("{card} summary")).await;
    browser.submit(&format!("{card} a[href$='/remove']")).await;
    assert!(browser.path().await.ends_with("/remove"));
    let asked = browser.text("main").await;
    assert!(
        asked.contains(rationale),
        "the question shows what is lost: {asked}"
    );
    assert_eq!(
        app.get(&link_path).await.status(),
        StatusCode::OK,
        "asking removes nothing"
    );
    browser.screenshot("link-remove-confirm").await;
    browser.submit("form.actions button[type=submit]").await;
    assert!(browser.path().await.contains("unlinked="));
    assert_eq!(
        browser.attr(&card, "data-status").await.as_deref(),
        Some("unaddressed")
    );
    assert!(browser.text(&card).await.contains("The link is removed"));
    assert_eq!(browser.count(&format!("{card} .link-evidence")).await, 0);
    assert_eq!(app.get(&link_path).await.status(), StatusCode::NOT_FOUND);
    browser.close().await;
}

#[actix_web::test]
async fn a_form_with_bad_input_keeps_every_value_and_says_what_is_wrong_beside_each_field() {
    let app = TestApp::spawn().await;
    let setting = setting(&app).await;
    let browser = Browser::open(&app).await;
    browser.sign_in(&setting.editor_key).await;
    browser.goto("/interventions/new").await;
    browser.fill("#title", "   ").await;
    browser.click("input[name=countries][value=SLE]").await;
    browser
        .fill("#description", "Three districts, with the bar association.")
        .await;
    browser.fill("#people_reached", "1.200 people").await;
    browser.fill("#location", "Bo District").await;
    browser.submit("form.panel button[type=submit]").await;

    assert_eq!(browser.path().await, "/interventions", "the form came back");
    assert_eq!(browser.text("#title-error").await, "must not be empty");
    assert!(
        browser
            .text("#people_reached-error")
            .await
            .contains("whole number")
    );
    assert_eq!(browser.value("#people_reached").await, "1.200 people");
    assert_eq!(
        browser.value("#description").await,
        "Three districts, with the bar association."
    );
    assert_eq!(browser.value("#location").await, "Bo District");
    assert!(
        browser.checked("input[name=countries][value=SLE]").await,
        "the chosen country stays chosen"
    );
    assert!(
        browser
            .text("#form-errors")
            .await
            .contains("Title: must not be empty"),
        "the summary names the field by its label"
    );
    assert_eq!(
        browser
            .client
            .active_element()
            .await
            .unwrap()
            .attr("id")
            .await
            .unwrap()
            .as_deref(),
        Some("form-errors"),
        "the summary has the focus"
    );
    assert_eq!(
        browser.attr("#title", "aria-invalid").await.as_deref(),
        Some("true")
    );
    browser.screenshot("intervention-form-errors").await;
    let count = app.count("SELECT count(*) AS n FROM interventions").await;
    assert_eq!(count, 0);
    browser.close().await;
}

#[actix_web::test]
async fn an_editor_gets_no_controls_for_another_organisations_work_and_a_forged_post_is_refused() {
    let app = TestApp::spawn().await;
    let setting = setting(&app).await;
    let other = app.create_organisation("Another NGO").await;
    let theirs = app.create_intervention(&other, &["SLE"], "active").await;
    let browser = Browser::open(&app).await;
    browser.sign_in(&setting.editor_key).await;
    browser.goto(&format!("/interventions/{theirs}")).await;
    assert_eq!(
        browser.count("a[href$='/edit']").await,
        0,
        "no edit control"
    );
    assert_eq!(
        browser.count("form[action$='/links']").await,
        0,
        "no link forms"
    );
    browser.goto(&format!("/interventions/{theirs}/edit")).await;
    assert!(
        browser
            .text("main")
            .await
            .contains("may only change the interventions of its own organisation")
    );

    // A post crafted by hand, with the person's own session and token, is refused anyway.
    let cookie = browser
        .client
        .get_named_cookie("gaptrack_session")
        .await
        .unwrap();
    browser.goto("/").await;
    let csrf = browser
        .attr("form[action='/signout'] input[name=csrf]", "value")
        .await
        .unwrap();
    let forged = reqwest::Client::new()
        .post(app.url(&format!("/interventions/{theirs}/links")))
        .header("Cookie", format!("gaptrack_session={}", cookie.value()))
        .form(&[
            ("csrf", csrf.as_str()),
            ("recommendation_id", &setting.recommendation),
            ("contribution", "full"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT count(*) AS n FROM links").await, 0);
    browser.close().await;
}

#[actix_web::test]
async fn a_form_posted_from_another_site_is_refused() {
    let app = TestApp::spawn().await;
    let setting = setting(&app).await;
    let browser = Browser::open(&app).await;
    browser.sign_in(&setting.editor_key).await;

    // Another site (another origin: another port) whose page posts a form to gaptrack.
    let target = app.url("/interventions");
    let evil = actix_web::HttpServer::new(move || {
        let target = target.clone();
        actix_web::App::new().route(
            "/",
            actix_web::web::get().to(move || {
                let target = target.clone();
                async move {
                    actix_web::HttpResponse::Ok().content_type("text/html").body(format!(
                        "<!DOCTYPE html><html><body><form id=f method=post action='{target}'>\
                         <input name=title value=Forged><input name=countries value=SLE>\
                         <input name=kind value=training><input name=status value=active>\
                         </form><script>document.getElementById('f').submit()</script></body></html>"
                    ))
                }
            }),
        )
    })
    .workers(1)
    .bind("127.0.0.1:0")
    .unwrap();
    let evil_address = evil.addrs()[0];
    let evil = evil.run();
    let evil_handle = evil.handle();
    actix_web::rt::spawn(evil);

    browser
        .client
        .goto(&format!("http://{evil_address}/"))
        .await
        .unwrap();
    // The page posts its form as it loads; once gaptrack has answered, the browser shows
    // gaptrack's refusal. Waiting for that page, rather than for a fixed time, makes sure the
    // post was made and judged before the count below.
    let started = std::time::Instant::now();
    loop {
        let url = browser.client.current_url().await.unwrap();
        let source = browser.client.source().await.unwrap_or_default();
        if url.as_str().starts_with(&app.address) && source.contains("This form cannot be accepted")
        {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the forged form was never answered by gaptrack's refusal; the browser is at {url}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        app.count("SELECT count(*) AS n FROM interventions").await,
        0,
        "nothing was created"
    );
    evil_handle.stop(false).await;

    // The Origin check and the token each refuse on their own, cookie or not.
    browser.goto("/").await;
    let cookie = browser
        .client
        .get_named_cookie("gaptrack_session")
        .await
        .unwrap();
    let csrf = browser
        .attr("form[action='/signout'] input[name=csrf]", "value")
        .await
        .unwrap();
    let body = [
        ("csrf", csrf.as_str()),
        ("organisation_id", setting.organisation.as_str()),
        ("title", "Forged"),
        ("countries", "SLE"),
        ("kind", "training"),
        ("status", "active"),
    ];
    let from_elsewhere = reqwest::Client::new()
        .post(app.url("/interventions"))
        .header("Cookie", format!("gaptrack_session={}", cookie.value()))
        .header("Origin", "http://evil.example")
        .form(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(from_elsewhere.status(), StatusCode::FORBIDDEN);
    let without_token = reqwest::Client::new()
        .post(app.url("/interventions"))
        .header("Cookie", format!("gaptrack_session={}", cookie.value()))
        .form(&body[1..])
        .send()
        .await
        .unwrap();
    assert_eq!(without_token.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM interventions").await,
        0
    );
    browser.close().await;
}

#[actix_web::test]
async fn revoking_a_key_ends_its_sessions_at_once() {
    let app = TestApp::spawn().await;
    let setting = setting(&app).await;
    let browser = Browser::open(&app).await;
    browser.sign_in(&setting.editor_key).await;
    assert_eq!(browser.path().await, "/");
    let keys = app.get_json("/api/v1/keys").await;
    let editor = keys["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["role"] == "editor")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    expect_json(
        app.post(&format!("/api/v1/keys/{editor}/revoke"), &json!({}))
            .await,
        StatusCode::OK,
    )
    .await;
    browser.goto("/").await;
    assert!(browser.path().await.starts_with("/signin"));
    browser.close().await;
}

#[actix_web::test]
async fn an_admin_checks_an_import_sees_bad_rows_by_line_then_confirms_it() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    let admin_key = app.key(Role::Admin, None);
    let folder = crate::helpers::scratch_dir(&format!("upload-{}", uuid::Uuid::now_v7().simple()));
    let bad = folder.join("bad.csv");
    std::fs::write(
        &bad,
        "country,position,pillar,text\nSLE,1,protection,Train police.\nAtlantis,2,prevention,Raise awareness.\n",
    )
    .unwrap();
    let good = folder.join("good.csv");
    std::fs::write(
        &good,
        "country,position,pillar,text\nSLE,1,protection,Train police.\nSierra Leone,2,prevention,Raise awareness.\n",
    )
    .unwrap();
    let recommendations = || app.count("SELECT count(*) AS n FROM recommendations");
    let browser = Browser::open(&app).await;
    browser.sign_in(&admin_key).await;

    browser.goto("/admin/import").await;
    browser
        .css("#year")
        .await
        .select_by_value("2023")
        .await
        .unwrap();
    browser
        .css("#file")
        .await
        .send_keys(bad.to_str().unwrap())
        .await
        .unwrap();
    browser.submit("form.panel button[type=submit]").await;
    let result = browser.text("main").await;
    assert!(
        result.contains("Line 3, country: Atlantis is not a known country"),
        "{result}"
    );
    // The name the person typed is set apart as code, not wrapped in backticks.
    assert_eq!(browser.text("main [role=alert] li code").await, "Atlantis");
    assert_eq!(recommendations().await, 0);
    browser.screenshot("import-bad-rows").await;

    browser
        .css("#year")
        .await
        .select_by_value("2023")
        .await
        .unwrap();
    browser
        .css("#file")
        .await
        .send_keys(good.to_str().unwrap())
        .await
        .unwrap();
    browser.submit("form.panel button[type=submit]").await;
    assert!(
        browser
            .text("main")
            .await
            .contains("nothing is written until you confirm")
    );
    assert_eq!(
        browser
            .text("table tbody tr:nth-child(2) td:nth-child(3)")
            .await,
        "2",
        "2 new recommendations"
    );
    assert_eq!(recommendations().await, 0, "a dry run writes nothing");
    browser.screenshot("import-dry-run").await;
    browser
        .submit("form[action='/admin/import'] input[name=confirm] ~ button")
        .await;
    assert!(
        browser
            .text("main")
            .await
            .contains("Imported, in one transaction")
    );
    assert_eq!(recommendations().await, 2);
    browser.close().await;
}

#[actix_web::test]
async fn an_admin_creates_a_key_sees_its_secret_once_and_revokes_it() {
    let app = TestApp::spawn().await;
    let admin_key = app.key(Role::Admin, None);
    let browser = Browser::open(&app).await;
    browser.sign_in(&admin_key).await;
    browser.goto("/admin/keys").await;
    browser.fill("#name", "Reporting service").await;
    browser
        .css("#role")
        .await
        .select_by_value("viewer")
        .await
        .unwrap();
    assert_eq!(
        browser.attr("#role option", "value").await.as_deref(),
        Some("viewer"),
        "the least powerful role is offered first"
    );
    browser.submit("form[action='/admin/keys'] button").await;
    assert_eq!(
        browser.path().await,
        "/admin/keys/made",
        "the form redirects"
    );
    let secret = browser.attr("#secret", "value").await.unwrap();
    assert!(secret.starts_with("gt_"), "{secret}");
    assert!(
        browser
            .css("button[data-copy='secret']")
            .await
            .is_displayed()
            .await
            .unwrap(),
        "a copy button"
    );
    browser.screenshot("keys-created").await;
    let reporting = app.as_key(Some(&secret));
    assert_eq!(
        reporting.get("/api/v1/countries/SLE").await.status(),
        StatusCode::OK
    );
    browser.client.refresh().await.unwrap();
    assert_eq!(
        browser.count("#secret").await,
        0,
        "reloading shows it no more"
    );
    assert_eq!(
        app.count("SELECT count(*) AS n FROM api_keys WHERE name = 'Reporting service'")
            .await,
        1,
        "and makes no second key"
    );

    browser.goto("/admin/keys").await;
    assert!(!browser.client.source().await.unwrap().contains(&secret));
    browser
        .submit("a[aria-label='Revoke Reporting service']")
        .await;
    assert!(
        browser.text("main").await.contains("cannot be undone"),
        "revoking asks first"
    );
    assert_eq!(
        reporting.get("/api/v1/countries/SLE").await.status(),
        StatusCode::OK
    );
    browser.submit("form button.danger").await;
    assert!(browser.text("main").await.contains("is revoked"));
    assert_eq!(
        reporting.get("/api/v1/countries/SLE").await.status(),
        StatusCode::UNAUTHORIZED
    );

    browser.goto("/admin/audit?resource_type=api_key").await;
    let trail = browser.text("table").await;
    assert!(
        trail.contains("create") && trail.contains("revoke"),
        "{trail}"
    );
    browser.screenshot("audit").await;
    browser.close().await;
}

#[actix_web::test]
async fn admin_pages_are_for_admins_only() {
    let app = TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let editor_key = app.key(Role::Editor, Some(&organisation));
    let browser = Browser::open(&app).await;
    browser.sign_in(&editor_key).await;
    assert_eq!(
        browser.count("a[href^='/admin']").await,
        0,
        "no admin links for an editor"
    );
    for page in ["/admin/import", "/admin/keys", "/admin/audit"] {
        browser.goto(page).await;
        assert!(
            browser.text("main").await.contains("needs the admin role"),
            "{page}"
        );
        assert_eq!(browser.text("h1").await, "You may not do this", "{page}");
    }
    browser.screenshot("refused").await;
    browser.client.set_window_size(390, 844).await.unwrap();
    browser.goto("/admin/people").await;
    assert_eq!(browser.past_the_edge().await, Vec::<String>::new());
    browser.screenshot("refused-phone").await;
    browser.close().await;
}

#[actix_web::test]
async fn an_edit_saved_over_someone_elses_change_shows_theirs_beside_yours_and_saves_what_is_chosen()
 {
    let app = TestApp::spawn().await;
    let setting = setting(&app).await;
    let id = app
        .create_intervention(&setting.organisation, &["SLE"], "active")
        .await;
    let browser = Browser::open(&app).await;
    browser.sign_in(&setting.editor_key).await;
    browser.goto(&format!("/interventions/{id}/edit")).await;
    browser.fill("#title", "Training of judges").await;
    browser.fill("#location", "Bo").await;

    // Meanwhile, an admin's script changes the title and the reach.
    let path = format!("/api/v1/interventions/{id}");
    expect_json(
        app.patch(
            &path,
            &json!({"title": "Training of prosecutors", "people_reached": 40}),
        )
        .await,
        StatusCode::OK,
    )
    .await;

    browser.submit("form.panel button[type=submit]").await;
    let notice = browser.text("#conflict").await;
    assert!(
        notice.contains("test admin saved this intervention on")
            && notice.contains("fields differ"),
        "who changed it, and that fields differ: {notice}"
    );
    assert_eq!(
        browser.value("#title").await,
        "Training of judges",
        "what was typed is kept"
    );
    let theirs = browser.texts(".theirs").await;
    assert!(
        theirs
            .iter()
            .any(|t| t.contains("Theirs: Training of prosecutors")),
        "their title is shown beside: {theirs:?}"
    );
    assert!(
        theirs.iter().any(|t| t.contains("Theirs: 40")),
        "their reach is shown beside: {theirs:?}"
    );
    assert_eq!(
        app.get_json(&path).await["title"],
        "Training of prosecutors",
        "nothing was overwritten yet"
    );
    browser.screenshot("edit-conflict").await;

    // Keep my title and location, take their reach.
    browser.click("#use-theirs-people_reached").await;
    browser.submit("form.panel button[type=submit]").await;
    assert!(
        browser.path().await.ends_with("?saved=1"),
        "{}",
        browser.path().await
    );
    let stored = app.get_json(&path).await;
    assert_eq!(stored["title"], "Training of judges");
    assert_eq!(stored["location"], "Bo");
    assert_eq!(stored["people_reached"], 40);
    browser.close().await;
}

#[actix_web::test]
async fn a_return_address_with_a_tab_or_a_newline_keeps_the_browser_on_gaptrack() {
    let app = TestApp::spawn().await;
    let setting = setting(&app).await;
    let browser = Browser::open(&app).await;
    for sneaky in ["/%09/evil.example/page", "/%0A/evil.example/page"] {
        browser.goto(&format!("/signin?return_to={sneaky}")).await;
        browser.click("details summary").await;
        browser.fill("#key", &setting.editor_key).await;
        browser.submit("form[action='/signin/key'] button").await;
        let url = browser.client.current_url().await.unwrap();
        assert_eq!(
            url.as_str(),
            format!("{}/", app.address),
            "{sneaky}: the browser stays on gaptrack's overview"
        );
    }
    browser.close().await;
}

#[actix_web::test]
async fn a_grant_writer_downloads_each_document_from_the_pages_and_it_reads_back() {
    let app = TestApp::with_demo().await;
    let browser = Browser::open(&app).await;
    browser.sign_in(&app.key(Role::Viewer, None)).await;

    browser.goto("/?region=AF").await;
    let (name, workbook) = browser.download("a[href^='/coverage.xlsx']").await;
    assert_eq!(name, "gaptrack-coverage-2023-AF.xlsx");
    let rows = crate::documents::sheet(&workbook, "Coverage");
    assert_eq!(
        rows.len(),
        7,
        "a heading, four countries, a blank row, the totals"
    );
    let (name, csv) = browser.download("a[href^='/coverage.csv']").await;
    assert_eq!(name, "gaptrack-coverage-2023-AF.csv");
    assert_eq!(crate::documents::spreadsheet_rows(&csv).len(), 4);

    browser.goto("/countries/SEN").await;
    let (name, workbook) = browser
        .download("a[href^='/countries/SEN/gaps.xlsx']")
        .await;
    assert_eq!(name, "gaptrack-SEN-2023.xlsx");
    assert_eq!(
        crate::documents::sheet(&workbook, "Recommendations").len(),
        6
    );
    let (name, csv) = browser.download("a[href^='/countries/SEN/gaps.csv']").await;
    assert_eq!(name, "gaptrack-SEN-2023.csv");
    assert_eq!(crate::documents::spreadsheet_rows(&csv).len(), 5);

    browser
        .click("a[href='/countries/SEN/call-for-information']")
        .await;
    assert_eq!(browser.path().await, "/countries/SEN/call-for-information");
    browser.screenshot("call-for-information").await;
    let (name, document) = browser
        .download("a[href^='/countries/SEN/call-for-information.docx']")
        .await;
    let year = gaptrack::domain::next_report_year(app.now().date_naive());
    assert_eq!(
        name,
        format!("gaptrack-SEN-{year}-call-for-information.docx")
    );
    let paragraphs = crate::readers::read_docx(&document);
    assert_eq!(
        paragraphs[0].text,
        format!("Senegal: actions for the {year} TIP Report")
    );
    // The demo's interventions record no dates: they read as running through the period.
    assert!(
        paragraphs
            .iter()
            .any(|p| p.text == "Training of law enforcement and judiciary in Senegal"),
        "{paragraphs:?}"
    );
    // The donor XML, once the organisation records its IATI identifier.
    let organisations = app.get_json("/api/v1/organisations").await;
    let organisation = organisations["items"][0]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/organisations/{organisation}");
    let tag = app.get(&path).await.headers()["etag"].clone();
    let recorded = app
        .client
        .patch(app.url(&path))
        .header("If-Match", tag)
        .json(&json!({"iati_identifier": "US-EIN-880000000", "iati_organisation_type": "80"}))
        .send()
        .await
        .unwrap();
    expect_json(recorded, StatusCode::OK).await;
    browser
        .goto(&format!("/interventions?organisation={organisation}"))
        .await;
    let (name, xml) = browser.download("a[href$='/iati-activities.xml']").await;
    assert_eq!(name, "gaptrack-cenhtro-iati-activities.xml");
    if let Err(errors) = crate::readers::validate_iati_activities(&xml) {
        panic!("the IATI 2.03 schema refuses the download: {errors}");
    }

    browser.client.set_window_size(390, 844).await.unwrap();
    browser.goto("/countries/SEN/call-for-information").await;
    let overflow: bool = browser
        .client
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth;",
            vec![],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap();
    assert!(!overflow, "the pack fits a phone's width");
    browser.screenshot("call-for-information-phone").await;
    browser.close().await;
}
