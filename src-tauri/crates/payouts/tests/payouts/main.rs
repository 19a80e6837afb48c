//! The payouts crate's integration tests, as one test binary.

mod drafts;
mod eligibility;
mod files;
mod late_refunds;
mod onboarding;
mod proptests;
mod runs;
mod support;
mod tamper;
