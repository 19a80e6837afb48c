//! Timestamps are stored as RFC 3339 UTC text with second precision, which
//! sorts correctly as text and reads well in any SQLite tool.

use chrono::{DateTime, SecondsFormat, Utc};

pub fn now() -> String {
    stamp(Utc::now())
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
