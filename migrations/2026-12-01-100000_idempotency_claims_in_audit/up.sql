-- Which idempotent request a write was made for, so that a retry can tell whether the first
-- request stored its write before its instance died without keeping the answer.
--
-- Each attempt to serve an Idempotency-Key gets a fresh claim id; the audit row of every write
-- it makes (in the write's own transaction) carries it. An unanswered claim whose id is in the
-- audit trail was written: it must not be served a second time.
ALTER TABLE idempotency_keys ADD COLUMN claim_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE audit_events ADD COLUMN idempotency_claim uuid;
CREATE INDEX audit_events_idempotency_claim ON audit_events (idempotency_claim)
    WHERE idempotency_claim IS NOT NULL;
