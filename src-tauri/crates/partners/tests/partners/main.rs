//! The partners crate's integration tests, as one test binary.

mod checklist;
mod csv;
mod normalize;
mod partners;
mod search;
