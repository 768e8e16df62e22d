//! Answers are compressed for the clients that accept it: a country page crosses a slow
//! connection in a fraction of its size, and reads back whole.

use std::io::Read;

use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING};

use crate::helpers::{TestApp, signed_in};

#[actix_web::test]
async fn a_country_page_is_sent_compressed_to_a_browser_that_accepts_it() {
    let app = TestApp::spawn().await;
    app.create_report(2023).await;
    for position in 1..=12 {
        app.create_recommendation("SLE", 2023, position, "protection")
            .await;
    }
    let viewer = signed_in(&app, &app.key(gaptrack::domain::Role::Viewer, None)).await;
    let page = |encoding: &'static str| {
        viewer
            .get(app.url("/countries/SLE"))
            .header(ACCEPT_ENCODING, encoding)
            .send()
    };

    let plain = page("identity").await.unwrap();
    assert!(plain.headers().get(CONTENT_ENCODING).is_none());
    let plain = plain.text().await.unwrap();
    assert!(plain.contains("Sierra Leone") && plain.trim_end().ends_with("</html>"));

    let compressed = page("gzip").await.unwrap();
    assert_eq!(compressed.headers()[CONTENT_ENCODING], "gzip");
    let bytes = compressed.bytes().await.unwrap();
    let mut read_back = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut read_back)
        .unwrap();
    assert_eq!(read_back, plain, "the same page, whole");
    assert!(
        bytes.len() * 3 < plain.len(),
        "{} bytes sent for {}",
        bytes.len(),
        plain.len()
    );

    // The API's answers too.
    let key = app.key(gaptrack::domain::Role::Viewer, None);
    let json = reqwest::Client::new()
        .get(app.url("/api/v1/countries/SLE/gaps"))
        .bearer_auth(&key)
        .header(ACCEPT_ENCODING, "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(json.headers()[CONTENT_ENCODING], "gzip");
}
