DROP TABLE checked_imports;
