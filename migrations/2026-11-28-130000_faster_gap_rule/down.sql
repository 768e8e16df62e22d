DROP INDEX interventions_counting_idx;
DROP INDEX links_recommendation_idx;
CREATE INDEX links_recommendation_idx ON links (recommendation_id, intervention_id);

-- Back to the aggregating definitions of the earlier migrations.
CREATE OR REPLACE FUNCTION counting_links(p_year INTEGER, p_country TEXT, p_organisation UUID)
RETURNS TABLE (recommendation_id UUID, intervention_id UUID, contribution TEXT, intervention_status TEXT)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT l.recommendation_id, l.intervention_id, l.contribution, i.status
      FROM links l
      JOIN recommendations r ON r.id = l.recommendation_id
      JOIN interventions i ON i.id = l.intervention_id
     WHERE r.year = p_year
       AND (p_country IS NULL OR r.country_code = p_country)
       AND i.status <> 'cancelled'
       AND (p_organisation IS NULL OR i.organisation_id = p_organisation)
$$;

CREATE OR REPLACE FUNCTION recommendation_statuses(p_year INTEGER, p_country TEXT, p_organisation UUID)
RETURNS TABLE (recommendation_id UUID, country_code TEXT, pillar TEXT, status TEXT)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT r.id, r.country_code, r.pillar,
           CASE
               WHEN bool_or(c.intervention_status IN ('active', 'completed') AND c.contribution = 'full')
                   THEN 'addressed'
               WHEN bool_or(c.intervention_status IN ('active', 'completed')) THEN 'partially_addressed'
               WHEN bool_or(c.intervention_status = 'planned') THEN 'planned'
               ELSE 'unaddressed'
           END
      FROM recommendations r
      LEFT JOIN counting_links(p_year, p_country, p_organisation) c ON c.recommendation_id = r.id
     WHERE r.year = p_year
       AND (p_country IS NULL OR r.country_code = p_country)
     GROUP BY r.id, r.country_code, r.pillar
$$;

CREATE OR REPLACE FUNCTION recommendation_lines(p_year INTEGER, p_country TEXT, p_organisation UUID)
RETURNS TABLE (recommendation_id UUID, years_standing INTEGER, since_year INTEGER, ever_addressed BOOLEAN)
LANGUAGE sql STABLE
AS $$
    WITH RECURSIVE line AS (
        SELECT r.id AS head, r.id, r.year, r.country_code, r.continues, TRUE AS consecutive
          FROM recommendations r
         WHERE r.year = p_year
           AND (p_country IS NULL OR r.country_code = p_country)
        UNION ALL
        SELECT l.head, p.id, p.year, p.country_code, p.continues,
               l.consecutive AND p.year = l.year - 1
          FROM line l
          JOIN recommendations p ON p.id = l.continues
         -- Lines only run back in time, which also keeps a bad link from looping.
         WHERE p.year < l.year
    )
    SELECT l.head,
           (count(*) FILTER (WHERE l.consecutive))::INTEGER,
           min(l.year) FILTER (WHERE l.consecutive),
           coalesce(bool_or(s.status = 'addressed'), FALSE)
      FROM line l
      LEFT JOIN LATERAL recommendation_statuses(l.year, l.country_code, p_organisation) s
             ON s.recommendation_id = l.id
     GROUP BY l.head
$$;

DROP FUNCTION link_status(TEXT, TEXT);
DROP FUNCTION link_counts(TEXT, UUID, UUID);
