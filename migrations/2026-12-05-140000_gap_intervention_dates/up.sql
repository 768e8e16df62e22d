-- The gap report's counting interventions also carry their dates, so the printable summary
-- says when each piece of work ran.
DROP FUNCTION gap_strongest_interventions(INTEGER, TEXT, UUID, BIGINT);

CREATE FUNCTION gap_strongest_interventions(p_year INTEGER, p_country TEXT, p_organisation UUID,
                                            p_per_recommendation BIGINT)
RETURNS TABLE (recommendation_id UUID, contribution TEXT, rationale TEXT, evidence_url TEXT,
               id UUID, title TEXT, kind TEXT, status TEXT, people_reached INTEGER,
               organisation_id UUID, organisation_name TEXT, linked_by TEXT,
               started_on DATE, ended_on DATE)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT r.id, l.contribution, l.rationale, l.evidence_url, i.id, i.title, i.kind, i.status,
           i.people_reached, i.organisation_id, o.name, l.linked_by, i.started_on, i.ended_on
      FROM recommendations r
     CROSS JOIN LATERAL (
           (SELECT s.intervention_id, s.strength FROM link_strengths s
             WHERE p_organisation IS NULL AND s.recommendation_id = r.id
             ORDER BY s.strength, s.intervention_id LIMIT p_per_recommendation)
           UNION ALL
           (SELECT s.intervention_id, s.strength FROM link_strengths s
             WHERE s.recommendation_id = r.id AND s.organisation_id = p_organisation
             ORDER BY s.strength, s.intervention_id LIMIT p_per_recommendation)
     ) c
      JOIN links l ON l.intervention_id = c.intervention_id AND l.recommendation_id = r.id
      JOIN interventions i ON i.id = c.intervention_id
      JOIN organisations o ON o.id = i.organisation_id
     WHERE r.year = p_year AND r.country_code = p_country
     ORDER BY r.position, c.strength, c.intervention_id;
END
$$;
