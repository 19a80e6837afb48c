//! The `totals` table (migration 0020) summed again from conversions and
//! commission lines: what the triggers and `book::totals::settle` should
//! have written.
//! Tests call `drift` after every kind of write; empty means consistent.

use crate::error::Result;
use rusqlite::Connection;

/// The rows where `totals` and a fresh sum disagree, as
/// "span/partner/currency: stored (…) != summed (…)"; zero rows count as
/// absent. Changes a commit did not settle come first, counted.
pub fn drift(conn: &Connection) -> Result<Vec<String>> {
    let unsettled: i64 = conn.query_row("SELECT count(*) FROM totals_pending", [], |r| r.get(0))?;
    let mut out = Vec::new();
    if unsettled > 0 {
        out.push(match unsettled {
            1 => "1 change was never settled into totals".to_string(),
            n => format!("{n} changes were never settled into totals"),
        });
    }
    let mut stmt = conn.prepare(&format!(
        "WITH conv AS (
             SELECT coalesce(partner_id, 0) AS p, substr(occurred_at, 1, 7) AS m, currency,
                    sum(kind = 'sale' OR kind = 'recurring') AS sales,
                    sum(CASE WHEN kind = 'sale' OR kind = 'recurring' THEN amount_minor ELSE 0 END) AS revenue,
                    sum(kind = 'refund' OR kind = 'chargeback') AS refunds,
                    sum(CASE WHEN kind = 'refund' OR kind = 'chargeback' THEN amount_minor ELSE 0 END) AS refunded,
                    0 AS earned, 0 AS given_back
               FROM conversions
              WHERE currency IS NOT NULL AND (kind = 'sale' OR kind = 'recurring' OR kind = 'refund' OR kind = 'chargeback')
              GROUP BY 1, 2, 3
             UNION ALL
             SELECT k.partner_id, substr(coalesce(c.occurred_at, k.due_on), 1, 7), k.currency, 0, 0, 0, 0,
                    sum(CASE WHEN k.kind = 'reversal' OR k.kind = 'clawback' THEN 0 ELSE k.amount_minor END),
                    sum(CASE WHEN k.kind = 'reversal' OR k.kind = 'clawback' THEN k.amount_minor ELSE 0 END)
               FROM commissions k LEFT JOIN conversions c ON c.id = k.conversion_id
              WHERE k.amount_minor IS NOT NULL AND k.state <> 'declined' AND k.state <> 'reversed'
              GROUP BY 1, 2, 3),
         spans AS (SELECT 7 AS len UNION ALL SELECT 4 UNION ALL SELECT 0),
         who AS (SELECT 0 AS program UNION ALL SELECT 1),
         expected AS (
             SELECT substr(m, 1, s.len) AS span, CASE WHEN w.program THEN -1 ELSE p END AS partner_id, currency,
                    sum(sales) AS sales, sum(revenue) AS revenue, sum(refunds) AS refunds, sum(refunded) AS refunded,
                    sum(earned) AS earned, sum(given_back) AS given_back
               FROM conv, spans s, who w
              WHERE NOT w.program OR p > 0
              GROUP BY 1, 2, 3
             HAVING sum(sales) <> 0 OR sum(revenue) <> 0 OR sum(refunds) <> 0 OR sum(refunded) <> 0
                 OR sum(earned) <> 0 OR sum(given_back) <> 0),
         {ZERO_FREE}
         SELECT coalesce(e.span, t.span), coalesce(e.partner_id, t.partner_id), coalesce(e.currency, t.currency),
                {STORED}, {SUMMED}
           FROM expected e LEFT JOIN stored t USING (span, partner_id, currency)
          WHERE t.span IS NULL OR {DIFFERS}
         UNION ALL
         SELECT t.span, t.partner_id, t.currency, {STORED}, 'nothing'
           FROM stored t LEFT JOIN expected e USING (span, partner_id, currency)
          WHERE e.span IS NULL
          ORDER BY 1, 2, 3"
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok(format!(
            "{}/{}/{}: stored ({}) != summed ({})",
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?
                .unwrap_or_else(|| "nothing".into()),
            r.get::<_, String>(4)?,
        ))
    })?;
    for row in rows {
        out.push(row?);
    }
    Ok(out)
}

const ZERO_FREE: &str = "stored AS (SELECT * FROM totals
              WHERE sales <> 0 OR revenue_minor <> 0 OR refunds <> 0 OR refunded_minor <> 0
                 OR earned_minor <> 0 OR given_back_minor <> 0)";
const STORED: &str =
    "CASE WHEN t.span IS NULL THEN NULL ELSE printf('%d %d %d %d %d %d', t.sales, t.revenue_minor,
                    t.refunds, t.refunded_minor, t.earned_minor, t.given_back_minor) END";
const SUMMED: &str = "printf('%d %d %d %d %d %d', e.sales, e.revenue, e.refunds, e.refunded, e.earned, e.given_back)";
const DIFFERS: &str = "t.sales <> e.sales OR t.revenue_minor <> e.revenue OR t.refunds <> e.refunds
             OR t.refunded_minor <> e.refunded OR t.earned_minor <> e.earned OR t.given_back_minor <> e.given_back";
