ALTER TABLE links DROP COLUMN linked_by, DROP COLUMN changed_by;
