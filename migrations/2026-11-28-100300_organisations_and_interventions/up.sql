CREATE TABLE organisations (
    id         UUID PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(btrim(name)) > 0),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- "CenHTRO" and "cenhtro " are the same organisation.
CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(btrim(name)));

-- What an organisation does. There are deliberately no fields for personal data of survivors:
-- reach is an aggregate count only.
CREATE TABLE interventions (
    id              UUID PRIMARY KEY,
    organisation_id UUID    NOT NULL REFERENCES organisations (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('training', 'legal_aid', 'victim_services',
        'data_collection', 'policy_support', 'coordination', 'prevention', 'research', 'other')),
    title           TEXT    NOT NULL CHECK (length(btrim(title)) > 0),
    description     TEXT,
    status          TEXT    NOT NULL CHECK (status IN ('planned', 'active', 'completed', 'cancelled')),
    started_on      DATE,
    ended_on        DATE,
    location        TEXT,
    people_reached  INTEGER CHECK (people_reached >= 0),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT interventions_dates_check CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX interventions_organisation_idx ON interventions (organisation_id);

-- The countries an intervention works in: regional programmes span several.
CREATE TABLE intervention_countries (
    intervention_id UUID    NOT NULL REFERENCES interventions (id) ON DELETE CASCADE,
    country_code    TEXT NOT NULL REFERENCES countries (code),
    PRIMARY KEY (intervention_id, country_code)
);
CREATE INDEX intervention_countries_country_idx ON intervention_countries (country_code, intervention_id);

-- An intervention answers a recommendation, fully or partially.
CREATE TABLE links (
    intervention_id   UUID NOT NULL REFERENCES interventions (id) ON DELETE CASCADE,
    recommendation_id UUID NOT NULL REFERENCES recommendations (id),
    contribution      TEXT NOT NULL CHECK (contribution IN ('full', 'partial')),
    rationale         TEXT,
    evidence_url      TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (intervention_id, recommendation_id)
);
CREATE INDEX links_recommendation_idx ON links (recommendation_id, intervention_id);
