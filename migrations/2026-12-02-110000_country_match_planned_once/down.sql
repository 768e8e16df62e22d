DROP FUNCTION country_name_matches(TEXT[]);

-- country_name_key as it was, in steps.
CREATE OR REPLACE FUNCTION country_name_key(name TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT trim(regexp_replace(
        regexp_replace(regexp_replace(' ' || words || ' ', ' st ', ' saint ', 'g'),
                       '^ the | the $', ' ', 'g'),
        ' +', ' ', 'g'))
    FROM (
        -- turned around at its last comma; then every other punctuation is a space
        SELECT trim(regexp_replace(regexp_replace(folded, '^(.*),([^,]*)$', '\2 \1'),
                                   '[^a-z0-9]+', ' ', 'g')) AS words
        FROM (
            SELECT regexp_replace(
                replace(lower(public.unaccent('public.unaccent'::regdictionary, name)), '&', ' and '),
                '[''’‘`´ʼ]', '', 'g') AS folded
        ) AS folding
    ) AS splitting
$$;
DROP FUNCTION country_name_key_of(TEXT);
