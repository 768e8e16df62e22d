-- People who sign in to the pages as themselves, instead of passing an API key around. A person
-- has the same roles as keys (an editor names the organisation whose work they change) and a
-- state: invited (a link is out, no password yet), active, or disabled (every session and key of
-- theirs stops working at once, and their history stays).
CREATE TABLE users (
    id                 UUID PRIMARY KEY,
    email              TEXT NOT NULL CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    display_name       TEXT NOT NULL CHECK (length(btrim(display_name)) > 0),
    role               TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    organisation_id    UUID REFERENCES organisations (id),
    -- Stored now for the pages' translations.
    preferred_language TEXT NOT NULL DEFAULT 'en' CHECK (preferred_language IN ('en', 'fr')),
    state              TEXT NOT NULL CHECK (state IN ('invited', 'active', 'disabled')),
    -- An Argon2id PHC string; NULL until the person chooses a password.
    password_hash      TEXT,
    -- The second factor (TOTP, RFC 6238): the secret, kept from enrolment; it counts once a first
    -- code confirmed it.
    totp_secret        BYTEA,
    totp_confirmed_at  TIMESTAMPTZ,
    -- The time step of the last code accepted: a code is good once, even within its window.
    totp_last_step     BIGINT,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT users_editor_has_organisation CHECK (role <> 'editor' OR organisation_id IS NOT NULL)
);
-- One account per address, whatever its case.
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

-- One-time recovery codes for a lost second factor: only their SHA-256 is kept.
CREATE TABLE user_recovery_codes (
    user_id     UUID NOT NULL REFERENCES users (id),
    code_sha256 BYTEA NOT NULL CHECK (length(code_sha256) = 32),
    used_at     TIMESTAMPTZ,
    PRIMARY KEY (user_id, code_sha256)
);

-- One-time links: an invitation, a password reset, or the first admin's link printed at the
-- first start (which has no account yet). Only the token's SHA-256 is kept.
CREATE TABLE account_links (
    id           UUID PRIMARY KEY,
    purpose      TEXT NOT NULL CHECK (purpose IN ('invitation', 'password_reset', 'first_admin')),
    token_sha256 BYTEA NOT NULL UNIQUE CHECK (length(token_sha256) = 32),
    user_id      UUID REFERENCES users (id),
    -- Who made it, by name (a person, a key or the command line).
    created_by   TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    CHECK ((purpose = 'first_admin') = (user_id IS NULL)),
    CHECK (expires_at > created_at)
);
CREATE INDEX account_links_user_idx ON account_links (user_id, created_at DESC);

-- Failed sign-ins by the address typed, whether or not an account has it: a lock then reads the
-- same for both, and accounts cannot be discovered by trying them. Shared by every instance.
CREATE TABLE sign_in_failures (
    email_key       TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL CHECK (failures > 0),
    first_failed_at TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ
);

-- A key belongs to the person who made it for their scripts (it never has more rights than they
-- do, and stops with their account), or to no one: a named service, or a key made before people
-- had accounts, which keeps working.
ALTER TABLE api_keys ADD COLUMN owner_id UUID REFERENCES users (id);
CREATE INDEX api_keys_owner_idx ON api_keys (owner_id);

-- A session is a person's, or (signed in with a key) a key's.
ALTER TABLE web_sessions ALTER COLUMN api_key_id DROP NOT NULL;
ALTER TABLE web_sessions ADD COLUMN user_id UUID REFERENCES users (id);
ALTER TABLE web_sessions ADD COLUMN last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now();
-- What the person's browser called itself, so they can tell their sessions apart.
ALTER TABLE web_sessions ADD COLUMN user_agent TEXT;
-- A person's session that is not yet worth anything: the password was right, and the second
-- factor is still to be given ('second_factor') or, for a role that requires one, set up
-- ('enrolment'). Such a session opens only that page.
ALTER TABLE web_sessions ADD COLUMN pending TEXT CHECK (pending IN ('second_factor', 'enrolment'));
ALTER TABLE web_sessions ADD CONSTRAINT web_sessions_one_holder
    CHECK ((api_key_id IS NULL) <> (user_id IS NULL));
CREATE INDEX web_sessions_user_id ON web_sessions (user_id);

-- The audit trail names the person behind a change (their session, or a key they own).
ALTER TABLE audit_events ADD COLUMN user_id UUID REFERENCES users (id);
CREATE INDEX audit_events_user_idx ON audit_events (user_id, id);

-- A share link is made by a person or by a key.
ALTER TABLE share_links ALTER COLUMN created_by DROP NOT NULL;
ALTER TABLE share_links ADD COLUMN created_by_user UUID REFERENCES users (id);
ALTER TABLE share_links ADD CONSTRAINT share_links_has_maker
    CHECK (created_by IS NOT NULL OR created_by_user IS NOT NULL);
CREATE INDEX share_links_created_by_user_idx ON share_links (created_by_user, created_at DESC);
