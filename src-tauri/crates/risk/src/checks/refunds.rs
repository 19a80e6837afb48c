//! A partner whose sales of a month come back far more often than the
//! program's: at least `FLOOR` sales, at least a quarter of them refunded or
//! charged back, and at least three times the program's rate that month.
//! Below the floor one refund is not news (one of two sales is 50%).

use super::{count, Found, Scope};
use crate::error::Result;
use crate::model::Check;
use rusqlite::Connection;
use std::collections::BTreeMap;

pub(crate) const FLOOR: i64 = 10;
const MIN_RATE_PERCENT: i64 = 25;
const TIMES_PROGRAM: i64 = 3;

struct Month {
    partner_id: i64,
    month: String,
    sales: i64,
    refunded: i64,
    last_refund: Option<String>,
}

pub(super) fn check(conn: &Connection, scope: &Scope) -> Result<Vec<Found>> {
    let from = match scope.since {
        None => String::new(),
        Some(_) => match first_month(conn, scope)? {
            Some(month) => month,
            None => return Ok(Vec::new()),
        },
    };
    let mut stmt = conn.prepare(
        "WITH refunded AS (
             SELECT original_id AS id, min(occurred_at) AS at FROM conversions
              WHERE (kind = 'refund' OR kind = 'chargeback') AND original_id IS NOT NULL
              GROUP BY original_id)
         SELECT s.partner_id, substr(s.occurred_at, 1, 7), count(*), count(r.id), max(r.at)
           FROM conversions s LEFT JOIN refunded r ON r.id = s.id
          WHERE s.kind = 'sale' AND s.partner_id IS NOT NULL AND s.occurred_at >= ?1
          GROUP BY 1, 2",
    )?;
    let months: Vec<Month> = stmt
        .query_map([&from], |r| {
            Ok(Month {
                partner_id: r.get(0)?,
                month: r.get(1)?,
                sales: r.get(2)?,
                refunded: r.get(3)?,
                last_refund: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut program: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for m in &months {
        let p = program.entry(m.month.as_str()).or_default();
        p.0 += m.sales;
        p.1 += m.refunded;
    }
    let mut found = Vec::new();
    for m in &months {
        let (all, all_refunded) = program[m.month.as_str()];
        // rate >= 25% and rate >= 3 x program's, in integers: no floats.
        let spiking = m.sales >= FLOOR
            && m.refunded * 100 >= MIN_RATE_PERCENT * m.sales
            && m.refunded * all >= TIMES_PROGRAM * all_refunded * m.sales;
        if !spiking {
            continue;
        }
        found.push(Found {
            check: Check::RefundSpike,
            partner_id: m.partner_id,
            conversion_id: None,
            subject: format!("month:{}", m.month),
            evidence: format!(
                "{} of {} in {} were refunded or charged back ({}%); across the program that month: {}% ({} of {}).",
                m.refunded,
                count(m.sales, "sale", "sales"),
                m.month,
                m.refunded * 100 / m.sales,
                all_refunded * 100 / all.max(1),
                all_refunded,
                all
            ),
            flagged_on: m.last_refund.as_deref().map_or_else(|| format!("{}-01", m.month), |d| d[..10].to_string()),
        });
    }
    Ok(found)
}

/// The first day ("YYYY-MM") of the earliest month the scope touches: new
/// sales' months and the months of the sales new refunds give back.
fn first_month(conn: &Connection, scope: &Scope) -> Result<Option<String>> {
    Ok(conn.query_row(
        "SELECT min(m) FROM (
             SELECT substr(c.occurred_at, 1, 7) AS m FROM conversions c
              WHERE c.kind = 'sale' AND c.id > ?1
             UNION ALL
             SELECT substr(o.occurred_at, 1, 7) FROM conversions c JOIN conversions o ON o.id = c.original_id
              WHERE (c.kind = 'refund' OR c.kind = 'chargeback') AND c.id > ?1)",
        [scope.since.unwrap_or(0)],
        |r| r.get(0),
    )?)
}
