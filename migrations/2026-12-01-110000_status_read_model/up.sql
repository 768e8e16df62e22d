-- A read model of the gap rule: what `recommendation_statuses` works out live, kept in tables that
-- every write which can change a status brings up to date in its own transaction, so that coverage
-- and the gap report read stored answers instead of probing every recommendation's links.
--
-- The live functions (`link_counts`, `link_status`, `recommendation_statuses`) stay the
-- definition: the tables below are derived with them, the tests compare the two after random
-- concurrent writes, and `gaptrack dev check-read-model` compares them on a real database.
--
-- Three tables, each a pure function of `links` and `interventions`:
--   link_strengths                      every link that counts, with its strength and the
--                                       intervention's organisation;
--   recommendation_strengths            each recommendation's strongest link, overall;
--   organisation_recommendation_strengths  the same, per organisation working on it.
-- A strength is 1 (addressed), 2 (partially_addressed) or 3 (planned); a recommendation without a
-- row is unaddressed, so a new report needs no rows at all.
--
-- Concurrency: triggers on `links` and `interventions` recompute the rows of the links a statement
-- touched. They first lock those links' interventions (FOR SHARE, which waits for a concurrent
-- status or organisation change) and recommendations (FOR NO KEY UPDATE), each in id order, and
-- only then read the live tables, each statement with a fresh snapshot (READ COMMITTED). Whoever
-- recomputes a recommendation last therefore holds its lock and sees every committed change to it
-- plus its own, so two writers cannot leave a stale answer behind. Taking the locks in one order
-- (interventions, then recommendations, each sorted) keeps triggers from deadlocking each other.

-- A link's strength under the live rule: 1 addressed, 2 partially addressed, 3 planned; NULL when
-- it does not count (a cancelled intervention).
CREATE FUNCTION link_strength(intervention_status TEXT, contribution TEXT)
RETURNS SMALLINT
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE link_status(intervention_status, contribution)
               WHEN 'addressed' THEN 1
               WHEN 'partially_addressed' THEN 2
               WHEN 'planned' THEN 3
           END::SMALLINT
$$;

-- The status a strength stands for; no strength at all is unaddressed.
CREATE FUNCTION strength_status(strength SMALLINT)
RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE strength
               WHEN 1 THEN 'addressed'
               WHEN 2 THEN 'partially_addressed'
               WHEN 3 THEN 'planned'
               ELSE 'unaddressed'
           END
$$;

CREATE TABLE link_strengths (
    intervention_id   UUID     NOT NULL,
    recommendation_id UUID     NOT NULL,
    organisation_id   UUID     NOT NULL,
    strength          SMALLINT NOT NULL CHECK (strength BETWEEN 1 AND 3),
    PRIMARY KEY (intervention_id, recommendation_id)
);
-- A recommendation's strongest links, overall and per organisation, read in index order.
CREATE INDEX link_strengths_strongest_idx
    ON link_strengths (recommendation_id, strength, intervention_id) INCLUDE (organisation_id);
CREATE INDEX link_strengths_organisation_idx
    ON link_strengths (recommendation_id, organisation_id, strength, intervention_id);

CREATE TABLE recommendation_strengths (
    recommendation_id UUID     PRIMARY KEY,
    year              INTEGER  NOT NULL,
    country_code      TEXT     NOT NULL,
    strength          SMALLINT NOT NULL CHECK (strength BETWEEN 1 AND 3)
);
CREATE INDEX recommendation_strengths_coverage_idx
    ON recommendation_strengths (year, country_code, strength);

CREATE TABLE organisation_recommendation_strengths (
    organisation_id   UUID     NOT NULL,
    recommendation_id UUID     NOT NULL,
    year              INTEGER  NOT NULL,
    country_code      TEXT     NOT NULL,
    strength          SMALLINT NOT NULL CHECK (strength BETWEEN 1 AND 3),
    PRIMARY KEY (recommendation_id, organisation_id)
);
CREATE INDEX organisation_recommendation_strengths_coverage_idx
    ON organisation_recommendation_strengths (organisation_id, year, country_code, strength);

-- Recomputes the read model for the links (p_interventions[k], p_recommendations[k]): their rows
-- of link_strengths, and the strengths of their recommendations, overall and for every
-- organisation whose links among them changed. Called by the triggers below.
CREATE FUNCTION refresh_read_model(p_interventions UUID[], p_recommendations UUID[])
RETURNS VOID
LANGUAGE plpgsql
AS $$
DECLARE
    touched_recommendations UUID[];
    touched_organisations UUID[];
BEGIN
    PERFORM 1 FROM interventions
      WHERE id = ANY (p_interventions) ORDER BY id FOR SHARE;
    PERFORM 1 FROM recommendations
      WHERE id = ANY (p_recommendations) ORDER BY id FOR NO KEY UPDATE;

    -- The links' rows, as they were and as they are now: the organisations of both are touched.
    WITH gone AS (
        DELETE FROM link_strengths s
         USING unnest(p_interventions, p_recommendations) AS p (intervention_id, recommendation_id)
         WHERE s.intervention_id = p.intervention_id AND s.recommendation_id = p.recommendation_id
        RETURNING s.recommendation_id, s.organisation_id
    )
    SELECT array_agg(recommendation_id), array_agg(organisation_id)
      INTO touched_recommendations, touched_organisations
      FROM gone;
    WITH come AS (
        INSERT INTO link_strengths (intervention_id, recommendation_id, organisation_id, strength)
        SELECT l.intervention_id, l.recommendation_id, i.organisation_id, link_strength(i.status, l.contribution)
          FROM (SELECT DISTINCT * FROM unnest(p_interventions, p_recommendations)
                    AS p (intervention_id, recommendation_id)) p
          JOIN links l ON l.intervention_id = p.intervention_id AND l.recommendation_id = p.recommendation_id
          JOIN interventions i ON i.id = l.intervention_id
         WHERE link_strength(i.status, l.contribution) IS NOT NULL
        RETURNING recommendation_id, organisation_id
    )
    SELECT coalesce(touched_recommendations, '{}') || array_agg(recommendation_id),
           coalesce(touched_organisations, '{}') || array_agg(organisation_id)
      INTO touched_recommendations, touched_organisations
      FROM come;

    DELETE FROM recommendation_strengths WHERE recommendation_id = ANY (p_recommendations);
    INSERT INTO recommendation_strengths (recommendation_id, year, country_code, strength)
    SELECT r.id, r.year, r.country_code, strongest.strength
      FROM recommendations r
     CROSS JOIN LATERAL (
           SELECT s.strength FROM link_strengths s
            WHERE s.recommendation_id = r.id
            ORDER BY s.strength LIMIT 1
     ) strongest
     WHERE r.id = ANY (p_recommendations);

    IF cardinality(touched_recommendations) = 0 THEN
        RETURN;
    END IF;
    WITH touched AS (
        SELECT DISTINCT * FROM unnest(touched_recommendations, touched_organisations) AS t (recommendation_id, organisation_id)
    )
    DELETE FROM organisation_recommendation_strengths s
     USING touched t
     WHERE s.recommendation_id = t.recommendation_id AND s.organisation_id = t.organisation_id;
    WITH touched AS (
        SELECT DISTINCT * FROM unnest(touched_recommendations, touched_organisations) AS t (recommendation_id, organisation_id)
    )
    INSERT INTO organisation_recommendation_strengths
           (organisation_id, recommendation_id, year, country_code, strength)
    SELECT t.organisation_id, r.id, r.year, r.country_code, strongest.strength
      FROM touched t
      JOIN recommendations r ON r.id = t.recommendation_id
     CROSS JOIN LATERAL (
           SELECT s.strength FROM link_strengths s
            WHERE s.recommendation_id = t.recommendation_id AND s.organisation_id = t.organisation_id
            ORDER BY s.strength LIMIT 1
     ) strongest;
END
$$;

-- Links created, changed or removed (removed also when their intervention is deleted).
CREATE FUNCTION links_changed()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
DECLARE
    changed_interventions UUID[];
    changed_recommendations UUID[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(intervention_id), array_agg(recommendation_id)
          INTO changed_interventions, changed_recommendations
          FROM new_links;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(intervention_id), array_agg(recommendation_id)
          INTO changed_interventions, changed_recommendations
          FROM old_links;
    ELSE
        SELECT array_agg(intervention_id), array_agg(recommendation_id)
          INTO changed_interventions, changed_recommendations
          FROM (SELECT intervention_id, recommendation_id FROM old_links
                UNION SELECT intervention_id, recommendation_id FROM new_links) both_sides;
    END IF;
    IF changed_interventions IS NOT NULL THEN
        PERFORM refresh_read_model(changed_interventions, changed_recommendations);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER links_inserted_refresh AFTER INSERT ON links
    REFERENCING NEW TABLE AS new_links
    FOR EACH STATEMENT EXECUTE FUNCTION links_changed();
CREATE TRIGGER links_updated_refresh AFTER UPDATE ON links
    REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links
    FOR EACH STATEMENT EXECUTE FUNCTION links_changed();
CREATE TRIGGER links_deleted_refresh AFTER DELETE ON links
    REFERENCING OLD TABLE AS old_links
    FOR EACH STATEMENT EXECUTE FUNCTION links_changed();

-- An intervention's status or organisation changed: every link of it may now count differently.
CREATE FUNCTION interventions_changed()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
DECLARE
    changed_interventions UUID[];
    changed_recommendations UUID[];
BEGIN
    SELECT array_agg(l.intervention_id), array_agg(l.recommendation_id)
      INTO changed_interventions, changed_recommendations
      FROM new_interventions n
      JOIN old_interventions o ON o.id = n.id
      JOIN links l ON l.intervention_id = n.id
     WHERE n.status IS DISTINCT FROM o.status
        OR n.organisation_id IS DISTINCT FROM o.organisation_id;
    IF changed_interventions IS NOT NULL THEN
        PERFORM refresh_read_model(changed_interventions, changed_recommendations);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER interventions_updated_refresh AFTER UPDATE ON interventions
    REFERENCING OLD TABLE AS old_interventions NEW TABLE AS new_interventions
    FOR EACH STATEMENT EXECUTE FUNCTION interventions_changed();

-- A recommendation moved to another year or country (not something the service does today, but a
-- stored row must not keep the old place).
CREATE FUNCTION recommendations_moved()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE recommendation_strengths s SET year = n.year, country_code = n.country_code
      FROM new_recommendations n
     WHERE s.recommendation_id = n.id AND (s.year, s.country_code) IS DISTINCT FROM (n.year, n.country_code);
    UPDATE organisation_recommendation_strengths s SET year = n.year, country_code = n.country_code
      FROM new_recommendations n
     WHERE s.recommendation_id = n.id AND (s.year, s.country_code) IS DISTINCT FROM (n.year, n.country_code);
    RETURN NULL;
END
$$;

CREATE TRIGGER recommendations_updated_refresh AFTER UPDATE ON recommendations
    REFERENCING NEW TABLE AS new_recommendations
    FOR EACH STATEMENT EXECUTE FUNCTION recommendations_moved();

-- The recommendations of each line (through `continues`) that ends in report year p_year: its
-- head, each member with its year, and whether the member is still in the unbroken run of yearly
-- reports back from the head. Shared by the live `recommendation_lines` and the stored one.
CREATE FUNCTION recommendation_line_members(p_year INTEGER, p_country TEXT)
RETURNS TABLE (head UUID, id UUID, year INTEGER, consecutive BOOLEAN)
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
    SELECT head, id, year, consecutive FROM line
$$;

CREATE OR REPLACE FUNCTION recommendation_lines(p_year INTEGER, p_country TEXT, p_organisation UUID)
RETURNS TABLE (recommendation_id UUID, years_standing INTEGER, since_year INTEGER, ever_addressed BOOLEAN)
LANGUAGE sql STABLE
AS $$
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
$$;

-- A recommendation's stored strength, overall (p_organisation NULL) or for one organisation;
-- NULL when unaddressed.
CREATE FUNCTION stored_strength(p_recommendation UUID, p_organisation UUID)
RETURNS SMALLINT
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT CASE
               WHEN p_organisation IS NULL THEN
                   (SELECT strength FROM recommendation_strengths
                     WHERE recommendation_id = p_recommendation)
               ELSE
                   (SELECT strength FROM organisation_recommendation_strengths
                     WHERE recommendation_id = p_recommendation AND organisation_id = p_organisation)
           END
$$;

-- `recommendation_lines`, with "ever addressed" read from the read model.
CREATE FUNCTION stored_recommendation_lines(p_year INTEGER, p_country TEXT, p_organisation UUID)
RETURNS TABLE (recommendation_id UUID, years_standing INTEGER, since_year INTEGER, ever_addressed BOOLEAN)
LANGUAGE sql STABLE
AS $$
    SELECT m.head,
           (count(*) FILTER (WHERE m.consecutive))::INTEGER,
           min(m.year) FILTER (WHERE m.consecutive),
           coalesce(bool_or(stored_strength(m.id, p_organisation) = 1), FALSE)
      FROM recommendation_line_members(p_year, p_country) m
     GROUP BY m.head
$$;

-- Builds the read model again from the live tables. Blocks writes to links and interventions
-- while it runs, so nothing changes under it.
CREATE FUNCTION rebuild_read_model()
RETURNS VOID
LANGUAGE plpgsql
AS $$
BEGIN
    LOCK TABLE links, interventions IN SHARE MODE;
    DELETE FROM link_strengths;
    DELETE FROM recommendation_strengths;
    DELETE FROM organisation_recommendation_strengths;
    INSERT INTO link_strengths (intervention_id, recommendation_id, organisation_id, strength)
    SELECT l.intervention_id, l.recommendation_id, i.organisation_id, link_strength(i.status, l.contribution)
      FROM links l JOIN interventions i ON i.id = l.intervention_id
     WHERE link_strength(i.status, l.contribution) IS NOT NULL;
    INSERT INTO recommendation_strengths (recommendation_id, year, country_code, strength)
    SELECT r.id, r.year, r.country_code, min(s.strength)
      FROM link_strengths s JOIN recommendations r ON r.id = s.recommendation_id
     GROUP BY r.id;
    INSERT INTO organisation_recommendation_strengths
           (organisation_id, recommendation_id, year, country_code, strength)
    SELECT s.organisation_id, r.id, r.year, r.country_code, min(s.strength)
      FROM link_strengths s JOIN recommendations r ON r.id = s.recommendation_id
     GROUP BY s.organisation_id, r.id;
END
$$;

-- Where the read model and the live rule disagree: one row per recommendation (and organisation,
-- NULL for the overall status) whose stored status differs from what `recommendation_statuses`
-- works out, for every report year and every organisation. Empty when all is well.
CREATE FUNCTION read_model_differences()
RETURNS TABLE (recommendation_id UUID, organisation_id UUID, stored TEXT, live TEXT)
LANGUAGE sql STABLE
AS $$
    WITH scopes AS (
        SELECT y.year, NULL::UUID AS organisation_id FROM reports y
        UNION ALL
        SELECT y.year, o.id FROM reports y CROSS JOIN organisations o
    ), live AS (
        SELECT s.recommendation_id, c.organisation_id, s.status
          FROM scopes c
         CROSS JOIN LATERAL recommendation_statuses(c.year, NULL, c.organisation_id) s
    )
    SELECT l.recommendation_id, l.organisation_id,
           strength_status(coalesce(
               CASE WHEN l.organisation_id IS NULL THEN r.strength ELSE o.strength END)) AS stored,
           l.status AS live
      FROM live l
      LEFT JOIN recommendation_strengths r
             ON l.organisation_id IS NULL AND r.recommendation_id = l.recommendation_id
      LEFT JOIN organisation_recommendation_strengths o
             ON o.recommendation_id = l.recommendation_id AND o.organisation_id = l.organisation_id
     WHERE strength_status(CASE WHEN l.organisation_id IS NULL THEN r.strength ELSE o.strength END)
           IS DISTINCT FROM l.status
    UNION ALL
    -- Stored links that are not a counting link as the live tables say.
    SELECT s.recommendation_id, s.organisation_id,
           'link of ' || s.intervention_id || ': ' || strength_status(s.strength),
           'link of ' || s.intervention_id || ': '
               || coalesce(strength_status(link_strength(i.status, l.contribution)), 'not counting')
      FROM link_strengths s
      LEFT JOIN links l ON l.intervention_id = s.intervention_id AND l.recommendation_id = s.recommendation_id
      LEFT JOIN interventions i ON i.id = l.intervention_id
     WHERE s.strength IS DISTINCT FROM link_strength(i.status, l.contribution)
        OR s.organisation_id IS DISTINCT FROM i.organisation_id
    UNION ALL
    -- Counting links that are not stored.
    SELECT l.recommendation_id, i.organisation_id,
           'link of ' || l.intervention_id || ': missing',
           'link of ' || l.intervention_id || ': ' || strength_status(link_strength(i.status, l.contribution))
      FROM links l
      JOIN interventions i ON i.id = l.intervention_id
     WHERE link_strength(i.status, l.contribution) IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM link_strengths s
                        WHERE s.intervention_id = l.intervention_id
                          AND s.recommendation_id = l.recommendation_id)
$$;

SELECT rebuild_read_model();
