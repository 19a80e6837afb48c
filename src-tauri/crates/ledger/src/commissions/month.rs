//! A calendar month as the engine, the true-up and the what-if bound it:
//! stamps sort as text, so a month is every stamp from its first moment up
//! to (not including) the next month's.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use partnerbook_book::time::stamp;

/// The first day of the month after (year, month).
fn first_of_next(year: i32, month: u32) -> NaiveDate {
    let (year, month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default()
}

/// How many days the month has.
pub(crate) fn days_in(year: i32, month: u32) -> u32 {
    (first_of_next(year, month) - Duration::days(1)).day()
}

/// The last moment (second) of the month.
pub(crate) fn end(year: i32, month: u32) -> DateTime<Utc> {
    first_of_next(year, month)
        .and_time(chrono::NaiveTime::MIN)
        .and_utc()
        - Duration::seconds(1)
}

/// The stamps of the month's first moment and of the next month's.
pub(crate) fn bounds(year: i32, month: u32) -> (String, String) {
    let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default();
    let moment = |day: NaiveDate| stamp(day.and_time(chrono::NaiveTime::MIN).and_utc());
    (moment(first), moment(first_of_next(year, month)))
}
