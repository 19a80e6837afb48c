//! The ledger: conversions come in (recorded by hand or imported from
//! files), are attributed to partners, and the commission engine turns
//! them into commission lines under the program's plans, in any currency
//! through locked FX rates. Only this crate changes a commission's state.
//!
//! conversions → plans → fx → commissions → import (files in, then computed)

pub mod commissions;
pub mod conversions;
pub mod error;
pub mod fx;
pub mod import;
pub mod plans;
pub mod totals;

pub use error::{LedgerError, Result};
