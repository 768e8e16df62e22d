-- Carrying work forward to a new edition: a link made by carrying an earlier one says which
-- earlier recommendation it was carried from (the rationale and evidence are copied with it), and
-- an editor's "no" is kept so that the digest does not ask again.
ALTER TABLE links
    ADD COLUMN carried_from UUID REFERENCES recommendations (id) ON DELETE SET NULL;

CREATE TABLE carry_forward_declines (
    intervention_id   UUID NOT NULL REFERENCES interventions (id) ON DELETE CASCADE,
    -- The new edition's recommendation the link was not carried to.
    recommendation_id UUID NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    declined_by       TEXT NOT NULL,
    declined_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (intervention_id, recommendation_id)
);
