//! Screening: every check on every application asked for, with the book's
//! partners, customers and the program's settings read once for the batch.

use super::checks::{self, Known};
use super::settings::{self, ScreeningSettings};
use super::store;
use crate::error::Result;
use partnerbook_book::progress::Progress;
use partnerbook_book::time::now;
use partnerbook_book::Book;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScreenReport {
    pub screened: u32,
    /// Applications with at least one red check.
    pub flagged: u32,
}

/// Screens `ids`, or every pending application when `ids` is empty.
pub fn screen(book: &mut Book, ids: &[i64], progress: &dyn Progress) -> Result<ScreenReport> {
    let tx = book.transaction()?;
    let ids = if ids.is_empty() {
        let mut stmt =
            tx.prepare("SELECT id FROM applications WHERE status = 'pending' ORDER BY id")?;
        let all = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        all
    } else {
        for id in ids {
            store::get(&tx, *id)?;
        }
        ids.to_vec()
    };
    let s = settings::get(&tx)?;
    let report = screen_in(&tx, &ids, &s, progress)?;
    tx.commit()?;
    Ok(report)
}

pub(super) fn screen_in(
    conn: &Connection,
    ids: &[i64],
    s: &ScreeningSettings,
    progress: &dyn Progress,
) -> Result<ScreenReport> {
    let known = Known::load(conn)?;
    let at = now();
    let total = ids.len() as u64;
    let mut report = ScreenReport {
        screened: 0,
        flagged: 0,
    };
    for (i, id) in ids.iter().enumerate() {
        if i % 250 == 0 {
            progress.update("Screening applications", i as u64, total);
            progress.check()?;
        }
        let a = store::get(conn, *id)?;
        let mut results = checks::run(&a, &known, s);
        let score = checks::score(&a, &mut results, s);
        if results
            .iter()
            .any(|c| c.severity == super::model::CheckSeverity::Red)
        {
            report.flagged += 1;
        }
        store::save_screening(conn, *id, score, &results, &at)?;
        report.screened += 1;
    }
    progress.update("Screening applications", total, total);
    Ok(report)
}
