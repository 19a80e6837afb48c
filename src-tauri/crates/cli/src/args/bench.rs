//! `bench`: the figures each issue asks for, measured on this machine.

use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Partner search latency on the book, as the UI calls it while someone types.
    Search {
        /// How many typed prefixes to time.
        #[arg(long, default_value_t = 2_000)]
        queries: usize,
        /// Also write the same FTS5 queries as an SQL script, to time them in the sqlite3 shell.
        #[arg(long, value_name = "FILE")]
        emit_sql: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// CSV import speed: exports a demo program of N partners, imports it into a new book.
    Import {
        #[arg(long, default_value_t = 100_000)]
        rows: u32,
        #[arg(long)]
        json: bool,
    },
    /// A draft payout run's preview over N commissions of P partners,
    /// beside the same per-partner GROUP BY in the sqlite3 shell.
    Payouts {
        #[arg(long, default_value_t = 1_000_000)]
        commissions: u64,
        #[arg(long, default_value_t = 10_000)]
        partners: u32,
        #[arg(long)]
        json: bool,
    },
    /// Adding N images (banner and photo sizes) to the library, thumbnails included; then a group kit.
    Assets {
        #[arg(long, default_value_t = 1_000)]
        images: u32,
        /// Partners in the group whose kit is exported.
        #[arg(long, default_value_t = 500)]
        partners: u32,
        #[arg(long)]
        json: bool,
    },
    /// Importing and screening N applications against a demo program of P partners.
    Screening {
        #[arg(long, default_value_t = 10_000)]
        applications: u32,
        #[arg(long, default_value_t = 2_000)]
        partners: u32,
        #[arg(long)]
        json: bool,
    },
    /// N statement emails with their PDFs sent to a local SMTP server (aiosmtpd).
    Mail {
        #[arg(long, default_value_t = 1_000)]
        count: u32,
        #[arg(long)]
        json: bool,
    },
    /// N one-page PDF statements, beside headless Chromium printing an
    /// equivalent HTML statement N times (when chromium is installed).
    Statements {
        #[arg(long, default_value_t = 1_000)]
        count: u32,
        /// How many times to run Chromium (0 skips it).
        #[arg(long, default_value_t = 1_000)]
        chromium: u32,
        #[arg(long)]
        json: bool,
    },
    /// Conversions: import + attribution + commissions of a generated CSV of
    /// N rows beside sqlite3's `.import` of the same file, then the what-if
    /// over them (all in one month).
    Conversions {
        #[arg(long, default_value_t = 100_000)]
        rows: u64,
        /// Partners in the generated program.
        #[arg(long, default_value_t = 2_000)]
        partners: u32,
        #[arg(long)]
        json: bool,
    },
    /// Risk checks: a full scan of N conversions of P partners over a year,
    /// then the scan an import of M more rows runs on its new rows alone.
    Risk {
        #[arg(long, default_value_t = 1_000_000)]
        rows: u64,
        #[arg(long, default_value_t = 10_000)]
        partners: u32,
        /// Rows of the second import, scanned incrementally.
        #[arg(long, default_value_t = 10_000)]
        more: u64,
        #[arg(long)]
        json: bool,
    },
    /// The home screen on the book: this and last month (the latest month
    /// with sales and the one before), a quarter, the year, the 12 months to
    /// last month; then what needs attention; then the partner list sorted
    /// by name and by money, and a page's money columns.
    Home {
        /// Timed calls of each.
        #[arg(long, default_value_t = 30)]
        runs: usize,
        #[arg(long)]
        json: bool,
    },
}
