//! The time, as gaptrack reads it for every decision a person notices: whether a link, a share
//! or a session has expired, whether a sign-in is still locked, which code of the second factor
//! is current, which report year comes next. The server keeps one [`Clock`] in its state, the
//! real one; tests keep a [`ManualClock`] they move, so that nothing waits on the wall clock.
//!
//! When a row was written (`created_at`, `updated_at`) is the database's own `now()`: a record
//! of what happened, decided by nothing.

use std::fmt::Debug;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, TimeDelta, Utc};

/// Where the time comes from.
pub trait Clock: Debug + Send + Sync {
    /// The time now.
    fn now(&self) -> DateTime<Utc>;
}

/// The machine's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still until it is moved: for tests.
#[derive(Debug)]
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    /// A clock that reads `at` until moved.
    pub fn at(at: DateTime<Utc>) -> Self {
        Self(Mutex::new(at))
    }

    /// Moves the clock on by `by`.
    pub fn advance(&self, by: TimeDelta) {
        let mut now = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *now += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The clock a server (or a command) runs on, shared by all its workers: the machine's unless a
/// test gave its own.
#[derive(Debug, Clone)]
pub struct SharedClock(Arc<dyn Clock>);

impl SharedClock {
    /// Runs on `clock` (a test's [`ManualClock`], which the test keeps to move it).
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        Self(clock)
    }

    /// The time now.
    pub fn now(&self) -> DateTime<Utc> {
        self.0.now()
    }
}

impl Default for SharedClock {
    fn default() -> Self {
        Self(Arc::new(SystemClock))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_only_when_told() {
        let start = Utc::now();
        let clock = ManualClock::at(start);
        assert_eq!(clock.now(), start);
        clock.advance(TimeDelta::days(31));
        assert_eq!(clock.now(), start + TimeDelta::days(31));
    }
}
