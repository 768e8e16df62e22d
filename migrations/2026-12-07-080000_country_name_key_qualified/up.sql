-- The stored keys' function names its helper with its schema: `pg_restore` computes the stored
-- keys with an empty search_path, where the bare name is not found, so a backup could not be
-- restored. Same results as before.
CREATE OR REPLACE FUNCTION country_name_key(name TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
    SELECT public.country_name_key_of(name)
$$;
