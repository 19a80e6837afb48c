//! The mail crate's error: those of the book, partners and the outbox,
//! passed on.

pub use partnerbook_book::ErrorExt;
use partnerbook_outbox::OutboxError;
use partnerbook_partners::PartnerError;

partnerbook_book::crate_error!(MailError { Partners(PartnerError), Outbox(OutboxError) });
