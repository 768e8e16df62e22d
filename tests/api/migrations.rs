//! Every migration can be reverted, so a bad deploy can be rolled back; and `src/db/schema.rs` says
//! what the migrations build.

use diesel::sql_types::Text;
use diesel::{QueryableByName, RunQueryDsl};
use diesel_async::AsyncPgConnection;
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_migrations::MigrationHarness;
use gaptrack::db::MIGRATIONS;

use crate::helpers::EmptyDatabase;

#[derive(QueryableByName, Debug, PartialEq, Eq)]
struct SchemaObject {
    #[diesel(sql_type = Text)]
    description: String,
}

/// Every table column, index, constraint and function of the public schema, as text.
const SCHEMA: &str = "
    SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS description
      FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations'
    UNION ALL
    SELECT 'index ' || indexdef FROM pg_indexes
     WHERE schemaname = 'public' AND tablename <> '__diesel_schema_migrations'
    UNION ALL
    SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(c.oid)
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = 'public' AND conrelid <> '__diesel_schema_migrations'::regclass
    UNION ALL
    SELECT 'function ' || p.oid::regprocedure::text
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public'
    ORDER BY 1";

#[test]
fn every_down_migration_restores_the_schema_before_it() {
    let database = EmptyDatabase::create();
    let url = database.url.clone();
    std::thread::spawn(move || {
        let mut connection =
            <AsyncConnectionWrapper<AsyncPgConnection> as diesel::Connection>::establish(&url)
                .unwrap();
        let schema = |connection: &mut AsyncConnectionWrapper<AsyncPgConnection>| {
            diesel::sql_query(SCHEMA)
                .load::<SchemaObject>(connection)
                .unwrap()
        };
        connection.run_pending_migrations(MIGRATIONS).unwrap();
        let migrated = schema(&mut connection);
        assert!(migrated.len() > 50, "the schema is read: {migrated:?}");

        // Step back one migration at a time: each down.sql must run cleanly.
        let applied = connection.applied_migrations().unwrap();
        for version in applied {
            connection
                .revert_last_migration(MIGRATIONS)
                .unwrap_or_else(|error| panic!("reverting {version}: {error}"));
        }
        assert_eq!(
            schema(&mut connection),
            [],
            "nothing is left after reverting every migration"
        );

        connection.run_pending_migrations(MIGRATIONS).unwrap();
        assert_eq!(
            schema(&mut connection),
            migrated,
            "migrating again gives the same schema"
        );
    })
    .join()
    .unwrap();
}

/// Every column of the migrated database, in table order then column order, as
/// `table.column type` with `type` as diesel writes it (`Nullable<Text>`), and each table's
/// primary key as `table (a, b)`.
const COLUMNS: &str = "
    SELECT c.table_name || '.' || c.column_name || ' ' ||
           CASE WHEN c.is_nullable = 'YES' THEN 'Nullable<' ELSE '' END ||
           initcap(c.udt_name) ||
           CASE WHEN c.is_nullable = 'YES' THEN '>' ELSE '' END AS description
      FROM information_schema.columns c
     WHERE c.table_schema = 'public' AND c.table_name <> '__diesel_schema_migrations'
    UNION ALL
    SELECT t.relname || ' (' || string_agg(a.attname, ', ' ORDER BY k.ord) || ')'
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE i.indisprimary AND n.nspname = 'public' AND t.relname <> '__diesel_schema_migrations'
     GROUP BY t.relname
    ORDER BY 1";

/// The same lines, read from `src/db/schema.rs`.
fn declared_schema() -> Vec<String> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/db/schema.rs"))
        .expect("src/db/schema.rs is readable");
    let mut lines = Vec::new();
    let mut table = None;
    for line in text.lines().map(str::trim) {
        if let Some(head) = line.strip_suffix(" {")
            && let Some((name, key)) = head.split_once(" (")
        {
            table = Some(name.to_owned());
            lines.push(format!("{name} ({}", key));
        } else if line == "}" {
            table = None;
        } else if let (Some(table), Some((column, kind))) = (&table, line.split_once(" -> ")) {
            let kind = kind.trim_end_matches(',');
            lines.push(format!("{table}.{column} {kind}"));
        }
    }
    lines.sort();
    lines
}

#[test]
fn the_declared_schema_is_the_migrated_one() {
    let database = EmptyDatabase::create();
    let url = database.url.clone();
    let migrated = std::thread::spawn(move || {
        let mut connection =
            <AsyncConnectionWrapper<AsyncPgConnection> as diesel::Connection>::establish(&url)
                .unwrap();
        connection.run_pending_migrations(MIGRATIONS).unwrap();
        diesel::sql_query(COLUMNS)
            .load::<SchemaObject>(&mut connection)
            .unwrap()
            .into_iter()
            .map(|object| object.description)
            .collect::<Vec<_>>()
    })
    .join()
    .unwrap();
    let mut migrated = migrated;
    migrated.sort();
    let declared = declared_schema();
    assert!(declared.len() > 50, "schema.rs is read: {declared:?}");
    let missing: Vec<_> = migrated.iter().filter(|l| !declared.contains(l)).collect();
    let extra: Vec<_> = declared.iter().filter(|l| !migrated.contains(l)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "src/db/schema.rs differs from the migrated database (run `diesel print-schema`):\n\
         in the database only: {missing:#?}\nin schema.rs only: {extra:#?}"
    );
}
