//! Faults injected for real into a PostgreSQL of the test's own: its processes frozen with
//! SIGSTOP and thawed, and the server stopped and started again, while clients keep calling.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::dev::ServerHandle;
use gaptrack::config::{RateLimits, ServerSettings, Timeouts};
use gaptrack::domain::Role;
use gaptrack::local_postgres::{Durability, LocalCluster};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{create_key, scratch_dir};

/// Short bounds, so that the test learns quickly what a client would.
const TIMEOUTS: Timeouts = Timeouts {
    connect: Duration::from_secs(1),
    pool_wait: Duration::from_secs(1),
    request: Duration::from_secs(2),
    import: Duration::from_secs(2),
    upload: Duration::from_secs(10),
};

/// gaptrack serving a database on a PostgreSQL cluster that the test may freeze and restart.
struct FaultyService {
    root: PathBuf,
    cluster: Option<LocalCluster>,
    address: String,
    /// The admin key's secret, and a client that sends it.
    key: String,
    client: reqwest::Client,
    handle: ServerHandle,
}

impl FaultyService {
    async fn start(purpose: &str) -> Self {
        let root = scratch_dir(purpose);
        let cluster = LocalCluster::start(&root, Durability::Disposable).expect("a PostgreSQL");
        let url = cluster.connection_string("postgres");
        gaptrack::db::run_migrations(&url).expect("migrations");
        let key = create_key(&url, Role::Admin, None).expect("a key");
        let pool = gaptrack::db::build_pool(&url, 4, &TIMEOUTS).expect("a pool");
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = format!("http://{}", listener.local_addr().unwrap());
        let server = gaptrack::startup::run(
            listener,
            pool,
            ServerSettings {
                workers: Some(2),
                timeouts: TIMEOUTS,
                rate_limits: RateLimits::generous(),
                trusted_proxies: Default::default(),
                sharing: Default::default(),
                accounts: Default::default(),
                public_url: None,
                clock: Default::default(),
                pseudo_locale: false,
                reminder_schedule: false,
                backups: None,
            },
        )
        .unwrap();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("Authorization", format!("Bearer {key}").parse().unwrap());
        let client = reqwest::Client::builder()
            .default_headers(headers)
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap();
        Self {
            root,
            cluster: Some(cluster),
            address,
            key,
            client,
            handle,
        }
    }

    async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .unwrap()
    }

    /// Sends `signal` to the postmaster and every process it started.
    fn signal_all(&self, signal: Signal) {
        for pid in cluster_processes(&self.root) {
            let _ = kill(pid, signal);
        }
    }

    /// Stops PostgreSQL, leaves it down for `down`, and starts it again, on a thread of its own so
    /// that the clients of the test keep calling meanwhile.
    async fn restart_database(&mut self, down: Duration) {
        let cluster = self.cluster.take().unwrap();
        let root = self.root.clone();
        let restarted = actix_web::rt::task::spawn_blocking(move || {
            cluster.stop().expect("PostgreSQL stops");
            std::thread::sleep(down);
            LocalCluster::start(&root, Durability::Disposable).expect("PostgreSQL starts again")
        })
        .await
        .unwrap();
        self.cluster = Some(restarted);
    }

    /// Polls `/readyz` until it answers 200; how long that took.
    async fn until_ready(&self) -> Duration {
        let started = Instant::now();
        while self.get("/readyz").await.status() != StatusCode::OK {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "never ready again"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        started.elapsed()
    }
}

impl Drop for FaultyService {
    fn drop(&mut self) {
        self.signal_all(Signal::SIGCONT);
        drop(self.handle.stop(false));
    }
}

/// The postmaster (from its pid file) and its children (from /proc).
fn cluster_processes(root: &Path) -> Vec<Pid> {
    let pid_file = std::fs::read_to_string(root.join("pgdata/postmaster.pid")).unwrap_or_default();
    let Some(postmaster) = pid_file
        .lines()
        .next()
        .and_then(|l| l.trim().parse::<i32>().ok())
    else {
        return Vec::new();
    };
    let mut pids = vec![Pid::from_raw(postmaster)];
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        // `pid (comm) state ppid ...`: the name may hold spaces, so read after its ')'.
        let parent = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|ppid| ppid.parse::<i32>().ok());
        if parent == Some(postmaster) {
            pids.push(Pid::from_raw(pid));
        }
    }
    pids
}

#[actix_web::test]
async fn a_frozen_database_gives_quick_503s_and_the_service_recovers_when_it_thaws() {
    let service = FaultyService::start("faults-freeze").await;
    assert_eq!(service.get("/readyz").await.status(), StatusCode::OK);
    assert_eq!(
        service.get("/api/v1/organisations").await.status(),
        StatusCode::OK
    );

    // A frozen PostgreSQL never answers, and the test's client gives up after 30 s: an answer
    // at all is the deadline at work.
    service.signal_all(Signal::SIGSTOP);
    let ready = service.get("/readyz").await;
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(service.get("/healthz").await.status(), StatusCode::OK);

    for attempt in 0..3 {
        let response = service.get("/api/v1/organisations").await;
        assert_eq!(
            response.status(),
            StatusCode::SERVICE_UNAVAILABLE,
            "attempt {attempt}"
        );
        assert_eq!(response.headers()["retry-after"], "2");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
    }

    service.signal_all(Signal::SIGCONT);
    service.until_ready().await;
    assert_eq!(
        service.get("/api/v1/organisations").await.status(),
        StatusCode::OK
    );
    let created = service
        .client
        .post(format!("{}/api/v1/organisations", service.address))
        .json(&json!({"name": "After the thaw"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
}

#[actix_web::test]
async fn pages_answer_503_within_the_deadline_while_the_database_is_frozen() {
    let service = FaultyService::start("faults-freeze-pages").await;
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        // A page that hangs fails the test instead of the test hanging with it.
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let signed_in =
        crate::helpers::post_sign_in(&browser, &service.address, &service.key, "/").await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    let page = |path: &str| browser.get(format!("{}{path}", service.address)).send();
    assert_eq!(
        page("/interventions").await.unwrap().status(),
        StatusCode::OK
    );

    service.signal_all(Signal::SIGSTOP);
    let frozen = page("/interventions").await.unwrap();
    assert_eq!(frozen.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        frozen.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let text = frozen.text().await.unwrap();
    assert!(
        text.contains("took longer than the 2000 ms it is allowed"),
        "{text}"
    );

    service.signal_all(Signal::SIGCONT);
    service.until_ready().await;
    assert_eq!(
        page("/interventions").await.unwrap().status(),
        StatusCode::OK
    );
}

#[actix_web::test]
async fn a_database_restart_under_load_gives_503s_never_500s_and_loses_no_answered_write() {
    let mut service = FaultyService::start("faults-restart").await;
    let statuses = Arc::new(Mutex::new(Vec::<u16>::new()));
    let written = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut clients = Vec::new();
    for client_number in 0..6 {
        let (client, address) = (service.client.clone(), service.address.clone());
        let (statuses, written, stop) = (statuses.clone(), written.clone(), stop.clone());
        clients.push(actix_web::rt::spawn(async move {
            let mut n = 0;
            // Bounded: at most 60 s or 2,000 requests per client.
            let started = Instant::now();
            while !stop.load(std::sync::atomic::Ordering::Relaxed)
                && started.elapsed() < Duration::from_secs(60)
                && n < 2000
            {
                n += 1;
                let status = if client_number % 2 == 0 {
                    let name = format!("client {client_number} write {n}");
                    let response = client
                        .post(format!("{address}/api/v1/organisations"))
                        .json(&json!({"name": name}))
                        .send()
                        .await
                        .unwrap();
                    if response.status() == StatusCode::CREATED {
                        written.lock().unwrap().push(name);
                    }
                    response.status()
                } else {
                    client
                        .get(format!("{address}/api/v1/organisations?limit=5"))
                        .send()
                        .await
                        .unwrap()
                        .status()
                };
                statuses.lock().unwrap().push(status.as_u16());
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    service.restart_database(Duration::from_secs(1)).await;
    let recovery = service.until_ready().await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for client in clients {
        client.await.unwrap();
    }

    let statuses = statuses.lock().unwrap().clone();
    let count = |status: u16| statuses.iter().filter(|s| **s == status).count();
    let served = count(200) + count(201);
    println!(
        "restart under load: {} requests, {served} served, {} answered 503, {} 500; ready again {recovery:?} after the restart",
        statuses.len(),
        count(503),
        count(500)
    );
    assert_eq!(count(500), 0, "no 500s: {statuses:?}");
    assert!(
        statuses.iter().all(|s| [200, 201, 503].contains(s)),
        "only answers and 503s"
    );
    assert!(served > 0);
    assert!(count(503) > 0, "the clients saw the database down");

    // Every write that was answered 201 is there.
    let mut stored = std::collections::HashSet::new();
    let mut path = "/api/v1/organisations?limit=200".to_string();
    loop {
        let page: serde_json::Value = service.get(&path).await.json().await.unwrap();
        for item in page["items"].as_array().unwrap() {
            stored.insert(item["name"].as_str().unwrap().to_string());
        }
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/v1/organisations?limit=200&cursor={cursor}"),
            None => break,
        }
    }
    let written = written.lock().unwrap().clone();
    assert!(!written.is_empty());
    for name in &written {
        assert!(
            stored.contains(name),
            "{name} was answered 201 but is not stored"
        );
    }
}

#[actix_web::test]
async fn after_a_restart_the_first_writes_succeed_on_fresh_connections() {
    let mut service = FaultyService::start("faults-idle-restart").await;
    // Fill the pool: four requests at once hold four connections, which then sit idle.
    let warm_up = (0..4).map(|_| service.get("/api/v1/organisations"));
    for response in futures_util::future::join_all(warm_up).await {
        assert_eq!(response.status(), StatusCode::OK);
    }
    let metrics = service.get("/metrics").await.text().await.unwrap();
    let pooled: u32 = metrics
        .lines()
        .find_map(|line| line.strip_prefix("gaptrack_db_pool_connections "))
        .and_then(|count| count.parse().ok())
        .expect("the pool's size is in the metrics");
    assert!(pooled >= 2, "the pool holds idle connections: {pooled}");

    // PostgreSQL is up again when this returns; gaptrack has not been asked anything meanwhile
    // (not even `/readyz`, whose checks would use up the dead connections first).
    service.restart_database(Duration::from_millis(200)).await;

    // Every idle connection of the pool died with the old server: none may be handed to a write,
    // which, unlike a read, is not tried twice.
    let writes = (0..4).map(|n| {
        service
            .client
            .post(format!("{}/api/v1/organisations", service.address))
            .json(&json!({"name": format!("First write {n} after the restart")}))
            .send()
    });
    for response in futures_util::future::join_all(writes).await {
        assert_eq!(response.unwrap().status(), StatusCode::CREATED);
    }
}
