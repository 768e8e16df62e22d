-- Who made a link and who last changed it, as the audit trail names them (a person, or a key),
-- so that a link shows its author wherever it is shown. Links made before are left blank.
ALTER TABLE links ADD COLUMN linked_by text, ADD COLUMN changed_by text;
