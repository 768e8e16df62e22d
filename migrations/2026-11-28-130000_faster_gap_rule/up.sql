-- The same gap rule, written so that its cost follows one recommendation's links, never the whole
-- links table: each recommendation's status comes from a LATERAL probe of its own links (an index
-- scan), and a line's "ever addressed" stops at the first addressing link. (EXISTS probes read
-- better, but PostgreSQL may turn them into hashed subplans over every link of every year.)
-- The rule itself is now three small pieces, each written once:
--   link_counts     which links count (not cancelled; the organisation's, when one is given);
--   link_status     what one counting link makes of its recommendation;
--   recommendation_statuses / recommendation_lines  how the links of a recommendation combine:
--                   the strongest wins (addressed > partially_addressed > planned > unaddressed).

CREATE FUNCTION link_counts(intervention_status TEXT, intervention_organisation UUID, p_organisation UUID)
RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT intervention_status <> 'cancelled'
       AND (p_organisation IS NULL OR intervention_organisation = p_organisation)
$$;

-- addressed: an active or completed intervention contributing fully; partially_addressed: an active
-- or completed one contributing partially; planned: a planned one, whatever it will contribute.
CREATE FUNCTION link_status(intervention_status TEXT, contribution TEXT)
RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE
               WHEN intervention_status IN ('active', 'completed') AND contribution = 'full' THEN 'addressed'
               WHEN intervention_status IN ('active', 'completed') THEN 'partially_addressed'
               WHEN intervention_status = 'planned' THEN 'planned'
           END
$$;

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
       AND link_counts(i.status, i.organisation_id, p_organisation)
$$;

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

-- Covering indexes for those probes: a recommendation's links, and each linked intervention's
-- status and organisation, read from the indexes alone (once vacuumed) instead of one heap page
-- per link.
DROP INDEX links_recommendation_idx;
CREATE INDEX links_recommendation_idx ON links (recommendation_id, intervention_id) INCLUDE (contribution);
CREATE INDEX interventions_counting_idx ON interventions (id) INCLUDE (status, organisation_id);
