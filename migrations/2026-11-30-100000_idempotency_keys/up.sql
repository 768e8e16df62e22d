-- The answers to POSTs sent with an Idempotency-Key, so that a retry (on this or another
-- instance) gets the first answer instead of creating the thing twice.
CREATE TABLE idempotency_keys (
    api_key_id uuid NOT NULL REFERENCES api_keys (id),
    key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    -- What the first request was (method, path, content type and body), to tell a retry from a
    -- different request that reuses the key.
    request_sha256 bytea NOT NULL,
    -- NULL while the first request is being served.
    status smallint,
    -- The answer's headers and body, encrypted with a key derived from the caller's API key and
    -- the Idempotency-Key, neither of which is stored: the table alone never reveals an answer
    -- (a created API key's secret among them).
    response_nonce bytea,
    response_sealed bytea,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (api_key_id, key)
);

CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);
