-- A person's answer "no, this does not continue that one" to a suggested continuation: the pair
-- is not suggested again. A "yes" is stored as the recommendation's `continues`.
CREATE TABLE lineage_refusals (
    recommendation_id uuid NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    earlier_id uuid NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    refused_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (recommendation_id, earlier_id)
);

-- Deleting an earlier recommendation finds its refusals by this index.
CREATE INDEX lineage_refusals_earlier_idx ON lineage_refusals (earlier_id);
