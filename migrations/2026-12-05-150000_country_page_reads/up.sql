-- Two reads of the country page, made cheaper.
--
-- The window (what is answered in the period the next report will assess) reads each linked
-- intervention's status and dates: with them in the index, from the index alone, instead of one
-- heap fetch per link.
DROP INDEX interventions_counting_idx;
CREATE INDEX interventions_counting_idx ON interventions (id)
    INCLUDE (status, organisation_id, started_on, ended_on);

-- The continuations an admin is asked to confirm, as a PL/pgSQL function so that its statement
-- keeps one plan for a connection's life instead of being planned on every page view.
CREATE FUNCTION lineage_suggestions(p_country TEXT, p_year INTEGER, p_threshold REAL)
RETURNS TABLE (id UUID, "position" INTEGER, text TEXT, earlier_id UUID, earlier_year INTEGER,
               earlier_position INTEGER, earlier_text TEXT, similarity REAL)
LANGUAGE plpgsql
STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT r.id, r.position, r.text, e.id, e.year, e.position, e.text, e.similarity
      FROM recommendations r
     CROSS JOIN LATERAL (
           SELECT max(p.year) AS year FROM recommendations p
            WHERE p.country_code = r.country_code AND p.year < r.year) previous
     CROSS JOIN LATERAL (
           SELECT o.id, o.year, o.position, o.text, similarity(o.text, r.text) AS similarity
             FROM recommendations o
            WHERE o.country_code = r.country_code AND o.year = previous.year
              AND NOT EXISTS (SELECT 1 FROM lineage_refusals x
                               WHERE x.recommendation_id = r.id AND x.earlier_id = o.id)
              AND NOT EXISTS (SELECT 1 FROM recommendations c WHERE c.continues = o.id)
            ORDER BY 5 DESC, o.position
            LIMIT 1) e
     WHERE r.country_code = p_country AND r.year = p_year AND r.continues IS NULL
       AND e.similarity >= p_threshold
     ORDER BY r.position;
END
$$;
