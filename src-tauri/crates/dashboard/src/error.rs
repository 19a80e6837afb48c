//! The dashboard's error: those of the book, the partners and the payouts
//! it asks, passed on.

pub use partnerbook_book::ErrorExt;
use partnerbook_partners::PartnerError;
use partnerbook_payouts::PayoutError;

partnerbook_book::crate_error!(DashboardError { Partners(PartnerError), Payouts(PayoutError) });
