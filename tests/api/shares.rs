//! Read-only share links: made by an editor from a country page and shown once, opened by anyone
//! without an account, with no person named and no small reach shown, until revoked or expired.

use reqwest::StatusCode;
use serde_json::json;

use crate::documents::page_of;
use crate::helpers::{TestApp, expect_json, signed_in};
use gaptrack::domain::Role;

/// The form token a page carries.
pub fn csrf_of(page: &str) -> String {
    let start = page
        .find(r#"name="csrf" value=""#)
        .expect("the page has a form")
        + 19;
    page[start..].split('"').next().unwrap().to_owned()
}

/// The link shown, whole, on the page a share form leads to.
fn link_of(page: &str) -> String {
    let start = page.find(r#"id="share-link""#).expect("the link is shown");
    let content = page[start..].find('>').unwrap() + start + 1;
    page[content..].split('<').next().unwrap().to_owned()
}

/// Shares `country`'s `year` for 30 days from its page (`page`, as `client` sees it): where the
/// link was shown, that page (it shows the link once), and the link.
pub async fn share(
    client: &reqwest::Client,
    app: &TestApp,
    page: &str,
    country: &str,
    year: &str,
) -> (String, String, String) {
    let made = client
        .post(app.url(&format!("/countries/{country}/share")))
        .form(&[
            ("csrf", csrf_of(page).as_str()),
            ("year", year),
            ("days", "30"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let shown_at = made.headers()["location"].to_str().unwrap().to_owned();
    let shown = page_of(client, app, &shown_at).await;
    let link = link_of(&shown);
    (shown_at, shown, link)
}

#[actix_web::test]
async fn an_editor_shares_a_report_that_opens_without_an_account_until_revoked() {
    let app = TestApp::with_demo().await;
    let organisations = app.get_json("/api/v1/organisations").await;
    let organisation = organisations["items"][0]["id"].as_str().unwrap().to_owned();
    // Two answering interventions of Senegal record their reach: one small, one not.
    let gaps = app.get_json("/api/v1/countries/SEN/gaps").await;
    let mut reached = Vec::new();
    for recommendation in gaps["recommendations"].as_array().unwrap() {
        for intervention in recommendation["interventions"].as_array().unwrap() {
            let id = intervention["id"].as_str().unwrap().to_owned();
            if !reached.contains(&id) {
                reached.push(id);
            }
        }
    }
    assert!(reached.len() >= 2, "{reached:?}");
    for (id, people) in reached.iter().zip([7, 250]) {
        let path = format!("/api/v1/interventions/{id}");
        let tag = app.get(&path).await.headers()["etag"].clone();
        let response = app
            .client
            .patch(app.url(&path))
            .header("If-Match", tag)
            .json(&json!({"people_reached": people}))
            .send()
            .await
            .unwrap();
        expect_json(response, StatusCode::OK).await;
    }

    let viewer = signed_in(&app, &app.key(Role::Viewer, None)).await;
    let page = page_of(&viewer, &app, "/countries/SEN").await;
    assert!(
        !page.contains("Share a read-only link"),
        "a viewer of no organisation has no work of its own to share"
    );

    let editor = signed_in(&app, &app.key(Role::Editor, Some(&organisation))).await;
    let page = page_of(&editor, &app, "/countries/SEN").await;
    assert!(page.contains("Share a read-only link"));
    let (shown_at, _, link) = share(&editor, &app, &page, "SEN", "2023").await;
    assert!(
        link.starts_with(&format!("{}/shared/", app.address)),
        "{link}"
    );
    let again = page_of(&editor, &app, &shown_at).await;
    assert!(
        again.contains("shown once") && !again.contains(&link),
        "a reload shows the link no more and makes no second one"
    );
    assert_eq!(app.count("SELECT count(*) AS n FROM share_links").await, 1);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM audit_events WHERE resource_type = 'share_link' AND action = 'create'")
            .await,
        1
    );
    assert_eq!(
        app.count("SELECT count(*) AS n FROM share_links WHERE length(token_sha256) = 32")
            .await,
        1,
        "only the token's digest is kept"
    );

    // Anyone with the link reads the report: no account, no controls, no person, no small reach.
    let stranger = reqwest::Client::new();
    let opened = stranger.get(&link).send().await.unwrap();
    assert_eq!(opened.status(), StatusCode::OK);
    assert_eq!(opened.headers()["x-robots-tag"], "noindex, nofollow");
    assert_eq!(opened.headers()["cache-control"], "no-store");
    let shared = opened.text().await.unwrap();
    for expected in [
        r#"<meta name="robots" content="noindex, nofollow">"#,
        "<h1>Senegal</h1>",
        "read-only, until",
        "fewer than 10",
        ">250<",
    ] {
        assert!(shared.contains(expected), "{expected:?} missing: {shared}");
    }
    for absent in ["test editor", "<form", "Sign out", ">7<", "gt_"] {
        assert!(!shared.contains(absent), "{absent:?} shown: {shared}");
    }
    // A reader with no account can read it in French too, from the link at its foot.
    assert!(shared.contains(r#"href="/language/fr""#), "{shared}");
    let cookie = ("Cookie", "gaptrack_language=fr");
    let in_french = stranger.get(&link).header(cookie.0, cookie.1).send();
    let in_french = in_french.await.unwrap().text().await.unwrap();
    assert!(
        in_french.contains(r#"<html lang="fr""#) && in_french.contains("<h1>Sénégal</h1>"),
        "{in_french}"
    );

    // Listed for its maker, revoked after asking: it stops opening at once.
    let mine = page_of(&editor, &app, "/shares").await;
    assert!(
        mine.contains("Senegal 2023") && mine.contains("open"),
        "{mine}"
    );
    let id = shown_at.split('/').nth(2).unwrap();
    let confirm = page_of(&editor, &app, &format!("/shares/{id}/revoke")).await;
    assert!(
        confirm.contains("The link to Senegal, 2023 TIP Report: the work of CenHTRO stops"),
        "{confirm}"
    );
    let revoked = editor
        .post(app.url(&format!("/shares/{id}/revoke")))
        .form(&[("csrf", csrf_of(&confirm).as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), StatusCode::SEE_OTHER);
    let gone = stranger.get(&link).send().await.unwrap();
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    assert!(
        gone.text()
            .await
            .unwrap()
            .contains("expired or was revoked")
    );
    assert_eq!(
        app.count("SELECT count(*) AS n FROM audit_events WHERE resource_type = 'share_link' AND action = 'revoke'")
            .await,
        1
    );
}

#[actix_web::test]
async fn an_expired_link_opens_nothing_and_a_viewer_cannot_make_one() {
    let app = TestApp::with_demo().await;
    let admin = signed_in(&app, &app.key(Role::Admin, None)).await;
    let page = page_of(&admin, &app, "/countries/SLE").await;
    let made = admin
        .post(app.url("/countries/SLE/share"))
        .form(&[
            ("csrf", csrf_of(&page).as_str()),
            ("year", "2023"),
            ("days", "1"),
        ])
        .send()
        .await
        .unwrap();
    let shown_at = made.headers()["location"].to_str().unwrap().to_owned();
    let link = link_of(&page_of(&admin, &app, &shown_at).await);
    assert_eq!(reqwest::get(&link).await.unwrap().status(), StatusCode::OK);
    let too_long = admin
        .post(app.url("/countries/SLE/share"))
        .form(&[
            ("csrf", csrf_of(&page).as_str()),
            ("year", "2023"),
            ("days", "400"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(too_long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A day later, less a minute, it still opens; a minute after, it does not.
    app.clock
        .advance(chrono::TimeDelta::days(1) - chrono::TimeDelta::minutes(1));
    assert_eq!(reqwest::get(&link).await.unwrap().status(), StatusCode::OK);
    app.clock.advance(chrono::TimeDelta::minutes(2));
    assert_eq!(
        reqwest::get(&link).await.unwrap().status(),
        StatusCode::NOT_FOUND
    );

    let viewer = signed_in(&app, &app.key(Role::Viewer, None)).await;
    let page = page_of(&viewer, &app, "/countries/SLE").await;
    let refused = viewer
        .post(app.url("/countries/SLE/share"))
        .form(&[("csrf", csrf_of(&page).as_str()), ("year", "2023")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn a_shared_report_names_nobody_who_linked_the_work() {
    let app = TestApp::with_demo().await;
    let organisations = app.get_json("/api/v1/organisations").await;
    let organisation = organisations["items"][0]["id"].as_str().unwrap().to_owned();
    let editor_key = app.key(Role::Editor, Some(&organisation));
    // The editor links one of their organisation's interventions to a Senegal recommendation.
    let editor_api = app.as_key(Some(&editor_key));
    let gaps = app.get_json("/api/v1/countries/SEN/gaps").await;
    let unaddressed = gaps["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["interventions"].as_array().unwrap().is_empty())
        .expect("Senegal has an unaddressed recommendation")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let ours = editor_api
        .get(&format!(
            "/api/v1/interventions?organisation={organisation}&country=SEN"
        ))
        .await;
    let ours = expect_json(ours, StatusCode::OK).await;
    let intervention = ours["items"][0]["id"].as_str().unwrap().to_owned();
    let linked = editor_api
        .put(
            &format!("/api/v1/interventions/{intervention}/recommendations/{unaddressed}"),
            &json!({"contribution": "partial", "rationale": "Trains the labour inspectors"}),
        )
        .await;
    expect_json(linked, StatusCode::CREATED).await;

    // Signed in, the country page says who linked it.
    let editor = signed_in(&app, &editor_key).await;
    let page = page_of(&editor, &app, "/countries/SEN").await;
    assert!(
        page.contains("Linked by") && page.contains("test editor"),
        "{page}"
    );

    let (_, _, link) = share(&editor, &app, &page, "SEN", "2023").await;
    let shared = reqwest::get(&link).await.unwrap().text().await.unwrap();
    assert!(
        shared.contains("Trains the labour inspectors"),
        "the link's rationale is the organisation's answer, shown: {shared}"
    );
    for absent in ["Linked by", "test editor", "command line"] {
        assert!(!shared.contains(absent), "{absent:?} shown: {shared}");
    }
}

#[actix_web::test]
async fn a_grant_writer_shares_their_organisations_work_and_no_one_elses() {
    let app = TestApp::with_demo().await;
    let organisations = app.get_json("/api/v1/organisations").await;
    let ours = organisations["items"][0]["id"].as_str().unwrap().to_owned();
    let ours_name = organisations["items"][0]["name"]
        .as_str()
        .unwrap()
        .to_owned();
    let theirs = app.create_organisation("Another network").await;

    // A viewer of an organisation (its grant writer) shares; the link shows its work only.
    let writer = signed_in(&app, &app.key(Role::Viewer, Some(&ours))).await;
    let page = page_of(&writer, &app, "/countries/SEN").await;
    assert!(page.contains("Share a read-only link"), "{page}");
    assert!(page.contains("your organisation's work"), "{page}");
    let (_, shown, link) = share(&writer, &app, &page, "SEN", "2023").await;
    assert!(
        shown.contains(&format!(
            "Senegal, 2023 TIP Report: the work of {ours_name}"
        )),
        "{shown}"
    );
    assert!(
        shown.contains(r#"data-copy="share-link""#),
        "a copy button: {shown}"
    );
    assert!(shown.contains("unless you revoke it first"), "{shown}");
    let shared = reqwest::get(&link).await.unwrap().text().await.unwrap();
    assert!(shared.contains(&ours_name), "{shared}");
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS n FROM share_links WHERE organisation_id = '{ours}'"
        ))
        .await,
        1
    );
    let mine = page_of(&writer, &app, "/shares").await;
    assert!(mine.contains("Senegal 2023"), "countries by name: {mine}");

    // An editor cannot publish another organisation's work without its say.
    let editor = signed_in(&app, &app.key(Role::Editor, Some(&ours))).await;
    let page = page_of(&editor, &app, "/countries/SEN").await;
    let refused = editor
        .post(app.url("/countries/SEN/share"))
        .form(&[
            ("csrf", csrf_of(&page).as_str()),
            ("year", "2023"),
            ("organisation", theirs.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    // An admin shares every organisation's work.
    let admin = signed_in(&app, &app.key(Role::Admin, None)).await;
    let page = page_of(&admin, &app, "/countries/SEN").await;
    let (_, shown, _) = share(&admin, &app, &page, "SEN", "2023").await;
    assert!(
        shown.contains("Senegal, 2023 TIP Report: the work of every organisation"),
        "{shown}"
    );
    // A viewer of no organisation is told whom to ask.
    let loose = signed_in(&app, &app.key(Role::Viewer, None)).await;
    let none = page_of(&loose, &app, "/shares").await;
    assert!(none.contains("Ask an admin to share a report"), "{none}");
}
