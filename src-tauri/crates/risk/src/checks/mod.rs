//! The checks themselves. Each reads the book and returns what it found;
//! `scan` stores the findings as flags. A finding names its subject (a
//! sale, a month, a day) so the next scan recognises it.

mod accounts;
mod bursts;
mod coupons;
mod refunds;
mod sales;

use crate::error::Result;
use crate::model::{Action, Check};
use rusqlite::Connection;

pub(crate) struct Found {
    pub check: Check,
    pub partner_id: i64,
    /// The sale whose commissions it covers; None: the partner's.
    pub conversion_id: Option<i64>,
    pub subject: String,
    pub evidence: String,
    pub flagged_on: String,
}

/// Which rows a scan looks at: all, or those after conversion `since` (and,
/// for the checks over months and days, the partners and customers they
/// touch, from `from` on: the earliest new row's time less the 31 days a
/// baseline looks back).
#[derive(Clone)]
pub(crate) struct Scope {
    pub since: Option<i64>,
    pub from: Option<String>,
}

impl Scope {
    pub fn new(conn: &Connection, since: Option<i64>) -> Result<Scope> {
        let Some(since) = since else {
            return Ok(Scope {
                since: None,
                from: None,
            });
        };
        let earliest: Option<String> = conn.query_row(
            "SELECT min(occurred_at) FROM conversions WHERE id > ?1",
            [since],
            |r| r.get(0),
        )?;
        let from = earliest
            .and_then(|t| chrono::NaiveDate::parse_from_str(t.get(..10)?, "%Y-%m-%d").ok())
            .map(|d| {
                (d - chrono::Duration::days(31))
                    .format("%Y-%m-%d")
                    .to_string()
            })
            // Nothing new: nothing to look at.
            .or_else(|| Some("9999".into()));
        Ok(Scope {
            since: Some(since),
            from,
        })
    }
}

/// Runs every check whose action is not off.
pub(crate) fn run(
    conn: &Connection,
    scope: Scope,
    on: &dyn Fn(Check) -> bool,
    step: &mut dyn FnMut(&str),
) -> Result<Vec<Found>> {
    let mut found = Vec::new();
    if on(Check::SelfReferral) || on(Check::CustomerIsPartner) || on(Check::DisposableEmail) {
        step("sales against partners");
        found.extend(
            sales::check(conn, &scope)?
                .into_iter()
                .filter(|f| on(f.check)),
        );
    }
    if on(Check::SharedPayoutAccount) {
        step("payout accounts");
        found.extend(accounts::check(conn)?);
    }
    if on(Check::RefundSpike) {
        step("refund rates");
        found.extend(refunds::check(conn, &scope)?);
    }
    if on(Check::Velocity) || on(Check::CustomerBurst) {
        step("sales per day");
        found.extend(
            bursts::check(conn, &scope)?
                .into_iter()
                .filter(|f| on(f.check)),
        );
    }
    if on(Check::CouponLeakage) {
        step("coupons");
        found.extend(coupons::check(conn, &scope)?);
    }
    Ok(found)
}

/// Whether an action raises flags at all.
pub(crate) fn is_on(action: Action) -> bool {
    action != Action::Off
}

/// `n` and a noun, "1 sale" / "3 sales".
pub(crate) fn count(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
