DROP TABLE reminders;
ALTER TABLE users DROP COLUMN reminders_wanted;
DROP TABLE call_for_information_deadlines;
