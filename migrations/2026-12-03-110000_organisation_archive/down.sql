ALTER TABLE organisations DROP COLUMN archived_at;
