//! The gap rule, its read model and the database's other functions and triggers, as they stand
//! after every migration, are kept readable in `src/db/sql/*.sql`: the migrations are their
//! history, those files their present. This test holds the two together: every function and
//! trigger of a migrated database is in one of the files, word for word as PostgreSQL prints it
//! (`pg_get_functiondef`, `pg_get_triggerdef`), and the files hold nothing else.
//!
//! After a migration changes one, run this test with `GAPTRACK_UPDATE_SQL=1`: it rewrites the
//! definitions in place (the comments between them stay), and names any it cannot place.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use diesel::QueryableByName;
use diesel::sql_types::Text;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use crate::helpers::TestApp;

#[derive(QueryableByName)]
struct Definition {
    #[diesel(sql_type = Text)]
    definition: String,
}

/// Every function gaptrack's migrations made (not an extension's) and every trigger, by their
/// first line (see [`name_of`]).
async fn database_definitions(app: &TestApp) -> BTreeMap<String, String> {
    let mut connection = AsyncPgConnection::establish(&app.database_url)
        .await
        .unwrap();
    let functions: Vec<Definition> = diesel::sql_query(
        "SELECT pg_get_functiondef(p.oid) AS definition
           FROM pg_proc p
           JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname = 'public'
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')",
    )
    .load(&mut connection)
    .await
    .unwrap();
    let triggers: Vec<Definition> = diesel::sql_query(
        "SELECT pg_get_triggerdef(t.oid, true) AS definition
           FROM pg_trigger t
          WHERE NOT t.tgisinternal",
    )
    .load(&mut connection)
    .await
    .unwrap();
    functions
        .into_iter()
        .chain(triggers)
        .map(|found| {
            let definition = format!("{};", found.definition.trim_end());
            (name_of(&definition), definition)
        })
        .collect()
}

fn sql_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/db/sql")
}

/// One definition in a file: the lines from its `CREATE` to the `;` that ends it.
struct Written {
    name: String,
    /// Byte range in the file.
    range: std::ops::Range<usize>,
    text: String,
}

/// The definitions a file holds. Each starts at a line beginning `CREATE` and ends at the first
/// line that ends in `$function$;` (a function) or in `;` (a trigger, on one line).
fn written_in(text: &str) -> Vec<Written> {
    let mut found = Vec::new();
    let mut offset = 0;
    let mut start: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end();
        if start.is_none() && bare.starts_with("CREATE ") {
            start = Some(offset);
        }
        offset += line.len();
        if let Some(from) = start {
            let ends = if text[from..].starts_with("CREATE TRIGGER") {
                bare.ends_with(';')
            } else {
                bare.ends_with("$function$;")
            };
            if ends {
                let definition = text[from..offset].trim_end().to_owned();
                found.push(Written {
                    name: name_of(&definition),
                    range: from..from + definition.len(),
                    text: definition,
                });
                start = None;
            }
        }
    }
    found
}

/// What names a definition: its first line (`CREATE OR REPLACE FUNCTION public.name(arguments)`,
/// or a trigger's whole one), the same for as long as its signature stands.
fn name_of(definition: &str) -> String {
    definition.lines().next().unwrap_or_default().to_owned()
}

#[actix_web::test]
async fn the_sql_files_hold_every_function_and_trigger_as_the_migrations_left_it() {
    let app = TestApp::spawn().await;
    let mut in_database = database_definitions(&app).await;
    let update = std::env::var_os("GAPTRACK_UPDATE_SQL").is_some();
    let mut files: Vec<PathBuf> = std::fs::read_dir(sql_folder())
        .expect("src/db/sql exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    let mut wrong = Vec::new();
    for file in files {
        let mut text = std::fs::read_to_string(&file).unwrap();
        let shown = file.file_name().unwrap().to_string_lossy().into_owned();
        let mut changed = false;
        for written in written_in(&text.clone()).into_iter().rev() {
            match in_database.remove(&written.name) {
                None => wrong.push(format!(
                    "{shown}: {} is not in a migrated database",
                    written.name
                )),
                Some(current) if current != written.text => {
                    wrong.push(format!(
                        "{shown}: {} differs from the database's",
                        written.name
                    ));
                    text.replace_range(written.range, &current);
                    changed = true;
                }
                Some(_) => {}
            }
        }
        if update && changed {
            std::fs::write(&file, &text).unwrap();
        }
    }
    for (missing, definition) in &in_database {
        wrong.push(format!(
            "{missing} is in no file of src/db/sql; it reads:\n{definition}\n"
        ));
    }
    assert!(
        wrong.is_empty(),
        "src/db/sql and the migrations disagree (GAPTRACK_UPDATE_SQL=1 rewrites what differs):\n{}",
        wrong.join("\n")
    );
}
