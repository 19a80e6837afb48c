//! Payout runs: close a period, see who is owed what and why not, adjust,
//! approve (lock, fingerprint, back up), write the payment files, and record
//! what was paid or failed.
//!
//! draft ─approve→ approved (locked)      payout: draft ─approve→ pending ─→ paid
//!   └─discard→ discarded                          held (not paid, says why)  └→ failed
//!
//! A draft claims the approved commissions of the partners it will pay
//! (`commissions.payout_id`, state in_payout); discarding gives them back.
//! The database enforces the lock with triggers (migration 0004).

mod adjust;
mod approve;
mod build;
mod eligibility;
pub mod files;
mod read;
mod readiness;
mod reconcile;
mod settle;

pub use adjust::{
    add_adjustment, adjustments, payer, remove_adjustment, set_hold, set_payer, Adjustment,
    AdjustmentKind, Payer,
};
pub use approve::{approve, discard, fingerprint_of, verify};
pub use build::{create, preview_totals, PreviewTotals};
pub use eligibility::{blockers, method_name, PayeeFacts};
pub use read::{
    balance, get_run, lines, list_runs, paid_payout_ids, Balance, LineFilter, LineQuery, LinesPage,
};
pub use readiness::{readiness, Readiness, ReadinessItem, Severity};
pub use reconcile::{reconcile, ReconcileReport};
pub use settle::{mark_failed, mark_paid};

use crate::money::{Currency, Money};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text_enum!(
    /// Where a run is: a draft can change; approved is locked for good.
    RunStatus { Draft = "draft", Approved = "approved", Discarded = "discarded" }
);
text_enum!(
    /// One partner's row in a run: paid in it (draft → pending → paid or
    /// failed) or held, with the reasons, and carried to the next run.
    PayoutStatus { Draft = "draft", Held = "held", Pending = "pending", Paid = "paid", Failed = "failed" }
);

/// A run as lists and headers show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PayoutRun {
    pub id: i64,
    /// Cut-off day, inclusive ("YYYY-MM-DD").
    pub through: String,
    pub status: RunStatus,
    /// SHA-256 over the run's canonical lines, set when approved.
    pub fingerprint: Option<String>,
    pub backup_path: Option<String>,
    pub created_at: String,
    pub approved_at: Option<String>,
    /// Partners with a balance: paid in this run, and held.
    pub paid_count: u32,
    pub held_count: u32,
    /// Sum of the balances paid, in the program currency.
    pub total: Money,
    /// What leaves the account, per payout currency.
    pub pay_totals: Vec<Money>,
    /// Balances not paid in this run (they carry forward).
    pub carried_forward: Money,
    /// Settled so far (approved runs).
    pub settled_paid: u32,
    pub settled_failed: u32,
}

/// One partner's line in a run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PayoutLine {
    pub id: i64,
    pub partner_id: i64,
    pub partner_name: String,
    pub partner_email: String,
    /// Approved commission lines in the run (positive).
    pub commissions: Money,
    /// Reversals and clawbacks netted (zero or negative).
    pub clawbacks: Money,
    /// The part already due at the previous run: carried forward.
    pub carried: Money,
    pub adjustments: Money,
    pub balance: Money,
    /// What is sent, in the payout currency; None when not paid.
    pub pay: Option<Money>,
    pub fx_rate: Option<String>,
    pub method: String,
    /// "…1234" or "a…@example.com": enough to recognise, not to copy.
    pub account_masked: String,
    /// Why not paid in this run; empty when paid.
    pub blocked: Vec<String>,
    pub status: PayoutStatus,
    pub reference: Option<String>,
    pub failure: Option<String>,
    pub settled_at: Option<String>,
}

/// The token that names one payout in every file we write and every result
/// file we read back: short enough for PayPal's 30-character Customer ID
/// and SEPA's 35-character EndToEndId, with no spaces.
pub fn payout_token(run_id: i64, payout_id: i64) -> String {
    format!("PB{run_id}-{payout_id}")
}

fn parse_token(text: &str) -> Option<(i64, i64)> {
    let rest = text.trim().strip_prefix("PB")?;
    let (run, payout) = rest.split_once('-')?;
    Some((run.parse().ok()?, payout.parse().ok()?))
}

/// "…1234" for an IBAN, "an…@example.com" for an email.
pub fn mask_account(account: &str) -> String {
    if account.is_empty() {
        return String::new();
    }
    if let Some((local, domain)) = account.split_once('@') {
        let head: String = local.chars().take(2).collect();
        return format!("{head}…@{domain}");
    }
    let chars: Vec<char> = account.chars().collect();
    let tail: String = chars[chars.len().saturating_sub(4)..].iter().collect();
    format!("…{tail}")
}

fn money(minor: i64, currency: Currency) -> Money {
    Money::new(minor, currency)
}

/// For other modules' tests: pay commissions the way a run does, without
/// the run's eligibility rules (their test partners have no payout details).
#[cfg(test)]
pub(crate) mod testing {
    use rusqlite::Connection;

    /// Approves pending lines (all, or line `only`), claims the approved ones
    /// into an approved run, and pays that run when `paid`.
    pub(crate) fn pay_in_a_run(conn: &Connection, only: Option<i64>, paid: bool) {
        let filter = "(?1 IS NULL OR id = ?1)";
        conn.execute(
            &format!(
                "UPDATE commissions SET state = 'approved' WHERE state = 'pending' AND {filter}"
            ),
            [only],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO payout_runs (through, currency, status, created_at) VALUES ('2099-12-31', 'USD', 'draft', 'now')",
            [],
        )
        .unwrap();
        let run = conn.last_insert_rowid();
        conn.execute(
            &format!(
                "INSERT INTO payouts (run_id, partner_id, commissions_minor, clawbacks_minor, carried_minor,
                    adjustments_minor, balance_minor, pay_minor, pay_currency, payee_name, method, account, status)
                 SELECT ?2, partner_id, 0, 0, 0, 0, 0, 1, currency, 'test', 'other', 'test', 'draft'
                   FROM commissions WHERE state = 'approved' AND {filter} GROUP BY partner_id"
            ),
            rusqlite::params![only, run],
        )
        .unwrap();
        conn.execute(
            &format!(
                "UPDATE commissions SET state = 'in_payout',
                        payout_id = (SELECT id FROM payouts WHERE run_id = ?2 AND partner_id = commissions.partner_id)
                  WHERE state = 'approved' AND {filter}"
            ),
            rusqlite::params![only, run],
        )
        .unwrap();
        conn.execute(
            "UPDATE payouts SET status = 'pending' WHERE run_id = ?1",
            [run],
        )
        .unwrap();
        conn.execute(
            "UPDATE payout_runs SET status = 'approved', fingerprint = 'test', approved_at = 'now' WHERE id = ?1",
            [run],
        )
        .unwrap();
        if paid {
            conn.execute(
                "UPDATE payouts SET status = 'paid' WHERE run_id = ?1",
                [run],
            )
            .unwrap();
            conn.execute(
                "UPDATE commissions SET state = 'paid'
                  WHERE payout_id IN (SELECT id FROM payouts WHERE run_id = ?1)",
                [run],
            )
            .unwrap();
        }
    }
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
#[cfg(test)]
pub(crate) mod tests_support;
