//! The home screen's `totals` (migration 0020). Every change to conversions
//! and commission lines is noted in `totals_pending`, one small upsert per
//! row: by triggers for updates and deletes, and by `Notes` and `note_line`
//! from the few places that insert (an INSERT trigger that
//! writes makes SQLite keep a statement journal for every insert, which
//! made a million-row import 40% slower). `settle` folds the notes into the
//! month, year and all-time rows of each partner and of the program, in the
//! same transaction, before it commits (`BookTx::commit`).

use rusqlite::{Connection, Transaction};
use std::collections::HashMap;
use std::ops::{Deref, DerefMut};

/// What rows just inserted add to each (partner, month, currency), summed
/// in memory and noted in `totals_pending` once (`write`): what an INSERT
/// trigger would do, without its statement journal and without an upsert
/// per row. The recorder and the engine keep one per batch.
#[derive(Debug, Default)]
pub struct Notes(HashMap<(i64, String, String), [i64; 6]>);

/// The columns of a note, in `totals_pending`'s order.
const SALES: usize = 0;
const REFUNDS: usize = 2;
const EARNED: usize = 4;

impl Notes {
    fn add(&mut self, partner_id: i64, at: &str, currency: &str, column: usize, values: &[i64]) {
        let month = at.get(..7).unwrap_or(at).to_string();
        let sums = self
            .0
            .entry((partner_id, month, currency.to_string()))
            .or_default();
        for (i, v) in values.iter().enumerate() {
            sums[column + i] += v;
        }
    }

    /// A new conversion (`partner_id` None: no partner was found); only
    /// sales, renewals, refunds and chargebacks count.
    pub fn conversion(
        &mut self,
        partner_id: Option<i64>,
        at: &str,
        currency: &str,
        kind: &str,
        minor: i64,
    ) {
        let column = match kind {
            "sale" | "recurring" => SALES,
            "refund" | "chargeback" => REFUNDS,
            _ => return,
        };
        self.add(partner_id.unwrap_or(0), at, currency, column, &[1, minor]);
    }

    /// A new commission, two-tier, bonus or adjustment line in force, dated
    /// `at` (its sale's stamp).
    pub fn earned(&mut self, partner_id: i64, at: &str, currency: &str, minor: i64) {
        self.add(partner_id, at, currency, EARNED, &[minor]);
    }

    /// Notes the sums in `totals_pending`, for `settle` to fold in.
    pub fn write(&self, conn: &Connection) -> rusqlite::Result<()> {
        let mut upsert = conn.prepare_cached(
            "INSERT INTO totals_pending (partner_id, month, currency, sales, revenue_minor, refunds, refunded_minor,
                                         earned_minor, given_back_minor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT DO UPDATE SET sales = sales + excluded.sales, revenue_minor = revenue_minor + excluded.revenue_minor,
                 refunds = refunds + excluded.refunds, refunded_minor = refunded_minor + excluded.refunded_minor,
                 earned_minor = earned_minor + excluded.earned_minor,
                 given_back_minor = given_back_minor + excluded.given_back_minor",
        )?;
        for ((partner_id, month, currency), v) in &self.0 {
            upsert.execute(rusqlite::params![
                partner_id, month, currency, v[0], v[1], v[2], v[3], v[4], v[5]
            ])?;
        }
        Ok(())
    }
}

/// Notes commission line `id`, just inserted (what an INSERT trigger would do).
pub fn note_line(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO totals_pending (partner_id, month, currency, earned_minor, given_back_minor)
         SELECT k.partner_id, substr(coalesce(c.occurred_at, k.due_on), 1, 7), k.currency,
                CASE WHEN k.kind = 'reversal' OR k.kind = 'clawback' THEN 0 ELSE k.amount_minor END,
                CASE WHEN k.kind = 'reversal' OR k.kind = 'clawback' THEN k.amount_minor ELSE 0 END
           FROM commissions k LEFT JOIN conversions c ON c.id = k.conversion_id
          WHERE k.id = ?1 AND k.amount_minor IS NOT NULL AND k.state <> 'declined' AND k.state <> 'reversed'
         ON CONFLICT DO UPDATE SET earned_minor = earned_minor + excluded.earned_minor,
             given_back_minor = given_back_minor + excluded.given_back_minor",
    )?
    .execute([id])?;
    Ok(())
}

/// Folds the pending changes into `totals` and empties them, all or
/// nothing (a savepoint: inside a transaction or outside one).
pub fn settle(conn: &Connection) -> rusqlite::Result<()> {
    let pending: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM totals_pending)", [], |r| {
            r.get(0)
        })?;
    if !pending {
        return Ok(());
    }
    conn.execute_batch(
        "SAVEPOINT settle_totals;
         INSERT INTO totals (span, partner_id, currency, sales, revenue_minor, refunds, refunded_minor,
                             earned_minor, given_back_minor)
         SELECT substr(d.month, 1, s.len), CASE WHEN w.program THEN -1 ELSE d.partner_id END, d.currency,
                sum(d.sales), sum(d.revenue_minor), sum(d.refunds), sum(d.refunded_minor),
                sum(d.earned_minor), sum(d.given_back_minor)
           FROM totals_pending d,
                (SELECT 7 AS len UNION ALL SELECT 4 UNION ALL SELECT 0) s,
                (SELECT 0 AS program UNION ALL SELECT 1) w
          WHERE NOT w.program OR d.partner_id > 0
          GROUP BY 1, 2, 3
         ON CONFLICT DO UPDATE SET sales = sales + excluded.sales,
             revenue_minor = revenue_minor + excluded.revenue_minor,
             refunds = refunds + excluded.refunds, refunded_minor = refunded_minor + excluded.refunded_minor,
             earned_minor = earned_minor + excluded.earned_minor,
             given_back_minor = given_back_minor + excluded.given_back_minor;
         DELETE FROM totals_pending;
         RELEASE settle_totals;",
    )
}

/// The book's write transaction: a rusqlite `Transaction` whose commit
/// settles the totals first, so no code path can commit sales or lines
/// without them.
pub struct BookTx<'a>(Transaction<'a>);

impl<'a> BookTx<'a> {
    pub(crate) fn new(tx: Transaction<'a>) -> Self {
        BookTx(tx)
    }

    pub fn commit(self) -> rusqlite::Result<()> {
        settle(&self.0)?;
        self.0.commit()
    }

    pub fn rollback(self) -> rusqlite::Result<()> {
        self.0.rollback()
    }
}

impl<'a> Deref for BookTx<'a> {
    type Target = Transaction<'a>;
    fn deref(&self) -> &Transaction<'a> {
        &self.0
    }
}

impl DerefMut for BookTx<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}
