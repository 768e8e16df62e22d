-- Every request that names a country matches the name first, and that statement was planned on
-- every request too: `country_name_key` could not be inlined (it read its steps through
-- sub-selects, and promised more than `unaccent` does), so each statement that called it planned
-- it again; and a plan for the actual names (PostgreSQL's choice for an array it can count) was
-- remade each time.

-- The key, written as one expression that PostgreSQL can inline into a statement. The steps read
-- inside out: fold case, accents, `&` and apostrophes; turn the name around at its last comma;
-- make other punctuation a space; `St` is `Saint`; drop a leading or trailing `The`; squeeze the
-- spaces. It is STABLE, as `unaccent` is: PostgreSQL inlines a function only when the function
-- promises no more than its body does.
CREATE FUNCTION country_name_key_of(name TEXT) RETURNS TEXT
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
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
$$;

-- The stored keys' function stays IMMUTABLE (a stored column needs it) and says the same, through
-- the one above: the same results as before, so the stored keys stay right.
CREATE OR REPLACE FUNCTION country_name_key(name TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT country_name_key_of(name)
$$;

-- The countries each of `p_given` names (by the key of the name), as a PL/pgSQL function so that
-- its statement keeps one plan for the connection's life (see `gap_recommendations`).
CREATE FUNCTION country_name_matches(p_given TEXT[])
RETURNS TABLE (given TEXT, code TEXT, alpha2 TEXT, name TEXT, tip_name TEXT, region TEXT)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
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
$$;
