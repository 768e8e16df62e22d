DROP TABLE links;
DROP TABLE intervention_countries;
DROP TABLE interventions;
DROP TABLE organisations;
