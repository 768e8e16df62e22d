//! The run command itself: `gaptrack serve` as a newcomer starts it.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use serde_json::{Value, json};

use crate::helpers::{EmptyDatabase, gaptrack, scratch_dir};

/// A `gaptrack serve` process, and what it logged.
struct Served {
    child: Child,
    address: String,
    log: mpsc::Receiver<String>,
    /// The admin key printed at the first start of an empty database.
    printed_key: Option<String>,
    /// The key requests are made with.
    key: String,
}

/// Sends each line of `stream` down a channel, from a thread of its own.
fn lines_of(stream: impl std::io::Read + Send + 'static) -> mpsc::Receiver<String> {
    let (lines, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    receiver
}

/// Starts the binary with `envs` (and no database settings of the test run's own) and waits until
/// it says where it listens.
fn serve(envs: &[(&str, &str)]) -> Served {
    let mut child = gaptrack(envs)
        .arg("serve")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gaptrack starts");
    let log = lines_of(child.stderr.take().unwrap());
    let output = lines_of(child.stdout.take().unwrap());
    // From here on, Drop stops the process whatever happens.
    let mut served = Served {
        child,
        address: String::new(),
        log,
        printed_key: None,
        key: String::new(),
    };
    loop {
        let line = served
            .log
            .recv_timeout(Duration::from_secs(120))
            .expect("gaptrack says where it listens");
        if let Some(at) = line.find("gaptrack listening on ") {
            served.address = line[at + "gaptrack listening on ".len()..]
                .trim()
                .to_string();
            break;
        }
    }
    // Anything printed on standard output came before the server started listening, but its
    // reader thread may not have passed it on yet: read until it falls quiet.
    let printed = std::iter::from_fn(|| output.recv_timeout(Duration::from_millis(500)).ok());
    served.printed_key = printed.into_iter().find_map(|line| {
        line.trim()
            .starts_with("gt_")
            .then(|| line.trim().to_string())
    });
    served.key = served.printed_key.clone().unwrap_or_default();
    served
}

impl Served {
    async fn get(&self, path: &str) -> Value {
        let response = reqwest::Client::new()
            .get(format!("{}{path}", self.address))
            .bearer_auth(&self.key)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "GET {path}");
        response.json().await.unwrap()
    }

    /// Ctrl-C, as a person would; returns everything it logged afterwards.
    fn interrupt(&mut self) -> String {
        kill(Pid::from_raw(self.child.id() as i32), Signal::SIGINT).unwrap();
        let status = self.child.wait().unwrap();
        assert!(
            status.success(),
            "gaptrack exits cleanly on Ctrl-C: {status}"
        );
        // The reader thread ends at the end of stderr, which the exit has closed.
        self.log.iter().collect::<Vec<_>>().join("\n")
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn server_running_in(data_dir: &Path) -> bool {
    data_dir.join("pgdata/postmaster.pid").exists()
}

#[actix_web::test]
async fn the_first_local_start_shows_the_demo_gaps_and_ctrl_c_stops_postgres_too() {
    let data_dir = scratch_dir("local");
    let mut served = serve(&[("GAPTRACK_DATA_DIR", data_dir.to_str().unwrap())]);
    let key = served
        .printed_key
        .clone()
        .expect("the first start prints an admin key");
    let report = served.get("/api/v1/countries/SLE/gaps").await;
    assert_eq!(report["year"], 2023);
    assert_eq!(report["summary"]["addressed"], 1);
    assert!(server_running_in(&data_dir));
    // The tier history gaptrack ships is there too, from 2001.
    let afghanistan = served.get("/api/v1/countries/AFG/tiers").await;
    assert!(
        afghanistan["items"].as_array().unwrap().len() > 10,
        "{afghanistan}"
    );

    let created = reqwest::Client::new()
        .post(format!("{}/api/v1/organisations", served.address))
        .bearer_auth(&key)
        .json(&json!({"name": "Kept across restarts"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let log = served.interrupt();
    assert!(log.contains("local PostgreSQL stopped"), "{log}");
    assert!(!server_running_in(&data_dir), "no PostgreSQL left behind");

    // A second start keeps the data, and neither loads the demo nor makes a key again.
    let mut served = serve(&[("GAPTRACK_DATA_DIR", data_dir.to_str().unwrap())]);
    assert_eq!(served.printed_key, None);
    served.key = key;
    let organisations = served.get("/api/v1/organisations").await;
    let names: Vec<&str> = organisations["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["CenHTRO", "Kept across restarts"]);
    let interventions = served.get("/api/v1/interventions?limit=200").await;
    assert_eq!(interventions["items"].as_array().unwrap().len(), 8);
    served.interrupt();
    let _ = std::fs::remove_dir_all(&data_dir);
}

#[actix_web::test]
async fn a_server_given_an_empty_database_url_migrates_it_prints_a_key_and_loads_no_demo() {
    let database = EmptyDatabase::create();
    let mut served = serve(&[("DATABASE_URL", database.url.as_str())]);
    assert!(
        served.printed_key.is_some(),
        "the first start of an empty database prints a key"
    );
    let coverage = served.get("/api/v1/coverage").await;
    assert_eq!(coverage["items"], json!([]));
    let keys = served.get("/api/v1/keys").await;
    assert_eq!(
        keys["items"][0]["role"], "admin",
        "the printed key is an admin key"
    );
    assert_eq!(served.get("/readyz").await["status"], "ok");
    served.interrupt();
}

/// Runs `gaptrack serve` with `envs`, asserts that it refuses to start, and returns what it said.
fn refused_start(envs: &[(&str, &str)]) -> String {
    let output = gaptrack(envs)
        .arg("serve")
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert!(!output.status.success());
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn without_postgresql_it_says_how_to_get_it() {
    let data_dir = scratch_dir("no-binaries");
    let message = refused_start(&[
        ("GAPTRACK_PG_BINDIR", "/nonexistent"),
        ("GAPTRACK_DATA_DIR", data_dir.to_str().unwrap()),
    ]);
    assert!(message.contains("apt-get install postgresql"), "{message}");
    assert!(message.contains("DATABASE_URL"), "{message}");
}

#[test]
fn a_setting_it_cannot_read_stops_it_with_the_variable_named() {
    let message = refused_start(&[("TRUSTED_PROXIES", "10.0.0.0/8, lb.internal")]);
    assert!(
        message.contains("TRUSTED_PROXIES") && message.contains("`lb.internal`"),
        "{message}"
    );
    // 58 days: PostgreSQL would refuse it as `statement_timeout`, and so every connection.
    let message = refused_start(&[("REQUEST_TIMEOUT_MS", "5000000000")]);
    assert!(
        message.contains("REQUEST_TIMEOUT_MS must be at most 86400000"),
        "{message}"
    );
}

#[actix_web::test]
async fn keys_for_a_team_are_made_on_the_command_line() {
    let app = crate::helpers::TestApp::spawn().await;
    let organisation = app.create_organisation("CenHTRO").await;
    let output = gaptrack(&[("DATABASE_URL", app.database_url.as_str())])
        .args([
            "keys",
            "create",
            "--name",
            "CenHTRO team",
            "--role",
            "editor",
        ])
        .args(["--organisation", &organisation])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed = String::from_utf8(output.stdout).unwrap();
    let key = printed
        .lines()
        .find(|line| line.starts_with("gt_"))
        .expect("the key is printed");
    let team = app.as_key(Some(key));
    let body = json!({"organisation_id": organisation, "countries": ["SLE"], "kind": "training", "title": "x"});
    assert_eq!(
        team.post("/api/v1/interventions", &body).await.status(),
        201
    );

    let refused = gaptrack(&[("DATABASE_URL", app.database_url.as_str())])
        .args([
            "keys",
            "create",
            "--name",
            "no organisation",
            "--role",
            "editor",
        ])
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("organisation"));
}

#[actix_web::test]
async fn a_request_id_leads_from_an_error_body_to_the_log_line_which_names_the_client() {
    let database = EmptyDatabase::create();
    // As behind a proxy on this machine, which says whom it forwards for.
    let mut served = serve(&[
        ("DATABASE_URL", database.url.as_str()),
        ("TRUSTED_PROXIES", "127.0.0.1"),
    ]);
    let client = reqwest::Client::new();
    let direct = client
        .get(format!("{}/healthz", served.address))
        .header("X-Request-Id", "direct-1")
        .send()
        .await
        .unwrap();
    assert_eq!(direct.status(), 200);
    let response = client
        .get(format!("{}/api/v1/countries/Atlantis", served.address))
        .bearer_auth(&served.key)
        .header("X-Request-Id", "report-4711")
        .header("X-Forwarded-For", "203.0.113.7")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["x-request-id"], "report-4711");
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["request_id"], "report-4711");

    // An id that could forge a log line is replaced by one of the server's.
    let response = client
        .get(format!("{}/api/v1/nowhere", served.address))
        .header("X-Request-Id", "a b\tc")
        .send()
        .await
        .unwrap();
    let assigned = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(assigned.len(), 32, "{assigned}");
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["request_id"], assigned.as_str());

    // One-time secrets travel in paths and queries; the log names the route, never them.
    for (path, id) in [
        ("/account-links/SECRET-INVITATION-1234", "secret-1"),
        ("/shared/SECRET-SHARE-5678", "secret-2"),
        (
            "/signin/oidc/callback?code=SECRET-CODE-9012&state=x",
            "secret-3",
        ),
        ("/account-links/SECRET-MISTYPED-3456/extra", "secret-4"),
    ] {
        client
            .get(format!("{}{path}", served.address))
            .header("X-Request-Id", id)
            .send()
            .await
            .unwrap();
    }

    let log = served.interrupt();
    assert!(!log.contains("SECRET-"), "a secret was logged: {log}");
    let access_line = |request_id: &str| {
        log.lines()
            .filter(|line| line.contains("middleware::logger"))
            .find(|line| line.contains(&format!("request_id={request_id}")))
            .unwrap_or_else(|| panic!("the access log names request {request_id}: {log}"))
    };
    let line = access_line("report-4711");
    assert!(
        line.contains("\"GET /api/v1/countries/{code}\"") && line.contains(" 404 "),
        "{line}"
    );
    assert!(
        line.contains("] 203.0.113.7 \""),
        "the client the proxy named: {line}"
    );
    let line = access_line("direct-1");
    assert!(line.contains("] 127.0.0.1 \""), "the peer itself: {line}");
    assert!(log.contains(&format!("request_id={assigned}")));
    assert!(
        access_line("secret-1").contains("\"GET /account-links/{token}\""),
        "{log}"
    );
    assert!(
        access_line("secret-4").contains("\"GET (no route)\""),
        "{log}"
    );
}

#[actix_web::test]
async fn on_sigterm_every_accepted_request_is_answered_then_postgres_stops() {
    let data_dir = scratch_dir("sigterm");
    let mut served = serve(&[("GAPTRACK_DATA_DIR", data_dir.to_str().unwrap())]);
    let (address, key) = (served.address.clone(), served.key.clone());
    let answered = std::sync::Arc::new(std::sync::Mutex::new(Vec::<u16>::new()));
    let failed = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let refused = std::sync::Arc::new(std::sync::Mutex::new(Vec::<()>::new()));
    let mut clients = Vec::new();
    for _ in 0..4 {
        let (address, key) = (address.clone(), key.clone());
        let (answered, failed, refused) = (answered.clone(), failed.clone(), refused.clone());
        clients.push(actix_web::rt::spawn(async move {
            // One connection per request: a request either is refused (not accepted) or must be
            // answered. Bounded: at most 500 requests or 20 s per client.
            let client = reqwest::Client::builder()
                .pool_max_idle_per_host(0)
                .build()
                .unwrap();
            let started = std::time::Instant::now();
            for _ in 0..500 {
                if started.elapsed() > Duration::from_secs(20) {
                    break;
                }
                let sent = client
                    .get(format!("{address}/api/v1/coverage"))
                    .bearer_auth(&key)
                    .header("Connection", "close")
                    .send()
                    .await;
                match sent {
                    Ok(response) => answered.lock().unwrap().push(response.status().as_u16()),
                    Err(error) if error.is_connect() => break,
                    // The server closed the connection before answering: either it was still in
                    // the kernel's queue when the listener closed, or the server never read the
                    // request. Whether the server had accepted it is settled by its log below.
                    Err(error) if closed_unanswered(&error) => refused.lock().unwrap().push(()),
                    Err(error) => failed.lock().unwrap().push(format!("{error:?}")),
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(400)).await;
    kill(Pid::from_raw(served.child.id() as i32), Signal::SIGTERM).unwrap();
    for client in clients {
        client.await.unwrap();
    }
    let status = served.child.wait().unwrap();
    assert!(
        status.success(),
        "gaptrack exits cleanly on SIGTERM: {status}"
    );
    let log = served.log.iter().collect::<Vec<_>>().join("\n");

    let answered = answered.lock().unwrap().clone();
    assert!(!answered.is_empty());
    assert!(answered.iter().all(|s| *s == 200), "{answered:?}\n{log}");
    assert_eq!(
        failed.lock().unwrap().clone(),
        Vec::<String>::new(),
        "requests that failed otherwise than by a closed connection"
    );
    let accepted = log
        .lines()
        .filter(|line| line.contains("\"GET /api/v1/coverage\""))
        .count();
    assert_eq!(
        accepted,
        answered.len(),
        "every request the server accepted was answered to its client ({} closed unanswered)",
        refused.lock().unwrap().len()
    );
    assert!(log.contains("graceful shutdown"), "{log}");
    assert!(log.contains("local PostgreSQL stopped"), "{log}");
    assert!(!server_running_in(&data_dir), "no PostgreSQL left behind");
    let _ = std::fs::remove_dir_all(&data_dir);
}

/// Whether a request failed because the server closed the connection without a byte of answer.
fn closed_unanswered(error: &reqwest::Error) -> bool {
    let mut source: Option<&dyn std::error::Error> = Some(error);
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>()
            && io.kind() == std::io::ErrorKind::ConnectionReset
        {
            return true;
        }
        if let Some(hyper) = cause.downcast_ref::<hyper::Error>()
            && hyper.is_incomplete_message()
        {
            return true;
        }
        source = cause.source();
    }
    false
}
