//! Reports for the manager. The program report (a month's sales, refunds,
//! commissions, payouts and top partners), a run's transfers to make by
//! hand, and payouts by run and method; dashboards and KPIs per partner and
//! group come with their own issue.

pub mod by_hand;
pub mod month_end;
pub mod payouts_by_method;
pub mod program;
pub mod refunds;
pub mod table_pdf;

pub use program::{ProgramReport, TopPartner};
