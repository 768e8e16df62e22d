CREATE OR REPLACE FUNCTION country_name_key(name TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
    SELECT country_name_key_of(name)
$$;
