-- The suggestions compare the English texts only again.
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
           SELECT o.id, o.year, o.position, o.text, similarity(o.text, r.text) AS similarity
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

DROP FUNCTION public.recommendations_alike(uuid, text, uuid, text);
