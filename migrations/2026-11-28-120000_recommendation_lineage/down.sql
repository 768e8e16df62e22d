DROP FUNCTION recommendation_lines(INTEGER, TEXT, UUID);
DROP INDEX recommendations_text_trgm_idx;
DROP EXTENSION IF EXISTS pg_trgm;
DROP INDEX recommendations_continues_idx;
ALTER TABLE recommendations DROP COLUMN continues;
