-- TIP recommendations come back, reworded, year after year. A recommendation may record the earlier
-- one (same country, an earlier year) that it continues; a gap that has stood for three reports
-- matters more than a new one.
ALTER TABLE recommendations ADD COLUMN continues UUID REFERENCES recommendations (id);
CREATE INDEX recommendations_continues_idx ON recommendations (continues);

-- Text similarity, to suggest which earlier recommendation a new one continues.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX recommendations_text_trgm_idx ON recommendations USING gin (text gin_trgm_ops);

-- For each recommendation of report year p_year (of country p_country, or of every country when it
-- is NULL), its line through `continues`:
--   years_standing  how many consecutive report years the line has stood, this one included;
--   since_year      the first year of that consecutive run;
--   ever_addressed  whether any recommendation of the line was addressed in its own year, by the
--                   rule of recommendation_statuses (and the same organisation filter).
CREATE FUNCTION recommendation_lines(p_year INTEGER, p_country TEXT, p_organisation UUID)
RETURNS TABLE (recommendation_id UUID, years_standing INTEGER, since_year INTEGER, ever_addressed BOOLEAN)
LANGUAGE sql STABLE
AS $$
    WITH RECURSIVE line AS (
        SELECT r.id AS head, r.id, r.year, r.country_code, r.continues, TRUE AS consecutive
          FROM recommendations r
         WHERE r.year = p_year
           AND (p_country IS NULL OR r.country_code = p_country)
        UNION ALL
        SELECT l.head, p.id, p.year, p.country_code, p.continues,
               l.consecutive AND p.year = l.year - 1
          FROM line l
          JOIN recommendations p ON p.id = l.continues
         -- Lines only run back in time, which also keeps a bad link from looping.
         WHERE p.year < l.year
    )
    SELECT l.head,
           (count(*) FILTER (WHERE l.consecutive))::INTEGER,
           min(l.year) FILTER (WHERE l.consecutive),
           coalesce(bool_or(s.status = 'addressed'), FALSE)
      FROM line l
      LEFT JOIN LATERAL recommendation_statuses(l.year, l.country_code, p_organisation) s
             ON s.recommendation_id = l.id
     GROUP BY l.head
$$;
