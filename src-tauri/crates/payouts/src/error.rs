//! The payouts crate's error: those of the book, partners and the ledger,
//! passed on.

pub use partnerbook_book::ErrorExt;
use partnerbook_ledger::LedgerError;
use partnerbook_partners::PartnerError;

partnerbook_book::crate_error!(PayoutError { Partners(PartnerError), Ledger(LedgerError) });
