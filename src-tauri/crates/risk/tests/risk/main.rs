//! The risk crate's integration tests, as one test binary.

mod checks;
mod holds;
mod support;
