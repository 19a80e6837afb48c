//! The outbox's error: those of the book, partners and payouts, passed on.

pub use partnerbook_book::ErrorExt;
use partnerbook_partners::PartnerError;
use partnerbook_payouts::PayoutError;

partnerbook_book::crate_error!(OutboxError { Partners(PartnerError), Payouts(PayoutError) });
