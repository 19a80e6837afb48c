//! PDF statements: one per payout of an approved run, with the lines it
//! pays and how each was reached, adjustments, totals, the payout method
//! and the run's fingerprint. Real text in embedded fonts (any name, CJK
//! included), pages that flow with the table header repeated, and the same
//! bytes every time a statement is written again.

pub mod data;
mod layout;

pub use crate::pdf::{Fonts, Logo};
pub use data::{Letterhead, Statement, StatementAdjustment, StatementLine};

use crate::book::Book;
use crate::error::{CoreError, Result};
use crate::payouts::files::write_atomically;
use crate::payouts::RunStatus;
use crate::progress::Progress;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use ts_rs::TS;

/// What the statement of payout `payout_id` says.
pub fn statement(book: &Book, payout_id: i64) -> Result<Statement> {
    data::read(book.conn(), payout_id)
}

/// The PDF of one statement.
pub fn render(statement: &Statement, fonts: &Fonts, logo: Option<&Logo>) -> Vec<u8> {
    layout::render(statement, fonts, logo)
}

/// The program's logo, decoded once for a whole run of statements.
pub fn logo(conn: &rusqlite::Connection) -> Result<Option<Logo>> {
    crate::logo::png(conn)?
        .map(|png| Logo::decode(&png))
        .transpose()
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatementsReport {
    pub run_id: i64,
    pub dir: String,
    pub files: u32,
    pub bytes: u64,
    /// Every file written, in partner order.
    pub paths: Vec<String>,
}

/// The file name of a statement: its number and the partner, readable in
/// a folder listing ("R3-00042 Zoë Adams.pdf").
pub fn file_name(s: &Statement) -> String {
    let name: String = s
        .partner_name
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    format!("{} {}.pdf", s.number, name.trim())
}

/// Writes the statement of every paid line of approved run `run_id` into
/// `dir`, rendering on all cores, with progress; cancelling stops between
/// statements (each file is written whole or not at all).
pub fn write_run(
    book: &Book,
    run_id: i64,
    dir: &Path,
    progress: &dyn Progress,
) -> Result<StatementsReport> {
    let run = crate::payouts::get_run(book, run_id)?;
    if run.status != RunStatus::Approved {
        return Err(CoreError::conflict(
            "run",
            format!(
                "run #{run_id} is {}: statements come after approval",
                run.status.as_str()
            ),
        ));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| CoreError::io(format!("cannot create {}", dir.display()), e))?;
    let ids = crate::payouts::paid_payout_ids(book.conn(), run_id)?;
    let total = ids.len() as u64;
    progress.update("Reading statements", 0, total);
    let statements = ids
        .iter()
        .map(|id| data::read(book.conn(), *id))
        .collect::<Result<Vec<_>>>()?;
    progress.update("Loading fonts", 0, total);
    let fonts = Fonts::load()?;
    let logo = logo(book.conn())?;
    let done = AtomicU64::new(0);
    let bytes = AtomicU64::new(0);
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let chunk = statements.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| -> Result<()> {
        let workers: Vec<_> = statements
            .chunks(chunk)
            .map(|part| {
                let (fonts, logo, done, bytes) = (&fonts, logo.as_ref(), &done, &bytes);
                scope.spawn(move || -> Result<()> {
                    for s in part {
                        progress.check()?;
                        let pdf = render(s, fonts, logo);
                        write_atomically(&dir.join(file_name(s)), &pdf)?;
                        bytes.fetch_add(pdf.len() as u64, Ordering::Relaxed);
                        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                        progress.update("Writing statements", n, total);
                    }
                    Ok(())
                })
            })
            .collect();
        for w in workers {
            w.join()
                .map_err(|_| CoreError::invalid("statements", "a statement writer stopped"))??;
        }
        Ok(())
    })?;
    Ok(StatementsReport {
        run_id,
        dir: dir.to_string_lossy().into_owned(),
        files: total as u32,
        bytes: bytes.into_inner(),
        paths: statements
            .iter()
            .map(|s| dir.join(file_name(s)).to_string_lossy().into_owned())
            .collect(),
    })
}

#[cfg(test)]
mod tests;
