-- The backups gaptrack took (every day and before migrating, with the database it manages; or
-- when `gaptrack backup` ran): what an admin page and `/metrics` tell the age of. An archive does
-- not carry this table's rows (`pg_dump --exclude-table-data`): a restored database would
-- otherwise claim the backups of the day it was copied.
CREATE TABLE backups (
    id BIGSERIAL PRIMARY KEY,
    taken_at TIMESTAMPTZ NOT NULL,
    bytes BIGINT NOT NULL CHECK (bytes >= 0),
    location TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('daily', 'before_migration', 'before_restore', 'command'))
);
CREATE INDEX backups_taken_at ON backups (taken_at DESC);
