UPDATE users SET preferred_language = 'en' WHERE preferred_language IS NULL;
ALTER TABLE users ALTER COLUMN preferred_language SET NOT NULL;
ALTER TABLE users ALTER COLUMN preferred_language SET DEFAULT 'en';
