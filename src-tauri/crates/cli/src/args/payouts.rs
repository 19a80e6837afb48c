//! `payout`: runs from draft to paid, their files and reconciliation.

use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum PayoutCommand {
    /// Create the draft run of approved commissions due by a day.
    Create {
        #[arg(long, value_name = "YYYY-MM-DD")]
        through: String,
        #[arg(long)]
        json: bool,
    },
    /// List the runs.
    List {
        #[arg(long)]
        json: bool,
    },
    /// A run: its totals and every partner's line, paid or why not.
    Show {
        run: i64,
        /// Only paid lines, or only held ones.
        #[arg(long, value_parser = ["all", "paid", "held"], default_value = "all")]
        only: String,
        #[arg(long, default_value_t = 1_000)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Every blocker and risk of a run on one list.
    Readiness {
        run: i64,
        #[arg(long)]
        json: bool,
    },
    /// Add a bonus, correction or clawback to a partner in a draft run.
    Adjust {
        run: i64,
        #[arg(long)]
        partner: String,
        /// In the program currency; negative to take back ("-12.50").
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        #[arg(long)]
        reason: String,
        /// bonus, correction or clawback (bonus if positive, clawback if negative by default).
        #[arg(long)]
        kind: Option<String>,
    },
    /// Approve a draft: back up the book, fingerprint and lock the run.
    Approve { run: i64 },
    /// Check an approved run against its fingerprint.
    Verify { run: i64 },
    /// A run's month-end: what was done (files with their hashes,
    /// statements, emails, payments) and what is left.
    Checklist {
        run: i64,
        #[arg(long)]
        json: bool,
    },
    /// How an approved run is paid: each provider's files (uploads), what
    /// is left to pay by hand, and what was written.
    Coverage {
        run: i64,
        #[arg(long)]
        json: bool,
    },
    /// Write the payment file(s) of an approved run; `manual` lists the
    /// transfers no provider file makes, to pay by hand.
    Export {
        run: i64,
        #[arg(long, value_parser = ["paypal", "wise", "sepa", "csv", "manual"])]
        format: String,
        #[arg(long)]
        out: PathBuf,
        /// SEPA: the day the bank executes the transfers (YYYY-MM-DD); the
        /// next TARGET2 business day when not given.
        #[arg(long, value_name = "YYYY-MM-DD")]
        execution_date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record pending payouts as paid (all, or one partner's).
    MarkPaid {
        run: i64,
        #[arg(long)]
        partner: Option<String>,
        #[arg(long)]
        reference: String,
    },
    /// Record a partner's payout as failed; the amount returns to their balance.
    MarkFailed {
        run: i64,
        #[arg(long)]
        partner: String,
        #[arg(long)]
        reason: String,
    },
    /// Read a provider's result file: paid and failed payouts.
    Reconcile {
        run: i64,
        file: PathBuf,
        /// Read and count every row, record nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Discard a draft run: its commissions return to approved.
    Discard { run: i64 },
    /// Show or set the account payouts are sent from (needed for SEPA files).
    Payer {
        #[arg(long)]
        iban: Option<String>,
        #[arg(long, default_value = "")]
        bic: String,
    },
    /// Hold a partner's payouts, with a reason.
    Hold {
        partner: String,
        #[arg(long)]
        reason: String,
    },
    /// Lift a hold on a partner's payouts.
    Unhold { partner: String },
}
