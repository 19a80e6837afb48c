//! What needs the manager now, whatever the period: commissions waiting,
//! the next payout run as it would be today, applications to review,
//! partners stuck in onboarding, emails that failed, risk flags holding money.
//! Slower than the period's numbers (it computes a run), so asked apart.

use crate::error::Result;
use crate::figures::PerCurrency;
use chrono::NaiveDate;
use partnerbook_book::money::Money;
use partnerbook_book::Book;
use partnerbook_partners::onboarding;
use partnerbook_payouts::preview_totals;
use serde::Serialize;
use ts_rs::TS;

/// Days on an incomplete checklist that count as stuck: the reminder's default.
pub const STUCK_DAYS: u32 = 7;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct NextRun {
    /// The cut-off the estimate used ("YYYY-MM-DD", today).
    pub through: String,
    /// Partners with a balance.
    pub partners: u32,
    /// Of those, partners who would be paid (the rest are held).
    pub paid: u32,
    pub total: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Attention {
    /// Lines waiting for their hold to pass or for approval, per currency.
    pub pending: Vec<Money>,
    /// Approved lines not yet in a run, per currency.
    pub approved: Vec<Money>,
    pub next_run: NextRun,
    pub applications_waiting: i64,
    pub onboarding_stuck: i64,
    pub stuck_days: u32,
    /// Emails that failed or whose fate is unknown after a crash.
    pub outbox_failed: i64,
    /// Open risk flags that hold commissions.
    pub risk_holding: i64,
}

pub fn attention(book: &Book, today: NaiveDate) -> Result<Attention> {
    let conn = book.conn();
    let (mut pending, mut approved) = (PerCurrency::default(), PerCurrency::default());
    let mut stmt = conn.prepare(
        "SELECT state, currency, sum(amount_minor) FROM commissions
          WHERE (state = 'pending' OR state = 'approved') AND amount_minor IS NOT NULL GROUP BY 1, 2",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (state, currency): (String, String) = (r.get(0)?, r.get(1)?);
        let to = if state == "pending" {
            &mut pending
        } else {
            &mut approved
        };
        to.add(&currency, r.get(2)?);
    }
    let through = today.to_string();
    let run = preview_totals(book, &through)?;
    let count = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    let stuck = onboarding::rows(conn, today, None)?
        .into_iter()
        .filter(|r| !r.complete && r.days_waiting.is_some_and(|d| d >= STUCK_DAYS))
        .count() as i64;
    Ok(Attention {
        pending: pending.money()?,
        approved: approved.money()?,
        next_run: NextRun {
            through,
            partners: run.partners,
            paid: run.paid,
            total: run.total,
        },
        applications_waiting: count("SELECT count(*) FROM applications WHERE status = 'pending'")?,
        onboarding_stuck: stuck,
        stuck_days: STUCK_DAYS,
        outbox_failed: count(
            "SELECT count(*) FROM outbox WHERE status = 'failed' OR status = 'unknown'",
        )?,
        risk_holding: count("SELECT count(*) FROM risk_flags WHERE status = 'open' AND hold = 1")?,
    })
}
