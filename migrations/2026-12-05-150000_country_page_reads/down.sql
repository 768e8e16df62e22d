DROP FUNCTION lineage_suggestions(TEXT, INTEGER, REAL);
DROP INDEX interventions_counting_idx;
CREATE INDEX interventions_counting_idx ON interventions (id) INCLUDE (status, organisation_id);
