-- Where a report year's tier placements come from, and whether they are every ranked country's:
-- the history gaptrack ships holds some years only in part (the Watch List and Tier 3), which the
-- pages must not show as that year's whole ranking. A year an admin imports has no row here.
CREATE TABLE tier_sources (
    year     INTEGER PRIMARY KEY REFERENCES reports (year) ON DELETE CASCADE,
    complete BOOLEAN NOT NULL,
    -- `research`: coded from each report by researchers; `pages`: public pages citing the report,
    -- each placement's note naming its page.
    kind     TEXT NOT NULL CHECK (kind IN ('research', 'pages'))
);
