DELETE FROM country_names WHERE kind = 'french_name';
ALTER TABLE country_names DROP CONSTRAINT country_names_kind_check;
ALTER TABLE country_names ADD CONSTRAINT country_names_kind_check CHECK (kind IN
    ('iso_code', 'iso_name', 'tip_name', 'common_name', 'former_name', 'research_code'));
