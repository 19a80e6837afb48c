//! The ledger's integration tests, as one test binary.

mod bounds;
mod commission_proptests;
mod commissions;
mod conversion_import;
mod conversions;
mod event_orders;
mod fuzz;
mod fx;
mod no_plan;
mod partnerstack_files;
mod paypal_activity;
mod periods;
mod plans;
mod shopify_basis;
mod states;
mod stripe_2026;
mod support;
mod totals;
mod whatif;
