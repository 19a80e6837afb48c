//! The risk crate's error: those of the book and the ledger, passed on.

pub use partnerbook_book::ErrorExt;
use partnerbook_ledger::LedgerError;

partnerbook_book::crate_error!(RiskError { Ledger(LedgerError) });
