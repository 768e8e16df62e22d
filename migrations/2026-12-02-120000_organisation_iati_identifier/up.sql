-- An organisation's IATI organisation identifier (a registration agency's prefix and its number
-- there, e.g. `GB-COH-01234567` or `XM-DAC-41114`) and its IATI organisation type, which the
-- IATI activity files donors read report it under. One identifier names one organisation.
ALTER TABLE organisations
    ADD COLUMN iati_identifier TEXT
        CHECK (iati_identifier ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{2,99}$'),
    ADD COLUMN iati_organisation_type TEXT
        CHECK (iati_organisation_type IN ('10', '11', '15', '21', '22', '23', '24', '30', '40',
                                          '60', '70', '71', '72', '73', '80', '90'));
CREATE UNIQUE INDEX organisations_iati_identifier_key ON organisations (upper(iati_identifier));
