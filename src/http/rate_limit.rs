//! Rate limits: per API key, per client address for requests without credentials, and, harder,
//! per address for failed key checks, so that no client can crowd out the others and keys cannot
//! be guessed at speed. Over a limit, the answer is 429 with `Retry-After`.
//!
//! Limits are kept in this instance's memory (GCRA, from `governor`): behind a load balancer each
//! instance allows its share, which is what protects that instance.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use uuid::Uuid;

use crate::config::RateLimits;
use crate::http::error::ApiError;

/// Past this many tracked clients, forgotten ones are swept out.
const SWEEP_ABOVE: usize = 10_000;

/// The limiters of one server, shared by its workers.
pub struct Limiters {
    per_key: DefaultKeyedRateLimiter<Uuid>,
    per_address: DefaultKeyedRateLimiter<IpAddr>,
    failed_auth: DefaultKeyedRateLimiter<IpAddr>,
    /// Addresses that used up their failed-authentication quota, and until when they are shut out.
    shut_out: Mutex<HashMap<IpAddr, Instant>>,
    clock: DefaultClock,
}

impl Limiters {
    pub fn new(limits: &RateLimits) -> Self {
        let per_second = |n: u32| Quota::per_second(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        let per_minute = |n: u32| Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        Self {
            per_key: RateLimiter::keyed(per_second(limits.per_key_per_second)),
            per_address: RateLimiter::keyed(per_second(limits.per_address_per_second)),
            failed_auth: RateLimiter::keyed(per_minute(limits.failed_auth_per_minute)),
            shut_out: Mutex::new(HashMap::new()),
            clock: DefaultClock::default(),
        }
    }

    /// Counts a request made with API key `key`.
    pub fn check_key(&self, key: Uuid, name: &str) -> Result<(), ApiError> {
        sweep(&self.per_key);
        self.per_key.check_key(&key).map_err(|not_until| {
            too_many(
                format!("key `{name}` is sending requests faster than this server allows"),
                not_until.wait_time_from(self.clock.now()),
            )
        })
    }

    /// Counts a request from `address` that carries no credentials.
    pub fn check_address(&self, address: IpAddr) -> Result<(), ApiError> {
        sweep(&self.per_address);
        self.per_address.check_key(&address).map_err(|not_until| {
            too_many(
                format!("{address} is sending requests faster than this server allows"),
                not_until.wait_time_from(self.clock.now()),
            )
        })
    }

    /// Refuses `address` while it is shut out for failed key checks, whatever key it sends.
    pub fn check_not_shut_out(&self, address: IpAddr) -> Result<(), ApiError> {
        let shut_out = self.shut_out.lock().unwrap_or_else(|e| e.into_inner());
        match shut_out.get(&address) {
            Some(until) if *until > Instant::now() => Err(shut_out_error(
                address,
                until.saturating_duration_since(Instant::now()),
            )),
            _ => Ok(()),
        }
    }

    /// Counts a failed key check from `address`, and shuts the address out when it has failed
    /// too often.
    pub fn record_failed_auth(&self, address: IpAddr) {
        sweep(&self.failed_auth);
        if let Err(not_until) = self.failed_auth.check_key(&address) {
            let wait = not_until.wait_time_from(self.clock.now());
            let mut shut_out = self.shut_out.lock().unwrap_or_else(|e| e.into_inner());
            if shut_out.len() > SWEEP_ABOVE {
                let now = Instant::now();
                shut_out.retain(|_, until| *until > now);
            }
            shut_out.insert(address, Instant::now() + wait);
            log::warn!(
                "{address} is shut out for {} s after failed key checks",
                wait.as_secs() + 1
            );
        }
    }
}

fn sweep<K: std::hash::Hash + Eq + Clone>(limiter: &DefaultKeyedRateLimiter<K>) {
    if limiter.len() > SWEEP_ABOVE {
        limiter.retain_recent();
    }
}

fn too_many(detail: String, wait: Duration) -> ApiError {
    let retry_after = wait.as_secs() + 1;
    ApiError::TooManyRequests {
        detail: format!("{detail}; retry after {retry_after} s"),
        retry_after,
    }
}

fn shut_out_error(address: IpAddr, wait: Duration) -> ApiError {
    too_many(
        format!("too many requests from {address} had an unknown or revoked key"),
        wait,
    )
}
