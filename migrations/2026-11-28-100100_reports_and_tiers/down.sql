DROP TABLE tier_placements;
DROP TABLE reports;
