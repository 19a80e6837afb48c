//! The home screen's numbers, read from the `totals` table the ledger's
//! writes keep (migration 0020): a year of a 100,000-partner book is one
//! row per partner, not a million conversions.
//!
//! period → figures, charts, funnel → home; attention (apart: it computes a
//! run); partner_money (the partner list's columns, per page)

pub mod attention;
pub mod charts;
pub mod error;
pub mod figures;
pub mod funnel;
pub mod home;
pub mod partner_money;
pub mod period;
mod sums;

pub use attention::{attention, Attention, NextRun};
pub use charts::{GroupFigure, PartnerCharts, PartnerFigure, RefundRate, TopList, TrendPoint};
pub use error::{DashboardError, Result};
pub use figures::{Amounts, Count, KeyNumbers};
pub use funnel::Funnel;
pub use home::{home, Home, Setup};
pub use partner_money::{partner_money, PartnerMoney};
