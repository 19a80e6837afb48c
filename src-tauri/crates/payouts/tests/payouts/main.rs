//! The payouts crate's integration tests, as one test binary.

mod eligibility;
mod files;
mod onboarding;
mod proptests;
mod runs;
mod support;
