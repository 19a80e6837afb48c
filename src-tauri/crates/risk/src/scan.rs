//! A scan: every check that is on, over the whole book or the rows an
//! import just added, its findings stored as flags in one transaction.

use crate::checks::{self, is_on, Scope};
use crate::error::Result;
use crate::model::{Action, Check};
use crate::settings;
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::progress::Progress;
use partnerbook_book::time::now;
use partnerbook_book::Book;
use rusqlite::{params, Connection};
use serde::Serialize;
use std::collections::HashSet;
use ts_rs::TS;

#[derive(Clone, Debug, Default, PartialEq, Serialize, TS)]
#[ts(export, rename = "RiskScanReport")]
pub struct ScanReport {
    /// Only conversions after this id were looked at; None: the whole book.
    pub since: Option<i64>,
    /// New flags, per check (checks with none left out).
    pub raised: Vec<CheckCount>,
    /// Of the new flags, those that hold commissions.
    pub holding: u64,
    /// Open flags closed because what they said no longer holds (an
    /// account no longer shared).
    pub closed: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[ts(export, rename = "RiskCheckCount")]
pub struct CheckCount {
    pub check: Check,
    pub count: u64,
}

impl ScanReport {
    pub fn total(&self) -> u64 {
        self.raised.iter().map(|c| c.count).sum()
    }
}

/// The highest conversion id in the book: scan after an import from here.
pub fn watermark(book: &Book) -> Result<i64> {
    Ok(book
        .conn()
        .query_row("SELECT coalesce(max(id), 0) FROM conversions", [], |r| {
            r.get(0)
        })?)
}

/// Every check over the whole book.
pub fn scan(book: &mut Book, actor: Actor, progress: &dyn Progress) -> Result<ScanReport> {
    run(book, None, actor, progress)
}

/// The checks over the conversions added after `since` (see `watermark`),
/// and the months, days and customers they touch.
pub fn scan_since(
    book: &mut Book,
    since: i64,
    actor: Actor,
    progress: &dyn Progress,
) -> Result<ScanReport> {
    run(book, Some(since), actor, progress)
}

fn run(
    book: &mut Book,
    since: Option<i64>,
    actor: Actor,
    progress: &dyn Progress,
) -> Result<ScanReport> {
    let tx = book.transaction()?;
    let report = scan_in(&tx, since, actor, progress)?;
    tx.commit()?;
    Ok(report)
}

/// A scan in the caller's transaction (the demo book's, for one): the
/// whole book, or the conversions after `since`.
pub fn scan_in(
    tx: &Connection,
    since: Option<i64>,
    actor: Actor,
    progress: &dyn Progress,
) -> Result<ScanReport> {
    let scope = Scope::new(tx, since)?;
    let actions: Vec<(Check, Action)> = settings::get(tx)?
        .into_iter()
        .map(|s| (s.check, s.action))
        .collect();
    let action = |c: Check| {
        actions
            .iter()
            .find(|(k, _)| *k == c)
            .map_or(c.default_action(), |(_, a)| *a)
    };
    let steps = 6;
    let mut done = 0;
    let found = checks::run(tx, scope.clone(), &|c| is_on(action(c)), &mut |step| {
        progress.update(step, done, steps);
        done += 1;
    })?;
    progress.check()?;
    progress.update("saving flags", steps - 1, steps);
    let mut report = ScanReport {
        since: scope.since,
        ..ScanReport::default()
    };
    let stamp = now();
    {
        let mut insert = tx.prepare_cached(
            "INSERT INTO risk_flags (check_name, severity, partner_id, conversion_id, subject, evidence, hold, flagged_on, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (check_name, partner_id, subject) DO NOTHING",
        )?;
        for f in &found {
            let hold = action(f.check) == Action::Hold;
            let evidence: String = f.evidence.chars().take(2000).collect();
            let added = insert.execute(params![
                f.check.as_str(),
                f.check.severity().as_str(),
                f.partner_id,
                f.conversion_id,
                f.subject,
                evidence,
                hold,
                f.flagged_on,
                stamp
            ])?;
            if added == 0 {
                continue;
            }
            match report.raised.iter_mut().find(|c| c.check == f.check) {
                Some(c) => c.count += 1,
                None => report.raised.push(CheckCount {
                    check: f.check,
                    count: 1,
                }),
            }
            report.holding += u64::from(hold);
        }
    }
    report.raised.sort_by_key(|c| c.check);
    if is_on(action(Check::SharedPayoutAccount)) {
        // What this scan found shared is all that still is.
        let shared: HashSet<(i64, &str)> = found
            .iter()
            .filter(|f| f.check == Check::SharedPayoutAccount)
            .map(|f| (f.partner_id, f.subject.as_str()))
            .collect();
        report.closed = close_unshared(tx, &shared, &stamp)?;
    }
    if report.total() > 0 || report.closed > 0 {
        audit::record(
            tx,
            actor,
            "risk_flags",
            None,
            "scan",
            None,
            Some(&serde_json::to_value(&report).unwrap_or_default()),
        )?;
    }
    progress.update("done", steps, steps);
    Ok(report)
}

/// Open shared-account flags whose partner no longer shares that account.
fn close_unshared(conn: &Connection, shared: &HashSet<(i64, &str)>, stamp: &str) -> Result<u64> {
    let open: Vec<(i64, i64, String)> = conn
        .prepare("SELECT id, partner_id, subject FROM risk_flags WHERE check_name = ?1 AND status = 'open'")?
        .query_map([Check::SharedPayoutAccount.as_str()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut closed = 0;
    for (id, partner, subject) in open {
        if !shared.contains(&(partner, subject.as_str())) {
            conn.execute(
                "UPDATE risk_flags SET status = 'cleared', resolved_at = ?2,
                        reason = 'the account is no longer shared (found by a scan)' WHERE id = ?1",
                params![id, stamp],
            )?;
            closed += 1;
        }
    }
    Ok(closed)
}
