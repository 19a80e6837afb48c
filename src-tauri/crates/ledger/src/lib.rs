//! The ledger: conversions come in (recorded by hand or imported from
//! files), are attributed to partners, and the commission engine turns
//! them into commission lines under the program's plans, in any currency
//! through locked FX rates. Only this crate changes a commission's state.
//!
//! conversions → plans → fx → commissions → import (files in, then computed)

/// SQL over a conversion `r` that follows a sale: what it takes back of
/// the sale. Refunds and chargebacks take money back; a chargeback's
/// reversal (a dispute won) brings it back, so it counts negative. One rule
/// for the engine, the month's tallies, the true-up and the what-if.
macro_rules! taken_back {
    () => {
        "CASE WHEN r.kind = 'chargeback_reversal' THEN -r.amount_minor ELSE r.amount_minor END"
    };
}

/// SQL: the conversion `r` follows a sale (a refund, a chargeback, or a
/// chargeback's reversal).
macro_rules! follows_a_sale {
    () => {
        "r.kind IN ('refund', 'chargeback', 'chargeback_reversal')"
    };
}

pub mod commissions;
pub mod conversions;
pub mod error;
pub mod fx;
pub mod import;
pub mod plans;
pub mod totals;

pub use error::{LedgerError, Result};
