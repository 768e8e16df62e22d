-- The gap rule, live: what makes a recommendation addressed, partially addressed, planned or
-- unaddressed, worked out from links and interventions as they are. It is the definition the read
-- model (read_model.sql) is derived with and compared to.
--
-- This file and the others in src/db/sql are the present of the database's functions; the
-- migrations are their history. tests/api/sql_definitions.rs holds them equal: a migration that
-- changes a function changes its text here too (GAPTRACK_UPDATE_SQL=1 rewrites it).

-- A link's strength under the live rule: 1 addressed, 2 partially addressed, 3 planned; NULL when
-- it does not count (a cancelled intervention).
CREATE OR REPLACE FUNCTION public.link_strength(intervention_status text, contribution text)
 RETURNS smallint
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    SELECT CASE link_status(intervention_status, contribution)
               WHEN 'addressed' THEN 1
               WHEN 'partially_addressed' THEN 2
               WHEN 'planned' THEN 3
           END::SMALLINT
$function$;

-- The status a strength stands for; no strength at all is unaddressed.
CREATE OR REPLACE FUNCTION public.strength_status(strength smallint)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    SELECT CASE strength
               WHEN 1 THEN 'addressed'
               WHEN 2 THEN 'partially_addressed'
               WHEN 3 THEN 'planned'
               ELSE 'unaddressed'
           END
$function$;

-- Whether a link counts at all: not for a cancelled intervention, and (when p_organisation is
-- given) only for that organisation's interventions.
CREATE OR REPLACE FUNCTION public.link_counts(intervention_status text, intervention_organisation uuid, p_organisation uuid)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    SELECT intervention_status <> 'cancelled'
       AND (p_organisation IS NULL OR intervention_organisation = p_organisation)
$function$;

-- addressed: an active or completed intervention contributing fully; partially_addressed: an active
-- or completed one contributing partially; planned: a planned one, whatever it will contribute.
CREATE OR REPLACE FUNCTION public.link_status(intervention_status text, contribution text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    SELECT CASE
               WHEN intervention_status IN ('active', 'completed') AND contribution = 'full' THEN 'addressed'
               WHEN intervention_status IN ('active', 'completed') THEN 'partially_addressed'
               WHEN intervention_status = 'planned' THEN 'planned'
           END
$function$;

-- A recommendation's status, found by probes that stop at the first link that settles it: the
-- CASE tries "addressed" first and only looks further when no link addresses it. Scalar
-- sub-selects with LIMIT 1 (rather than EXISTS, which PostgreSQL may run as hashed subplans over
-- every link) keep each probe to one recommendation's links, so the cost does not grow with the
-- number of interventions working on it.
CREATE OR REPLACE FUNCTION public.recommendation_statuses(p_year integer, p_country text, p_organisation uuid)
 RETURNS TABLE(recommendation_id uuid, country_code text, pillar text, status text)
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
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
$function$;

-- Each recommendation of one country and year (the head of its line) with the earlier ones it
-- continues, back in time; `consecutive` while no year is skipped.
CREATE OR REPLACE FUNCTION public.recommendation_line_members(p_year integer, p_country text)
 RETURNS TABLE(head uuid, id uuid, year integer, consecutive boolean)
 LANGUAGE sql
 STABLE
AS $function$
    WITH RECURSIVE line AS (
        SELECT r.id AS head, r.id, r.year, r.continues, TRUE AS consecutive
          FROM recommendations r
         WHERE r.year = p_year
           AND r.country_code = p_country
        UNION ALL
        SELECT l.head, p.id, p.year, p.continues, l.consecutive AND p.year = l.year - 1
          FROM line l
          JOIN recommendations p ON p.id = l.continues
         -- Lines only run back in time, which also keeps a bad link from looping.
         WHERE p.year < l.year
    )
    SELECT head, id, year, consecutive FROM line
$function$;

-- The live rule for a line: how many consecutive years each recommendation has stood, since when,
-- and whether any recommendation of its line was ever addressed.
CREATE OR REPLACE FUNCTION public.recommendation_lines(p_year integer, p_country text, p_organisation uuid)
 RETURNS TABLE(recommendation_id uuid, years_standing integer, since_year integer, ever_addressed boolean)
 LANGUAGE sql
 STABLE
AS $function$
    SELECT h.head, h.years_standing, h.since_year, addressing.found IS NOT NULL
      FROM (SELECT head,
                   (count(*) FILTER (WHERE consecutive))::INTEGER AS years_standing,
                   min(year) FILTER (WHERE consecutive) AS since_year
              FROM recommendation_line_members(p_year, p_country)
             GROUP BY head) h
      LEFT JOIN LATERAL (
          SELECT 1 AS found
            FROM recommendation_line_members(p_year, p_country) m
            JOIN links k ON k.recommendation_id = m.id
            JOIN interventions i ON i.id = k.intervention_id
           WHERE m.head = h.head
             AND link_counts(i.status, i.organisation_id, p_organisation)
             AND link_status(i.status, k.contribution) = 'addressed'
           LIMIT 1
      ) addressing ON TRUE
$function$;
