-- The continuation suggestions of a country's report, remembered once computed: comparing every
-- new recommendation with every one of the report before costs more than the rest of the
-- country's page together, and the answer changes only when those recommendations, their
-- translations or the refusals do. Each remembered answer carries the basis it was computed on
-- (the row versions it read); a read whose basis differs computes it again, so no answer is
-- ever served stale and nothing needs to forget one.
CREATE TABLE lineage_suggestion_cache (
    country_code text NOT NULL REFERENCES countries (code) ON UPDATE CASCADE ON DELETE CASCADE,
    year integer NOT NULL,
    basis text NOT NULL,
    suggestions jsonb NOT NULL,
    PRIMARY KEY (country_code, year)
);

-- What the suggestions of a country's year are computed from, as one digest of row versions:
-- the country's recommendations from its previous report on (a "yes" to a suggestion changes
-- the later one; a report loaded in between changes which is previous), their translations, and
-- the refusals of them. A changed, added or deleted row changes the digest.
CREATE FUNCTION public.lineage_suggestions_basis(p_country text, p_year integer, p_threshold real)
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
CREATE FUNCTION public.lineage_suggestions_remembered(p_country text, p_year integer, p_threshold real)
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
