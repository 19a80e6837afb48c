//! The documents crate's integration tests, as one test binary.

mod logo;
mod reports;
mod statements;
