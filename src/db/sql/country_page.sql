-- What a country's page shows besides its gap report, in one statement, as a function so that
-- its plan is made once per connection (planning it cost more than running it): the country's
-- placements and the sources of their years (and of the years before them), its report years,
-- every organisation (the page's filter), the translations of a year's recommendations into a
-- language, and, when a period is given, which of them some intervention done in it answers (of
-- one organisation, when given), and, when a threshold is given, the continuations to confirm
-- (remembered: this is why the function is volatile). Each list is a JSON array of rows.

CREATE OR REPLACE FUNCTION public.country_page_reads(p_country text, p_year integer, p_language text, p_from date, p_to date, p_organisation uuid, p_suggest_above real)
 RETURNS TABLE(history json, tier_sources json, years integer[], organisations json, translations json, answered uuid[], suggestions json)
 LANGUAGE plpgsql
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
BEGIN
    RETURN QUERY
    SELECT
      (SELECT coalesce(json_agg(t ORDER BY t.year), '[]')
         FROM (SELECT p.country_code, p.year, p.tier, p.waiver, p.note FROM tier_placements p
                WHERE p.country_code = p_country) t),
      (SELECT coalesce(json_agg(s ORDER BY s.year), '[]')
         FROM (SELECT ts.year, ts.complete, ts.kind FROM tier_sources ts
                WHERE ts.year IN (SELECT p.year FROM tier_placements p WHERE p.country_code = p_country
                                  UNION
                                  SELECT p.year - 1 FROM tier_placements p WHERE p.country_code = p_country)) s),
      (SELECT coalesce(array_agg(DISTINCT r.year ORDER BY r.year DESC), '{}')
         FROM recommendations r WHERE r.country_code = p_country),
      (SELECT coalesce(json_agg(o ORDER BY lower(o.name), o.id), '[]')
         FROM (SELECT g.id, g.name, g.created_at, g.iati_identifier, g.iati_organisation_type,
                      g.archived_at
                 FROM organisations g) o),
      (SELECT coalesce(json_agg(t), '[]')
         FROM (SELECT tr.recommendation_id, tr.language, tr.text, tr.source_url, tr.added_by,
                      tr.updated_at
                 FROM recommendation_translations tr
                 JOIN recommendations r ON r.id = tr.recommendation_id
                WHERE r.country_code = p_country AND r.year = p_year
                  AND tr.language = p_language) t),
      CASE WHEN p_from IS NOT NULL THEN
        (SELECT coalesce(array_agg(r.id), '{}') FROM recommendations r
          WHERE r.country_code = p_country AND r.year = p_year
            AND EXISTS (SELECT 1 FROM links l JOIN interventions i ON i.id = l.intervention_id
                         WHERE l.recommendation_id = r.id
                           AND (p_organisation IS NULL OR i.organisation_id = p_organisation)
                           AND done_in_period(i.status, i.started_on, i.ended_on, p_from, p_to)))
      END,
      CASE WHEN p_suggest_above IS NOT NULL THEN
        (SELECT coalesce(json_agg(s ORDER BY s.position), '[]')
           FROM lineage_suggestions_remembered(p_country, p_year, p_suggest_above) s)
      END;
END
$function$;
