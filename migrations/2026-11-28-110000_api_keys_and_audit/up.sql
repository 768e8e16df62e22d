-- API keys. The secret is never stored: only its SHA-256, compared in constant time. (Keys are 256
-- random bits, not passwords, so a fast hash loses nothing and keeps every request cheap.)
CREATE TABLE api_keys (
    id              UUID PRIMARY KEY,
    name            TEXT NOT NULL CHECK (length(btrim(name)) > 0),
    role            TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    organisation_id UUID REFERENCES organisations (id),
    secret_sha256   BYTEA NOT NULL CHECK (length(secret_sha256) = 32),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at    TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ,
    -- An editor changes one organisation's work, so it must name that organisation.
    CONSTRAINT api_keys_editor_has_organisation CHECK (role <> 'editor' OR organisation_id IS NOT NULL)
);

-- Who changed what, written in the same transaction as the change itself.
CREATE TABLE audit_events (
    id            BIGSERIAL PRIMARY KEY,
    occurred_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- NULL for changes made from the command line, which has no key.
    key_id        UUID REFERENCES api_keys (id),
    key_name      TEXT NOT NULL,
    action        TEXT NOT NULL
        CHECK (action IN ('create', 'update', 'delete', 'link', 'unlink', 'import', 'revoke')),
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    -- The changed fields, before and after (NULL before a create and after a delete).
    before        JSONB,
    after         JSONB
);
CREATE INDEX audit_events_resource_idx ON audit_events (resource_type, resource_id text_pattern_ops, id);
CREATE INDEX audit_events_key_idx ON audit_events (key_id, id);
CREATE INDEX audit_events_occurred_at_idx ON audit_events (occurred_at, id);
