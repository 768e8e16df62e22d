DROP TABLE country_names;
ALTER TABLE countries DROP COLUMN tip_name;
DROP FUNCTION country_name_key(TEXT);
DROP EXTENSION IF EXISTS unaccent;
