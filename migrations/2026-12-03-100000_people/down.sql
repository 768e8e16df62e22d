DROP INDEX share_links_created_by_user_idx;
ALTER TABLE share_links DROP CONSTRAINT share_links_has_maker;
ALTER TABLE share_links DROP COLUMN created_by_user;
DELETE FROM share_links WHERE created_by IS NULL;
ALTER TABLE share_links ALTER COLUMN created_by SET NOT NULL;

DROP INDEX audit_events_user_idx;
ALTER TABLE audit_events DROP COLUMN user_id;

DELETE FROM web_sessions WHERE api_key_id IS NULL;
DROP INDEX web_sessions_user_id;
ALTER TABLE web_sessions DROP CONSTRAINT web_sessions_one_holder;
ALTER TABLE web_sessions DROP COLUMN pending;
ALTER TABLE web_sessions DROP COLUMN user_agent;
ALTER TABLE web_sessions DROP COLUMN last_seen_at;
ALTER TABLE web_sessions DROP COLUMN user_id;
ALTER TABLE web_sessions ALTER COLUMN api_key_id SET NOT NULL;

DROP INDEX api_keys_owner_idx;
ALTER TABLE api_keys DROP COLUMN owner_id;

DROP TABLE sign_in_failures;
DROP TABLE account_links;
DROP TABLE user_recovery_codes;
DROP TABLE users;
