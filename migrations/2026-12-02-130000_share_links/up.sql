-- Read-only links to one country's coverage and gap report for a year (optionally one
-- organisation's work), which open without an account until they expire or are revoked. Only
-- the token's SHA-256 is kept, as for keys and sessions.
CREATE TABLE share_links (
    id              UUID PRIMARY KEY,
    token_sha256    BYTEA NOT NULL UNIQUE,
    country_code    TEXT NOT NULL REFERENCES countries (code),
    year            INTEGER NOT NULL REFERENCES reports (year),
    organisation_id UUID REFERENCES organisations (id),
    -- Who made it: the key (a person's session or a script), kept by name too.
    created_by      UUID NOT NULL REFERENCES api_keys (id),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at      TIMESTAMPTZ NOT NULL,
    revoked_at      TIMESTAMPTZ,
    CHECK (expires_at > created_at)
);
CREATE INDEX share_links_created_by_idx ON share_links (created_by, created_at DESC);
