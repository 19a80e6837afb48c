//! The commission lines of one tiered rule in a partner's month, as the
//! true-up (periods.rs) and the what-if read them: each with its sale's
//! value, its refunds and what was already given back, and the two-tier
//! lines that follow it.

use crate::error::Result;
use partnerbook_book::money::{Currency, Money};
use rusqlite::{params, Connection};
use rust_decimal::Decimal;
use std::str::FromStr;

/// One commission line of a tiered rule in the month, as the true-up (and
/// the what-if) needs it.
pub(crate) struct PeriodLine {
    pub amount: i64,
    /// The sale's value in the base currency (major units) at its FX rate.
    pub value: Decimal,
    pub sale_minor: i64,
    pub refunded_minor: i64,
    /// What reversals and clawbacks already gave back (negative).
    pub given: i64,
    pub due_on: String,
    pub at: String,
    /// The two-tier lines the same sale earned the partner's parent and
    /// those above: a share of commission follows the commission.
    pub shares: Vec<ShareLine>,
}

/// An ancestor's two-tier line on one of the month's sales.
pub(crate) struct ShareLine {
    pub partner_id: i64,
    pub rule_id: String,
    pub amount: i64,
    /// What reversals and clawbacks already gave back (negative).
    pub given: i64,
}

/// The month's lines of one tiered rule, with their refunds. A line
/// reversed whole counts as given back in full: it stays in, because a
/// chargeback's reversal may have paid it again.
pub(super) fn period_lines(
    conn: &Connection,
    partner_id: i64,
    (start, end): (&str, &str),
    version: i64,
    rule_id: &str,
) -> Result<Vec<PeriodLine>> {
    let mut stmt = conn.prepare_cached(
        concat!(
            "SELECT k.amount_minor, k.base_minor, k.base_currency, k.fx_rate, k.due_on, c.occurred_at, c.id,
                (SELECT max(0, coalesce(sum(",
            taken_back!(),
            "), 0)) FROM conversions r WHERE r.original_id = c.id AND ",
            follows_a_sale!(),
            " AND r.computed_at IS NOT NULL),
                (SELECT coalesce(sum(x.amount_minor), 0) FROM commissions x
                  WHERE x.related_id = k.id AND x.kind IN ('reversal', 'clawback') AND x.state <> 'reversed')
                  - CASE WHEN k.state = 'reversed' THEN k.amount_minor ELSE 0 END,
                (SELECT max(x.due_on) FROM commissions x WHERE x.related_id = k.id AND x.state <> 'reversed')
           FROM commissions k JOIN conversions c ON c.id = k.conversion_id
          WHERE k.partner_id = ?1 AND k.kind = 'commission' AND k.line = 'direct'
            AND k.plan_version_id = ?4 AND k.rule_id = ?5
            AND k.amount_minor IS NOT NULL AND k.state <> 'declined'
            AND c.occurred_at >= ?2 AND c.occurred_at < ?3
          ORDER BY c.occurred_at, c.id"
        ),
    )?;
    let mut rows = stmt.query(params![partner_id, start, end, version, rule_id])?;
    let mut shares = conn.prepare_cached(
        "SELECT k.partner_id, k.rule_id, k.amount_minor,
                (SELECT coalesce(sum(x.amount_minor), 0) FROM commissions x
                  WHERE x.related_id = k.id AND x.kind IN ('reversal', 'clawback') AND x.state <> 'reversed')
                  - CASE WHEN k.state = 'reversed' THEN k.amount_minor ELSE 0 END
           FROM commissions k
          WHERE k.conversion_id = ?1 AND k.kind = 'two_tier' AND k.plan_version_id = ?2
            AND k.amount_minor IS NOT NULL AND k.state <> 'declined'",
    )?;
    let mut lines = Vec::new();
    while let Some(r) = rows.next()? {
        let (sale_minor, currency): (i64, Option<Currency>) = (r.get(1)?, r.get(2)?);
        let fx: Option<String> = r.get(3)?;
        let Some(value) = base_value(sale_minor, currency, fx.as_deref()) else {
            continue;
        };
        let back_due: Option<String> = r.get(9)?;
        let due_on: String = r.get(4)?;
        let conversion: i64 = r.get(6)?;
        let shares = shares
            .query_map(params![conversion, version], |r| {
                Ok(ShareLine {
                    partner_id: r.get(0)?,
                    rule_id: r.get(1)?,
                    amount: r.get(2)?,
                    given: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        lines.push(PeriodLine {
            amount: r.get(0)?,
            value,
            sale_minor,
            refunded_minor: r.get(7)?,
            given: r.get(8)?,
            due_on: back_due.filter(|b| *b > due_on).unwrap_or(due_on),
            at: r.get(5)?,
            shares,
        });
    }
    Ok(lines)
}

/// A sale's value in the base currency (major units) at its FX rate.
fn base_value(minor: i64, currency: Option<Currency>, fx: Option<&str>) -> Option<Decimal> {
    let major = Money::new(minor, currency?).to_decimal();
    match fx {
        Some(rate) => Decimal::from_str(rate).ok().map(|r| major * r),
        None => Some(major),
    }
}
