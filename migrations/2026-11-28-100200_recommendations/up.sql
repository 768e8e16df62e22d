-- A recommendation of one report to one country, verbatim, at its position in that country's list.
CREATE TABLE recommendations (
    id           UUID PRIMARY KEY,
    country_code TEXT NOT NULL REFERENCES countries (code),
    year         INTEGER NOT NULL REFERENCES reports (year),
    position     INTEGER NOT NULL CHECK (position > 0),
    text         TEXT    NOT NULL CHECK (length(btrim(text)) > 0),
    pillar       TEXT    NOT NULL
        CHECK (pillar IN ('prosecution', 'protection', 'prevention', 'partnership')),
    prioritized  BOOLEAN NOT NULL DEFAULT FALSE,
    source_url   TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT recommendations_position_key UNIQUE (country_code, year, position)
);
CREATE INDEX recommendations_year_idx ON recommendations (year, country_code, position);
