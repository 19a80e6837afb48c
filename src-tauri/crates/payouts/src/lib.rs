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
pub mod error;
pub mod files;
mod model;
mod pain002;
mod read;
mod readiness;
mod reconcile;
mod refresh;
pub mod self_billing;
mod settle;
mod statement_head;

pub use adjust::{
    add_adjustment, adjustments, payer, remove_adjustment, set_hold, set_payer, Adjustment,
    AdjustmentKind, Payer,
};
pub use approve::{approve, discard, ensure_untampered, fingerprint_of, tampered_runs, verify};
pub use build::{create, preview_totals, PreviewTotals, ACCOUNT};
pub use eligibility::{blockers, PayeeFacts};
pub use error::{PayoutError, Result};
pub use model::{payout_token, PayoutLine, PayoutRun, PayoutStatus, RunStatus};
pub use read::{
    balance, get_run, get_run_in, lines, list_runs, paid_payout_ids, Balance, LineFilter,
    LineQuery, LinesPage,
};
pub use readiness::{readiness, Readiness, ReadinessItem, Severity};
pub use reconcile::{reconcile, reconcile_with, ReconcileReport};
pub use refresh::refresh_draft;
pub use settle::{mark_failed, mark_paid};
pub use statement_head::{statement_head, statement_number, StatementHead};
