//! The test harness: one PostgreSQL per test run, one database per test, the real app over HTTP.
//!
//! When neither `TEST_DATABASE_URL` nor `DATABASE_URL` is set, the run starts its own disposable
//! PostgreSQL cluster (the same code as `gaptrack serve` uses) in the temporary folder. A template
//! database is migrated once per run; each test gets a copy (`CREATE DATABASE ... TEMPLATE ...`),
//! dropped when the test ends.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::{Arc, Mutex, OnceLock};

use actix_web::dev::ServerHandle;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use gaptrack::config::{RateLimits, ServerSettings, Timeouts};
use gaptrack::db;
use gaptrack::db::audit::Actor;
use gaptrack::domain::{ManualClock, NewApiKey, Role, SharedClock};
use gaptrack::local_postgres::{Durability, LocalCluster};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};
use uuid::Uuid;

/// The server every test database lives on, and the migrated template to copy.
struct TestServer {
    /// Builds a connection string for a database of that server.
    base_url: String,
    template: String,
    /// Kept alive for the whole run; the kernel stops it when the test process exits.
    _cluster: Mutex<Option<LocalCluster>>,
}

static SERVER: OnceLock<TestServer> = OnceLock::new();

/// Runs a future to completion on a runtime of its own, on a thread of its own, so that set-up and
/// clean-up work from synchronous code and from inside any test's runtime alike.
fn block_on<F: std::future::Future + Send>(future: F) -> F::Output
where
    F::Output: Send,
{
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("a tokio runtime")
                    .block_on(future)
            })
            .join()
            .expect("the helper thread panicked")
    })
}

/// A connection string for database `name` on the server that `base_url` points at.
fn database_url(base_url: &str, name: &str) -> String {
    if base_url.starts_with("postgres://") || base_url.starts_with("postgresql://") {
        let mut url = url::Url::parse(base_url).expect("a valid TEST_DATABASE_URL");
        url.set_path(name);
        url.to_string()
    } else {
        format!("{base_url} dbname='{name}'")
    }
}

/// A fresh, empty folder for something of this test run (removed by the next run if left behind).
pub fn scratch_dir(purpose: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gaptrack-serve-{}", std::process::id()));
    let dir = dir.join(purpose);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

fn server() -> &'static TestServer {
    SERVER.get_or_init(|| {
        let external = std::env::var("TEST_DATABASE_URL")
            .or_else(|_| std::env::var("DATABASE_URL"))
            .ok()
            .filter(|url| !url.trim().is_empty());
        let (base_url, cluster) = match external {
            Some(url) => (url, None),
            None => {
                let root = test_cluster_root();
                let cluster = LocalCluster::start(&root, Durability::Disposable)
                    .unwrap_or_else(|error| panic!("cannot start the test PostgreSQL: {error}"));
                (cluster.connection_string("postgres"), Some(cluster))
            }
        };
        let template = format!("gaptrack_template_{}", std::process::id());
        block_on(async {
            let mut admin = AsyncPgConnection::establish(&database_url(&base_url, "postgres"))
                .await
                .expect("connect to the test PostgreSQL");
            diesel::sql_query(format!("DROP DATABASE IF EXISTS {template}"))
                .execute(&mut admin)
                .await
                .expect("drop an old template");
            diesel::sql_query(format!("CREATE DATABASE {template}"))
                .execute(&mut admin)
                .await
                .expect("create the template database");
        });
        db::run_migrations(&database_url(&base_url, &template)).expect("migrate the template");
        TestServer {
            base_url,
            template,
            _cluster: Mutex::new(cluster),
        }
    })
}

/// A folder for this run's cluster; the folders of earlier runs, whose processes are gone, are
/// removed first.
fn test_cluster_root() -> PathBuf {
    let parent = std::env::temp_dir();
    if let Ok(entries) = std::fs::read_dir(&parent) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let pid = ["gaptrack-test-", "gaptrack-serve-"]
                .iter()
                .find_map(|prefix| name.strip_prefix(prefix));
            if let Some(pid) = pid
                && !PathBuf::from(format!("/proc/{pid}")).exists()
            {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    parent.join(format!("gaptrack-test-{}", std::process::id()))
}

/// An empty database (not even migrated), dropped when this is.
pub struct EmptyDatabase {
    pub url: String,
    name: String,
}

impl EmptyDatabase {
    pub fn create() -> Self {
        let server = server();
        let name = format!("gaptrack_empty_{}", Uuid::now_v7().simple());
        let admin_url = database_url(&server.base_url, "postgres");
        let create = format!("CREATE DATABASE {name}");
        block_on(async move {
            let mut admin = AsyncPgConnection::establish(&admin_url).await.unwrap();
            diesel::sql_query(create).execute(&mut admin).await.unwrap();
        });
        Self {
            url: database_url(&server.base_url, &name),
            name,
        }
    }
}

impl Drop for EmptyDatabase {
    fn drop(&mut self) {
        drop_database(self.name.clone());
    }
}

fn drop_database(name: String) {
    let admin_url = database_url(&server().base_url, "postgres");
    block_on(async move {
        if let Ok(mut admin) = AsyncPgConnection::establish(&admin_url).await {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut admin)
                .await;
        }
    });
}

/// The app, serving a database of its own on a random port.
pub struct TestApp {
    pub address: String,
    pub database_url: String,
    /// Requests with the admin key; `TestApp` derefs to it.
    admin: ApiClient,
    database: String,
    handle: ServerHandle,
    /// The server's clock: it stands still until a test moves it (`app.clock.advance(...)`),
    /// so that expiries and second-factor codes never depend on how fast a test runs.
    pub clock: Arc<ManualClock>,
}

impl TestApp {
    /// Copies the template into a new database and starts the app on it.
    pub async fn spawn() -> Self {
        Self::spawn_with_limits(RateLimits::generous()).await
    }

    /// [`TestApp::spawn`], with these rate limits.
    pub async fn spawn_with_limits(rate_limits: RateLimits) -> Self {
        Self::spawn_with_settings(ServerSettings {
            rate_limits,
            ..test_settings()
        })
        .await
    }

    /// [`TestApp::spawn`], with these settings.
    pub async fn spawn_with_settings(settings: ServerSettings) -> Self {
        let server = server();
        let database = format!("gaptrack_test_{}", Uuid::now_v7().simple());
        let admin_url = database_url(&server.base_url, "postgres");
        let create = format!(
            "CREATE DATABASE {database} TEMPLATE {} STRATEGY FILE_COPY",
            server.template
        );
        block_on(async move {
            let mut admin = AsyncPgConnection::establish(&admin_url)
                .await
                .expect("connect to the test PostgreSQL");
            diesel::sql_query(create)
                .execute(&mut admin)
                .await
                .expect("copy the template");
        });
        Self::start(database, settings)
    }

    /// Starts the app on a database that does not exist, as if the database were down.
    pub fn spawn_without_database() -> Self {
        Self::start(
            format!("gaptrack_missing_{}", Uuid::now_v7().simple()),
            test_settings(),
        )
    }

    /// Starts the app on `database` (restored from a backup, say) with an admin key it already
    /// holds, writing nothing to it.
    pub fn spawn_on(database: &EmptyDatabase, admin_key: &str) -> Self {
        Self::start_with_key(
            database.name.clone(),
            test_settings(),
            Some(admin_key.to_owned()),
        )
    }

    fn start(database: String, settings: ServerSettings) -> Self {
        let database_url = database_url(&server().base_url, &database);
        let admin_key = create_key(&database_url, Role::Admin, None);
        Self::start_with_key(database, settings, admin_key)
    }

    fn start_with_key(
        database: String,
        mut settings: ServerSettings,
        admin_key: Option<String>,
    ) -> Self {
        let clock = Arc::new(ManualClock::at(chrono::Utc::now()));
        settings.clock = SharedClock::new(clock.clone());
        let database_url = database_url(&server().base_url, &database);
        let pool = db::build_pool(&database_url, 4, &Timeouts::default()).expect("a pool");
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let address = format!("http://{}", listener.local_addr().unwrap());
        let running = gaptrack::startup::run(listener, pool, settings).expect("the server starts");
        let handle = running.handle();
        actix_web::rt::spawn(running);
        Self {
            admin: ApiClient {
                address: address.clone(),
                client: client_with_key(admin_key.as_deref()),
            },
            address,
            database_url,
            database,
            handle,
            clock,
        }
    }

    /// The time on the server's clock.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        gaptrack::domain::Clock::now(self.clock.as_ref())
    }

    /// A client that sends `key` (or no key at all) instead of the admin key.
    pub fn as_key(&self, key: Option<&str>) -> ApiClient {
        ApiClient {
            address: self.address.clone(),
            client: client_with_key(key),
        }
    }

    /// Creates a key of `role` directly in the database and returns its secret.
    pub fn key(&self, role: Role, organisation: Option<&str>) -> String {
        let organisation = organisation.map(|id| Uuid::parse_str(id).unwrap());
        create_key(&self.database_url, role, organisation).expect("the key is created")
    }

    /// Spawns the app with the demo dataset loaded.
    pub async fn with_demo() -> Self {
        let app = Self::spawn().await;
        let mut connection = AsyncPgConnection::establish(&app.database_url)
            .await
            .unwrap();
        gaptrack::demo::load(&mut connection, &Actor::command_line("test"))
            .await
            .expect("the demo loads");
        app
    }

    /// Another gaptrack instance on the same database, as behind one load balancer.
    pub fn another_instance(&self) -> Instance {
        let pool = db::build_pool(&self.database_url, 2, &Timeouts::default()).expect("a pool");
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let address = format!("http://{}", listener.local_addr().unwrap());
        let running =
            gaptrack::startup::run(listener, pool, test_settings()).expect("the server starts");
        let handle = running.handle();
        actix_web::rt::spawn(running);
        Instance { address, handle }
    }

    /// The number `sql` (a query of one `bigint` column named `n`) counts in the app's database.
    pub async fn count(&self, sql: &str) -> i64 {
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let mut connection = AsyncPgConnection::establish(&self.database_url)
            .await
            .unwrap();
        let count: Count = diesel::sql_query(sql)
            .get_result(&mut connection)
            .await
            .unwrap_or_else(|error| panic!("{sql}: {error}"));
        count.n
    }

    /// GETs `path` and returns its JSON body, asserting a 200.
    pub async fn get_json(&self, path: &str) -> Value {
        expect_json(self.get(path).await, StatusCode::OK).await
    }

    // Fixtures, created through the API.

    pub async fn create_report(&self, year: i32) {
        let body = json!({"year": year, "title": format!("{year} Trafficking in Persons Report")});
        expect_json(
            self.post("/api/v1/reports", &body).await,
            StatusCode::CREATED,
        )
        .await;
    }

    pub async fn create_organisation(&self, name: &str) -> String {
        let body = json!({"name": name});
        let created = expect_json(
            self.post("/api/v1/organisations", &body).await,
            StatusCode::CREATED,
        )
        .await;
        created["id"].as_str().unwrap().to_string()
    }

    /// Creates a recommendation and returns its id.
    pub async fn create_recommendation(
        &self,
        country: &str,
        year: i32,
        position: i32,
        pillar: &str,
    ) -> String {
        let body = json!({
            "country": country, "year": year, "position": position, "pillar": pillar,
            "text": format!("Recommendation {position} to {country} in {year}."),
        });
        let created = expect_json(
            self.post("/api/v1/recommendations", &body).await,
            StatusCode::CREATED,
        )
        .await;
        created["id"].as_str().unwrap().to_string()
    }

    /// Creates an intervention of `organisation` in `countries` with `status`, and returns its id.
    pub async fn create_intervention(
        &self,
        organisation: &str,
        countries: &[&str],
        status: &str,
    ) -> String {
        let body = json!({
            "organisation_id": organisation, "countries": countries, "kind": "training",
            "title": "Training of police", "status": status,
        });
        let created = expect_json(
            self.post("/api/v1/interventions", &body).await,
            StatusCode::CREATED,
        )
        .await;
        created["id"].as_str().unwrap().to_string()
    }

    /// The most common arrangement: Sierra Leone's first 2023 recommendation, answered fully by
    /// an active intervention of CenHTRO.
    pub async fn linked(&self) -> Linked {
        self.create_report(2023).await;
        let recommendation = self
            .create_recommendation("SLE", 2023, 1, "protection")
            .await;
        let organisation = self.create_organisation("CenHTRO").await;
        let intervention = self
            .create_intervention(&organisation, &["SLE"], "active")
            .await;
        expect_json(
            self.link(&intervention, &recommendation, "full").await,
            StatusCode::CREATED,
        )
        .await;
        Linked {
            intervention,
            recommendation,
        }
    }

    pub async fn link(
        &self,
        intervention: &str,
        recommendation: &str,
        contribution: &str,
    ) -> Response {
        self.put(
            &format!("/api/v1/interventions/{intervention}/recommendations/{recommendation}"),
            &json!({"contribution": contribution}),
        )
        .await
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Stop accepting requests, then drop the database (FORCE closes the pool's connections).
        drop(self.handle.stop(false));
        drop_database(self.database.clone());
    }
}

/// Creates a key in the database at `url`; `None` when the database is not there.
pub fn create_key(url: &str, role: Role, organisation: Option<Uuid>) -> Option<String> {
    let url = url.to_string();
    block_on(async move {
        let mut connection = AsyncPgConnection::establish(&url).await.ok()?;
        let key = NewApiKey::generate();
        let actor = Actor::command_line("test");
        let name = format!("test {role}");
        gaptrack::db::keys::insert(
            &mut connection,
            &actor,
            &key,
            &name,
            role,
            organisation,
            None,
        )
        .await
        .expect("the key is stored");
        Some(key.token)
    })
}

fn client_with_key(key: Option<&str>) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    if let Some(key) = key {
        headers.insert(
            reqwest::header::AUTHORIZATION,
            format!("Bearer {key}").parse().unwrap(),
        );
    }
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .unwrap()
}

/// What a test server runs with: one worker, the default timeouts, and limits no test reaches
/// unless it means to (see [`TestApp::spawn_with_limits`]).
pub fn test_settings() -> ServerSettings {
    ServerSettings {
        workers: Some(1),
        timeouts: Timeouts::default(),
        rate_limits: RateLimits::generous(),
        trusted_proxies: Default::default(),
        sharing: Default::default(),
        accounts: Default::default(),
        public_url: None,
        clock: Default::default(),
        pseudo_locale: true,
        reminder_schedule: false,
        backups: None,
    }
}

/// A second server of a [`TestApp`]'s database; stopped when dropped.
pub struct Instance {
    pub address: String,
    handle: ServerHandle,
}

impl Drop for Instance {
    fn drop(&mut self) {
        drop(self.handle.stop(false));
    }
}

/// What [`TestApp::linked`] made.
pub struct Linked {
    pub intervention: String,
    pub recommendation: String,
}

/// Requests to the app with one key (or none).
pub struct ApiClient {
    address: String,
    pub client: reqwest::Client,
}

impl std::ops::Deref for TestApp {
    type Target = ApiClient;

    fn deref(&self) -> &ApiClient {
        &self.admin
    }
}

impl ApiClient {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn post(&self, path: &str, body: &Value) -> Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn put(&self, path: &str, body: &Value) -> Response {
        self.client
            .put(self.url(path))
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn patch(&self, path: &str, body: &Value) -> Response {
        self.client
            .patch(self.url(path))
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn delete(&self, path: &str) -> Response {
        self.client.delete(self.url(path)).send().await.unwrap()
    }
}

/// The `gaptrack` binary, with `envs` and none of the test run's own database settings.
pub fn gaptrack(envs: &[(&str, &str)]) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_gaptrack"));
    command
        .env_remove("DATABASE_URL")
        .env_remove("TEST_DATABASE_URL")
        .env("BIND_ADDRESS", "127.0.0.1:0")
        .env("RUST_LOG", "info")
        // Tests that load the server measure something else than its rate limits.
        .env("RATE_LIMIT_PER_KEY", "1000000")
        .env("RATE_LIMIT_PER_ADDRESS", "1000000")
        .env("RATE_LIMIT_FAILED_AUTH_PER_MINUTE", "1000000")
        .envs(envs.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    command
}

/// A client signed in to the pages with `key`, keeping the session cookie.
pub async fn signed_in(app: &TestApp, key: &str) -> reqwest::Client {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    sign_in(&client, app, key).await;
    client
}

/// Signs in with `key` and gives the session's cookie (`name=value`), for requests sent by hand.
pub async fn session_cookie(app: &TestApp, key: &str) -> String {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = sign_in(&client, app, key).await;
    let set_cookie = response.headers()["set-cookie"].to_str().unwrap();
    set_cookie.split(';').next().unwrap().to_owned()
}

/// Posts the sign-in form as a browser does; it must be accepted.
async fn sign_in(client: &reqwest::Client, app: &TestApp, key: &str) -> Response {
    let response = post_sign_in(client, &app.address, key, "/").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    response
}

/// The sign-in page's form token and the cookie (`name=value`) that goes with it, as a browser
/// gets them by opening the page of the server at `base`.
pub async fn sign_in_token(base: &str) -> (String, String) {
    let page = reqwest::get(format!("{base}/signin")).await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let cookie = page.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let body = page.text().await.unwrap();
    let (_, after) = body
        .split_once(r#"name="signin_token" value=""#)
        .expect("the sign-in form carries a token");
    let token = after.split('"').next().unwrap().to_owned();
    (token, cookie)
}

/// Opens the sign-in page of the server at `base`, then posts its form with `key`, as a browser
/// does; returns the answer to the post.
pub async fn post_sign_in(
    client: &reqwest::Client,
    base: &str,
    key: &str,
    return_to: &str,
) -> Response {
    let (token, cookie) = sign_in_token(base).await;
    client
        .post(format!("{base}/signin/key"))
        .header("Cookie", cookie)
        .form(&[
            ("key", key),
            ("return_to", return_to),
            ("signin_token", token.as_str()),
        ])
        .send()
        .await
        .unwrap()
}

/// Asserts the status and a JSON content type, and returns the body.
pub async fn expect_json(response: Response, status: StatusCode) -> Value {
    let actual = response.status();
    let content_type = content_type(&response);
    let body = response.text().await.unwrap();
    assert_eq!(actual, status, "unexpected status; body: {body}");
    assert_eq!(content_type, "application/json", "body: {body}");
    serde_json::from_str(&body).unwrap()
}

/// Asserts an RFC 9457 problem with this status and code, and returns it.
pub async fn expect_problem(response: Response, status: StatusCode, code: &str) -> Value {
    let actual = response.status();
    let content_type = content_type(&response);
    let body = response.text().await.unwrap();
    assert_eq!(actual, status, "unexpected status; body: {body}");
    assert_eq!(content_type, "application/problem+json", "body: {body}");
    let problem: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(problem["code"], code, "problem: {problem}");
    assert_eq!(problem["status"], status.as_u16());
    assert!(
        !problem["detail"].as_str().unwrap_or_default().is_empty(),
        "a problem always says what went wrong: {problem}"
    );
    problem
}

pub fn content_type(response: &Response) -> String {
    response
        .headers()
        .get("content-type")
        .map(|value| value.to_str().unwrap().to_string())
        .unwrap_or_default()
}

/// The fields named by a validation problem.
pub fn invalid_fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .expect("a validation problem lists its fields")
        .iter()
        .map(|error| error["field"].as_str().unwrap().to_string())
        .collect()
}
