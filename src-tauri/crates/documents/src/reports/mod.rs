//! Reports for the manager. The program report (a month's sales, refunds,
//! commissions, payouts and top partners), and a run's transfers to make by
//! hand; dashboards and KPIs per partner and group come with their own issue.

pub mod by_hand;
pub mod month_end;
pub mod program;

pub use program::{ProgramReport, TopPartner};
