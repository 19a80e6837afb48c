//! Tauri commands, grouped by area. Each only adapts: decode the arguments,
//! call the core, map the error. Logic belongs in partnerbook-core.

pub mod applications;
pub mod assets;
pub mod book;
pub mod commissions;
pub mod conversions;
pub mod files;
pub mod home;
pub mod jobs;
pub mod mail;
pub mod partners;
pub mod payouts;
pub mod plans;
pub mod reports;
pub mod risk;
pub mod settings;
pub mod sync;
