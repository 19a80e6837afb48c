//! Long work (imports, demo books, later runs and mail) reports progress and
//! can be cancelled. The CLI shows a bar, the app a bar fed by a channel;
//! tests use `Quiet`. Cancelling makes the work return `BookError::Cancelled`
//! before its transaction commits, so nothing is half-done.

use crate::error::{BookError, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One progress report, as sent to the app's progress bar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JobProgress {
    pub step: String,
    pub done: u64,
    pub total: u64,
}

pub trait Progress: Sync {
    /// `done` of `total` units of the named step; `total` 0 means not known yet.
    fn update(&self, step: &str, done: u64, total: u64);
    fn is_cancelled(&self) -> bool;

    fn check(&self) -> Result<()> {
        if self.is_cancelled() {
            Err(BookError::Cancelled)
        } else {
            Ok(())
        }
    }
}

/// No output, never cancelled.
pub struct Quiet;

impl Progress for Quiet {
    fn update(&self, _: &str, _: u64, _: u64) {}
    fn is_cancelled(&self) -> bool {
        false
    }
}
