DROP FUNCTION lineage_suggestions_remembered(text, integer, real);
DROP FUNCTION lineage_suggestions_basis(text, integer, real);
DROP TABLE lineage_suggestion_cache;
