-- Reminders before the TIP Office's deadlines. An admin records each report's call-for-information
-- deadline (the report need not be recorded yet: the call comes months before it is published).
CREATE TABLE call_for_information_deadlines (
    report_year INTEGER PRIMARY KEY CHECK (report_year BETWEEN 2000 AND 2100),
    deadline    DATE NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);

-- A person may turn reminders off on their account page.
ALTER TABLE users ADD COLUMN reminders_wanted BOOLEAN NOT NULL DEFAULT TRUE;

-- Each reminder, one row per person, kind and report: written by whichever instance finds it due
-- first (the primary key keeps it to one), then claimed with FOR UPDATE SKIP LOCKED by the
-- instance that sends it, which holds the row locked while the mail server takes the message and
-- stamps `sent_at` in the same transaction. Another instance skips a locked row and never sees an
-- unsent one that is being sent, so each reminder goes once.
CREATE TABLE reminders (
    kind        TEXT NOT NULL CHECK (kind IN ('call_for_information', 'period_end')),
    report_year INTEGER NOT NULL,
    user_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The deadline it reminds of.
    deadline    DATE NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    -- When it was sent, or found to have nothing to remind of.
    done_at     TIMESTAMPTZ,
    -- `sent`, or `nothing` when every recommendation had work.
    outcome     TEXT CHECK (outcome IN ('sent', 'nothing')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    PRIMARY KEY (kind, report_year, user_id)
);
CREATE INDEX reminders_waiting ON reminders (created_at) WHERE done_at IS NULL;
