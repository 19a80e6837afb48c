//! The sync crate's error: the book's, the partners' and the ledger's passed
//! on, and what the platform did wrong, naming the resource and the page.

pub use partnerbook_book::ErrorExt;
use partnerbook_book::{Coded, ErrorCode};
use partnerbook_ledger::LedgerError;
use partnerbook_partners::error::PartnerError;
use partnerbook_payouts::PayoutError;

partnerbook_book::crate_error!(SyncError {
    Partners(PartnerError),
    Ledger(LedgerError),
    Payouts(PayoutError),
    Remote(RemoteError),
});

/// A platform that could not be reached or answered wrongly. Messages name
/// the resource and page and never hold a key.
#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    #[error("{resource}, page {page}: {why}")]
    Unreachable {
        resource: String,
        page: u64,
        why: String,
    },
    /// 401 or 403: the keys are wrong, expired or lack a permission.
    #[error("{platform} refused the keys (HTTP {status}): {message}. Check the connection's keys in Settings > Connections")]
    Refused {
        platform: String,
        status: u16,
        message: String,
    },
    /// 404: the platform has no such list (a program without leads).
    #[error(
        "{resource}: the platform has no such list (HTTP 404); check the connection's base URL"
    )]
    Missing { resource: String },
    #[error("{resource}, page {page}: the platform's answer {why}; sync stopped here, what earlier pages brought in is kept")]
    BadAnswer {
        resource: String,
        page: u64,
        why: String,
    },
}

impl Coded for RemoteError {
    fn code(&self) -> ErrorCode {
        match self {
            RemoteError::Refused { .. } => ErrorCode::InvalidInput,
            _ => ErrorCode::Io,
        }
    }
    fn field(&self) -> Option<&str> {
        match self {
            RemoteError::Refused { .. } => Some("keys"),
            _ => None,
        }
    }
    fn reason(&self) -> String {
        self.to_string()
    }
}
