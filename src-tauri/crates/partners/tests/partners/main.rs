//! The partners crate's integration tests, as one test binary.

mod checklist;
mod csv;
mod full_disk;
mod normalize;
mod partners;
mod search;
mod tin;
