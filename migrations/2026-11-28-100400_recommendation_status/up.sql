-- The one rule for how far a recommendation has been answered. Every endpoint that reports gaps or
-- coverage reads it from these two functions, so the rule is written once.

-- The links that count towards the recommendations of report year p_year (of country p_country, or of
-- every country when it is NULL): those whose intervention is not cancelled and, when p_organisation
-- is given, belongs to that organisation.
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
       AND i.status <> 'cancelled'
       AND (p_organisation IS NULL OR i.organisation_id = p_organisation)
$$;

-- Each recommendation's status, from the links that count:
--   addressed            at least one active or completed intervention contributes fully;
--   partially_addressed  active or completed interventions exist, but all contribute partially;
--   planned              only planned interventions are linked;
--   unaddressed          nothing counts.
CREATE FUNCTION recommendation_statuses(p_year INTEGER, p_country TEXT, p_organisation UUID)
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
