//! The run command itself: `gaptrack serve` as a newcomer starts it.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use serde_json::{Value, json};

use crate::helpers::{TestApp, scratch_dir};

/// A `gaptrack serve` process, and what it logged.
struct Served {
    child: Child,
    address: String,
    log: mpsc::Receiver<String>,
}

/// Starts the binary with `envs` (and no database settings of the test run's own) and waits until
/// it says where it listens.
fn serve(envs: &[(&str, &str)]) -> Served {
    let mut child = command(envs)
        .stderr(Stdio::piped())
        .spawn()
        .expect("gaptrack starts");
    let (lines, log) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    // From here on, Drop stops the process whatever happens.
    let mut served = Served {
        child,
        address: String::new(),
        log,
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
            return served;
        }
    }
}

fn command(envs: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gaptrack"));
    command
        .arg("serve")
        .env_remove("DATABASE_URL")
        .env_remove("TEST_DATABASE_URL")
        .env("BIND_ADDRESS", "127.0.0.1:0")
        .env("RUST_LOG", "info")
        .envs(envs.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    command
}

impl Served {
    async fn get(&self, path: &str) -> Value {
        let response = reqwest::get(format!("{}{path}", self.address))
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
    let report = served.get("/api/v1/countries/SLE/gaps").await;
    assert_eq!(report["year"], 2023);
    assert_eq!(report["summary"]["addressed"], 1);
    assert!(server_running_in(&data_dir));

    let created = reqwest::Client::new()
        .post(format!("{}/api/v1/organisations", served.address))
        .json(&json!({"name": "Kept across restarts"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let log = served.interrupt();
    assert!(log.contains("local PostgreSQL stopped"), "{log}");
    assert!(!server_running_in(&data_dir), "no PostgreSQL left behind");

    // A second start keeps the data and does not load the demo again.
    let mut served = serve(&[("GAPTRACK_DATA_DIR", data_dir.to_str().unwrap())]);
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
async fn a_server_given_database_url_does_not_load_the_demo() {
    let app = TestApp::spawn().await;
    let mut served = serve(&[("DATABASE_URL", app.database_url.as_str())]);
    let coverage = served.get("/api/v1/coverage").await;
    assert_eq!(coverage["items"], json!([]));
    assert_eq!(served.get("/readyz").await["status"], "ok");
    served.interrupt();
}

#[test]
fn without_postgresql_it_says_how_to_get_it() {
    let data_dir = scratch_dir("no-binaries");
    let output = command(&[
        ("GAPTRACK_PG_BINDIR", "/nonexistent"),
        ("GAPTRACK_DATA_DIR", data_dir.to_str().unwrap()),
    ])
    .stderr(Stdio::piped())
    .output()
    .unwrap();
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("apt-get install postgresql"), "{message}");
    assert!(message.contains("DATABASE_URL"), "{message}");
}
