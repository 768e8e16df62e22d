-- A recommendation's status, found by probes that stop at the first link that settles it: the
-- CASE tries "addressed" first and only looks further when no link addresses it. Scalar
-- sub-selects with LIMIT 1 (rather than EXISTS, which PostgreSQL may run as hashed subplans over
-- every link) keep each probe to one recommendation's links, so the cost does not grow with the
-- number of interventions working on it.
CREATE OR REPLACE FUNCTION recommendation_statuses(p_year INTEGER, p_country TEXT, p_organisation UUID)
RETURNS TABLE (recommendation_id UUID, country_code TEXT, pillar TEXT, status TEXT)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT r.id, r.country_code, r.pillar,
           CASE
               WHEN (SELECT 1 FROM links l JOIN interventions i ON i.id = l.intervention_id
                      WHERE l.recommendation_id = r.id
                        AND link_counts(i.status, i.organisation_id, p_organisation)
                        AND link_status(i.status, l.contribution) = 'addressed'
                      LIMIT 1) IS NOT NULL
                   THEN 'addressed'
               WHEN (SELECT 1 FROM links l JOIN interventions i ON i.id = l.intervention_id
                      WHERE l.recommendation_id = r.id
                        AND link_counts(i.status, i.organisation_id, p_organisation)
                        AND link_status(i.status, l.contribution) = 'partially_addressed'
                      LIMIT 1) IS NOT NULL
                   THEN 'partially_addressed'
               WHEN (SELECT 1 FROM links l JOIN interventions i ON i.id = l.intervention_id
                      WHERE l.recommendation_id = r.id
                        AND link_counts(i.status, i.organisation_id, p_organisation)
                        AND link_status(i.status, l.contribution) = 'planned'
                      LIMIT 1) IS NOT NULL
                   THEN 'planned'
               ELSE 'unaddressed'
           END
      FROM recommendations r
     WHERE r.year = p_year
       AND (p_country IS NULL OR r.country_code = p_country)
$$;

-- The gap report now lists the strongest few interventions of each recommendation with probes of
-- its own (see db/gaps.rs), so the set of every counting link is no longer read anywhere.
DROP FUNCTION counting_links(INTEGER, TEXT, UUID);
