-- How alike two recommendations are, for suggesting which continues which: their English texts,
-- or their texts in a language both were translated into, whichever are more alike (a report
-- rewords its English while the French translation of both years may have stayed closer, and the
-- other way round).
CREATE FUNCTION public.recommendations_alike(a_id uuid, a_text text, b_id uuid, b_text text)
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
