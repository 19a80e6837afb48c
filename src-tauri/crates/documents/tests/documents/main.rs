//! The documents crate's integration tests, as one test binary.

mod by_hand;
mod fonts;
mod logo;
mod month_end;
mod reports;
mod statements;
