DROP TABLE lineage_refusals;
