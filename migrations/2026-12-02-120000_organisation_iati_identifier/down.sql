DROP INDEX organisations_iati_identifier_key;
ALTER TABLE organisations DROP COLUMN iati_organisation_type, DROP COLUMN iati_identifier;
