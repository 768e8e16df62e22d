-- The gap report asked PostgreSQL to plan its statements on every request, and planning them cost
-- more than running them (about 2 ms against 1 of the ~5 a report took). Three causes, three fixes:
--
-- * `recommendation_line_members` took "any country" as a NULL country, so a plan made for any
--   values read the whole year's recommendations. Every caller names one country; it is required.
-- * `stored_strength` read the read model with sub-selects, which PostgreSQL cannot inline (each
--   statement planned it again when it ran), from one table or the other as the organisation was
--   given or not. `stored_strengths` reads one index range either way, and is inlined.
-- * Prepared statements are still planned for their actual values while PostgreSQL judges that
--   cheaper; the statements now live in PL/pgSQL functions that keep one plan (see below).

CREATE OR REPLACE FUNCTION recommendation_line_members(p_year INTEGER, p_country TEXT)
RETURNS TABLE (head UUID, id UUID, year INTEGER, consecutive BOOLEAN)
LANGUAGE sql STABLE
AS $$
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
$$;

-- A recommendation's stored strength, overall (p_organisation NULL) or for one organisation; NULL
-- when unaddressed. Overall is the strongest of the organisations' (as it is by its definition), so
-- one index range answers both, with no branch that only a value could choose; and it is a
-- set-returning function of one SELECT, which PostgreSQL inlines into the statement.
-- The strongest first, for `stored_strengths`: its minimum is the first entry of the range.
CREATE INDEX organisation_recommendation_strengths_strongest_idx
    ON organisation_recommendation_strengths (recommendation_id, strength, organisation_id);

CREATE FUNCTION stored_strengths(p_recommendation UUID, p_organisation UUID)
RETURNS TABLE (strength SMALLINT)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT min(strength) FROM organisation_recommendation_strengths
     WHERE recommendation_id = p_recommendation
       AND (p_organisation IS NULL OR organisation_id = p_organisation)
$$;

CREATE OR REPLACE FUNCTION stored_recommendation_lines(p_year INTEGER, p_country TEXT, p_organisation UUID)
RETURNS TABLE (recommendation_id UUID, years_standing INTEGER, since_year INTEGER, ever_addressed BOOLEAN)
LANGUAGE sql STABLE
AS $$
    SELECT m.head,
           (count(*) FILTER (WHERE m.consecutive))::INTEGER,
           min(m.year) FILTER (WHERE m.consecutive),
           coalesce(bool_or(s.strength = 1), FALSE)
      FROM recommendation_line_members(p_year, p_country) m
      LEFT JOIN LATERAL stored_strengths(m.id, p_organisation) s ON TRUE
     GROUP BY m.head
$$;

DROP FUNCTION stored_strength(UUID, UUID);

-- The gap report's two statements, as functions that keep one plan per connection.
--
-- Even with no branch left for a value to prune, PostgreSQL's choice between a plan for the actual
-- values and one for any values (made afresh on every execution, from cost estimates) went to the
-- first for these statements, and planning them cost about as much as running them. A PL/pgSQL
-- function keeps its statements' plans for the connection's life, and `plan_cache_mode` set on the
-- function (not on the connection, where it would also reach statements whose best plan does depend
-- on their values, such as `LIKE` with a pattern) makes that plan the one for any values. Both
-- statements read only indexes keyed by the recommendation, so that plan is the right one.

-- The recommendations of one country and year with their status and their line, overall
-- (p_organisation NULL) or counting one organisation's work only; in report order.
CREATE FUNCTION gap_recommendations(p_year INTEGER, p_country TEXT, p_organisation UUID)
RETURNS TABLE (id UUID, "position" INTEGER, text TEXT, pillar TEXT, prioritized BOOLEAN,
               source_url TEXT, status TEXT, years_standing INTEGER, since_year INTEGER,
               ever_addressed BOOLEAN)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
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
$$;

-- For each recommendation of one country and year, up to p_per_recommendation interventions that
-- count towards it (overall, or of one organisation), strongest first, each kind in id order, with
-- each link's rationale and evidence: read
-- from the stored link strengths in index order, so a recommendation with thousands of
-- interventions costs no more than one with ten.
CREATE FUNCTION gap_strongest_interventions(p_year INTEGER, p_country TEXT, p_organisation UUID,
                                            p_per_recommendation BIGINT)
RETURNS TABLE (recommendation_id UUID, contribution TEXT, rationale TEXT, evidence_url TEXT,
               id UUID, title TEXT, kind TEXT, status TEXT, people_reached INTEGER,
               organisation_id UUID, organisation_name TEXT)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT r.id, l.contribution, l.rationale, l.evidence_url, i.id, i.title, i.kind, i.status,
           i.people_reached, i.organisation_id, o.name
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
