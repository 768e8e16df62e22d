-- The gap report's two statements: the recommendations of a country and year with their status
-- and line, and the strongest interventions answering each. Both read the read model; both are
-- PL/pgSQL so that each keeps one plan for a connection's life.

-- The recommendations of one country and year with their status and their line, overall
-- (p_organisation NULL) or counting one organisation's work only; in report order.
CREATE OR REPLACE FUNCTION public.gap_recommendations(p_year integer, p_country text, p_organisation uuid)
 RETURNS TABLE(id uuid, "position" integer, text text, pillar text, prioritized boolean, source_url text, status text, years_standing integer, since_year integer, ever_addressed boolean)
 LANGUAGE plpgsql
 STABLE
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT r.id, r.position, r.text, r.pillar, r.prioritized, r.source_url,
           strength_status(s.strength), l.years_standing, l.since_year, l.ever_addressed
      FROM recommendations r
      LEFT JOIN LATERAL stored_strengths(r.id, p_organisation) s ON TRUE
      JOIN stored_recommendation_lines(p_year, p_country, p_organisation) l
           ON l.recommendation_id = r.id
     WHERE r.year = p_year AND r.country_code = p_country
     ORDER BY r.position;
END
$function$;

-- The strongest interventions answering each recommendation of one country and year, at most
-- p_per_recommendation each, with their link and who linked it: what the gap report lists.
CREATE OR REPLACE FUNCTION public.gap_strongest_interventions(p_year integer, p_country text, p_organisation uuid, p_per_recommendation bigint)
 RETURNS TABLE(recommendation_id uuid, contribution text, rationale text, evidence_url text, id uuid, title text, kind text, status text, people_reached integer, organisation_id uuid, organisation_name text, linked_by text, started_on date, ended_on date)
 LANGUAGE plpgsql
 STABLE
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
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
$function$;
