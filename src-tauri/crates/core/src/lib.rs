//! Partnerbook's core as one API: the desktop shell and the CLI call every
//! area through these names. Each area is its own crate (see the README's
//! "How it is built"); this crate re-exports them, and says which build it
//! is (`about`).

pub use partnerbook_book::{
    audit, backup_path_for, backups, files, groups, known_schema_version, money, progress, recent,
    settings, suggest_path, tags, time, validate, Book, BookError, BookInfo, Coded, ErrorCode,
    ErrorExt, EXTENSION,
};

pub use partnerbook_partners::{self as partners, onboarding, PartnerError};

pub use partnerbook_ledger::{commissions, conversions, fx, import, plans, LedgerError};

pub use partnerbook_payouts::{self as payouts, PayoutError};

pub use partnerbook_outbox::{self as outbox, OutboxError};

pub use partnerbook_mail::{self as mail, MailError};

pub use partnerbook_documents::{logo, pdf, reports, statements, DocumentError};

pub use partnerbook_assets::{self as assets, AssetError};

pub use partnerbook_applications::{self as applications, ApplicationError};

pub use partnerbook_demo::{self as demo, DemoError};

/// What this build is: for `partnerbook --version` and the app's About box.
pub mod about {
    use serde::Serialize;

    /// "0.1.0 (commit 1a2b3c4d5e)".
    pub const VERSION: &str = concat!(
        env!("CARGO_PKG_VERSION"),
        " (commit ",
        env!("PARTNERBOOK_COMMIT"),
        ")"
    );

    #[derive(Clone, Debug, Serialize, ts_rs::TS)]
    #[ts(export)]
    pub struct About {
        pub version: String,
        pub commit: String,
        /// The newest book schema this build reads and writes.
        pub schema: i64,
    }

    pub fn about() -> About {
        About {
            version: env!("CARGO_PKG_VERSION").into(),
            commit: env!("PARTNERBOOK_COMMIT").into(),
            schema: partnerbook_book::known_schema_version(),
        }
    }
}
