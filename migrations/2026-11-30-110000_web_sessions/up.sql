-- Sessions of people signed in to the web interface with an API key. Only a digest of the
-- session id is stored (the id itself lives in the person's cookie), and a session is worth
-- what its key is: revoking the key ends it at once, since every lookup joins the key.
CREATE TABLE web_sessions (
    id_sha256 bytea PRIMARY KEY,
    api_key_id uuid NOT NULL REFERENCES api_keys (id),
    -- The token every form of the session carries, against cross-site request forgery.
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);

CREATE INDEX web_sessions_api_key_id ON web_sessions (api_key_id);
CREATE INDEX web_sessions_expires_at ON web_sessions (expires_at);
