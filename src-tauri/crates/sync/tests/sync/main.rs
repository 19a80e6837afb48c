//! Sync against a fake PartnerStack on 127.0.0.1 (testkit::fake_partnerstack).

mod answers;
mod incremental;
mod pull;
mod push;
mod rewardful;
mod support;
