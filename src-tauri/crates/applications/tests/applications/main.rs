//! The applications crate's integration tests, as one test binary.

mod applications;
