-- An organisation that stopped working with gaptrack is archived, not deleted: its interventions
-- and their history stay, and it gets no new interventions (or people) while archived.
ALTER TABLE organisations ADD COLUMN archived_at TIMESTAMPTZ;
