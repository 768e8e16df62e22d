//! Reminders before the TIP Office's deadlines: the deadlines an admin records, and the jobs
//! table through which each reminder goes to each person once, whichever instance sends it (see
//! the migration `*_reminders`).

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel::upsert::excluded;
use diesel_async::{AsyncConnection, RunQueryDsl};
use uuid::Uuid;

use super::schema::{
    call_for_information_deadlines, intervention_countries, interventions, organisations,
    reminders, users,
};
use super::{Connection, DbError};
use crate::domain::{DueReminder, Language, ReminderKind, Role, UserState};

/// Records the call-for-information deadline of the report of `report_year`.
pub async fn put_deadline(
    connection: &mut Connection,
    report_year: i32,
    deadline: NaiveDate,
    recorded_by: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    diesel::insert_into(call_for_information_deadlines::table)
        .values((
            call_for_information_deadlines::report_year.eq(report_year),
            call_for_information_deadlines::deadline.eq(deadline),
            call_for_information_deadlines::recorded_by.eq(recorded_by),
            call_for_information_deadlines::recorded_at.eq(now),
        ))
        .on_conflict(call_for_information_deadlines::report_year)
        .do_update()
        .set((
            call_for_information_deadlines::deadline
                .eq(excluded(call_for_information_deadlines::deadline)),
            call_for_information_deadlines::recorded_by
                .eq(excluded(call_for_information_deadlines::recorded_by)),
            call_for_information_deadlines::recorded_at
                .eq(excluded(call_for_information_deadlines::recorded_at)),
        ))
        .execute(connection)
        .await?;
    Ok(())
}

/// Every recorded deadline, by report year, latest first.
pub async fn deadlines(connection: &mut Connection) -> Result<Vec<(i32, NaiveDate)>, DbError> {
    Ok(call_for_information_deadlines::table
        .select((
            call_for_information_deadlines::report_year,
            call_for_information_deadlines::deadline,
        ))
        .order(call_for_information_deadlines::report_year.desc())
        .load(connection)
        .await?)
}

/// Writes `due` for every person it goes to (for a reminder, the active editors of organisations
/// not archived who have not turned reminders off; for a new edition's letter, the active people
/// of such organisations who asked for it), once: a row written before, by this instance or
/// another, is left as it is. Says how many are new.
pub async fn enqueue(
    connection: &mut Connection,
    due: &DueReminder,
    now: DateTime<Utc>,
) -> Result<usize, DbError> {
    let mut people = users::table
        .inner_join(organisations::table)
        .filter(users::state.eq(UserState::Active))
        .filter(organisations::archived_at.is_null())
        .into_boxed();
    people = if due.kind == ReminderKind::EditionDigest {
        // Anyone of an organisation who asked for it.
        people.filter(users::digest_wanted)
    } else {
        people
            .filter(users::role.eq(Role::Editor))
            .filter(users::reminders_wanted)
    };
    let people = people.select((
        due.kind.as_str().into_sql::<diesel::sql_types::Text>(),
        due.report_year.into_sql::<diesel::sql_types::Int4>(),
        users::id,
        due.deadline.into_sql::<diesel::sql_types::Date>(),
        now.into_sql::<diesel::sql_types::Timestamptz>(),
    ));
    Ok(diesel::insert_into(reminders::table)
        .values(people)
        .into_columns((
            reminders::kind,
            reminders::report_year,
            reminders::user_id,
            reminders::deadline,
            reminders::created_at,
        ))
        .on_conflict_do_nothing()
        .execute(connection)
        .await?)
}

/// A reminder claimed for sending, with whom it goes to.
#[derive(Debug, Clone)]
pub struct ClaimedReminder {
    pub kind: ReminderKind,
    pub report_year: i32,
    pub deadline: NaiveDate,
    pub user_id: Uuid,
    pub email: String,
    pub display_name: String,
    pub preferred_language: Option<Language>,
    pub organisation_id: Uuid,
    pub organisation_name: String,
}

/// What became of a claimed reminder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReminderOutcome {
    Sent,
    /// Every recommendation had work: nothing to remind of, nothing sent.
    Nothing,
    /// Not sent; tried again on a later run, at most five times.
    Failed(String),
}

/// The work done on a claimed reminder while its row is locked: write and send it.
pub type ReminderWork<'w> = dyn for<'a> Fn(
        &'a mut Connection,
        &'a ClaimedReminder,
    )
        -> std::pin::Pin<Box<dyn std::future::Future<Output = ReminderOutcome> + Send + 'a>>
    + Send
    + Sync
    + 'w;

/// How many times a reminder is tried before it is left.
const MOST_ATTEMPTS: i32 = 5;

/// Claims the oldest reminder no one is sending and that is not done, locking its row
/// (`FOR UPDATE SKIP LOCKED`), and runs `work` on it while the lock is held, in one
/// transaction that records what `work` says became of it. `None` when none waits.
pub async fn claim_one(
    connection: &mut Connection,
    now: DateTime<Utc>,
    today: NaiveDate,
    work: &ReminderWork<'_>,
) -> Result<Option<(ClaimedReminder, ReminderOutcome)>, DbError> {
    connection
        .transaction::<_, DbError, _>(async |connection| {
            let row: Option<(String, i32, NaiveDate, Uuid)> = reminders::table
                .filter(reminders::done_at.is_null())
                .filter(reminders::attempts.lt(MOST_ATTEMPTS))
                // A reminder whose deadline has passed is of no use any more.
                .filter(reminders::deadline.ge(today))
                .order(reminders::created_at)
                .select((
                    reminders::kind,
                    reminders::report_year,
                    reminders::deadline,
                    reminders::user_id,
                ))
                .for_update()
                .skip_locked()
                .first(connection)
                .await
                .optional()?;
            let Some((kind, report_year, deadline, user_id)) = row else {
                return Ok(None);
            };
            let person: (String, String, Option<Language>, Uuid, String) = users::table
                .inner_join(organisations::table)
                .filter(users::id.eq(user_id))
                .select((
                    users::email,
                    users::display_name,
                    users::preferred_language,
                    organisations::id,
                    organisations::name,
                ))
                .first(connection)
                .await?;
            let claimed = ClaimedReminder {
                kind: ReminderKind::parse(&kind).ok_or_else(|| {
                    DbError::Query(diesel::result::Error::DeserializationError(
                        format!("unknown reminder kind `{kind}`").into(),
                    ))
                })?,
                report_year,
                deadline,
                user_id,
                email: person.0,
                display_name: person.1,
                preferred_language: person.2,
                organisation_id: person.3,
                organisation_name: person.4,
            };
            let outcome = work(connection, &claimed).await;
            let key = reminders::table.find((kind, report_year, user_id));
            match &outcome {
                ReminderOutcome::Sent | ReminderOutcome::Nothing => {
                    let word = if outcome == ReminderOutcome::Sent {
                        "sent"
                    } else {
                        "nothing"
                    };
                    diesel::update(key)
                        .set((
                            reminders::done_at.eq(now),
                            reminders::outcome.eq(word),
                            reminders::attempts.eq(reminders::attempts + 1),
                        ))
                        .execute(connection)
                        .await?;
                }
                ReminderOutcome::Failed(error) => {
                    diesel::update(key)
                        .set((
                            reminders::attempts.eq(reminders::attempts + 1),
                            reminders::last_error.eq(error),
                        ))
                        .execute(connection)
                        .await?;
                }
            }
            Ok(Some((claimed, outcome)))
        })
        .await
}

/// The countries an organisation works in, by code.
pub async fn countries_of_organisation(
    connection: &mut Connection,
    organisation: Uuid,
) -> Result<Vec<String>, DbError> {
    Ok(intervention_countries::table
        .inner_join(interventions::table)
        .filter(interventions::organisation_id.eq(organisation))
        .select(intervention_countries::country_code)
        .distinct()
        .order(intervention_countries::country_code)
        .load(connection)
        .await?)
}

/// Sets which letters a person gets: reminders, and what each new edition changed; `None`
/// leaves one as it is.
pub async fn set_wanted(
    connection: &mut Connection,
    user: Uuid,
    reminders: Option<bool>,
    digest: Option<bool>,
) -> Result<(), DbError> {
    if let Some(wanted) = reminders {
        diesel::update(users::table.find(user))
            .set(users::reminders_wanted.eq(wanted))
            .execute(connection)
            .await?;
    }
    if let Some(wanted) = digest {
        diesel::update(users::table.find(user))
            .set(users::digest_wanted.eq(wanted))
            .execute(connection)
            .await?;
    }
    Ok(())
}

/// The latest report year with recommendations.
pub async fn latest_edition(connection: &mut Connection) -> Result<Option<i32>, DbError> {
    Ok(super::schema::recommendations::table
        .select(diesel::dsl::max(super::schema::recommendations::year))
        .get_result(connection)
        .await?)
}
