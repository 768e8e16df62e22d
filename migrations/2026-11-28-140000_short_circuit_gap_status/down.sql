-- Back to the single ordered probe of the previous migration.
CREATE OR REPLACE FUNCTION recommendation_statuses(p_year INTEGER, p_country TEXT, p_organisation UUID)
RETURNS TABLE (recommendation_id UUID, country_code TEXT, pillar TEXT, status TEXT)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT r.id, r.country_code, r.pillar, coalesce(strongest.status, 'unaddressed')
      FROM recommendations r
      LEFT JOIN LATERAL (
          SELECT link_status(i.status, l.contribution) AS status
            FROM links l
            JOIN interventions i ON i.id = l.intervention_id
           WHERE l.recommendation_id = r.id
             AND link_counts(i.status, i.organisation_id, p_organisation)
             AND link_status(i.status, l.contribution) IS NOT NULL
           ORDER BY CASE link_status(i.status, l.contribution)
                        WHEN 'addressed' THEN 1
                        WHEN 'partially_addressed' THEN 2
                        ELSE 3
                    END
           LIMIT 1
      ) strongest ON TRUE
     WHERE r.year = p_year
       AND (p_country IS NULL OR r.country_code = p_country)
$$;

CREATE FUNCTION counting_links(p_year INTEGER, p_country TEXT, p_organisation UUID)
RETURNS TABLE (recommendation_id UUID, intervention_id UUID, contribution TEXT, intervention_status TEXT)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT l.recommendation_id, l.intervention_id, l.contribution, i.status
      FROM links l
      JOIN recommendations r ON r.id = l.recommendation_id
      JOIN interventions i ON i.id = l.intervention_id
     WHERE r.year = p_year
       AND (p_country IS NULL OR r.country_code = p_country)
       AND link_counts(i.status, i.organisation_id, p_organisation)
$$;
