//! The partners crate's error: the book's, passed on.

pub use partnerbook_book::ErrorExt;

partnerbook_book::crate_error!(PartnerError {});
