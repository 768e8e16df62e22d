DROP TABLE carry_forward_declines;
ALTER TABLE links DROP COLUMN carried_from;
