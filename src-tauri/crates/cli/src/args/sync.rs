//! `sync`: PartnerStack and Rewardful connections, their syncs, conflicts,
//! and the platform's commissions beside ours.

use clap::{Args, Subcommand};

#[derive(Subcommand)]
pub enum SyncCommand {
    /// Sync with PartnerStack: the connection named "partnerstack" (or
    /// --name), made on first use. Keys come from the keychain (`sync keys`)
    /// or PARTNERBOOK_PARTNERSTACK_PUBLIC_KEY / _SECRET_KEY.
    Partnerstack(SyncArgs),
    /// Sync with Rewardful (key from the keychain or PARTNERBOOK_REWARDFUL_SECRET_KEY).
    Rewardful(SyncArgs),
    /// Ask for a connection's keys and save them in the OS keychain.
    Keys {
        /// The connection's name.
        name: String,
    },
    /// Each connection and, per resource, how far sync has got.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Fields edited both here and on the platform, and which value was kept.
    Conflicts {
        #[arg(long)]
        connection: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The platform's commissions beside ours for a month, per partner, with reasons.
    Compare {
        /// YYYY-MM
        #[arg(long)]
        period: String,
        /// Needed when the book has more than one connection.
        #[arg(long)]
        connection: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Mark Rewardful's due payouts paid where a paid Partnerbook run paid the same amount.
    MarkPaid {
        /// The payout run's number.
        #[arg(long)]
        run: i64,
        #[arg(long)]
        connection: Option<String>,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Remove a connection, its sync state and its saved keys (what it brought in stays).
    Remove { name: String },
}

#[derive(Args)]
pub struct SyncArgs {
    /// The connection's name (default: the platform's).
    #[arg(long)]
    pub name: Option<String>,
    /// The API's base address (default: the platform's own).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Show what a sync would add, change and skip; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// After pulling, push what was made here: partners, their customers, and
    /// sales imported from files (each with our idempotency key). PartnerStack only.
    #[arg(long)]
    pub push: bool,
    /// Only these resources: groups, partners, customers, transactions, rewards, leads, deals, payouts.
    #[arg(long, value_delimiter = ',')]
    pub resources: Vec<String>,
    /// Records per page (the platform's most, 250, by default).
    #[arg(long, default_value_t = 250)]
    pub page_size: u32,
    /// At most this many requests per second.
    #[arg(long)]
    pub rate: Option<u32>,
    #[arg(long)]
    pub json: bool,
}
