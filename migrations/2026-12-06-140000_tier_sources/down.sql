DROP TABLE tier_sources;
