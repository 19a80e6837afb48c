//! Reading a provider's result file back: which payouts went through and
//! which failed. Any CSV with a status column works (PayPal's payouts
//! report, Wise's batch export, a bank's return list, our own generic
//! file with a status added), and so does a bank's pain.002 status report
//! on a SEPA file (`pain002`): each row is matched by the payout token we
//! wrote ("PB3-1042") in any column, or else by the recipient's account.
//! A row naming no payout of the run (a fee, a deposit, another run's
//! payout) is skipped and counted; a row we cannot read stops the import with
//! its line, and nothing is recorded then. UNCLAIMED (PayPal holds the
//! money until the recipient accepts it) leaves the payout pending, marked
//! unclaimed since the row's date: failing it would pay the partner twice.

use super::settle::{pending_payouts, settle_failed, settle_paid, settle_unclaimed, Pending};
use crate::error::{ErrorExt, PayoutError, Result};
use crate::model::{parse_token, payout_token};
use partnerbook_book::audit::Actor;
use partnerbook_book::Book;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use ts_rs::TS;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReconcileReport {
    pub paid: u32,
    pub failed: u32,
    /// Rows about payouts already settled the same way, or still in progress.
    pub unchanged: u32,
    /// Payouts the provider holds until the recipient accepts them: pending.
    pub unclaimed: u32,
    /// Rows about no payout of this run (fees, deposits, other runs).
    pub skipped: u32,
    /// Read and counted only: nothing was recorded.
    pub dry_run: bool,
}

const PAID: &[&str] = &[
    "paid",
    "completed",
    "complete",
    "success",
    "succeeded",
    "sent",
    "processed",
    "settled",
    // Wise's transfer states (API "Transfer status"), as its exports write them.
    "outgoing_payment_sent",
];
const FAILED: &[&str] = &[
    "failed",
    "failure",
    "returned",
    "denied",
    "blocked",
    "refunded",
    "reversed",
    "rejected",
    "cancelled",
    "canceled",
    "bounced",
    "funds_refunded",
    "bounced_back",
    "charged_back",
];
const UNCLAIMED: &[&str] = &["unclaimed"];
const DATE_HEADERS: &[&str] = &["date", "time", "created", "completed"];
const IN_PROGRESS: &[&str] = &[
    "pending",
    "processing",
    "onhold",
    "on hold",
    "in progress",
    "queued",
    "incoming_payment_waiting",
    "incoming_payment_initiated",
    "funds_converted",
    "waiting_recipient_input_to_proceed",
];
const REFERENCE_HEADERS: &[&str] = &[
    "transaction id",
    "transaction_id",
    "provider_reference",
    "reference",
    "id",
];
const REASON_HEADERS: &[&str] = &[
    "reason",
    "failure reason",
    "failure_reason",
    "error",
    "errors",
    "message",
];

pub fn reconcile(
    book: &mut Book,
    run_id: i64,
    path: &Path,
    actor: Actor,
) -> Result<ReconcileReport> {
    reconcile_with(book, run_id, path, false, actor)
}

/// `reconcile`; with `dry_run`, every row is read and counted the same way
/// and nothing is recorded (the transaction is rolled back).
pub fn reconcile_with(
    book: &mut Book,
    run_id: i64,
    path: &Path,
    dry_run: bool,
    actor: Actor,
) -> Result<ReconcileReport> {
    let file = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| PayoutError::io(format!("cannot read {file}"), e))?;
    // A bank's pain.002 status report becomes the rows any result file has.
    let bytes = if crate::pain002::is_pain002(&bytes) {
        let mut w = csv::Writer::from_writer(Vec::new());
        let failed = |e: csv::Error| {
            PayoutError::io(
                "cannot read the status report",
                std::io::Error::other(e.to_string()),
            )
        };
        w.write_record(["reference", "status", "reason"])
            .map_err(failed)?;
        for row in crate::pain002::read(&file, &bytes)? {
            w.write_record([row.reference.as_str(), row.status, row.reason.as_str()])
                .map_err(failed)?;
        }
        w.into_inner()
            .map_err(|e| PayoutError::io("cannot read the status report", e.into_error()))?
    } else {
        bytes
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(bytes.as_slice());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| bad(&file, 1, "header", &e.to_string()))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let find = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
    let status_col = headers
        .iter()
        .position(|h| h.contains("status"))
        .ok_or_else(|| bad(&file, 1, "status", "the file has no status column"))?;
    let reference_col = find(REFERENCE_HEADERS);
    let reason_col = find(REASON_HEADERS);
    let date_col = headers
        .iter()
        .position(|h| DATE_HEADERS.iter().any(|d| h.contains(d)));

    let tx = book.transaction()?;
    let mut pending: HashMap<i64, Pending> = pending_payouts(&tx, run_id, None)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut settled: HashMap<i64, String> = tx
        .prepare(
            "SELECT id, status FROM payouts WHERE run_id = ?1 AND status IN ('paid', 'failed')",
        )?
        .query_map([run_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let by_account: HashMap<String, i64> = tx
        .prepare(
            "SELECT lower(account), id FROM payouts WHERE run_id = ?1 AND pay_minor IS NOT NULL",
        )?
        .query_map(params![run_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut report = ReconcileReport::default();
    for (i, record) in reader.records().enumerate() {
        let line = i as u64 + 2;
        let record = record.map_err(|e| bad(&file, line, "row", &e.to_string()))?;
        let token = record
            .iter()
            .filter_map(parse_token)
            .find(|(run, _)| *run == run_id)
            .map(|(_, id)| id);
        let Some(payout) = token.or_else(|| {
            record
                .iter()
                .find_map(|v| by_account.get(&v.trim().to_lowercase()).copied())
        }) else {
            report.skipped += 1;
            continue;
        };
        let status = record.get(status_col).unwrap_or("").trim().to_lowercase();
        let outcome = if PAID.contains(&status.as_str()) {
            "paid"
        } else if FAILED.contains(&status.as_str()) {
            "failed"
        } else if IN_PROGRESS.contains(&status.as_str()) {
            report.unchanged += 1;
            continue;
        } else if UNCLAIMED.contains(&status.as_str()) {
            match pending.get(&payout) {
                Some(p) => {
                    let since = date_col
                        .and_then(|c| record.get(c))
                        .and_then(day_of)
                        .unwrap_or_else(|| partnerbook_book::time::today().to_string());
                    settle_unclaimed(&tx, run_id, p, &since, actor)?;
                    report.unclaimed += 1;
                }
                None => report.unchanged += 1,
            }
            continue;
        } else {
            return Err(bad(
                &file,
                line,
                &headers[status_col],
                &format!(
                    "\"{status}\" is not a status we know (paid: {}; failed: {}; still with the provider: {})",
                    PAID.join(", "),
                    FAILED.join(", "),
                    UNCLAIMED.join(", ")
                ),
            ));
        };
        let reference = reference_col
            .and_then(|c| record.get(c))
            .map(str::trim)
            .filter(|r| !r.is_empty() && parse_token(r).is_none());
        match (pending.remove(&payout), settled.get(&payout).cloned()) {
            (Some(p), _) if outcome == "paid" => {
                settle_paid(
                    &tx,
                    run_id,
                    &p,
                    reference.unwrap_or(&format!("result file {file}")),
                    actor,
                )?;
                settled.insert(payout, outcome.to_string());
                report.paid += 1;
            }
            (Some(p), _) => {
                let reason = reason_col
                    .and_then(|c| record.get(c))
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("reported {status} by the provider"));
                settle_failed(&tx, run_id, &p, &reason, reference, actor)?;
                settled.insert(payout, outcome.to_string());
                report.failed += 1;
            }
            (None, Some(was)) if was == outcome => report.unchanged += 1,
            (None, Some(was)) => {
                return Err(bad(
                    &file,
                    line,
                    &headers[status_col],
                    &format!(
                        "payout {} was already recorded as {was}",
                        payout_token(run_id, payout)
                    ),
                ));
            }
            (None, None) => {
                return Err(bad(
                    &file,
                    line,
                    "reference",
                    &format!(
                        "payout {} is not waiting for payment in run #{run_id}",
                        payout_token(run_id, payout)
                    ),
                ));
            }
        }
    }
    if report.skipped > 0 && report.paid + report.failed + report.unchanged + report.unclaimed == 0
    {
        return Err(bad(
            &file,
            2,
            "reference",
            &format!("no row names a payout of run #{run_id} (by its PB{run_id}-… reference or the recipient's account): is it this run's result file?"),
        ));
    }
    report.dry_run = dry_run;
    if !dry_run {
        tx.commit()?;
    }
    Ok(report)
}

/// The day of a date cell as providers write it ("2026-11-03", "2026-11-03
/// 10:12:00", "2026-11-03T10:12:00Z"); None for anything else.
fn day_of(text: &str) -> Option<String> {
    let day = text.trim().get(..10)?;
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .map(|d| d.to_string())
}

fn bad(file: &str, line: u64, column: &str, reason: &str) -> PayoutError {
    PayoutError::bad_row(
        file.to_string(),
        line,
        column.to_string(),
        reason.to_string(),
    )
}
