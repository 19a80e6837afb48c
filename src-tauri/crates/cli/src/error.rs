//! The CLI's error: bad usage (exit 2) or a failure with a one-line reason (exit 1).

use partnerbook_core::health::HealthError;
use partnerbook_core::screened_import::ImportError;
use partnerbook_core::screened_sync::ScreenedSyncError;
use partnerbook_core::{
    ApplicationError, AssetError, BookError, Coded, DashboardError, DemoError, DocumentError,
    LedgerError, MailError, OutboxError, PartnerError, PayoutError, RiskError, SyncError,
};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Core(Box<dyn Coded>),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Core(_) | CliError::Io(_) => 1,
        }
    }
}

/// Every area's error becomes a `CliError` with `?`.
macro_rules! from_core {
    ($($error:ty),+) => {
        $(impl From<$error> for CliError {
            fn from(e: $error) -> Self {
                CliError::Core(Box::new(e))
            }
        })+
    };
}

from_core!(
    BookError,
    HealthError,
    PartnerError,
    LedgerError,
    PayoutError,
    OutboxError,
    MailError,
    DocumentError,
    AssetError,
    ApplicationError,
    RiskError,
    DashboardError,
    ImportError,
    ScreenedSyncError,
    SyncError,
    DemoError
);

pub type CliResult<T = ()> = Result<T, CliError>;
