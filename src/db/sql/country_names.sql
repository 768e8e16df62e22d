-- Country names as people write them (`Cote d'Ivoire`, `Congo, Republic of the`, `St Lucia`):
-- the key every name is matched by, and the match of a list of names.

-- The key, written as one expression that PostgreSQL can inline into a statement. The steps read
-- inside out: fold case, accents, `&` and apostrophes; turn the name around at its last comma;
-- make other punctuation a space; `St` is `Saint`; drop a leading or trailing `The`; squeeze the
-- spaces. It is STABLE, as `unaccent` is: PostgreSQL inlines a function only when the function
-- promises no more than its body does.
CREATE OR REPLACE FUNCTION public.country_name_key_of(name text)
 RETURNS text
 LANGUAGE sql
 STABLE PARALLEL SAFE STRICT
AS $function$
    SELECT trim(regexp_replace(
        regexp_replace(
            regexp_replace(
                ' ' || trim(regexp_replace(
                    regexp_replace(
                        regexp_replace(
                            replace(lower(public.unaccent('public.unaccent'::regdictionary, name)),
                                    '&', ' and '),
                            '[''’‘`´ʼ]', '', 'g'),
                        '^(.*),([^,]*)$', '\2 \1'),
                    '[^a-z0-9]+', ' ', 'g')) || ' ',
                ' st ', ' saint ', 'g'),
            '^ the | the $', ' ', 'g'),
        ' +', ' ', 'g'))
$function$;

-- The stored keys' function stays IMMUTABLE (a stored column needs it) and says the same, through
-- the one above: the same results as before, so the stored keys stay right.
CREATE OR REPLACE FUNCTION public.country_name_key(name text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$
    SELECT public.country_name_key_of(name)
$function$;

-- The countries each of `p_given` names (by the key of the name), as a PL/pgSQL function so that
-- its statement keeps one plan for the connection's life (see `gap_recommendations`).
CREATE OR REPLACE FUNCTION public.country_name_matches(p_given text[])
 RETURNS TABLE(given text, code text, alpha2 text, name text, tip_name text, region text)
 LANGUAGE plpgsql
 STABLE
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT g.given, c.code, c.alpha2, c.name, c.tip_name, c.region
      FROM unnest(p_given) AS g (given)
      -- One look-up in the key's index per name (OFFSET 0 keeps it one): a plan for any names
      -- would otherwise hash every name of every country for the one or two asked.
     CROSS JOIN LATERAL (SELECT n.country_code FROM country_names n
                          WHERE n.key = country_name_key_of(g.given) OFFSET 0) n
      JOIN countries c ON c.code = n.country_code
     ORDER BY g.given, c.code;
END
$function$;
