-- Files an admin checked on the import page (the dry run), kept until they confirm them, so that
-- the confirmation names the file by its id instead of sending it back whole through the page
-- (up to 64 MiB in a hidden field, read again by the server). A checked file is kept a day at
-- most: each new check removes the older ones, and confirming removes it.
CREATE TABLE checked_imports (
    id          UUID PRIMARY KEY,
    -- Who checked it (the person, else the key): only they may confirm it.
    checked_by  UUID NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('report', 'tiers')),
    year        INTEGER,
    file_name   TEXT NOT NULL,
    content     TEXT NOT NULL,
    checked_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
