DELETE FROM reminders WHERE kind = 'edition_digest';
ALTER TABLE reminders DROP CONSTRAINT reminders_kind_check;
ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check
    CHECK (kind IN ('call_for_information', 'period_end'));
ALTER TABLE users DROP COLUMN digest_wanted;
