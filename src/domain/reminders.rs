//! When reminders are due: N days before the TIP Office's call-for-information deadline (which
//! an admin records each year) and before the end of the reporting period (31 March), for the
//! report whose period holds today. A reminder is due from N days before its deadline to the
//! deadline itself, so a server that was down on the first day still sends it late rather than
//! never; after the deadline it is no longer useful and is not sent.

use chrono::{Days, NaiveDate};

use super::{next_report_year, reporting_period};

/// What a reminder reminds of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderKind {
    /// The TIP Office's call for information for the next report.
    CallForInformation,
    /// The end of the period the next report assesses, 31 March.
    PeriodEnd,
    /// What a new edition changed, for the people who asked for it.
    EditionDigest,
}

impl ReminderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CallForInformation => "call_for_information",
            Self::PeriodEnd => "period_end",
            Self::EditionDigest => "edition_digest",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "call_for_information" => Some(Self::CallForInformation),
            "period_end" => Some(Self::PeriodEnd),
            "edition_digest" => Some(Self::EditionDigest),
            _ => None,
        }
    }
}

/// A reminder due today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueReminder {
    pub kind: ReminderKind,
    /// The report whose period the work counts for.
    pub report_year: i32,
    pub deadline: NaiveDate,
}

/// The reminders due on `today`, `days_before` their deadlines; `call_deadline` is the
/// recorded call-for-information deadline of the report whose period holds today, if any.
pub fn due_reminders(
    today: NaiveDate,
    days_before: u32,
    call_deadline: impl Fn(i32) -> Option<NaiveDate>,
) -> Vec<DueReminder> {
    let report_year = next_report_year(today);
    let due = |deadline: NaiveDate| {
        let opens = deadline
            .checked_sub_days(Days::new(u64::from(days_before)))
            .unwrap_or(deadline);
        opens <= today && today <= deadline
    };
    let mut reminders = Vec::new();
    if let Some(deadline) = call_deadline(report_year).filter(|d| due(*d)) {
        reminders.push(DueReminder {
            kind: ReminderKind::CallForInformation,
            report_year,
            deadline,
        });
    }
    let period_end = reporting_period(report_year).ends_on;
    if due(period_end) {
        reminders.push(DueReminder {
            kind: ReminderKind::PeriodEnd,
            report_year,
            deadline: period_end,
        });
    }
    reminders
}

/// How long after it is found the letter of a new edition is still worth sending.
const DIGEST_KEPT_FOR: Days = Days::new(30);

/// The letter of the latest edition with recommendations (`latest_edition`), due from the day it
/// is found for a month: each person who asks for it gets it once per edition.
pub fn due_digest(today: NaiveDate, latest_edition: Option<i32>) -> Option<DueReminder> {
    Some(DueReminder {
        kind: ReminderKind::EditionDigest,
        report_year: latest_edition?,
        deadline: today.checked_add_days(DIGEST_KEPT_FOR).unwrap_or(today),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_reminder_is_due_from_n_days_before_its_deadline_to_the_deadline() {
        let call = |year| (year == 2025).then(|| day("2025-02-05"));
        let kinds = |today: &str| -> Vec<ReminderKind> {
            due_reminders(day(today), 14, call)
                .into_iter()
                .map(|r| r.kind)
                .collect()
        };
        assert_eq!(kinds("2025-01-21"), []);
        assert_eq!(kinds("2025-01-22"), [ReminderKind::CallForInformation]);
        assert_eq!(kinds("2025-02-05"), [ReminderKind::CallForInformation]);
        assert_eq!(kinds("2025-02-06"), []);
        assert_eq!(kinds("2025-03-17"), [ReminderKind::PeriodEnd]);
        assert_eq!(kinds("2025-03-31"), [ReminderKind::PeriodEnd]);
        // From 1 April, the period of the next report, whose call is not recorded.
        assert_eq!(kinds("2025-04-01"), []);
        let reminder = due_reminders(day("2025-03-20"), 14, call)[0];
        assert_eq!(reminder.report_year, 2025);
        assert_eq!(reminder.deadline, day("2025-03-31"));
    }

    #[test]
    fn deadlines_close_together_are_both_due() {
        let call = |_| Some(day("2025-03-25"));
        assert_eq!(due_reminders(day("2025-03-24"), 14, call).len(), 2);
    }
}
