//! Partnerbook's core as one API: the desktop shell and the CLI call every
//! area through these names. Each area is its own crate (see the README's
//! "How it is built"); this crate only re-exports them and adds nothing.

pub use partnerbook_book::{
    audit, backup_path_for, files, groups, known_schema_version, money, progress, recent, settings,
    suggest_path, tags, time, validate, Book, BookError, BookInfo, Coded, ErrorCode, ErrorExt,
    EXTENSION,
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
