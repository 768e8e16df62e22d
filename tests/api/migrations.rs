//! Every migration can be reverted, so a bad deploy can be rolled back.

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
