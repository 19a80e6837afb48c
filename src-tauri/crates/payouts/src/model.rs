//! What a run and its lines are, as lists and headers show them; the token
//! that names a payout in the files we write and read back; money read from
//! a row.

use partnerbook_book::money::{Currency, Money};
use partnerbook_book::text_enum;
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
    /// The day the provider first reported it unclaimed; it stays pending.
    pub unclaimed_since: Option<String>,
}

/// The token that names one payout in every file we write and every result
/// file we read back: short enough for PayPal's 30-character Customer ID
/// and SEPA's 35-character EndToEndId, with no spaces.
pub fn payout_token(run_id: i64, payout_id: i64) -> String {
    format!("PB{run_id}-{payout_id}")
}

pub(crate) fn parse_token(text: &str) -> Option<(i64, i64)> {
    let rest = text.trim().strip_prefix("PB")?;
    let (run, payout) = rest.split_once('-')?;
    Some((run.parse().ok()?, payout.parse().ok()?))
}

pub(crate) fn money(minor: i64, currency: Currency) -> Money {
    Money::new(minor, currency)
}

/// The money in an amount column and a currency column of one row, such as
/// what a payout pays (`pay_minor`, `pay_currency`).
pub(crate) fn money_at(
    r: &rusqlite::Row<'_>,
    minor: usize,
    currency: usize,
) -> rusqlite::Result<Money> {
    Ok(Money::new(r.get(minor)?, r.get(currency)?))
}

/// A held line's reasons as stored: a JSON list (a reason may hold "; ").
pub(crate) fn blocked_text(reasons: &[String]) -> String {
    serde_json::to_string(reasons).unwrap_or_default()
}

/// A held line's reasons from what is stored: the JSON list, or the "; "
/// joined text of runs made before it.
pub(crate) fn blocked_reasons(text: &str) -> Vec<String> {
    if text.starts_with('[') {
        if let Ok(list) = serde_json::from_str(text) {
            return list;
        }
    }
    text.split("; ").map(str::to_string).collect()
}
