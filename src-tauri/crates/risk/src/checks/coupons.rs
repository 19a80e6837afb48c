//! A partner's coupon used by many customers the partner never reached: at
//! least `FLOOR` customers in a month came in on the coupon, and at least
//! 80% of them had no link or touch from the partner (a touch made by a
//! coupon sale itself does not count). That is what a code
//! posted on a coupon site looks like; it asks for review, it is not fraud.

use super::{Found, Scope};
use crate::error::Result;
use crate::model::Check;
use rusqlite::Connection;

pub(crate) const FLOOR: i64 = 20;
const UNTOUCHED_PERCENT: i64 = 80;

pub(super) fn check(conn: &Connection, scope: &Scope) -> Result<Vec<Found>> {
    let mut stmt = conn.prepare(
        "SELECT c.partner_id, substr(c.occurred_at, 1, 7), upper(c.coupon_code), count(DISTINCT c.customer_id),
                count(DISTINCT c.customer_id) FILTER (WHERE NOT EXISTS (
                    SELECT 1 FROM touches t JOIN conversions tc ON tc.id = t.conversion_id
                     WHERE t.customer_id = c.customer_id AND t.partner_id = c.partner_id
                       AND tc.attribution <> 'coupon')),
                max(substr(c.occurred_at, 1, 10))
           FROM conversions c
          WHERE c.kind = 'sale' AND c.attribution = 'coupon' AND c.customer_id IS NOT NULL
            AND (?2 IS NULL OR c.occurred_at >= substr(?2, 1, 7))
            AND (?1 IS NULL OR c.partner_id IN (SELECT partner_id FROM conversions WHERE id > ?1))
          GROUP BY 1, 2, 3",
    )?;
    let mut rows = stmt.query(rusqlite::params![scope.since, scope.from])?;
    let mut found = Vec::new();
    while let Some(r) = rows.next()? {
        let (partner_id, month, code): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let (customers, untouched): (i64, i64) = (r.get(3)?, r.get(4)?);
        if customers < FLOOR || untouched * 100 < UNTOUCHED_PERCENT * customers {
            continue;
        }
        found.push(Found {
            check: Check::CouponLeakage,
            partner_id,
            conversion_id: None,
            subject: format!("coupon:{code}:{month}"),
            evidence: format!(
                "The coupon {code} was used by {customers} customers in {month}; {untouched} of them had no link or touch from the partner, as happens when a code is posted on a coupon site."
            ),
            flagged_on: r.get(5)?,
        });
    }
    Ok(found)
}
