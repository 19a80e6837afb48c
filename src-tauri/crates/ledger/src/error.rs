//! The ledger's error: those of the book and partners, passed on.

pub use partnerbook_book::ErrorExt;
use partnerbook_partners::PartnerError;

partnerbook_book::crate_error!(LedgerError { Partners(PartnerError) });
