//! Backups and restores with `gaptrack backup` and `gaptrack restore`, run as an operator runs
//! them: a day's work backed up, changed, and restored as it was (a person still signs in with
//! their second factor); archives cut short, of another program, of a newer gaptrack, or into a
//! database that is not empty, refused with nothing changed; the database gaptrack manages backed
//! up before it is migrated and replaced whole by a restore.

use std::path::Path;
use std::process::{Output, Stdio};

use diesel::QueryableByName;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::accounts::{
    ADMIN_PASSWORD, become_first_admin, browser, get_page, now, post_form, sign_in, totp_secret_of,
};
use crate::documents::page_of;
use crate::helpers::{EmptyDatabase, TestApp, expect_json, gaptrack, scratch_dir, signed_in};
use crate::shares::share;
use gaptrack::domain::Role;

const COUNTRIES: [&str; 4] = ["SEN", "SLE", "MWI", "ZMB"];

/// Runs `gaptrack <args>` on the database at `url`, with `stdin` typed in.
fn run(url: &str, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = gaptrack(&[("DATABASE_URL", url), ("RUST_LOG", "warn")])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn succeeded(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn refused(output: &Output) -> String {
    assert!(!output.status.success(), "the command succeeded");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[derive(QueryableByName)]
struct Text {
    #[diesel(sql_type = diesel::sql_types::Text)]
    text: String,
}

/// Every row of `table`, as JSON, in `order`.
async fn rows(url: &str, table: &str, order: &str) -> Value {
    let mut connection = AsyncPgConnection::establish(url).await.unwrap();
    let sql = format!(
        "SELECT coalesce(json_agg(to_jsonb(t) ORDER BY {order}), '[]')::text AS text FROM {table} t"
    );
    let rows: Text = diesel::sql_query(&sql)
        .get_result(&mut connection)
        .await
        .unwrap_or_else(|error| panic!("{sql}: {error}"));
    serde_json::from_str(&rows.text).unwrap()
}

/// How many tables the database at `url` holds.
async fn tables(url: &str) -> i64 {
    gaptrack::db::databases::table_count(url).await.unwrap()
}

/// What people of the app see and hold: every country's gap report, the coverage, the
/// interventions and their links, the people and their second factors, the share links and the
/// audit trail.
async fn everything(app: &TestApp) -> Value {
    let mut gaps = Vec::new();
    for country in COUNTRIES {
        gaps.push(
            app.get_json(&format!("/api/v1/countries/{country}/gaps"))
                .await,
        );
    }
    let interventions = app.get_json("/api/v1/interventions?limit=100").await;
    let mut links = Vec::new();
    for intervention in interventions["items"].as_array().unwrap() {
        let id = intervention["id"].as_str().unwrap();
        links.push(
            app.get_json(&format!("/api/v1/interventions/{id}/recommendations"))
                .await,
        );
    }
    let url = &app.database_url;
    json!({
        "gaps": gaps,
        "coverage": app.get_json("/api/v1/coverage").await,
        "interventions": interventions,
        "links": links,
        "people": rows(url, "users", "t.id").await,
        "recovery_codes": rows(url, "user_recovery_codes", "t.user_id, t.code_sha256").await,
        "share_links": rows(url, "share_links", "t.id").await,
        "audit": rows(url, "audit_events", "t.id").await,
    })
}

/// The first admin, with a second factor: their TOTP secret.
async fn admin_with_second_factor(app: &TestApp) -> Vec<u8> {
    let (admin, location) = become_first_admin(app).await;
    assert_eq!(location, "/account/second-factor");
    let (_, enrol) = get_page(&admin, app, "/account/second-factor").await;
    let secret = totp_secret_of(&enrol);
    let code = gaptrack::domain::second_factor::code_at(&secret, now(app));
    let confirmed = post_form(
        &admin,
        app,
        "/account/second-factor",
        "/account/second-factor",
        &[("code", code.as_str()), ("return_to", "/")],
    )
    .await;
    assert_eq!(confirmed.status(), StatusCode::OK);
    secret
}

/// Signs in as the first admin with their password and a fresh code; whether the pages open.
async fn signs_in_with_second_factor(app: &TestApp, secret: &[u8]) -> bool {
    let client = browser();
    let signed = sign_in(&client, app, "awa@example.org", ADMIN_PASSWORD).await;
    if signed.status() != StatusCode::SEE_OTHER {
        return false;
    }
    let code = gaptrack::domain::second_factor::code_at(secret, now(app));
    let passed = post_form(
        &client,
        app,
        "/signin/second-factor?return_to=%2F",
        "/signin/second-factor",
        &[("code", code.as_str()), ("return_to", "/")],
    )
    .await;
    passed.status() == StatusCode::SEE_OTHER
        && get_page(&client, app, "/").await.0 == StatusCode::OK
}

#[actix_web::test]
async fn a_restored_backup_gives_back_the_days_work_as_it_was() {
    let app = TestApp::with_demo().await;
    let admin_key = app.key(Role::Admin, None);
    // A day's work: the first admin sets up a second factor; an editor logs an intervention,
    // links it to a recommendation of Senegal, and shares Senegal's report.
    let secret = admin_with_second_factor(&app).await;
    let organisations = app.get_json("/api/v1/organisations").await;
    let organisation = organisations["items"][0]["id"].as_str().unwrap().to_owned();
    let intervention = app
        .create_intervention(&organisation, &["SEN"], "active")
        .await;
    let gaps = app.get_json("/api/v1/countries/SEN/gaps").await;
    let recommendation = gaps["recommendations"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    expect_json(
        app.link(&intervention, &recommendation, "partial").await,
        StatusCode::CREATED,
    )
    .await;
    let editor = signed_in(&app, &app.key(Role::Editor, Some(&organisation))).await;
    let country_page = page_of(&editor, &app, "/countries/SEN").await;
    let (_, _, shared) = share(&editor, &app, &country_page, "SEN", "2023").await;
    let as_backed_up = everything(&app).await;

    let archive = scratch_dir("backup-day").join("day.dump");
    let archive_text = archive.to_str().unwrap();
    let said = succeeded(&run(
        &app.database_url,
        &["backup", "--to", archive_text],
        "",
    ));
    assert!(said.contains(archive_text), "{said}");

    // The work goes on: the intervention is deleted, another one logged.
    let deleted = app
        .delete(&format!("/api/v1/interventions/{intervention}"))
        .await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    app.create_intervention(&organisation, &["SLE"], "planned")
        .await;
    assert_ne!(everything(&app).await, as_backed_up, "the work changed");

    let empty = EmptyDatabase::create();
    let said = succeeded(&run(&empty.url, &["restore", archive_text, "--yes"], ""));
    assert!(said.contains("restored"), "{said}");
    let restored = TestApp::spawn_on(&empty, &admin_key);
    let found = everything(&restored).await;
    for (part, expected) in as_backed_up.as_object().unwrap() {
        assert_eq!(&found[part], expected, "{part} is as it was at the backup");
    }
    // The share link opens on the restored data, and the admin signs in with their second factor
    // (a code of a later time step than the one used to set it up).
    let path = shared.trim_start_matches(&app.address);
    let opened = reqwest::get(restored.url(path)).await.unwrap();
    assert_eq!(opened.status(), StatusCode::OK, "{path}");
    restored.clock.advance(chrono::TimeDelta::seconds(60));
    assert!(signs_in_with_second_factor(&restored, &secret).await);
}

/// An archive of the database at `url`, taken by `gaptrack backup`, in `folder`.
fn backup_of(url: &str, folder: &Path, name: &str) -> String {
    let file = folder.join(name).to_str().unwrap().to_owned();
    succeeded(&run(url, &["backup", "--to", &file], ""));
    file
}

async fn execute(url: &str, sql: &str) {
    let mut connection = AsyncPgConnection::establish(url).await.unwrap();
    diesel::sql_query(sql)
        .execute(&mut connection)
        .await
        .unwrap_or_else(|error| panic!("{sql}: {error}"));
}

#[actix_web::test]
async fn archives_that_cannot_be_restored_are_refused_and_change_nothing() {
    let app = TestApp::with_demo().await;
    let folder = scratch_dir("backup-refusals");
    let whole = backup_of(&app.database_url, &folder, "whole.dump");
    let target = EmptyDatabase::create();
    let restore = |file: &str| run(&target.url, &["restore", file, "--yes"], "");

    let bytes = std::fs::read(&whole).unwrap();
    let cut = folder.join("cut.dump");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let said = refused(&restore(cut.to_str().unwrap()));
    assert!(said.contains("is cut short or damaged"), "{said}");
    assert!(said.contains("nothing was changed"), "{said}");

    let text = folder.join("notes.txt");
    std::fs::write(&text, "not a backup").unwrap();
    let said = refused(&restore(text.to_str().unwrap()));
    assert!(
        said.contains("is not a PostgreSQL backup archive"),
        "{said}"
    );

    let other = EmptyDatabase::create();
    execute(&other.url, "CREATE TABLE books (title TEXT)").await;
    let foreign = backup_of(&other.url, &folder, "books.dump");
    let said = refused(&restore(&foreign));
    assert!(said.contains("not of a gaptrack database"), "{said}");

    execute(
        &app.database_url,
        "INSERT INTO __diesel_schema_migrations (version) VALUES ('29990101000000')",
    )
    .await;
    let newer = backup_of(&app.database_url, &folder, "newer.dump");
    let said = refused(&restore(&newer));
    assert!(said.contains("made by a newer gaptrack"), "{said}");
    assert!(said.contains("29990101000000"), "{said}");

    let said = refused(&run(&app.database_url, &["restore", &whole, "--yes"], ""));
    assert!(said.contains("is not empty"), "{said}");

    let said = refused(&run(&target.url, &["restore", &whole], "no\n"));
    assert!(said.contains("Type yes to go on"), "{said}");
    assert!(said.contains("not confirmed"), "{said}");

    assert_eq!(tables(&target.url).await, 0, "nothing was restored");
    succeeded(&run(&target.url, &["restore", &whole], "yes\n"));
    assert!(tables(&target.url).await > 20);
}

/// The line of `metric` in the server's `/metrics`.
async fn metric(app: &TestApp, metric: &str) -> String {
    let text = reqwest::get(app.url("/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    text.lines()
        .find(|line| line.starts_with(&format!("{metric} ")))
        .unwrap_or_else(|| panic!("no {metric} in {text}"))
        .to_owned()
}

fn archives_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[actix_web::test]
async fn the_daily_backup_is_taken_once_a_day_kept_n_deep_and_told_to_admins_and_monitoring() {
    use gaptrack::backup::take_daily_if_due;
    use gaptrack::config::{AccountSettings, Timeouts};
    use gaptrack::domain::backups::{BackupFolder, ManagedBackups};
    use gaptrack::domain::{ManualClock, SharedClock};
    use gaptrack::http::AppState;
    use std::sync::Arc;

    let app = TestApp::with_demo().await;
    assert_eq!(
        metric(&app, "gaptrack_backup_age_seconds").await,
        // Infinite (as Prometheus reads `inf`): an alert on the age fires before the first backup.
        "gaptrack_backup_age_seconds inf",
        "no backup yet"
    );
    let admin = signed_in(&app, &app.key(Role::Admin, None)).await;
    let page = page_of(&admin, &app, "/admin/backups").await;
    assert!(page.contains("No backup has been recorded yet"), "{page}");

    // The server's schedule, on a clock the test moves.
    let clock = Arc::new(ManualClock::at(app.now()));
    let server = AppState {
        pool: gaptrack::db::build_pool(&app.database_url, 2, &Timeouts::default()).unwrap(),
        timeouts: Timeouts::default(),
        accounts: AccountSettings::default(),
        mailer: None,
        clock: SharedClock::new(clock.clone()),
    };
    let folder = scratch_dir("backup-daily");
    let managed = ManagedBackups {
        connection: app.database_url.clone(),
        folder: BackupFolder {
            dir: folder.clone(),
            keep: 2,
        },
    };
    let daily = async || take_daily_if_due(&server, &managed).await.unwrap();
    let first = daily().await.expect("the first backup is due at once");
    assert!(std::path::Path::new(&first.location).is_file());
    assert!(daily().await.is_none(), "not twice a day");
    clock.advance(chrono::TimeDelta::hours(23));
    assert!(daily().await.is_none(), "not before a day has passed");
    clock.advance(chrono::TimeDelta::hours(1));
    daily().await.expect("a day later");
    clock.advance(chrono::TimeDelta::hours(24));
    let third = daily().await.expect("and the next day");
    let kept = archives_in(&folder);
    assert_eq!(kept.len(), 2, "BACKUP_KEEP archives are kept: {kept:?}");
    assert!(
        !kept.iter().any(|name| first.location.ends_with(name)),
        "the oldest went"
    );
    assert!(third.location.ends_with(&kept[1]));

    // An hour after the last one, by the server's own clock.
    app.clock.advance(chrono::TimeDelta::hours(49));
    assert_eq!(
        metric(&app, "gaptrack_backup_age_seconds").await,
        "gaptrack_backup_age_seconds 3600"
    );
    assert_eq!(
        metric(&app, "gaptrack_backup_size_bytes").await,
        format!("gaptrack_backup_size_bytes {}", third.bytes)
    );
    // (The session of two days ago has ended.)
    let admin = signed_in(&app, &app.key(Role::Admin, None)).await;
    let page = page_of(&admin, &app, "/admin/backups").await;
    let kilobytes = (third.bytes + 512) / 1024;
    let last = gaptrack::i18n::written::moment(gaptrack::i18n::Locale::ENGLISH, third.taken_at);
    assert!(
        // A no-break space keeps the number and its unit on one line.
        page.contains(&format!("Last backup: {last}, {kilobytes}\u{a0}KB.")),
        "{page}"
    );
    assert!(page.contains("Daily"), "{page}");
    let viewer = signed_in(&app, &app.key(Role::Viewer, None)).await;
    let refused = viewer.get(app.url("/admin/backups")).send().await.unwrap();
    assert_ne!(refused.status(), StatusCode::OK);
}

/// Runs `gaptrack <args>` on the database it manages in `data_dir`.
fn managed(data_dir: &Path, args: &[&str]) -> Output {
    gaptrack(&[
        ("GAPTRACK_DATA_DIR", data_dir.to_str().unwrap()),
        ("BACKUP_KEEP", "3"),
        ("RUST_LOG", "info"),
    ])
    .args(args)
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .output()
    .unwrap()
}

#[actix_web::test]
async fn the_database_gaptrack_manages_is_backed_up_before_migrating_and_replaced_by_a_restore() {
    use gaptrack::local_postgres::{Durability, LocalCluster};

    let data_dir = scratch_dir("backup-managed");
    succeeded(&managed(&data_dir, &["demo", "load"]));
    // The cluster runs, as under a server; the commands below use it as it is.
    let cluster = LocalCluster::start(&data_dir, Durability::Disposable).unwrap();
    let url = cluster.connection_string("gaptrack");
    // The database of the gaptrack before this one: its newest migration undone.
    let newest = gaptrack::db::known_migration_versions()
        .into_iter()
        .max()
        .unwrap();
    let folder = std::fs::read_dir("migrations")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.to_str().unwrap().replace('-', "").contains(&newest))
        .unwrap();
    execute(
        &url,
        &std::fs::read_to_string(folder.join("down.sql")).unwrap(),
    )
    .await;
    execute(
        &url,
        &format!("DELETE FROM __diesel_schema_migrations WHERE version = '{newest}'"),
    )
    .await;

    // A second server on the same folder is refused: the first would stop its PostgreSQL.
    // (On an address it cannot listen on: were it not refused, it would still end, saying so.)
    let second = gaptrack(&[
        ("GAPTRACK_DATA_DIR", data_dir.to_str().unwrap()),
        ("BIND_ADDRESS", "nowhere"),
    ])
    .arg("serve")
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .output()
    .unwrap();
    let said = refused(&second);
    assert!(said.contains("a gaptrack server already runs on"), "{said}");

    let started = managed(&data_dir, &["keys", "list"]);
    let log = String::from_utf8_lossy(&started.stderr).into_owned();
    succeeded(&started);
    assert!(log.contains("backup before new migrations"), "{log}");
    let backups = data_dir.join("backups");
    let before_migration = archives_in(&backups);
    assert_eq!(before_migration.len(), 1);
    assert!(before_migration[0].ends_with("-before-migration.dump"));

    let said = succeeded(&managed(&data_dir, &["backup"]));
    let archive = said
        .split_whitespace()
        .find(|word| word.ends_with(".dump"))
        .unwrap()
        .to_owned();
    assert!(archive.starts_with(backups.to_str().unwrap()), "{said}");
    succeeded(&managed(
        &data_dir,
        &[
            "keys",
            "create",
            "--name",
            "made after the backup",
            "--role",
            "viewer",
        ],
    ));
    let keys = succeeded(&managed(&data_dir, &["keys", "list"]));
    assert!(keys.contains("made after the backup"), "{keys}");
    // An archive cut short is refused, and the database gaptrack manages stays as it was.
    let bytes = std::fs::read(&archive).unwrap();
    let cut = data_dir.join("cut.dump");
    std::fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let said = refused(&managed(
        &data_dir,
        &["restore", cut.to_str().unwrap(), "--yes"],
    ));
    assert!(said.contains("cut short or damaged"), "{said}");
    assert_eq!(succeeded(&managed(&data_dir, &["keys", "list"])), keys);
    let restored = succeeded(&managed(&data_dir, &["restore", &archive, "--yes"]));
    assert!(
        restored.contains("the database it replaced was backed up to"),
        "{restored}"
    );
    let keys = succeeded(&managed(&data_dir, &["keys", "list"]));
    assert!(!keys.contains("made after the backup"), "{keys}");
    // The restored database knows the backups of the one it replaced, and the one of it.
    let recorded = rows(&url, "backups", "t.id").await;
    let reasons: Vec<&str> = recorded
        .as_array()
        .unwrap()
        .iter()
        .map(|backup| backup["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons, ["before_migration", "command", "before_restore"]);

    // BACKUP_KEEP is 3: the next backup deletes the oldest.
    succeeded(&managed(&data_dir, &["backup"]));
    let kept = archives_in(&backups);
    assert_eq!(kept.len(), 3, "{kept:?}");
    assert!(!kept.contains(&before_migration[0]), "{kept:?}");
    cluster.stop().unwrap();
}

#[actix_web::test]
async fn an_admin_reads_when_the_last_backup_was_taken_on_a_phone_in_both_languages() {
    let app = TestApp::with_demo().await;
    backup_of(
        &app.database_url,
        &scratch_dir("backup-page"),
        "gaptrack-before-the-season.dump",
    );
    let browser = crate::browser::Browser::open(&app).await;
    browser.client.set_window_size(390, 844).await.unwrap();
    browser.sign_in(&app.key(Role::Admin, None)).await;
    browser.goto("/admin/audit").await;
    browser.submit("main a[href='/admin/backups']").await;
    assert!(
        browser
            .text("#last-backup")
            .await
            .starts_with("Last backup: ")
    );
    let table = browser.text("main table").await;
    assert!(table.contains("By the command gaptrack backup"), "{table}");
    assert!(table.contains("gaptrack-before-the-season.dump"), "{table}");
    assert_eq!(browser.past_the_edge().await, Vec::<String>::new());
    browser.screenshot("backups-phone").await;
    browser.goto("/language/fr").await;
    browser.goto("/admin/backups").await;
    assert_eq!(browser.text("h1").await, "Sauvegardes");
    // (WebDriver gives the no-break space before the colon as a space.)
    let last = browser.text("#last-backup").await;
    assert!(last.starts_with("Dernière sauvegarde : "), "{last}");
    assert!(last.ends_with(" Ko."), "{last}");
    assert_eq!(browser.past_the_edge().await, Vec::<String>::new());
    browser.screenshot("backups-phone-fr").await;
    browser.client.set_window_size(1280, 800).await.unwrap();
    browser.screenshot("backups-desktop-fr").await;
    browser.goto("/language/en").await;
    browser.goto("/admin/backups").await;
    assert_eq!(browser.text("h1").await, "Backups");
    browser.screenshot("backups-desktop").await;
    browser.close().await;
}
