-- pgbench: the statements GET /api/v1/countries/{code}/gaps runs, in order, for a random country
-- (as the server's PostgreSQL log shows them). The first line only picks the country; the key check
-- is the middleware's.
\set n random(1, :countries)
SELECT code AS country FROM bench_countries WHERE n = :n \gset
SELECT "api_keys"."id", "api_keys"."name", "api_keys"."role", "api_keys"."organisation_id", "api_keys"."created_at", "api_keys"."last_used_at", "api_keys"."revoked_at", "api_keys"."secret_sha256" FROM "api_keys" WHERE ("api_keys"."id" = :key_id) LIMIT 1;
SELECT "countries"."code", "countries"."alpha2", "countries"."name", "countries"."region" FROM "countries" WHERE ("countries"."code" = :country) LIMIT 1;
SELECT max("recommendations"."year") AS year FROM "recommendations" WHERE ("recommendations"."country_code" = :country) \gset
SELECT "tier_placements"."country_code", "tier_placements"."year", "tier_placements"."tier", "tier_placements"."waiver", "tier_placements"."note" FROM "tier_placements" WHERE (("tier_placements"."country_code" = :country) AND ("tier_placements"."year" = ANY(ARRAY[:year, :year - 1])));
SELECT r.id, r.position, r.text, r.pillar, r.prioritized, r.source_url, s.status, l.years_standing, l.since_year, l.ever_addressed FROM recommendation_statuses(:year, :country, NULL) s JOIN recommendations r ON r.id = s.recommendation_id JOIN recommendation_lines(:year, :country, NULL) l ON l.recommendation_id = r.id ORDER BY r.position;
SELECT c.recommendation_id, c.contribution, i.id, i.title, i.kind, i.status, i.people_reached, i.organisation_id, o.name AS organisation_name FROM counting_links(:year, :country, NULL) c JOIN interventions i ON i.id = c.intervention_id JOIN organisations o ON o.id = i.organisation_id ORDER BY i.id;
