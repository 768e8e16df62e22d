//! The `sign_in_failures` table: wrong passwords by the address typed, so that an account is
//! locked for a while after too many (on every instance at once), and an address no account has
//! is locked the same way.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Integer, Interval, Nullable, Text, Timestamptz};
use diesel_async::RunQueryDsl;

use super::schema::sign_in_failures;
use super::{Connection, DbError};

pub use crate::domain::password::Lockout;

/// Until when sign-ins for `email_key` are refused, if they are at `now`.
pub async fn locked_until(
    connection: &mut Connection,
    email_key: &str,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbError> {
    let until: Option<Option<DateTime<Utc>>> = sign_in_failures::table
        .find(email_key)
        .filter(sign_in_failures::locked_until.gt(now))
        .select(sign_in_failures::locked_until)
        .first(connection)
        .await
        .optional()?;
    Ok(until.flatten())
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = Nullable<Timestamptz>)]
    locked_until: Option<DateTime<Utc>>,
}

/// Counts a failure (a window that has passed starts again) and returns until when the address
/// is now locked, if this failure locked it. One statement, so failures racing on two instances
/// are all counted; the window and the lock are measured from `now`.
pub async fn record(
    connection: &mut Connection,
    email_key: &str,
    lockout: Lockout,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbError> {
    let interval = |duration: std::time::Duration| {
        diesel::data_types::PgInterval::from_microseconds(duration.as_micros() as i64)
    };
    let locked: Locked = diesel::sql_query(
        "INSERT INTO sign_in_failures AS f (email_key, failures, first_failed_at, locked_until)
         VALUES ($1, 1, $5, CASE WHEN $2 <= 1 THEN $5 + $4 END)
         ON CONFLICT (email_key) DO UPDATE SET
             failures = CASE WHEN f.first_failed_at < $5 - $3 THEN 1 ELSE f.failures + 1 END,
             first_failed_at = CASE WHEN f.first_failed_at < $5 - $3 THEN $5
                                    ELSE f.first_failed_at END,
             locked_until = CASE
                 WHEN f.first_failed_at >= $5 - $3 AND f.failures + 1 >= $2 THEN $5 + $4
                 ELSE f.locked_until END
         RETURNING locked_until",
    )
    .bind::<Text, _>(email_key)
    .bind::<Integer, _>(lockout.failures)
    .bind::<Interval, _>(interval(lockout.window))
    .bind::<Interval, _>(interval(lockout.lock_for))
    .bind::<Timestamptz, _>(now)
    .get_result(connection)
    .await?;
    Ok(locked.locked_until.filter(|until| *until > now))
}

/// Forgets an address's failures after a right password.
pub async fn clear(connection: &mut Connection, email_key: &str) -> Result<(), DbError> {
    diesel::delete(sign_in_failures::table.find(email_key))
        .execute(connection)
        .await?;
    Ok(())
}
