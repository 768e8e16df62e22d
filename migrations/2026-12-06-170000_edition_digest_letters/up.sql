-- What a new edition changed, by e-mail, to the people of an organisation who ask for it: one
-- letter per person and edition, sent through the reminders' table (and its claim) like the
-- reminders before the deadlines.
ALTER TABLE users ADD COLUMN digest_wanted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE reminders DROP CONSTRAINT reminders_kind_check;
ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check
    CHECK (kind IN ('call_for_information', 'period_end', 'edition_digest'));
