-- One TIP Report per year. A report covers 1 April of the previous year to 31 March of its year.
CREATE TABLE reports (
    year         INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    title        TEXT        NOT NULL CHECK (length(btrim(title)) > 0),
    published_on DATE,
    source_url   TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A country's tier in one report year. The movement is derived from the previous year, never stored.
CREATE TABLE tier_placements (
    country_code TEXT NOT NULL REFERENCES countries (code),
    year         INTEGER NOT NULL REFERENCES reports (year),
    tier         TEXT    NOT NULL
        CHECK (tier IN ('tier_1', 'tier_2', 'tier_2_watch_list', 'tier_3', 'special_case')),
    waiver       BOOLEAN NOT NULL DEFAULT FALSE,
    note         TEXT,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (country_code, year)
);
CREATE INDEX tier_placements_year_idx ON tier_placements (year);
