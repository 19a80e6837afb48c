//! Risk checks: the sales and partners a manager should look at before
//! paying. Each check raises flags that say what they found in words (the
//! evidence); a flag either only asks for review or, when the check is set
//! to hold, keeps the commissions it covers from being approved or paid
//! until the manager clears it or declines them (see migration 0016 and
//! `partnerbook_book::not_held_by_risk!`).
//!
//! Checks run after every import on the new rows (`scan_since`), and on
//! demand over the whole book (`scan`). A flag is raised once: a second scan
//! finds it again by its subject, and a flag the manager cleared stays
//! cleared.

mod checks;
mod emails;
pub mod error;
pub mod flags;
pub mod model;
pub mod scan;
pub mod settings;

pub use error::{Result, RiskError};
pub use flags::{clear, decline, list, DeclineReport, FlagPage, FlagQuery};
pub use model::{Action, Check, Flag, FlagStatus, Severity};
pub use scan::{scan, scan_in, scan_since, watermark, ScanReport};
