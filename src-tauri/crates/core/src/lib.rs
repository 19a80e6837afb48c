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

pub use partnerbook_ledger::{commissions, conversions, fx, import, plans, totals, LedgerError};

pub use partnerbook_payouts::{self as payouts, PayoutError};

pub use partnerbook_outbox::{self as outbox, OutboxError};

pub use partnerbook_mail::{self as mail, MailError};

pub use partnerbook_documents::{logo, pdf, reports, statements, DocumentError};

pub use partnerbook_assets::{self as assets, AssetError};

pub use partnerbook_applications::{self as applications, ApplicationError};

pub use partnerbook_risk::{self as risk, RiskError};

pub use partnerbook_dashboard::{self as dashboard, DashboardError};

pub use partnerbook_sync::{self as sync, SyncError};

pub use partnerbook_demo::{self as demo, DemoError};

/// A conversions import, then the risk checks on the rows it added: the
/// CLI's `import conversions` and the app's import both come here, so no
/// new sale reaches a payout run unchecked.
pub mod screened_import {
    use crate::import::{self, ConversionImportOptions, ConversionImportReport};
    use crate::progress::Progress;
    use crate::risk::{self, ScanReport};
    use crate::{audit::Actor, Book, LedgerError, RiskError};
    use serde::Serialize;
    use std::path::Path;

    partnerbook_book::crate_error!(ImportError { Ledger(LedgerError), Risk(RiskError) });

    #[derive(Clone, Debug, Serialize, ts_rs::TS)]
    #[ts(export)]
    pub struct ScreenedImport {
        #[serde(flatten)]
        #[ts(flatten)]
        pub import: ConversionImportReport,
        /// What the risk checks found in the new rows; None on a dry run.
        pub risk: Option<ScanReport>,
    }

    pub fn import(
        book: &mut Book,
        path: &Path,
        options: &ConversionImportOptions,
        progress: &dyn Progress,
    ) -> Result<ScreenedImport, ImportError> {
        let since = risk::watermark(book)?;
        let report = import::import(book, path, options, progress)?;
        let risk = if options.dry_run || report.recorded == 0 {
            None
        } else {
            Some(risk::scan_since(book, since, Actor::User, progress)?)
        };
        Ok(ScreenedImport {
            import: report,
            risk,
        })
    }
}

/// A sync, then the risk checks on the sales it brought in: the CLI's
/// `sync` and the app's "Sync now" both come here, as imports go through
/// `screened_import`.
pub mod screened_sync {
    use crate::progress::Progress;
    use crate::risk::{self, ScanReport};
    use crate::sync::{self, Keys, SyncOptions, SyncReport};
    use crate::{audit::Actor, Book, RiskError, SyncError};
    use serde::Serialize;

    partnerbook_book::crate_error!(ScreenedSyncError { Sync(SyncError), Risk(RiskError) });

    #[derive(Clone, Debug, Serialize, ts_rs::TS)]
    #[ts(export)]
    pub struct ScreenedSync {
        #[serde(flatten)]
        #[ts(flatten)]
        pub sync: SyncReport,
        /// What the risk checks found in the new sales; None on a dry run
        /// or when no sale came in.
        pub risk: Option<ScanReport>,
    }

    pub fn sync(
        book: &mut Book,
        connection: &str,
        keys: &Keys,
        options: &SyncOptions,
        progress: &dyn Progress,
    ) -> Result<ScreenedSync, ScreenedSyncError> {
        let since = risk::watermark(book)?;
        let report = sync::sync(book, connection, keys, options, progress)?;
        let added = report
            .resources
            .iter()
            .filter(|r| r.resource == Some(sync::Resource::Transactions))
            .map(|r| r.added)
            .sum::<u64>();
        let risk = if options.dry_run || added == 0 {
            None
        } else {
            Some(risk::scan_since(book, since, Actor::Sync, progress)?)
        };
        Ok(ScreenedSync { sync: report, risk })
    }
}

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

/// The whole book checked: the file, the rules it enforces on itself, the
/// approved runs and the stored files. The CLI's `check` and the app's
/// look at an opened book both read it here.
pub mod health {
    use crate::{AssetError, PayoutError};
    use serde::Serialize;

    partnerbook_book::crate_error!(HealthError { Assets(AssetError), Payouts(PayoutError) });

    #[derive(Clone, Debug, Serialize, ts_rs::TS)]
    #[ts(export)]
    pub struct Health {
        /// SQLite's integrity check: ["ok"] when the file is sound.
        pub integrity: Vec<String>,
        /// Everything else that failed, each in a sentence.
        pub problems: Vec<String>,
    }

    impl Health {
        pub fn ok(&self) -> bool {
            self.problems.is_empty() && self.integrity == ["ok"]
        }
    }

    pub fn check(book: &crate::Book) -> Result<Health, HealthError> {
        let integrity = book.integrity_check()?;
        let mut problems = book.rules_check()?;
        for name in crate::assets::store::damaged(book.conn())? {
            problems.push(format!(
                "the stored file {} no longer matches its hash",
                &name[..12.min(name.len())]
            ));
        }
        for run in crate::payouts::tampered_runs(book.conn())? {
            problems.push(format!(
                "payout run #{run} no longer matches its fingerprint: it was changed after approval"
            ));
        }
        Ok(Health {
            integrity,
            problems,
        })
    }
}
