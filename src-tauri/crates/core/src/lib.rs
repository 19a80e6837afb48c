//! Partnerbook's core: everything the app does, as plain Rust functions over
//! a `Book` (one SQLite file). The desktop shell, the CLI and the tests all
//! call these the same way; nothing here knows about windows or HTTP.

#[macro_use]
mod text_enum;

pub mod applications;
pub mod assets;
pub mod audit;
pub mod book;
pub mod commissions;
pub mod conversions;
pub mod demo;
pub mod error;
pub mod fx;
pub mod groups;
pub mod logo;
pub mod mail;
pub mod money;
pub mod onboarding;
pub mod partners;
pub mod payouts;
pub mod pdf;
pub mod plans;
pub mod progress;
pub mod recent;
pub mod reports;
pub mod settings;
pub mod statements;
pub mod tags;
mod time;

pub use book::Book;
pub use error::{CoreError, Result};
