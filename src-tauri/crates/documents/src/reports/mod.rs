//! Reports for the manager. The program report (a month's sales, refunds,
//! commissions, payouts and top partners) comes first; dashboards and
//! KPIs per partner and group come with their own issue.

pub mod program;

pub use program::{ProgramReport, TopPartner};
