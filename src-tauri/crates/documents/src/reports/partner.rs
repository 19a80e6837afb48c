//! One partner's performance, for the partner panel: month by month over
//! twelve months (sales, refunds, revenue per currency, the commission
//! earned), their balance, and the payouts of approved runs, each with its
//! statement.

use crate::error::{DocumentError, ErrorExt, Result};
use partnerbook_book::money::{Currency, Money};
use partnerbook_book::{settings, Book};
use partnerbook_payouts::{self as payouts, Balance};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MonthPoint {
    /// "YYYY-MM".
    pub month: String,
    pub sales: u32,
    pub refunds: u32,
    /// Sales less refunds, per currency.
    pub revenue: Vec<Money>,
    /// Commission lines of the month's conversions, as the book owes them
    /// (not declined or reversed), in the program currency.
    pub commission: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PartnerPayout {
    pub payout_id: i64,
    pub run_id: i64,
    /// The run's cut-off day.
    pub through: String,
    /// The balance paid, in the program currency.
    pub amount: Money,
    /// What was sent, in the partner's payout currency.
    pub pay: Option<Money>,
    pub method: String,
    /// pending, paid or failed.
    pub status: String,
    pub settled_at: Option<String>,
    pub reference: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PartnerPerformance {
    pub partner_id: i64,
    /// Twelve months, oldest first, ending with `through`; empty months
    /// are there with zeros.
    pub months: Vec<MonthPoint>,
    pub balance: Balance,
    /// Payouts of approved runs, newest first.
    pub payouts: Vec<PartnerPayout>,
}

/// Partner `partner_id` over the twelve months ending with `through`
/// ("YYYY-MM", the caller's current month: the book has no clock).
pub fn partner_performance(
    book: &Book,
    partner_id: i64,
    through: &str,
) -> Result<PartnerPerformance> {
    let end =
        chrono::NaiveDate::parse_from_str(&format!("{through}-01"), "%Y-%m-%d").map_err(|_| {
            DocumentError::invalid(
                "through",
                format!("\"{through}\" is not a month like 2026-11"),
            )
        })?;
    let conn = book.conn();
    if !partnerbook_partners::exists(conn, partner_id)? {
        return Err(DocumentError::not_found(format!("partner {partner_id}")));
    }
    let base = settings::get(conn)?.base_currency;
    let start = end - chrono::Months::new(11);
    let mut months: BTreeMap<String, MonthPoint> = BTreeMap::new();
    for i in 0..12 {
        let m = (start + chrono::Months::new(i)).format("%Y-%m").to_string();
        months.insert(
            m.clone(),
            MonthPoint {
                month: m,
                sales: 0,
                refunds: 0,
                revenue: Vec::new(),
                commission: Money::new(0, base),
            },
        );
    }
    let from = start.format("%Y-%m-01").to_string();
    let until = (end + chrono::Months::new(1))
        .format("%Y-%m-01")
        .to_string();
    let mut stmt = conn.prepare(
        "SELECT substr(occurred_at, 1, 7), currency,
                sum(kind IN ('sale', 'recurring')), sum(kind IN ('refund', 'chargeback')),
                sum(CASE WHEN kind IN ('sale', 'recurring') THEN amount_minor
                         WHEN kind IN ('refund', 'chargeback') THEN -amount_minor ELSE 0 END)
           FROM conversions
          WHERE partner_id = ?1 AND occurred_at >= ?2 AND occurred_at < ?3 AND currency IS NOT NULL
          GROUP BY 1, 2",
    )?;
    let mut rows = stmt.query((partner_id, &from, &until))?;
    while let Some(r) = rows.next()? {
        let Some(m) = months.get_mut(&r.get::<_, String>(0)?) else {
            continue;
        };
        let currency: Currency = r.get(1)?;
        m.sales += r.get::<_, u32>(2)?;
        m.refunds += r.get::<_, u32>(3)?;
        m.revenue.push(Money::new(r.get(4)?, currency));
    }
    let mut stmt = conn.prepare(
        "SELECT substr(coalesce(c.occurred_at, k.due_on), 1, 7), sum(k.amount_minor)
           FROM commissions k LEFT JOIN conversions c ON c.id = k.conversion_id
          WHERE k.partner_id = ?1 AND k.state NOT IN ('reversed', 'declined') AND k.amount_minor IS NOT NULL
            AND coalesce(c.occurred_at, k.due_on) >= ?2 AND coalesce(c.occurred_at, k.due_on) < ?3
          GROUP BY 1",
    )?;
    let mut rows = stmt.query((partner_id, &from, &until))?;
    while let Some(r) = rows.next()? {
        if let Some(m) = months.get_mut(&r.get::<_, String>(0)?) {
            m.commission.minor += r.get::<_, i64>(1)?;
        }
    }
    let mut stmt = conn.prepare(
        "SELECT y.id, y.run_id, r.through, y.balance_minor, y.pay_minor, y.pay_currency, y.method,
                y.status, y.settled_at, y.reference
           FROM payouts y JOIN payout_runs r ON r.id = y.run_id
          WHERE y.partner_id = ?1 AND r.status = 'approved' AND y.status IN ('pending', 'paid', 'failed')
          ORDER BY r.id DESC",
    )?;
    let paid = stmt
        .query_map([partner_id], |r| {
            let pay: Option<i64> = r.get(4)?;
            let pay_currency: Currency = r.get(5)?;
            Ok(PartnerPayout {
                payout_id: r.get(0)?,
                run_id: r.get(1)?,
                through: r.get(2)?,
                amount: Money::new(r.get(3)?, base),
                pay: pay.map(|p| Money::new(p, pay_currency)),
                method: r.get(6)?,
                status: r.get(7)?,
                settled_at: r.get(8)?,
                reference: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(PartnerPerformance {
        partner_id,
        months: months.into_values().collect(),
        balance: payouts::balance(book, partner_id)?,
        payouts: paid,
    })
}
