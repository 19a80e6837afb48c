//! Sales that come too fast. Velocity: a partner's sales in one day at
//! least `VELOCITY_FLOOR` and five times their daily average over the 30
//! days before. A burst: one customer buying `BURST` times within 24 hours.

use super::{Found, Scope};
use crate::error::Result;
use crate::model::Check;
use chrono::{DateTime, Duration, NaiveDate};
use rusqlite::Connection;

pub(crate) const VELOCITY_FLOOR: i64 = 10;
const TIMES_BASELINE: i64 = 5;
const BASELINE_DAYS: i64 = 30;
pub(crate) const BURST: usize = 5;

pub(super) fn check(conn: &Connection, scope: &Scope) -> Result<Vec<Found>> {
    let mut found = velocity(conn, scope)?;
    found.extend(bursts(conn, scope)?);
    Ok(found)
}

fn velocity(conn: &Connection, scope: &Scope) -> Result<Vec<Found>> {
    let mut stmt = conn.prepare(
        "SELECT partner_id, substr(occurred_at, 1, 10), count(*) FROM conversions
          WHERE kind = 'sale' AND partner_id IS NOT NULL AND (?2 IS NULL OR occurred_at >= ?2)
            AND (?1 IS NULL OR partner_id IN (SELECT partner_id FROM conversions WHERE id > ?1))
          GROUP BY 1, 2 ORDER BY 1, 2",
    )?;
    let days: Vec<(i64, String, i64)> = stmt
        .query_map(rusqlite::params![scope.since, scope.from], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut found = Vec::new();
    // Per partner, a window of the 30 days before each day.
    let mut start = 0;
    let mut window_sales = 0;
    for i in 0..days.len() {
        let (partner, day, sales) = &days[i];
        if i > 0 && days[i - 1].0 != *partner {
            start = i;
            window_sales = 0;
        }
        let Ok(date) = NaiveDate::parse_from_str(day, "%Y-%m-%d") else {
            continue;
        };
        let from = date - Duration::days(BASELINE_DAYS);
        while start < i {
            let earlier = NaiveDate::parse_from_str(&days[start].1, "%Y-%m-%d").ok();
            if earlier.is_some_and(|d| d < from) {
                window_sales -= days[start].2;
                start += 1;
            } else {
                break;
            }
        }
        // sales >= 5 x (window / 30 days), in integers.
        if *sales >= VELOCITY_FLOOR && sales * BASELINE_DAYS >= TIMES_BASELINE * window_sales.max(1)
        {
            found.push(Found {
                check: Check::Velocity,
                partner_id: *partner,
                conversion_id: None,
                subject: format!("day:{day}"),
                evidence: format!(
                    "{sales} sales on {day}; in the 30 days before, {} a day on average ({window_sales} in all).",
                    tenths(window_sales, BASELINE_DAYS)
                ),
                flagged_on: day.clone(),
            });
        }
        window_sales += sales;
    }
    Ok(found)
}

fn bursts(conn: &Connection, scope: &Scope) -> Result<Vec<Found>> {
    let mut stmt = conn.prepare(
        "SELECT c.customer_id, c.partner_id, c.occurred_at, cu.email FROM conversions c
           JOIN customers cu ON cu.id = c.customer_id
          WHERE c.kind = 'sale' AND c.partner_id IS NOT NULL AND (?2 IS NULL OR c.occurred_at >= ?2)
            AND (?1 IS NULL OR c.customer_id IN (SELECT customer_id FROM conversions WHERE id > ?1))
          ORDER BY c.customer_id, c.occurred_at",
    )?;
    let mut rows = stmt.query(rusqlite::params![scope.since, scope.from])?;
    let mut found = Vec::new();
    // The current customer's sales (time, partner) and whether flagged.
    let mut customer = None;
    let mut email = String::new();
    let mut times: Vec<(DateTime<chrono::FixedOffset>, i64)> = Vec::new();
    let mut flagged = false;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if customer != Some(id) {
            customer = Some(id);
            email = r.get(3)?;
            times.clear();
            flagged = false;
        }
        let Ok(at) = DateTime::parse_from_rfc3339(&r.get::<_, String>(2)?) else {
            continue;
        };
        times.push((at, r.get(1)?));
        let first = times
            .iter()
            .position(|(t, _)| at - *t < Duration::hours(24))
            .unwrap_or(0);
        if flagged || times.len() - first < BURST {
            continue;
        }
        flagged = true;
        let (start, partner) = times[first];
        let day = start.format("%Y-%m-%d").to_string();
        found.push(Found {
            check: Check::CustomerBurst,
            partner_id: partner,
            conversion_id: None,
            subject: format!("customer:{id}"),
            evidence: format!(
                "The customer {email} made {} purchases within 24 hours from {}.",
                times.len() - first,
                start.format("%Y-%m-%d %H:%M")
            ),
            flagged_on: day,
        });
    }
    Ok(found)
}

/// `n / d` with one decimal, rounded down: "1.2".
fn tenths(n: i64, d: i64) -> String {
    let t = n * 10 / d;
    format!("{}.{}", t / 10, t % 10)
}
