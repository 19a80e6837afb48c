//! `risk`: the checks on sales and partners, their flags, and answers.

use clap::Subcommand;

#[derive(Subcommand)]
pub enum RiskCommand {
    /// Run every check over the whole book (imports check their new rows themselves).
    Scan {
        #[arg(long)]
        json: bool,
    },
    /// Flags, open ones first, by partner.
    List {
        /// open (the default), cleared, declined, or all.
        #[arg(long, default_value = "open")]
        status: String,
        /// A partner's id or email.
        #[arg(long)]
        partner: Option<String>,
        /// Only one check, e.g. self_referral.
        #[arg(long)]
        check: Option<String>,
        #[arg(long, default_value_t = 200)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Nothing wrong: what the flags held follows its normal dates.
    Clear {
        #[arg(required = true)]
        ids: Vec<i64>,
        #[arg(long)]
        reason: String,
    },
    /// Decline the commissions of the flagged sales, with the reason.
    Decline {
        #[arg(required = true)]
        ids: Vec<i64>,
        #[arg(long)]
        reason: String,
    },
    /// What each check does (off, flag, hold); CHECK=ACTION changes it.
    Settings {
        /// e.g. velocity=hold coupon_leakage=off
        changes: Vec<String>,
        #[arg(long)]
        json: bool,
    },
}
