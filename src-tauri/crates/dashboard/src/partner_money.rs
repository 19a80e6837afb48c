//! The partner list's money columns for the partners on screen: lifetime
//! revenue and commission (from `totals`), the last 30 days, the balance
//! approved and not yet paid, the last sale, refunds against sales, and
//! customers. Asked per page of at most a few hundred partners.

use crate::error::Result;
use crate::figures::PerCurrency;
use chrono::NaiveDate;
use partnerbook_book::money::Money;
use rusqlite::{params_from_iter, Connection};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PartnerMoney {
    pub partner_id: i64,
    /// Sales and renewals, all time.
    pub revenue: Vec<Money>,
    /// Commission earned less given back, all time.
    pub commission: Vec<Money>,
    /// The same over the 30 days to today.
    pub revenue_30d: Vec<Money>,
    pub commission_30d: Vec<Money>,
    /// Approved lines not yet in a payout run.
    pub balance_due: Vec<Money>,
    /// The day of the latest sale or renewal ("2026-11-30").
    pub last_sale: Option<String>,
    /// All time: the refund rate is refunds / sales.
    pub sales: i64,
    pub refunds: i64,
    pub customers: i64,
}

/// Partners never seen come back with nothing: every id gets a row, in order.
pub fn partner_money(
    conn: &Connection,
    ids: &[i64],
    today: NaiveDate,
) -> Result<Vec<PartnerMoney>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; ids.len()].join(",");
    let since = (today - chrono::Duration::days(29)).to_string();
    let mut sums: HashMap<i64, [PerCurrency; 5]> = HashMap::new();
    let mut counts: HashMap<i64, (i64, i64, i64)> = HashMap::new();

    // Lifetime, from totals.
    let mut stmt = conn.prepare(&format!(
        "SELECT partner_id, currency, sales, revenue_minor, refunds, earned_minor + given_back_minor
           FROM totals WHERE span = '' AND partner_id IN ({marks})"
    ))?;
    let mut rows = stmt.query(params_from_iter(ids))?;
    while let Some(r) = rows.next()? {
        let (id, currency): (i64, String) = (r.get(0)?, r.get(1)?);
        let s = sums.entry(id).or_default();
        s[0].add(&currency, r.get(3)?);
        s[1].add(&currency, r.get(5)?);
        let c = counts.entry(id).or_default();
        c.0 += r.get::<_, i64>(2)?;
        c.1 += r.get::<_, i64>(4)?;
    }

    // The last 30 days, from the rows themselves (a day is finer than totals).
    let mut stmt = conn.prepare(&format!(
        "SELECT partner_id, currency, sum(amount_minor) FROM conversions
          WHERE partner_id IN ({marks}) AND occurred_at >= ?{n}
            AND (kind = 'sale' OR kind = 'recurring') AND currency IS NOT NULL
          GROUP BY 1, 2",
        n = ids.len() + 1
    ))?;
    let args = || {
        ids.iter()
            .map(|i| rusqlite::types::Value::Integer(*i))
            .chain([rusqlite::types::Value::Text(since.clone())])
    };
    let mut rows = stmt.query(params_from_iter(args()))?;
    while let Some(r) = rows.next()? {
        let (id, currency): (i64, String) = (r.get(0)?, r.get(1)?);
        sums.entry(id).or_default()[2].add(&currency, r.get(2)?);
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT k.partner_id, k.currency, sum(k.amount_minor)
           FROM commissions k LEFT JOIN conversions c ON c.id = k.conversion_id
          WHERE k.partner_id IN ({marks}) AND k.amount_minor IS NOT NULL
            AND k.state <> 'declined' AND k.state <> 'reversed'
            AND coalesce(c.occurred_at, k.due_on) >= ?{n}
          GROUP BY 1, 2",
        n = ids.len() + 1
    ))?;
    let mut rows = stmt.query(params_from_iter(args()))?;
    while let Some(r) = rows.next()? {
        let (id, currency): (i64, String) = (r.get(0)?, r.get(1)?);
        sums.entry(id).or_default()[3].add(&currency, r.get(2)?);
    }

    let mut stmt = conn.prepare(&format!(
        "SELECT partner_id, currency, sum(amount_minor) FROM commissions
          WHERE partner_id IN ({marks}) AND state = 'approved' GROUP BY 1, 2"
    ))?;
    let mut rows = stmt.query(params_from_iter(ids))?;
    while let Some(r) = rows.next()? {
        let (id, currency): (i64, String) = (r.get(0)?, r.get(1)?);
        sums.entry(id).or_default()[4].add(&currency, r.get(2)?);
    }

    let mut stmt = conn.prepare(&format!(
        "SELECT partner_id, count(*) FROM customers WHERE partner_id IN ({marks}) GROUP BY 1"
    ))?;
    let mut rows = stmt.query(params_from_iter(ids))?;
    while let Some(r) = rows.next()? {
        counts.entry(r.get(0)?).or_default().2 = r.get(1)?;
    }

    let mut last_sale: HashMap<i64, String> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT partner_id, substr(max(occurred_at), 1, 10) FROM conversions
          WHERE partner_id IN ({marks}) AND (kind = 'sale' OR kind = 'recurring') GROUP BY 1"
    ))?;
    let mut rows = stmt.query(params_from_iter(ids))?;
    while let Some(r) = rows.next()? {
        last_sale.insert(r.get(0)?, r.get(1)?);
    }

    ids.iter()
        .map(|&id| {
            let s = sums.remove(&id).unwrap_or_default();
            let (sales, refunds, customers) = counts.get(&id).copied().unwrap_or_default();
            Ok(PartnerMoney {
                partner_id: id,
                revenue: s[0].money()?,
                commission: s[1].money()?,
                revenue_30d: s[2].money()?,
                commission_30d: s[3].money()?,
                balance_due: s[4].money()?,
                last_sale: last_sale.remove(&id),
                sales,
                refunds,
                customers,
            })
        })
        .collect()
}
