-- Countries as people write them: the TIP Report's names, ISO names, common and former names, and
-- the codes research data carries. Every name a person may type is a row of `country_names`; a
-- country is found by the row whose `key` equals the key of what was typed. To teach gaptrack a
-- new name, add a row here (in a new migration): nothing else changes.

CREATE EXTENSION IF NOT EXISTS unaccent;

-- The key a name is compared by. Two spellings of one name have the same key:
-- - case and accents do not count (`Côte d’Ivoire` = `cote d'ivoire`);
-- - apostrophes vanish and other punctuation is a space (`Guinea-Bissau` = `Guinea Bissau`);
-- - `&` is `and`, `St.` is `Saint`;
-- - a comma turns the name around (`Korea, South` = `South Korea`,
--   `Congo, Democratic Republic of the` = `The Democratic Republic of the Congo`);
-- - a leading or trailing `The` does not count (`The Gambia` = `Gambia` = `Gambia, The`).
-- It is IMMUTABLE so that the key can be a stored column: unaccent is called with its dictionary
-- named, which makes its result depend on its arguments only.
CREATE FUNCTION country_name_key(name TEXT) RETURNS TEXT
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

-- The TIP Report's name of each country (the heading of its country narrative), shown wherever
-- people read country names; `name` stays the ISO 3166-1 name.
ALTER TABLE countries ADD COLUMN tip_name TEXT;
UPDATE countries SET tip_name = name;
UPDATE countries AS c SET tip_name = t.tip_name
FROM (VALUES
    ('BHS', 'The Bahamas'),
    ('BRN', 'Brunei'),
    ('MMR', 'Burma'),
    ('CIV', 'Cote d''Ivoire'),
    ('COD', 'Congo, Democratic Republic of the'),
    ('COG', 'Congo, Republic of the'),
    ('CUW', 'Curacao'),
    ('FSM', 'Micronesia'),
    ('GMB', 'The Gambia'),
    ('KGZ', 'Kyrgyz Republic'),
    ('KOR', 'Korea, South'),
    ('PRK', 'Korea, North'),
    ('KNA', 'St. Kitts and Nevis'),
    ('LCA', 'St. Lucia'),
    ('VCT', 'St. Vincent and the Grenadines'),
    ('MAC', 'Macau'),
    ('RUS', 'Russia'),
    ('SVK', 'Slovak Republic'),
    ('SXM', 'Sint Maarten'),
    ('USA', 'United States of America')
) AS t (code, tip_name)
WHERE c.code = t.code;
ALTER TABLE countries ALTER COLUMN tip_name SET NOT NULL;

CREATE TABLE country_names (
    name         TEXT NOT NULL CHECK (name <> ''),
    country_code TEXT NOT NULL REFERENCES countries (code) ON DELETE CASCADE,
    -- Where the name comes from:
    --   iso_code      ISO 3166-1 alpha-3 and alpha-2 (XKX and XK for Kosovo, as the EU and IMF use);
    --   iso_name      the ISO 3166-1 short name, and its formal or earlier ISO forms;
    --   tip_name      the name the TIP Report uses;
    --   common_name   what the press and people commonly write;
    --   former_name   what a country was called before;
    --   research_code codes in research data that are not ISO today (withdrawn ISO codes, KOS).
    kind         TEXT NOT NULL CHECK (kind IN ('iso_code', 'iso_name', 'tip_name', 'common_name',
                                              'former_name', 'research_code')),
    key          TEXT GENERATED ALWAYS AS (country_name_key(name)) STORED,
    -- One key per country; a key shared by two countries (`Congo`, `Korea`) is ambiguous, and
    -- the resolver lists the candidates instead of guessing.
    PRIMARY KEY (key, country_code)
);
CREATE INDEX country_names_country_idx ON country_names (country_code);
-- Suggestions for names that match nothing ("did you mean ...?").
CREATE INDEX country_names_key_trgm_idx ON country_names USING gist (key gist_trgm_ops);

-- When two kinds give the same key for a country, the first inserted is kept.
INSERT INTO country_names (name, country_code, kind)
SELECT code, code, 'iso_code' FROM countries
UNION ALL SELECT alpha2, code, 'iso_code' FROM countries
ON CONFLICT DO NOTHING;
INSERT INTO country_names (name, country_code, kind)
SELECT name, code, 'iso_name' FROM countries
ON CONFLICT DO NOTHING;
INSERT INTO country_names (name, country_code, kind)
SELECT tip_name, code, 'tip_name' FROM countries
ON CONFLICT DO NOTHING;

INSERT INTO country_names (name, country_code, kind) VALUES
    -- ISO 3166-1 formal and earlier forms of the short name, as research data writes them.
    ('Bolivia, Plurinational State of', 'BOL', 'iso_name'),
    ('Brunei Darussalam', 'BRN', 'iso_name'),
    ('Cabo Verde', 'CPV', 'iso_name'),
    ('Congo, The Democratic Republic of the', 'COD', 'iso_name'),
    ('Czechia', 'CZE', 'iso_name'),
    ('Iran, Islamic Republic of', 'IRN', 'iso_name'),
    ('Korea, Democratic People''s Republic of', 'PRK', 'iso_name'),
    ('Korea, Republic of', 'KOR', 'iso_name'),
    ('Lao People''s Democratic Republic', 'LAO', 'iso_name'),
    ('Micronesia, Federated States of', 'FSM', 'iso_name'),
    ('Moldova, Republic of', 'MDA', 'iso_name'),
    ('Macao', 'MAC', 'iso_name'),
    ('Myanmar', 'MMR', 'iso_name'),
    ('Netherlands, Kingdom of the', 'NLD', 'iso_name'),
    ('Palestine, State of', 'PSE', 'iso_name'),
    ('Russian Federation', 'RUS', 'iso_name'),
    ('Sint Maarten (Dutch part)', 'SXM', 'iso_name'),
    ('Syrian Arab Republic', 'SYR', 'iso_name'),
    ('Taiwan, Province of China', 'TWN', 'iso_name'),
    ('Tanzania, United Republic of', 'TZA', 'iso_name'),
    ('United Kingdom of Great Britain and Northern Ireland', 'GBR', 'iso_name'),
    ('United States of America', 'USA', 'iso_name'),
    ('Venezuela, Bolivarian Republic of', 'VEN', 'iso_name'),
    ('Viet Nam', 'VNM', 'iso_name'),
    ('Türkiye', 'TUR', 'iso_name'),
    ('Eswatini', 'SWZ', 'iso_name'),
    ('North Macedonia', 'MKD', 'iso_name'),
    ('Timor-Leste', 'TLS', 'iso_name'),
    ('Holy See', 'VAT', 'iso_name'),
    -- Common names, in the press and in people's files.
    ('Antigua', 'ATG', 'common_name'),
    ('Bosnia', 'BIH', 'common_name'),
    ('Bosnia-Herzegovina', 'BIH', 'common_name'),
    ('Britain', 'GBR', 'common_name'),
    ('Great Britain', 'GBR', 'common_name'),
    ('UK', 'GBR', 'common_name'),
    ('Chinese Taipei', 'TWN', 'common_name'),
    ('Congo-Brazzaville', 'COG', 'common_name'),
    ('Congo (Brazzaville)', 'COG', 'common_name'),
    ('Republic of Congo', 'COG', 'common_name'),
    ('Congo-Kinshasa', 'COD', 'common_name'),
    ('Congo (Kinshasa)', 'COD', 'common_name'),
    ('Democratic Republic of Congo', 'COD', 'common_name'),
    ('DR Congo', 'COD', 'common_name'),
    ('DRC', 'COD', 'common_name'),
    -- `Congo` and `Korea` alone name two countries each: they are rows of both, so the resolver
    -- refuses them with the candidates instead of guessing.
    ('Congo', 'COD', 'common_name'),
    ('Korea', 'KOR', 'common_name'),
    ('Korea', 'PRK', 'common_name'),
    ('Republic of Korea', 'KOR', 'common_name'),
    ('DPRK', 'PRK', 'common_name'),
    ('Emirates', 'ARE', 'common_name'),
    ('UAE', 'ARE', 'common_name'),
    ('Holland', 'NLD', 'common_name'),
    ('Ivory Coast', 'CIV', 'common_name'),
    ('KSA', 'SAU', 'common_name'),
    ('Lao PDR', 'LAO', 'common_name'),
    ('Palestine', 'PSE', 'common_name'),
    ('People''s Republic of China', 'CHN', 'common_name'),
    ('PRC', 'CHN', 'common_name'),
    ('Republic of Kosovo', 'XKX', 'common_name'),
    ('Sao Tome', 'STP', 'common_name'),
    ('St. Kitts', 'KNA', 'common_name'),
    ('St. Vincent', 'VCT', 'common_name'),
    ('US', 'USA', 'common_name'),
    ('U.S.', 'USA', 'common_name'),
    ('U.S.A.', 'USA', 'common_name'),
    ('Vatican', 'VAT', 'common_name'),
    ('Vatican City', 'VAT', 'common_name'),
    -- Former names, still found in older reports and data.
    ('Burma', 'MMR', 'former_name'),
    ('Cape Verde', 'CPV', 'former_name'),
    ('Ceylon', 'LKA', 'former_name'),
    ('Czech Republic', 'CZE', 'former_name'),
    ('East Timor', 'TLS', 'former_name'),
    ('Kampuchea', 'KHM', 'former_name'),
    ('Macedonia', 'MKD', 'former_name'),
    ('Macedonia, the former Yugoslav Republic of', 'MKD', 'former_name'),
    ('Former Yugoslav Republic of Macedonia', 'MKD', 'former_name'),
    ('FYROM', 'MKD', 'former_name'),
    ('Swaziland', 'SWZ', 'former_name'),
    ('Turkey', 'TUR', 'former_name'),
    ('Upper Volta', 'BFA', 'former_name'),
    ('Zaire', 'COD', 'former_name'),
    ('Rumania', 'ROU', 'former_name'),
    -- Serbia continues the Federal Republic of Yugoslavia and Serbia and Montenegro, as research
    -- data (Correlates of War 345) and the TIP Report's own series do; Montenegro is its own
    -- country from 2006.
    ('Yugoslavia', 'SRB', 'former_name'),
    ('Federal Republic of Yugoslavia', 'SRB', 'former_name'),
    ('Serbia and Montenegro', 'SRB', 'former_name'),
    -- Codes research data carries that are not ISO 3166-1 today: withdrawn ISO codes of countries
    -- that continue as one country, and Kosovo's code in research data.
    ('KOS', 'XKX', 'research_code'),
    ('ROM', 'ROU', 'research_code'),
    ('ZAR', 'COD', 'research_code'),
    ('TMP', 'TLS', 'research_code'),
    ('TP', 'TLS', 'research_code'),
    ('BUR', 'MMR', 'research_code'),
    ('YUG', 'SRB', 'research_code'),
    ('YU', 'SRB', 'research_code'),
    ('SCG', 'SRB', 'research_code')
ON CONFLICT DO NOTHING;
