-- A recommendation's text in another language than the report's English (French today), with
-- where that text comes from (a URL: an embassy's communiqué, a translated report) and who
-- added it. The report's own text stays in `recommendations.text`, the one the rules read.
CREATE TABLE recommendation_translations (
    recommendation_id UUID NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    language          TEXT NOT NULL CHECK (language IN ('fr')),
    text              TEXT NOT NULL CHECK (text <> ''),
    source_url        TEXT,
    added_by          TEXT NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (recommendation_id, language)
);
