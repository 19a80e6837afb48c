//! A home-screen period: whole months, from one to another. The numbers
//! come from `totals`, which holds months, years and all time, so a period
//! is read as the fewest spans that cover it.

use crate::error::{DashboardError, ErrorExt, Result};
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

/// A month, as its first day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month(NaiveDate);

impl Month {
    /// "2026-11" in `field`, or an error naming it.
    pub fn parse(text: &str, field: &str) -> Result<Month> {
        NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d")
            .map(Month)
            .map_err(|_| {
                DashboardError::invalid(field, format!("\"{text}\" is not a month like 2026-11"))
            })
    }

    pub fn of(day: NaiveDate) -> Month {
        Month(day.with_day(1).expect("day 1 exists"))
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    pub fn number(self) -> u32 {
        self.0.month()
    }

    /// `n` months later (earlier when negative).
    pub fn plus(self, n: i32) -> Month {
        let index = self.0.year() * 12 + self.0.month0() as i32 + n;
        Month(
            NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
                .expect("a month"),
        )
    }

    /// Months from `self` to `to`, both counted.
    pub fn count_to(self, to: Month) -> i32 {
        (to.year() - self.year()) * 12 + to.number() as i32 - self.number() as i32 + 1
    }

    pub fn first_day(self) -> NaiveDate {
        self.0
    }

    /// "2026-11".
    pub fn key(self) -> String {
        self.0.format("%Y-%m").to_string()
    }
}

/// Months `from` to `to`, both counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: Month,
    pub to: Month,
}

impl Period {
    pub fn new(from: Month, to: Month) -> Result<Period> {
        if to < from {
            return Err(DashboardError::invalid(
                "to",
                format!(
                    "the period ends ({}) before it starts ({})",
                    to.key(),
                    from.key()
                ),
            ));
        }
        Ok(Period { from, to })
    }

    pub fn months(self) -> i32 {
        self.from.count_to(self.to)
    }

    /// As many months, just before.
    pub fn previous(self) -> Period {
        let n = self.months();
        Period {
            from: self.from.plus(-n),
            to: self.from.plus(-1),
        }
    }

    /// Its first instant and the first instant after it, as the book's UTC
    /// stamps compare ("2026-11-01", "2026-12-01").
    pub fn bounds(self) -> (String, String) {
        (
            self.from.first_day().to_string(),
            self.to.plus(1).first_day().to_string(),
        )
    }

    /// The spans of `totals` that add up to the period, each with its
    /// sign: a whole year where the period covers all of it that holds
    /// anything; a year less its other months where the period covers most
    /// of it ("2026" less "2026-12" for January to November); else months.
    /// Fewer rows to read: a year is one row per partner, a month nearly so.
    pub fn spans(self, conn: &Connection) -> Result<Vec<Span>> {
        let mut spans = Vec::new();
        let mut month = self.from;
        while month <= self.to {
            let year = month.year();
            let january = Month::of(NaiveDate::from_ymd_opt(year, 1, 1).expect("January"));
            let december = january.plus(11);
            let last = self.to.min(december);
            let inside = month.count_to(last);
            let whole = month == january
                && (last == december || !holds_anything_after(conn, last, december)?);
            if whole {
                spans.push(Span::add(year.to_string()));
            } else if inside > 6 {
                spans.push(Span::add(year.to_string()));
                let mut out = january;
                while out <= december {
                    if out < month || out > last {
                        spans.push(Span::less(out.key()));
                    }
                    out = out.plus(1);
                }
            } else {
                let mut m = month;
                while m <= last {
                    spans.push(Span::add(m.key()));
                    m = m.plus(1);
                }
            }
            month = december.plus(1);
        }
        Ok(spans)
    }
}

/// A span of `totals` ("2026", "2026-11") counted in (+1) or taken out (-1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub key: String,
    pub sign: i64,
}

impl Span {
    fn add(key: String) -> Span {
        Span { key, sign: 1 }
    }

    fn less(key: String) -> Span {
        Span { key, sign: -1 }
    }
}

/// Whether the book has sales or lines dated after `to` and up to `last`.
fn holds_anything_after(conn: &Connection, to: Month, last: Month) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM totals WHERE span > ?1 AND span <= ?2 AND (partner_id = -1 OR partner_id = 0))",
        (to.key(), last.key()),
        |r| r.get(0),
    )?)
}

/// `spans` as an SQL list, and a CASE giving each row's sign by its span.
/// The keys are made by `Period::spans` from parsed months (digits and
/// dashes only), never from the caller's text.
pub(crate) fn sql_spans(spans: &[Span]) -> (String, String) {
    let list = spans
        .iter()
        .map(|s| format!("'{}'", s.key))
        .collect::<Vec<_>>()
        .join(", ");
    let less: Vec<String> = spans
        .iter()
        .filter(|s| s.sign < 0)
        .map(|s| format!("'{}'", s.key))
        .collect();
    let sign = if less.is_empty() {
        "1".to_string()
    } else {
        format!("CASE WHEN span IN ({}) THEN -1 ELSE 1 END", less.join(", "))
    };
    (list, sign)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str) -> Month {
        Month::parse(text, "m").unwrap()
    }

    #[test]
    fn months_step_over_years_both_ways() {
        assert_eq!(m("2026-11").plus(2), m("2027-01"));
        assert_eq!(m("2026-01").plus(-1), m("2025-12"));
        assert_eq!(m("2025-12").count_to(m("2026-11")), 12);
    }

    #[test]
    fn the_previous_period_is_as_long_and_just_before() {
        let quarter = Period::new(m("2026-01"), m("2026-03")).unwrap();
        assert_eq!(
            quarter.previous(),
            Period::new(m("2025-10"), m("2025-12")).unwrap()
        );
        assert!(Period::new(m("2026-03"), m("2026-01")).is_err());
        assert!(Month::parse("2026-13", "from").is_err());
    }
}
