//! The day a SEPA transfer is asked to be executed: a TARGET2 business day,
//! not in the past. TARGET2 is closed on weekends, New Year's Day, Good
//! Friday, Easter Monday, 1 May, and 25 and 26 December (ECB, "TARGET
//! closing days"). Without a day given, the next business day after today.

use crate::error::{ErrorExt, PayoutError, Result};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Easter Sunday of `year` (the anonymous Gregorian algorithm).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

pub fn is_business_day(d: NaiveDate) -> bool {
    if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        return false;
    }
    if matches!((d.month(), d.day()), (1, 1) | (5, 1) | (12, 25) | (12, 26)) {
        return false;
    }
    easter(d.year()).is_none_or(|e| d != e - Duration::days(2) && d != e + Duration::days(1))
}

/// The first business day after `day`.
pub fn next_business_day(day: NaiveDate) -> NaiveDate {
    let mut d = day + Duration::days(1);
    while !is_business_day(d) {
        d += Duration::days(1);
    }
    d
}

/// The execution day for a file written `today`: `asked` ("YYYY-MM-DD") if
/// it is a business day and not past, else an error saying which day would
/// do; the next business day when nothing is asked.
pub fn execution_day(asked: Option<&str>, today: NaiveDate) -> Result<NaiveDate> {
    let Some(text) = asked.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(next_business_day(today));
    };
    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        PayoutError::invalid(
            "execution_date",
            format!("\"{text}\" is not a date like 2026-12-07"),
        )
    })?;
    if day < today {
        return Err(PayoutError::invalid(
            "execution_date",
            format!(
                "{day} is in the past: the bank would refuse it; the next business day is {}",
                next_business_day(today)
            ),
        ));
    }
    if !is_business_day(day) {
        return Err(PayoutError::invalid(
            "execution_date",
            format!("{day} is not a TARGET2 business day (a weekend or a closing day); the next one is {}", next_business_day(day)),
        ));
    }
    Ok(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn target2_closing_days() {
        assert_eq!(easter(2026), Some(d("2026-04-05")));
        assert_eq!(easter(2027), Some(d("2027-03-28")));
        for closed in [
            "2026-04-03",
            "2026-04-06",
            "2026-05-01",
            "2026-12-25",
            "2026-12-26",
            "2027-01-01",
            "2026-12-05",
        ] {
            assert!(!is_business_day(d(closed)), "{closed}");
        }
        assert!(is_business_day(d("2026-12-07")));
        // Friday 24 December 2027, then the weekend and 25-26 December.
        assert_eq!(next_business_day(d("2027-12-24")), d("2027-12-27"));
        assert_eq!(next_business_day(d("2026-12-24")), d("2026-12-28"));
    }

    #[test]
    fn an_asked_day_must_be_open_and_not_past() {
        let today = d("2026-12-05");
        assert_eq!(execution_day(None, today).unwrap(), d("2026-12-07"));
        assert_eq!(
            execution_day(Some("2026-12-09"), today).unwrap(),
            d("2026-12-09")
        );
        let past = execution_day(Some("2026-12-01"), today)
            .unwrap_err()
            .to_string();
        assert!(
            past.contains("is in the past") && past.contains("2026-12-07"),
            "{past}"
        );
        let holiday = execution_day(Some("2026-12-25"), today)
            .unwrap_err()
            .to_string();
        assert!(
            holiday.contains("not a TARGET2 business day") && holiday.contains("2026-12-28"),
            "{holiday}"
        );
    }
}
