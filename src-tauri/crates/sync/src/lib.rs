//! Sync with PartnerStack-style platforms. A connection (name, platform,
//! base URL; keys in the keychain) pulls the platform's groups, partners,
//! customers, transactions and rewards into the book, incrementally and
//! resumably; conflicts are listed, never silently overwritten; and the
//! platform's commissions can be set beside ours, month by month.
//!
//! remote (one shape for every platform) ← partnerstack (an adapter) →
//! http (polite) → run (pages, state) → apply (into the book) → compare

mod apply;
pub mod compare;
pub mod connections;
pub mod error;
pub mod http;
pub mod keys;
pub mod mark_paid;
pub mod partnerstack;
pub mod platform;
pub mod push;
mod read;
pub mod remote;
pub mod report;
pub mod rewardful;
pub mod run;
pub mod state;

pub use connections::{Connection, PlatformName};
pub use error::{RemoteError, Result, SyncError};
pub use keys::Keys;
pub use remote::Resource;
pub use report::{ResourceReport, ResourceStatus, SyncReport};
pub use run::{sync, SyncOptions};
