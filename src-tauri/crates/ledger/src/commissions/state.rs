//! The commission states and the only changes allowed between them. The
//! database says the same with a trigger (migration 0002), so no writer can
//! skip this, and paid commissions never change at all.
//!
//! pending ─approve (hold over)→ approved ─claimed by a run→ in_payout ─paid→ paid
//!    │                             │                          └─run discarded→ approved
//!    └──────── decline / reverse ──┘
//!
//! Payout runs move lines only through `claim`, `release` and `mark_paid`.

use crate::error::Result;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CommissionState {
    /// Inside the hold period (refund window), or held for a reason.
    Pending,
    /// Due: will be paid by the next payout run.
    Approved,
    /// Claimed by a draft or approved payout run.
    InPayout,
    Paid,
    /// Refused by hand, with a reason.
    Declined,
    /// Cancelled by a refund before it was paid.
    Reversed,
}

impl CommissionState {
    pub const ALL: &'static [CommissionState] = &[
        CommissionState::Pending,
        CommissionState::Approved,
        CommissionState::InPayout,
        CommissionState::Paid,
        CommissionState::Declined,
        CommissionState::Reversed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CommissionState::Pending => "pending",
            CommissionState::Approved => "approved",
            CommissionState::InPayout => "in_payout",
            CommissionState::Paid => "paid",
            CommissionState::Declined => "declined",
            CommissionState::Reversed => "reversed",
        }
    }

    pub fn parse(text: &str) -> Option<CommissionState> {
        let t = text.trim().to_ascii_lowercase().replace('-', "_");
        CommissionState::ALL
            .iter()
            .copied()
            .find(|s| s.as_str() == t)
    }

    /// Whether `self → to` is allowed.
    pub fn can_become(self, to: CommissionState) -> bool {
        use CommissionState::*;
        self == to
            || matches!(
                (self, to),
                (Pending, Approved | Declined | Reversed)
                    | (Approved, InPayout | Declined | Reversed)
                    | (InPayout, Paid | Approved)
            )
    }

    /// Money already handed over or on its way: refunds claw it back
    /// instead of reversing it.
    pub fn is_settled(self) -> bool {
        matches!(self, CommissionState::InPayout | CommissionState::Paid)
    }
}

impl rusqlite::types::FromSql for CommissionState {
    fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let s = v.as_str()?;
        CommissionState::parse(s).ok_or_else(|| {
            rusqlite::types::FromSqlError::Other(format!("unknown state {s:?}").into())
        })
    }
}

/// Claims for draft run `run_id` the approved lines due by `through` of the
/// partners it has a draft line for (all, or only `partner`): approved →
/// in_payout, pointing at the partner's payout. Lines an open risk flag
/// holds stay approved.
pub fn claim(
    conn: &Connection,
    run_id: i64,
    through: &str,
    partner: Option<i64>,
    stamp: &str,
) -> Result<usize> {
    Ok(conn.execute(
        concat!(
            "UPDATE commissions SET state = 'in_payout', updated_at = ?3,
                    payout_id = (SELECT p.id FROM payouts p WHERE p.run_id = ?1 AND p.partner_id = commissions.partner_id)
              WHERE state = 'approved' AND due_on <= ?2
                AND partner_id IN (SELECT partner_id FROM payouts WHERE run_id = ?1 AND status = 'draft'
                                    AND (?4 IS NULL OR partner_id = ?4))
                AND ",
            partnerbook_book::not_held_by_risk!()
        ),
        params![run_id, through, stamp, partner],
    )?)
}

/// Gives back what payout `payout_id` claimed: in_payout → approved.
pub fn release(conn: &Connection, payout_id: i64, stamp: &str) -> Result<()> {
    conn.prepare_cached(
        "UPDATE commissions SET state = 'approved', payout_id = NULL, updated_at = ?2 WHERE payout_id = ?1",
    )?
    .execute(params![payout_id, stamp])?;
    Ok(())
}

/// The lines of payout `payout_id` were paid: in_payout → paid.
pub fn mark_paid(conn: &Connection, payout_id: i64, stamp: &str) -> Result<()> {
    conn.prepare_cached(
        "UPDATE commissions SET state = 'paid', updated_at = ?2 WHERE payout_id = ?1",
    )?
    .execute(params![payout_id, stamp])?;
    Ok(())
}
