-- The read model of the gap rule: the tables link_strengths, recommendation_strengths and
-- organisation_recommendation_strengths, kept up to date by triggers in the transaction of every
-- write that can change a status, so that coverage and the gap report read stored answers.
--
-- The lock order. Every trigger locks the links' interventions (FOR SHARE, which waits for a
-- concurrent change of status or organisation), then their recommendations (FOR NO KEY UPDATE),
-- each in id order, and only then reads the live tables. Whoever recomputes a recommendation last
-- holds its lock and sees every committed change to it, so no stale answer is left behind. A
-- link written from Rust takes the same locks in the same order before the link itself
-- (`db::links::lock_ends`), so a writer never holds a link while waiting for its recommendation.

-- Recomputes the read model for the links (p_interventions[k], p_recommendations[k]): their rows
-- of link_strengths, and the strengths of their recommendations, overall and for every
-- organisation whose links among them changed. Called by the triggers below.
CREATE OR REPLACE FUNCTION public.refresh_read_model(p_interventions uuid[], p_recommendations uuid[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
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
$function$;

-- Links created, changed or removed (removed also when their intervention is deleted).
CREATE OR REPLACE FUNCTION public.links_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
$function$;

-- An intervention's status or organisation changed: every link of it may now count differently.
CREATE OR REPLACE FUNCTION public.interventions_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
$function$;

-- A recommendation moved to another year or country (not something the service does today, but a
-- stored row must not keep the old place).
CREATE OR REPLACE FUNCTION public.recommendations_moved()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    UPDATE recommendation_strengths s SET year = n.year, country_code = n.country_code
      FROM new_recommendations n
     WHERE s.recommendation_id = n.id AND (s.year, s.country_code) IS DISTINCT FROM (n.year, n.country_code);
    UPDATE organisation_recommendation_strengths s SET year = n.year, country_code = n.country_code
      FROM new_recommendations n
     WHERE s.recommendation_id = n.id AND (s.year, s.country_code) IS DISTINCT FROM (n.year, n.country_code);
    RETURN NULL;
END
$function$;

-- Builds the read model again from the live tables. Blocks writes to links and interventions
-- while it runs, so nothing changes under it.
CREATE OR REPLACE FUNCTION public.rebuild_read_model()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
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
$function$;

-- Where the read model and the live rule disagree: one row per recommendation (and organisation,
-- NULL for the overall status) whose stored status differs from what `recommendation_statuses`
-- works out, for every report year and every organisation. Empty when all is well.
CREATE OR REPLACE FUNCTION public.read_model_differences()
 RETURNS TABLE(recommendation_id uuid, organisation_id uuid, stored text, live text)
 LANGUAGE sql
 STABLE
AS $function$
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
$function$;

-- The strongest stored link of a recommendation, overall or for one organisation.
CREATE OR REPLACE FUNCTION public.stored_strengths(p_recommendation uuid, p_organisation uuid)
 RETURNS TABLE(strength smallint)
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
    SELECT min(strength) FROM organisation_recommendation_strengths
     WHERE recommendation_id = p_recommendation
       AND (p_organisation IS NULL OR organisation_id = p_organisation)
$function$;

-- `recommendation_lines`, read from the read model instead of the live rule.
CREATE OR REPLACE FUNCTION public.stored_recommendation_lines(p_year integer, p_country text, p_organisation uuid)
 RETURNS TABLE(recommendation_id uuid, years_standing integer, since_year integer, ever_addressed boolean)
 LANGUAGE sql
 STABLE
AS $function$
    SELECT m.head,
           (count(*) FILTER (WHERE m.consecutive))::INTEGER,
           min(m.year) FILTER (WHERE m.consecutive),
           coalesce(bool_or(s.strength = 1), FALSE)
      FROM recommendation_line_members(p_year, p_country) m
      LEFT JOIN LATERAL stored_strengths(m.id, p_organisation) s ON TRUE
     GROUP BY m.head
$function$;

-- The triggers that keep the read model up to date, one statement at a time.
CREATE TRIGGER links_inserted_refresh AFTER INSERT ON links REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION links_changed();
CREATE TRIGGER links_updated_refresh AFTER UPDATE ON links REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION links_changed();
CREATE TRIGGER links_deleted_refresh AFTER DELETE ON links REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION links_changed();
CREATE TRIGGER interventions_updated_refresh AFTER UPDATE ON interventions REFERENCING OLD TABLE AS old_interventions NEW TABLE AS new_interventions FOR EACH STATEMENT EXECUTE FUNCTION interventions_changed();
CREATE TRIGGER recommendations_updated_refresh AFTER UPDATE ON recommendations REFERENCING NEW TABLE AS new_recommendations FOR EACH STATEMENT EXECUTE FUNCTION recommendations_moved();
