//! Receiving a body is the client's time: an import uploaded over a slow link is not cut off by
//! the request deadline, and a body that trickles in past `UPLOAD_TIMEOUT_MS` is refused with
//! 408, having done nothing.

use std::time::{Duration, Instant};

use gaptrack::config::Timeouts;
use gaptrack::domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{TestApp, create_key, session_cookie, test_settings};

/// gaptrack with a 2 s request deadline (ample for the work these tests ask, even on a busy
/// machine) and the given upload bound.
async fn spawn(upload: Duration) -> TestApp {
    let mut settings = test_settings();
    settings.timeouts = Timeouts {
        request: Duration::from_secs(2),
        upload,
        ..Timeouts::default()
    };
    TestApp::spawn_with_settings(settings).await
}

/// gaptrack as [`spawn`] makes it, with the 2023 report to import into, and the header line
/// that authorises an admin.
async fn importing_app(upload: Duration) -> (TestApp, String) {
    let app = spawn(upload).await;
    app.create_report(2023).await;
    let key = create_key(&app.database_url, Role::Admin, None).unwrap();
    (app, format!("Authorization: Bearer {key}\r\n"))
}

/// An import of one report year, as a program's client would send it.
fn import_body() -> Vec<u8> {
    serde_json::to_vec(&json!({
        "tiers": [
            {"country": "SEN", "tier": "Tier 2"},
            {"country": "Sierra Leone", "tier": 2},
        ],
        "recommendations": [
            {"country": "SLE", "position": 1, "pillar": "protection", "text": "Expand victim services."},
        ],
    }))
    .unwrap()
}

/// What came back for a request sent by hand over a slow link.
struct Answer {
    status: StatusCode,
    /// The status line and headers, lower-cased.
    head: String,
    content_type: String,
    body: String,
}

/// A POST sent as a slow link sends it: the head at once, then the first `sent` bytes of the
/// body in `pieces` pieces, `pause` apart. The rest of the body is never sent.
#[derive(Clone, Copy)]
struct SlowPost<'a> {
    path: &'a str,
    content_type: &'a str,
    /// More header lines, each ending in CRLF.
    headers: &'a str,
    body: &'a [u8],
    sent: usize,
    pieces: usize,
    pause: Duration,
}

impl<'a> SlowPost<'a> {
    /// `body` imported into 2023 through the API, sent whole at once.
    fn import(headers: &'a str, body: &'a [u8]) -> Self {
        Self {
            path: "/api/v1/reports/2023/import",
            content_type: "application/json",
            headers,
            body,
            sent: body.len(),
            pieces: 1,
            pause: Duration::ZERO,
        }
    }

    /// Sends it, and reads the answer (giving up after 30 s).
    async fn send(&self, app: &TestApp) -> Answer {
        let address = app.address.trim_start_matches("http://");
        let mut stream = TcpStream::connect(address).await.unwrap();
        let head = format!(
            "POST {} HTTP/1.1\r\nHost: {address}\r\n{}Content-Type: {}\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.path,
            self.headers,
            self.content_type,
            self.body.len()
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        for piece in self.body[..self.sent].chunks(self.sent.div_ceil(self.pieces)) {
            tokio::time::sleep(self.pause).await;
            // The server may have answered already; what it answered is read below.
            if stream.write_all(piece).await.is_err() {
                break;
            }
        }
        let mut response = Vec::new();
        tokio::time::timeout(Duration::from_secs(30), stream.read_to_end(&mut response))
            .await
            .expect("an answer within 30 s")
            .ok();
        Answer::parse(&String::from_utf8_lossy(&response))
    }
}

impl Answer {
    fn parse(response: &str) -> Self {
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((response, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|code| code.parse::<u16>().ok())
            .unwrap_or_else(|| panic!("no status line in {response:?}"));
        let content_type = head
            .lines()
            .find_map(|line| {
                let (name, value) = line.split_once(':')?;
                name.eq_ignore_ascii_case("content-type")
                    .then(|| value.trim().to_owned())
            })
            .unwrap_or_default();
        Self {
            status: StatusCode::from_u16(status).unwrap(),
            head: head.to_ascii_lowercase(),
            content_type,
            body: body.to_owned(),
        }
    }
}

#[actix_web::test]
async fn an_import_uploaded_slower_than_the_request_deadline_is_imported() {
    let (app, authorised) = importing_app(Duration::from_secs(20)).await;
    let body = import_body();

    // Four pieces 900 ms apart: the upload alone takes 3.6 s, well over the 2 s deadline.
    let started = Instant::now();
    let answer = SlowPost {
        pieces: 4,
        pause: Duration::from_millis(900),
        ..SlowPost::import(&authorised, &body)
    }
    .send(&app)
    .await;
    assert!(started.elapsed() >= Duration::from_millis(3600));
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let summary: Value = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(summary["tiers"]["created"], 2);
    assert_eq!(summary["recommendations"]["created"], 1);
    let sierra_leone = app.get_json("/api/v1/countries/SLE/tiers").await;
    assert_eq!(sierra_leone["items"][0]["tier"], "tier_2");
}

#[actix_web::test]
async fn a_slow_upload_with_an_idempotency_key_is_kept_and_answered() {
    let app = spawn(Duration::from_secs(20)).await;
    let key = create_key(&app.database_url, Role::Admin, None).unwrap();
    let authorised = format!("Authorization: Bearer {key}\r\n");
    let body = serde_json::to_vec(&json!({"name": "Field office"})).unwrap();
    // Three pieces 1 s apart, over the 2 s deadline: the body is read (to be remembered) before
    // the claim is taken.
    let slow = SlowPost {
        path: "/api/v1/organisations",
        content_type: "application/json",
        headers: &format!("{authorised}Idempotency-Key: slow-1\r\n"),
        body: &body,
        sent: body.len(),
        pieces: 3,
        pause: Duration::from_secs(1),
    };
    let answer = slow.send(&app).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    // The retry, sent at once, is the same request: it gets the first answer.
    let replayed = SlowPost {
        pause: Duration::ZERO,
        pieces: 1,
        ..slow
    }
    .send(&app)
    .await;
    assert_eq!(replayed.status, StatusCode::CREATED, "{}", replayed.body);
    assert!(
        replayed.head.contains("idempotent-replayed: true"),
        "{}",
        replayed.head
    );
    let organisations = app.get_json("/api/v1/organisations").await;
    assert_eq!(organisations["items"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn a_body_that_trickles_past_the_upload_bound_is_refused_with_408_and_nothing_done() {
    let (app, authorised) = importing_app(Duration::from_secs(1)).await;
    let body = import_body();

    // A third of the body, then nothing: the client stalled.
    // The client gives up after 30 s: an answer at all is the bound at work.
    let answer = SlowPost {
        sent: body.len() / 3,
        ..SlowPost::import(&authorised, &body)
    }
    .send(&app)
    .await;
    assert_eq!(
        answer.status,
        StatusCode::REQUEST_TIMEOUT,
        "{}",
        answer.body
    );
    assert_eq!(answer.content_type, "application/problem+json");
    let problem: Value = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(problem["code"], "request_timeout");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("UPLOAD_TIMEOUT_MS"),
        "{problem}"
    );
    let senegal = app.get_json("/api/v1/countries/SEN/tiers").await;
    assert_eq!(senegal["items"].as_array().unwrap().len(), 0);
}

#[actix_web::test]
async fn a_file_uploaded_slowly_on_the_import_page_is_checked() {
    let app = spawn(Duration::from_secs(20)).await;
    app.create_report(2023).await;
    let key = create_key(&app.database_url, Role::Admin, None).unwrap();
    let cookie = session_cookie(&app, &key).await;
    let page = reqwest::Client::new()
        .get(app.url("/admin/import"))
        .header("Cookie", &cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = page
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the import form carries its token");

    let boundary = "gaptrack-upload-test";
    let field = |name: &str, value: &str| {
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        )
    };
    let mut body = field("csrf", csrf) + &field("kind", "report") + &field("year", "2023");
    body.push_str(&format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"2023.json\"\r\n\
         Content-Type: application/json\r\n\r\n{}\r\n--{boundary}--\r\n",
        String::from_utf8(import_body()).unwrap()
    ));
    // Four pieces 900 ms apart: 3.6 s for a page whose deadline is 2 s.
    let answer = SlowPost {
        path: "/admin/import",
        content_type: &format!("multipart/form-data; boundary={boundary}"),
        headers: &format!("Cookie: {cookie}\r\nOrigin: {}\r\n", app.address),
        body: body.as_bytes(),
        sent: body.len(),
        pieces: 4,
        pause: Duration::from_millis(900),
    }
    .send(&app)
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    // The dry run's counts, and the button that imports the file.
    assert!(answer.body.contains("The file is valid"), "{}", answer.body);
    assert!(
        answer.body.contains("Confirm the import"),
        "{}",
        answer.body
    );
}
