DROP FUNCTION read_model_differences();
DROP FUNCTION rebuild_read_model();
DROP FUNCTION stored_recommendation_lines(INTEGER, TEXT, UUID);
DROP FUNCTION stored_strength(UUID, UUID);
-- recommendation_lines as it was, before its line members became a function of their own.
CREATE OR REPLACE FUNCTION recommendation_lines(p_year INTEGER, p_country TEXT, p_organisation UUID)
RETURNS TABLE (recommendation_id UUID, years_standing INTEGER, since_year INTEGER, ever_addressed BOOLEAN)
LANGUAGE sql STABLE
AS $$
    WITH RECURSIVE line AS (
        SELECT r.id AS head, r.id, r.year, r.continues, TRUE AS consecutive
          FROM recommendations r
         WHERE r.year = p_year
           AND (p_country IS NULL OR r.country_code = p_country)
        UNION ALL
        SELECT l.head, p.id, p.year, p.continues, l.consecutive AND p.year = l.year - 1
          FROM line l
          JOIN recommendations p ON p.id = l.continues
         -- Lines only run back in time, which also keeps a bad link from looping.
         WHERE p.year < l.year
    )
    SELECT h.head, h.years_standing, h.since_year, addressing.found IS NOT NULL
      FROM (SELECT head,
                   (count(*) FILTER (WHERE consecutive))::INTEGER AS years_standing,
                   min(year) FILTER (WHERE consecutive) AS since_year
              FROM line
             GROUP BY head) h
      LEFT JOIN LATERAL (
          SELECT 1 AS found
            FROM line m
            JOIN links k ON k.recommendation_id = m.id
            JOIN interventions i ON i.id = k.intervention_id
           WHERE m.head = h.head
             AND link_counts(i.status, i.organisation_id, p_organisation)
             AND link_status(i.status, k.contribution) = 'addressed'
           LIMIT 1
      ) addressing ON TRUE
$$;
DROP FUNCTION recommendation_line_members(INTEGER, TEXT);
DROP TRIGGER recommendations_updated_refresh ON recommendations;
DROP FUNCTION recommendations_moved();
DROP TRIGGER interventions_updated_refresh ON interventions;
DROP FUNCTION interventions_changed();
DROP TRIGGER links_deleted_refresh ON links;
DROP TRIGGER links_updated_refresh ON links;
DROP TRIGGER links_inserted_refresh ON links;
DROP FUNCTION links_changed();
DROP FUNCTION refresh_read_model(UUID[], UUID[]);
DROP TABLE organisation_recommendation_strengths;
DROP TABLE recommendation_strengths;
DROP TABLE link_strengths;
DROP FUNCTION strength_status(SMALLINT);
DROP FUNCTION link_strength(TEXT, TEXT);
