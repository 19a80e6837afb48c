//! The partner funnel for a period: applications received, partners
//! approved, and of those approved, how many have made a sale and been paid.

use crate::error::Result;
use crate::period::Period;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Funnel {
    /// Applications received in the period.
    pub applied: i64,
    /// Partners approved in the period (from an application or added by hand).
    pub approved: i64,
    /// Of those approved, partners with a sale since.
    pub first_sale: i64,
    /// Of those approved, partners paid at least once since.
    pub paid: i64,
}

pub fn funnel(conn: &Connection, period: Period) -> Result<Funnel> {
    let (from, until) = period.bounds();
    let applied = conn.query_row(
        "SELECT count(*) FROM applications WHERE created_at >= ?1 AND created_at < ?2",
        (&from, &until),
        |r| r.get(0),
    )?;
    let (approved, first_sale, paid) = conn.query_row(
        "SELECT count(*),
                coalesce(sum(EXISTS (SELECT 1 FROM totals t WHERE t.span = '' AND t.partner_id = p.id AND t.sales > 0)), 0),
                coalesce(sum(EXISTS (SELECT 1 FROM payouts y WHERE y.partner_id = p.id AND y.status = 'paid')), 0)
           FROM partners p WHERE p.approved_at >= ?1 AND p.approved_at < ?2",
        (&from, &until),
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok(Funnel {
        applied,
        approved,
        first_sale,
        paid,
    })
}
