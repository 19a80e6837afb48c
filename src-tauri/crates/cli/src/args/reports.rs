//! `report`: the manager's reports, as tables, JSON, CSV or PDF.

use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum ReportCommand {
    /// The home screen's numbers for months FROM to TO, each beside the
    /// months before, and the top partners by revenue.
    Home {
        #[arg(long, value_name = "YYYY-MM")]
        from: String,
        #[arg(long, value_name = "YYYY-MM")]
        to: String,
        #[arg(long)]
        json: bool,
    },
    /// The tax year: per partner, what was paid to them in YEAR by method,
    /// the tax form on file, and who needs a 1099-NEC (PayPal apart: the
    /// network reports it). --out writes the 1099-NEC fields as CSV, or a
    /// summary as .pdf.
    TaxYear {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        out: Option<PathBuf>,
        /// Write TINs whole in the CSV (masked "***-**-6789" otherwise).
        #[arg(long)]
        full_tins: bool,
        #[arg(long)]
        json: bool,
    },
    /// A month's sales, refunds, commissions, payouts and top partners, as a PDF.
    Program {
        #[arg(long, value_name = "YYYY-MM")]
        period: String,
        #[arg(long)]
        out: PathBuf,
        /// Also print the figures as JSON.
        #[arg(long)]
        json: bool,
    },
    /// An approved run's transfers no provider file makes, as a PDF to pay
    /// from the bank (payee, bank details, amount, reference).
    ByHand {
        #[arg(long)]
        run: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Payouts by approved run and method: how many, how much, paid,
    /// failed, pending.
    Payouts {
        /// Runs whose cut-off is on or after this day (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Runs whose cut-off is on or before this day.
        #[arg(long)]
        to: Option<String>,
        /// Write it to this file: a PDF table for .pdf, CSV otherwise.
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Per partner over a period: sales, refunds, new customers, revenue,
    /// commission earned and paid; the best earners first.
    Partners(PeriodReport),
    /// The same per group.
    Groups(PeriodReport),
    /// Sales no partner was found for, with what they carried and why.
    Unattributed(PeriodReport),
    /// Refunds and chargebacks per partner over a period, and the
    /// commission they took back (reversed before payment, clawed back after).
    Refunds {
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: String,
        /// Write it to this file: a PDF table for .pdf, CSV otherwise.
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

/// A report over a period of days.
#[derive(clap::Args)]
pub struct PeriodReport {
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: String,
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: String,
    /// Write it to this file: a PDF table for .pdf, CSV otherwise.
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[arg(long)]
    pub json: bool,
}
