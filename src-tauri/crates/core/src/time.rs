//! Timestamps are stored as RFC 3339 UTC text with second precision, which
//! sorts correctly as text and reads well in any SQLite tool.

use chrono::{SecondsFormat, Utc};

pub fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}
