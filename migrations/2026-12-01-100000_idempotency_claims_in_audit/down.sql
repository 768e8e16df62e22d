DROP INDEX audit_events_idempotency_claim;
ALTER TABLE audit_events DROP COLUMN idempotency_claim;
ALTER TABLE idempotency_keys DROP COLUMN claim_id;
