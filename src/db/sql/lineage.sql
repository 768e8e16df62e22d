-- The continuations an admin is asked to confirm on a country's page: for each recommendation
-- of a year that continues none yet, the most alike recommendation of the country's previous
-- report that nobody has refused for it and nothing continues yet, when alike enough.

CREATE OR REPLACE FUNCTION public.lineage_suggestions(p_country text, p_year integer, p_threshold real)
 RETURNS TABLE(id uuid, "position" integer, text text, earlier_id uuid, earlier_year integer, earlier_position integer, earlier_text text, similarity real)
 LANGUAGE plpgsql
 STABLE
AS $function$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT r.id, r.position, r.text, e.id, e.year, e.position, e.text, e.similarity
      FROM recommendations r
     CROSS JOIN LATERAL (
           SELECT max(p.year) AS year FROM recommendations p
            WHERE p.country_code = r.country_code AND p.year < r.year) previous
     CROSS JOIN LATERAL (
           SELECT o.id, o.year, o.position, o.text,
                  public.recommendations_alike(o.id, o.text, r.id, r.text) AS similarity
             FROM recommendations o
            WHERE o.country_code = r.country_code AND o.year = previous.year
              AND NOT EXISTS (SELECT 1 FROM lineage_refusals x
                               WHERE x.recommendation_id = r.id AND x.earlier_id = o.id)
              AND NOT EXISTS (SELECT 1 FROM recommendations c WHERE c.continues = o.id)
            ORDER BY 5 DESC, o.position
            LIMIT 1) e
     WHERE r.country_code = p_country AND r.year = p_year AND r.continues IS NULL
       AND e.similarity >= p_threshold
     ORDER BY r.position;
END
$function$;

-- How alike two recommendations are: their English texts, or their texts in a language both were
-- translated into, whichever are more alike.
CREATE OR REPLACE FUNCTION public.recommendations_alike(a_id uuid, a_text text, b_id uuid, b_text text)
 RETURNS real
 LANGUAGE sql
 STABLE
AS $function$
    SELECT greatest(
               similarity(a_text, b_text),
               coalesce((SELECT max(similarity(ta.text, tb.text))
                           FROM recommendation_translations ta
                           JOIN recommendation_translations tb ON tb.language = ta.language
                          WHERE ta.recommendation_id = a_id AND tb.recommendation_id = b_id), 0))
$function$;

-- What the suggestions of a country's year are computed from, as one digest of row versions:
-- the country's recommendations from its previous report on (a "yes" to a suggestion changes
-- the later one; a report loaded in between changes which is previous), their translations, and
-- the refusals of them. A changed, added or deleted row changes the digest.
CREATE OR REPLACE FUNCTION public.lineage_suggestions_basis(p_country text, p_year integer, p_threshold real)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
AS $function$
BEGIN
    RETURN (
        WITH concerned AS (
            SELECT r.id, r.xmin AS version FROM recommendations r
             WHERE r.country_code = p_country
               AND r.year >= coalesce((SELECT max(p.year) FROM recommendations p
                                        WHERE p.country_code = p_country AND p.year < p_year),
                                      p_year))
        SELECT md5(p_threshold::text || ' ' || coalesce(string_agg(k, ' ' ORDER BY k), ''))
          FROM (SELECT c.id::text || '@' || c.version::text AS k FROM concerned c
                UNION ALL
                SELECT t.recommendation_id::text || t.language || '@' || t.xmin::text
                  FROM recommendation_translations t JOIN concerned c ON c.id = t.recommendation_id
                UNION ALL
                SELECT x.recommendation_id::text || x.earlier_id::text || '@' || x.xmin::text
                  FROM lineage_refusals x JOIN concerned c ON c.id = x.recommendation_id) keys);
END
$function$;

-- `lineage_suggestions`, remembered: the stored answer when its basis is the rows' present one,
-- else computed (its basis read in the same statement, so from the same rows) and stored.
CREATE OR REPLACE FUNCTION public.lineage_suggestions_remembered(p_country text, p_year integer, p_threshold real)
 RETURNS TABLE(id uuid, "position" integer, text text, earlier_id uuid, earlier_year integer, earlier_position integer, earlier_text text, similarity real)
 LANGUAGE plpgsql
AS $function$
#variable_conflict use_column
DECLARE
    v_basis text;
    v_found jsonb;
BEGIN
    SELECT c.suggestions INTO v_found
      FROM lineage_suggestion_cache c
     WHERE c.country_code = p_country AND c.year = p_year
       AND c.basis = lineage_suggestions_basis(p_country, p_year, p_threshold);
    IF v_found IS NULL THEN
        SELECT lineage_suggestions_basis(p_country, p_year, p_threshold),
               (SELECT coalesce(jsonb_agg(to_jsonb(s) ORDER BY s.position), '[]')
                  FROM lineage_suggestions(p_country, p_year, p_threshold) s)
          INTO v_basis, v_found;
        INSERT INTO lineage_suggestion_cache AS c (country_code, year, basis, suggestions)
        VALUES (p_country, p_year, v_basis, v_found)
        ON CONFLICT (country_code, year)
        DO UPDATE SET basis = excluded.basis, suggestions = excluded.suggestions;
    END IF;
    RETURN QUERY
    SELECT s.id, s.position, s.text, s.earlier_id, s.earlier_year, s.earlier_position,
           s.earlier_text, s.similarity
      FROM jsonb_to_recordset(v_found) AS s(id uuid, "position" integer, text text,
           earlier_id uuid, earlier_year integer, earlier_position integer, earlier_text text,
           similarity real)
     ORDER BY s.position;
END
$function$;
