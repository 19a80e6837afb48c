//! The clock, and timestamps. Stamps are stored as RFC 3339 UTC text with
//! second precision, which sorts correctly as text and reads well in any
//! SQLite tool.
//!
//! Every read of the current time goes through `current()`, so a test (or a
//! replay) can fix it on its thread with `fix_clock`. Ledger dates (when a
//! commission or clawback falls due) never come from the clock at all: they
//! come from the sale, refund or approval that caused them.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use std::cell::Cell;

thread_local! {
    static FIXED: Cell<Option<DateTime<Utc>>> = const { Cell::new(None) };
}

/// The current moment: the system clock, or the one fixed on this thread.
pub fn current() -> DateTime<Utc> {
    FIXED.with(Cell::get).unwrap_or_else(Utc::now)
}

/// Today, in UTC.
pub fn today() -> NaiveDate {
    current().date_naive()
}

pub fn now() -> String {
    stamp(current())
}

/// Fixes this thread's clock at `at` until the returned guard is dropped.
pub fn fix_clock(at: DateTime<Utc>) -> FixedClock {
    FixedClock(FIXED.with(|f| f.replace(Some(at))))
}

/// Puts the clock back as it was when dropped.
pub struct FixedClock(Option<DateTime<Utc>>);

impl Drop for FixedClock {
    fn drop(&mut self) {
        FIXED.with(|f| f.set(self.0));
    }
}

pub fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A stored timestamp back; None for text that is not one.
pub fn parse_stamp(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}
