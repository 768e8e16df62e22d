-- A person who chose no language reads the pages in their browser's (or the language switcher's):
-- NULL is "no choice". Until now every account started as 'en', so a stored 'en' cannot be told
-- from the default; it becomes "no choice", which reads English for everyone but those whose
-- browser asks for French, who can choose English again on their account page.
ALTER TABLE users ALTER COLUMN preferred_language DROP DEFAULT;
ALTER TABLE users ALTER COLUMN preferred_language DROP NOT NULL;
UPDATE users SET preferred_language = NULL WHERE preferred_language = 'en';
