DROP FUNCTION gap_strongest_interventions(INTEGER, TEXT, UUID, BIGINT);
DROP FUNCTION gap_recommendations(INTEGER, TEXT, UUID);

CREATE FUNCTION stored_strength(p_recommendation UUID, p_organisation UUID)
RETURNS SMALLINT
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT CASE
               WHEN p_organisation IS NULL THEN
                   (SELECT strength FROM recommendation_strengths
                     WHERE recommendation_id = p_recommendation)
               ELSE
                   (SELECT strength FROM organisation_recommendation_strengths
                     WHERE recommendation_id = p_recommendation AND organisation_id = p_organisation)
           END
$$;

CREATE OR REPLACE FUNCTION stored_recommendation_lines(p_year INTEGER, p_country TEXT, p_organisation UUID)
RETURNS TABLE (recommendation_id UUID, years_standing INTEGER, since_year INTEGER, ever_addressed BOOLEAN)
LANGUAGE sql STABLE
AS $$
    SELECT m.head,
           (count(*) FILTER (WHERE m.consecutive))::INTEGER,
           min(m.year) FILTER (WHERE m.consecutive),
           coalesce(bool_or(stored_strength(m.id, p_organisation) = 1), FALSE)
      FROM recommendation_line_members(p_year, p_country) m
     GROUP BY m.head
$$;

DROP FUNCTION stored_strengths(UUID, UUID);
DROP INDEX organisation_recommendation_strengths_strongest_idx;

CREATE OR REPLACE FUNCTION recommendation_line_members(p_year INTEGER, p_country TEXT)
RETURNS TABLE (head UUID, id UUID, year INTEGER, consecutive BOOLEAN)
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
         WHERE p.year < l.year
    )
    SELECT head, id, year, consecutive FROM line
$$;
