//! The command line, as clap sees it.

mod applications;
mod assets;
mod bench;
mod mail;
mod payouts;
mod reports;
mod risk;
pub mod sync;

pub use applications::{ApplicationsCommand, OnboardingCommand, TermsCommand};
pub use assets::{AssetsCommand, KitCommand};
pub use bench::BenchCommand;
use clap::{Args, Parser, Subcommand, ValueEnum};
pub use mail::{MailCommand, PasswordCommand, TemplatesCommand};
pub use payouts::PayoutCommand;
pub use reports::{PeriodReport, ReportCommand};
pub use risk::RiskCommand;
use std::path::PathBuf;
pub use sync::SyncCommand;

#[derive(Parser)]
#[command(
    name = "partnerbook",
    version = partnerbook_core::about::VERSION,
    about = "Run your affiliate program from a Partnerbook book (one SQLite file)."
)]
pub struct Cli {
    /// The book to work on.
    #[arg(long, global = true, env = "PARTNERBOOK_BOOK", value_name = "PATH")]
    pub book: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

// Parsed once per run: the size of the larger variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
pub enum Command {
    /// Create a new, empty book.
    Init {
        path: PathBuf,
        /// The program's name, e.g. "Acme Partner Program".
        #[arg(long)]
        name: String,
        /// The base currency (ISO 4217), e.g. USD.
        #[arg(long)]
        currency: String,
    },
    /// Create a demo book with a realistic, international program.
    Demo {
        path: PathBuf,
        #[arg(long, default_value_t = 2_000)]
        partners: u32,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Only partners: no plans, conversions, commissions or applications.
        #[arg(long)]
        partners_only: bool,
    },
    /// Partners: list, show, add, update, import, export, notes.
    #[command(subcommand)]
    Partners(PartnersCommand),
    /// Groups (tiers) of partners.
    #[command(subcommand)]
    Groups(GroupsCommand),
    /// The program's settings.
    #[command(subcommand)]
    Settings(SettingsCommand),
    /// Import conversions (sales, refunds…) from a CSV export, then compute commissions.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Conversions recorded in the book.
    #[command(subcommand)]
    Conversions(ConversionsCommand),
    /// Commission plans: list, show, import and export as JSON, assign.
    #[command(subcommand)]
    Plans(PlansCommand),
    /// Commissions: list, explain, compute, approve what is due, decline.
    #[command(subcommand)]
    Commissions(CommissionsCommand),
    /// Exchange rates.
    #[command(subcommand)]
    Fx(FxCommand),
    /// Payout runs: create, check, adjust, approve, export payment files, record payment.
    #[command(subcommand)]
    Payout(PayoutCommand),
    /// Risk checks on sales and partners: scan, list flags, clear or decline them.
    #[command(subcommand)]
    Risk(RiskCommand),
    /// Sync with PartnerStack or Rewardful: pull, status, conflicts, compare commissions.
    #[command(subcommand)]
    Sync(SyncCommand),
    /// Reports for the manager.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Applications: import, review queue, screening, approve or reject.
    #[command(subcommand)]
    Applications(ApplicationsCommand),
    /// Onboarding: who is stuck on which step, record steps, send reminders.
    #[command(subcommand)]
    Onboarding(OnboardingCommand),
    /// The asset library: banners, images, documents, templates.
    #[command(subcommand)]
    Assets(AssetsCommand),
    /// Partner kits: banners, documents, texts and links in one zip.
    #[command(subcommand)]
    Kit(KitCommand),
    /// Program terms, versioned.
    #[command(subcommand)]
    Terms(TermsCommand),
    /// Email: SMTP settings, templates, the outbox, sending.
    #[command(subcommand)]
    Mail(MailCommand),
    /// Write the PDF statement of every payout of an approved run into a folder.
    Statements {
        run: i64,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Recompute a past month under other rules, without writing: the
    /// difference per partner and in total.
    Whatif {
        /// A plan file (JSON): its latest version replaces the rules of the
        /// plan of that name (or of every partner, for a plan not in the book).
        #[arg(long, required_unless_present = "version", conflicts_with = "version")]
        plan: Option<PathBuf>,
        /// Or a plan version already in the book (its id, see `plans show --json`).
        #[arg(long)]
        version: Option<i64>,
        #[arg(long, value_name = "YYYY-MM")]
        period: String,
        /// How many partners to list, largest difference first.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// The rotating backups beside the book: list, make one, restore one.
    #[command(subcommand)]
    Backup(BackupCommand),
    /// Check the book: SQLite's integrity check, its triggers, every approved
    /// run against its fingerprint and every stored file against its hash.
    Check {
        #[arg(long)]
        json: bool,
    },
    /// Measure how fast things are (figures, not tests).
    #[command(subcommand)]
    Bench(BenchCommand),
}

#[derive(Subcommand)]
pub enum PartnersCommand {
    /// Search and list partners.
    List {
        #[command(flatten)]
        filter: Filter,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        #[arg(long)]
        json: bool,
    },
    /// Show one partner, by id, email or code.
    Show {
        partner: String,
        #[arg(long)]
        json: bool,
    },
    /// Add a partner (--name and --email are required).
    Add {
        #[command(flatten)]
        fields: PartnerFields,
        #[arg(long)]
        json: bool,
    },
    /// Change a partner's fields; list options (--tag, --referral-code…) replace the list.
    Update {
        partner: String,
        #[command(flatten)]
        fields: PartnerFields,
        /// Why the status changed (kept in the timeline).
        #[arg(long, default_value = "")]
        reason: String,
        #[arg(long)]
        json: bool,
    },
    /// Add a note to a partner's timeline.
    Note { partner: String, text: String },
    /// A partner's timeline, newest first.
    Timeline {
        partner: String,
        #[arg(long)]
        json: bool,
    },
    /// Import partners from CSV (all or nothing).
    Import {
        file: PathBuf,
        /// Map a column to a field: "E-mail=email", "Shirt=custom:shirt", "Notes=ignore".
        #[arg(long = "map", value_name = "HEADER=FIELD")]
        map: Vec<String>,
        #[arg(long, value_enum, default_value_t = OnExistingArg::Update)]
        on_existing: OnExistingArg,
        /// Check the whole file and report what would happen, writing nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Export partners to CSV (re-importable).
    Export {
        /// Where to write; standard output when left out.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Write TINs whole (masked "***-**-6789" otherwise), e.g. to move
        /// partners to another book.
        #[arg(long)]
        full_tins: bool,
        #[command(flatten)]
        filter: Filter,
    },
}

#[derive(Args)]
pub struct Filter {
    /// Search text: every word must start a word in name, email, company, website, codes or tags.
    #[arg(long, short = 's', default_value = "")]
    pub search: String,
    #[arg(long)]
    pub status: Vec<String>,
    #[arg(long)]
    pub group: Option<String>,
    #[arg(long)]
    pub tag: Option<String>,
    #[arg(long)]
    pub country: Option<String>,
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    #[arg(long)]
    pub desc: bool,
    /// Only partners whose sales of all time reach AMOUNT (program currency).
    #[arg(long, value_name = "AMOUNT")]
    pub min_revenue: Option<String>,
    /// Only partners with approved commission not yet in a run.
    #[arg(long)]
    pub balance_due: bool,
    /// Only partners with no sale in the last N calendar months (this one included).
    #[arg(long, value_name = "N")]
    pub idle_months: Option<u32>,
    /// Only partners whose refunds are at least PERCENT of their sales.
    #[arg(long, value_name = "PERCENT")]
    pub min_refund_percent: Option<u32>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SortArg {
    Relevance,
    Name,
    Created,
    Updated,
    Country,
    Status,
    /// Sales of all time, in the program's currency.
    Revenue,
    /// Commission of all time, in the program's currency.
    Commission,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OnExistingArg {
    Update,
    Skip,
    Error,
}

/// Every settable partner field; on update, only the given ones change.
#[derive(Args, Default)]
pub struct PartnerFields {
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub first_name: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub company: Option<String>,
    /// Postal address; "\n" or a real newline separates lines.
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long)]
    pub website: Option<String>,
    #[arg(long = "social")]
    pub social_profiles: Vec<String>,
    #[arg(long)]
    pub country: Option<String>,
    #[arg(long)]
    pub language: Option<String>,
    /// applicant, active, paused, rejected or terminated.
    #[arg(long)]
    pub status: Option<String>,
    /// Group name; created when new. "" removes the group.
    #[arg(long)]
    pub group: Option<String>,
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// A custom field, KEY=VALUE.
    #[arg(long = "custom", value_name = "KEY=VALUE")]
    pub custom: Vec<String>,
    /// Parent partner (id, email or code); "" removes it.
    #[arg(long)]
    pub parent: Option<String>,
    #[arg(long = "referral-code")]
    pub referral_codes: Vec<String>,
    #[arg(long = "coupon-code")]
    pub coupon_codes: Vec<String>,
    #[arg(long = "link-id")]
    pub link_ids: Vec<String>,
    /// none, paypal, wise, iban or other.
    #[arg(long)]
    pub payout_method: Option<String>,
    #[arg(long)]
    pub payout_email: Option<String>,
    #[arg(long)]
    pub iban: Option<String>,
    #[arg(long)]
    pub bic: Option<String>,
    #[arg(long)]
    pub payout_other: Option<String>,
    #[arg(long)]
    pub payout_currency: Option<String>,
    /// none, w9, w8ben or vat.
    #[arg(long)]
    pub tax_status: Option<String>,
    #[arg(long)]
    pub tax_form_expires: Option<String>,
    #[arg(long)]
    pub vat_id: Option<String>,
    /// The TIN on the W-9 (SSN 123-45-6789 or EIN 12-3456789) or W-8BEN.
    #[arg(long)]
    pub tin: Option<String>,
    #[arg(long)]
    pub terms_version: Option<String>,
}

#[derive(Subcommand)]
pub enum GroupsCommand {
    List {
        #[arg(long)]
        json: bool,
    },
    Add {
        name: String,
        #[arg(long, default_value = "")]
        description: String,
    },
}

#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
pub enum SettingsCommand {
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Change settings; only the given ones change.
    Set {
        #[arg(long)]
        program_name: Option<String>,
        #[arg(long)]
        business_name: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        tax_id: Option<String>,
        #[arg(long)]
        base_currency: Option<String>,
        /// half-up or half-even.
        #[arg(long)]
        rounding: Option<String>,
        #[arg(long)]
        hold_days: Option<u32>,
        /// An amount in the base currency, e.g. 50.00.
        #[arg(long)]
        minimum_payout: Option<String>,
        #[arg(long)]
        cookie_window_days: Option<u32>,
        /// first-touch or last-touch.
        #[arg(long)]
        attribution: Option<String>,
        /// The shop's prices include tax: Shopify's Subtotal is taken
        /// without it for commissions and refunds.
        #[arg(long, value_name = "true|false")]
        prices_include_tax: Option<bool>,
        /// Where the business is established: a two-letter code (DE).
        #[arg(long)]
        country: Option<String>,
        /// Statements become EU self-billing invoices, numbered at approval.
        #[arg(long, value_name = "true|false")]
        self_billing: Option<bool>,
    },
    /// The US 1099-NEC threshold for payments made in YEAR (later years
    /// without their own take it too): an amount in CURRENCY (default USD).
    TaxThreshold {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        amount: String,
        #[arg(long, default_value = "USD")]
        currency: String,
    },
    /// The logo on statements: a PNG or JPEG file, or --clear.
    Logo {
        #[arg(required_unless_present = "clear")]
        file: Option<std::path::PathBuf>,
        #[arg(long, conflicts_with = "file")]
        clear: bool,
    },
}

#[derive(Subcommand)]
pub enum BackupCommand {
    /// The book's backups, newest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Back the book up now.
    Create,
    /// Put a backup's content in the book (the book as it is is backed up first).
    Restore { file: PathBuf },
}

#[derive(Subcommand)]
pub enum ImportCommand {
    /// Import conversions; --preset reads Stripe, Shopify, PayPal or PartnerStack exports as they are.
    Conversions {
        file: PathBuf,
        /// The export's layout; without it the file's columns choose (see --inspect).
        #[arg(long, value_enum)]
        preset: Option<PresetArg>,
        /// A first look, writing nothing: which layout fits, how its columns
        /// would be read, then what an import would record and skip.
        #[arg(long)]
        inspect: bool,
        /// Read a column as a field: "ref=referral_code", "Order=external_id".
        #[arg(long = "map", value_name = "COLUMN=FIELD")]
        map: Vec<String>,
        /// What external ids are unique within (the preset's name by default).
        #[arg(long)]
        source: Option<String>,
        /// Dates like 31/01/2024 (PayPal outside the US). Without this or
        /// --month-first the file's dates decide, when a day above 12 says.
        #[arg(long, conflicts_with = "month_first")]
        day_first: bool,
        /// Dates like 01/31/2024 (PayPal in the US).
        #[arg(long)]
        month_first: bool,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum PresetArg {
    Generic,
    Stripe,
    Shopify,
    Paypal,
    Partnerstack,
}

#[derive(Subcommand)]
pub enum ConversionsCommand {
    List {
        /// Only this partner's (id, email or code).
        #[arg(long)]
        partner: Option<String>,
        /// Only those nobody could be credited with.
        #[arg(long)]
        unattributed: bool,
        /// Only those whose commission waits for something (a plan, an FX rate).
        #[arg(long)]
        held: bool,
        #[arg(long)]
        kind: Vec<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum PlansCommand {
    List {
        #[arg(long)]
        json: bool,
    },
    Show {
        plan: String,
        #[arg(long)]
        json: bool,
    },
    /// Import a plan file (JSON); versions are added, unused ones replaced.
    Import { file: PathBuf },
    /// Write a plan as a JSON file (standard output when --out is left out).
    Export {
        plan: String,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Put a partner on a plan of their own, or back on their group's (--plan none).
    Assign {
        #[arg(long)]
        partner: String,
        #[arg(long)]
        plan: String,
    },
    /// The plan for partners with none of their own or from their group
    /// ("none": their sales are held until a plan applies).
    Default { plan: String },
}

#[derive(Subcommand)]
pub enum CommissionsCommand {
    List {
        #[arg(long)]
        partner: Option<String>,
        /// pending, approved, in_payout, paid, declined or reversed.
        #[arg(long)]
        state: Vec<String>,
        /// Only lines held for a reason (no plan applies yet, a missing FX rate).
        #[arg(long)]
        held: bool,
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Say in a sentence how a commission was computed.
    Explain { id: i64 },
    /// Compute commissions for conversions not yet dealt with (after new FX rates or plans).
    Compute {
        #[arg(long)]
        json: bool,
    },
    /// Approve pending commissions whose hold period has ended.
    ApproveDue {
        /// The day to approve as of (today by default).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
    },
    Decline {
        id: i64,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Subcommand)]
pub enum FxCommand {
    /// Import rates: the ECB reference-rate CSV, or day,base,quote,rate[,source].
    Import {
        file: PathBuf,
        /// Read, count and compute, then write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}
