//! Long work (imports, demo books, later runs and mail) reports progress and
//! can be cancelled. The CLI shows a bar, the app a bar fed by a channel;
//! tests use `Quiet`. Cancelling makes the work return `CoreError::Cancelled`
//! before its transaction commits, so nothing is half-done.

use crate::error::{CoreError, Result};

pub trait Progress: Sync {
    /// `done` of `total` units of the named step.
    fn update(&self, step: &str, done: u64, total: u64);
    fn is_cancelled(&self) -> bool;

    fn check(&self) -> Result<()> {
        if self.is_cancelled() {
            Err(CoreError::Cancelled)
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
