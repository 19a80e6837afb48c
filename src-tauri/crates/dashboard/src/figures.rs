//! The key numbers of a period, each beside the same figure for the period
//! before: revenue, sales, new customers, commission earned and given back,
//! refunds, unattributed sales, new and active partners.

use crate::error::Result;
use crate::period::{sql_spans, Period};
use partnerbook_book::money::{Currency, Money};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// A count now and in the period before.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Count {
    pub now: i64,
    pub before: i64,
}

/// Amounts per currency now and in the period before.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Amounts {
    pub now: Vec<Money>,
    pub before: Vec<Money>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct KeyNumbers {
    /// Attributed sales and renewals, before refunds.
    pub revenue: Amounts,
    pub sales: Count,
    /// Customers whose first sale, attributed to a partner, fell in the period.
    pub new_customers: Count,
    /// Commission, two-tier, bonus and adjustment lines in force.
    pub earned: Amounts,
    /// Reversals and clawbacks (negative).
    pub given_back: Amounts,
    /// Attributed refunds and chargebacks (positive).
    pub refunded: Amounts,
    pub refunds: Count,
    /// Sales no partner was found for.
    pub unattributed: Amounts,
    /// Partners approved in the period.
    pub new_partners: Count,
    /// Active partners today.
    pub active_partners: i64,
}

/// Amounts summed per currency code, as sorted `Money`.
#[derive(Default)]
pub(crate) struct PerCurrency(BTreeMap<String, i64>);

impl PerCurrency {
    pub(crate) fn add(&mut self, currency: &str, minor: i64) {
        *self.0.entry(currency.to_string()).or_default() += minor;
    }

    pub(crate) fn money(&self) -> Result<Vec<Money>> {
        self.0
            .iter()
            .filter(|(_, m)| **m != 0)
            .map(|(c, m)| Ok(Money::new(*m, Currency::from_code(c)?)))
            .collect()
    }
}

/// The program's (-1) and the unattributed (0) sums over a period's spans.
#[derive(Default)]
struct Program {
    sales: i64,
    refunds: i64,
    revenue: PerCurrency,
    refunded: PerCurrency,
    earned: PerCurrency,
    given_back: PerCurrency,
    unattributed: PerCurrency,
}

fn program(conn: &Connection, period: Period) -> Result<Program> {
    let (spans, sign) = sql_spans(&period.spans(conn)?);
    let mut stmt = conn.prepare(&format!(
        "SELECT partner_id, currency, sum({sign} * sales), sum({sign} * revenue_minor), sum({sign} * refunds),
                sum({sign} * refunded_minor), sum({sign} * earned_minor), sum({sign} * given_back_minor)
           FROM totals WHERE span IN ({spans}) AND (partner_id = -1 OR partner_id = 0)
          GROUP BY partner_id, currency"
    ))?;
    let mut rows = stmt.query([])?;
    let mut p = Program::default();
    while let Some(r) = rows.next()? {
        let (who, currency): (i64, String) = (r.get(0)?, r.get(1)?);
        if who == 0 {
            p.unattributed.add(&currency, r.get(3)?);
            continue;
        }
        p.sales += r.get::<_, i64>(2)?;
        p.revenue.add(&currency, r.get(3)?);
        p.refunds += r.get::<_, i64>(4)?;
        p.refunded.add(&currency, r.get(5)?);
        p.earned.add(&currency, r.get(6)?);
        p.given_back.add(&currency, r.get(7)?);
    }
    Ok(p)
}

fn counted(conn: &Connection, sql: &str, period: Period) -> Result<i64> {
    let (from, until) = period.bounds();
    Ok(conn.query_row(sql, (from, until), |r| r.get(0))?)
}

const NEW_CUSTOMERS: &str = "SELECT count(*) FROM customers
     WHERE first_sale_at >= ?1 AND first_sale_at < ?2 AND partner_id IS NOT NULL";
const NEW_PARTNERS: &str =
    "SELECT count(*) FROM partners WHERE approved_at >= ?1 AND approved_at < ?2";

pub fn key_numbers(conn: &Connection, period: Period) -> Result<KeyNumbers> {
    let before = period.previous();
    let (now, then) = (program(conn, period)?, program(conn, before)?);
    let amounts = |f: fn(&Program) -> &PerCurrency| -> Result<Amounts> {
        Ok(Amounts {
            now: f(&now).money()?,
            before: f(&then).money()?,
        })
    };
    let count = |sql: &str| -> Result<Count> {
        Ok(Count {
            now: counted(conn, sql, period)?,
            before: counted(conn, sql, before)?,
        })
    };
    Ok(KeyNumbers {
        revenue: amounts(|p| &p.revenue)?,
        sales: Count {
            now: now.sales,
            before: then.sales,
        },
        new_customers: count(NEW_CUSTOMERS)?,
        earned: amounts(|p| &p.earned)?,
        given_back: amounts(|p| &p.given_back)?,
        refunded: amounts(|p| &p.refunded)?,
        refunds: Count {
            now: now.refunds,
            before: then.refunds,
        },
        unattributed: amounts(|p| &p.unattributed)?,
        new_partners: count(NEW_PARTNERS)?,
        active_partners: conn.query_row(
            "SELECT count(*) FROM partners WHERE status = 'active'",
            [],
            |r| r.get(0),
        )?,
    })
}
