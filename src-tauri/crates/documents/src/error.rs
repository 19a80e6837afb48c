//! The documents crate's error: those of the book, partners, payouts and
//! the outbox, passed on.

pub use partnerbook_book::ErrorExt;
use partnerbook_outbox::OutboxError;
use partnerbook_partners::PartnerError;
use partnerbook_payouts::PayoutError;

partnerbook_book::crate_error!(DocumentError { Partners(PartnerError), Payouts(PayoutError), Outbox(OutboxError) });
