//! `applications`, `onboarding` and `terms`: review who asks to join and
//! walk approved partners through onboarding.

use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum ApplicationsCommand {
    /// Import a signup form's export (CSV or JSON); duplicates merge, then screening runs.
    Import { file: PathBuf },
    /// The review queue, best score first.
    List {
        /// pending (the default), approved, rejected or all.
        #[arg(long, default_value = "pending")]
        status: String,
        #[arg(long)]
        min_score: Option<u8>,
        #[arg(long)]
        max_score: Option<u8>,
        /// Only those where this check is red or amber (e.g. disposable_email).
        #[arg(long)]
        flagged_by: Option<String>,
        /// score, score_asc, newest or oldest.
        #[arg(long, default_value = "score")]
        sort: String,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// One application: every answer, every check with its evidence, the history.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Approve: the partner becomes active with a referral code; the welcome email is queued.
    Approve {
        #[arg(required = true)]
        ids: Vec<i64>,
        /// The group they join.
        #[arg(long)]
        group: Option<String>,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Reject with a reason; the rejection email is queued.
    Reject {
        #[arg(required = true)]
        ids: Vec<i64>,
        #[arg(long)]
        reason: String,
    },
    /// Run the checks again (all pending applications when no id is given).
    Screen { ids: Vec<i64> },
    /// Print the screening settings (weights, criteria, auto-approve) as JSON, or --set them from a file.
    Settings {
        /// A JSON file of the same shape.
        #[arg(long)]
        set: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum OnboardingCommand {
    /// Active partners whose checklist is not done, longest waiting first.
    List {
        /// Everyone, done or not.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Record a step for a partner (number, email or code).
    Set {
        partner: String,
        /// The terms version they accepted.
        #[arg(long)]
        terms: Option<String>,
        /// w9, w8ben, vat or none.
        #[arg(long)]
        tax_form: Option<String>,
        /// Expiry of a W-8BEN, YYYY-MM-DD.
        #[arg(long)]
        expires: Option<String>,
        #[arg(long)]
        vat_id: Option<String>,
        /// The TIN on the W-9 or W-8BEN.
        #[arg(long)]
        tin: Option<String>,
        /// The welcome kit went out by other means.
        #[arg(long)]
        welcome_sent: bool,
    },
    /// Queue a reminder to partners stuck for DAYS or more (once per DAYS).
    Remind {
        #[arg(long, default_value_t = 7)]
        days: u32,
    },
}

#[derive(Subcommand)]
pub enum TermsCommand {
    /// Publish a new version: partners on older ones must accept it before their next payout.
    Publish {
        version: String,
        /// A text file with the terms.
        #[arg(long)]
        file: PathBuf,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}
