//! The documents crate's integration tests, as one test binary.

mod by_hand;
mod fonts;
mod logo;
mod month_end;
mod payouts_by_method;
mod performance;
mod refunds;
mod reports;
mod statements;
mod tax_year;
