//! PDF statements: one per payout of an approved run, with the lines it
//! pays and how each was reached, adjustments, totals, the payout method
//! and the run's fingerprint. Real text in embedded fonts (any name, CJK
//! included), pages that flow with the table header repeated, and the same
//! bytes every time a statement is written again.
//!
//! A run's statements are read and rendered by one path (`render_each`),
//! whether they go to files (`write_run`) or to the outbox as email
//! attachments (`queue_statements`).

pub mod data;
mod layout;

pub use crate::pdf::{Fonts, Logo};
pub use data::{Letterhead, Statement, StatementAdjustment, StatementLine};

use crate::error::{DocumentError, ErrorExt, Result};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::files::write_atomically;
use partnerbook_book::progress::Progress;
use partnerbook_book::Book;
use partnerbook_outbox::messages::{exists, queue};
use partnerbook_outbox::placeholders::statement_values;
use partnerbook_outbox::templates::get_in as template;
use partnerbook_outbox::QueueReport;
use partnerbook_payouts::{paid_payout_ids, statement_head, RunStatus};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
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
    let run = partnerbook_payouts::get_run(book, run_id)?;
    if run.status != RunStatus::Approved {
        return Err(DocumentError::conflict(
            "run",
            format!(
                "run #{run_id} is {}: statements come after approval",
                run.status.as_str()
            ),
        ));
    }
    partnerbook_payouts::ensure_untampered(book.conn(), run_id)?;
    std::fs::create_dir_all(dir)
        .map_err(|e| DocumentError::io(format!("cannot create {}", dir.display()), e))?;
    partnerbook_book::files::remove_stale_partials(dir);
    let ids = paid_payout_ids(book.conn(), run_id)?;
    progress.update("Reading statements", 0, ids.len() as u64);
    let statements = ids
        .iter()
        .map(|id| data::read(book.conn(), *id))
        .collect::<Result<Vec<_>>>()?;
    let logo = logo(book.conn())?;
    let bytes = AtomicU64::new(0);
    render_each(
        &statements,
        logo.as_ref(),
        "Writing statements",
        progress,
        |_, s, pdf| {
            write_atomically(&dir.join(file_name(s)), &pdf)?;
            bytes.fetch_add(pdf.len() as u64, Ordering::Relaxed);
            Ok(())
        },
    )?;
    // The run's month-end checklist shows when and where they were written.
    audit::record(
        book.conn(),
        Actor::User,
        "payout_run",
        Some(run_id),
        "statements_written",
        None,
        Some(&serde_json::json!({ "dir": dir.to_string_lossy(), "files": statements.len() })),
    )?;
    Ok(StatementsReport {
        run_id,
        dir: dir.to_string_lossy().into_owned(),
        files: statements.len() as u32,
        bytes: bytes.into_inner(),
        paths: statements
            .iter()
            .map(|s| dir.join(file_name(s)).to_string_lossy().into_owned())
            .collect(),
    })
}

/// Queues one email per paid payout of approved run `run_id`, each with its
/// PDF statement attached. Queueing the run again adds nothing.
pub fn queue_statements(
    book: &mut Book,
    run_id: i64,
    progress: &dyn Progress,
) -> Result<QueueReport> {
    let run = partnerbook_payouts::get_run(book, run_id)?;
    if run.status != RunStatus::Approved {
        return Err(DocumentError::conflict(
            "run",
            format!("run #{run_id} is not approved: no statements to send yet"),
        ));
    }
    partnerbook_payouts::ensure_untampered(book.conn(), run_id)?;
    let logo = logo(book.conn())?;
    let tx = book.transaction()?;
    let template = template(&tx, "statement")?;
    let mut report = QueueReport {
        queued: 0,
        already: 0,
    };
    let mut statements = Vec::new();
    let mut values = Vec::new();
    for id in paid_payout_ids(&tx, run_id)? {
        if exists(&tx, &statement_key(id))? {
            report.already += 1;
            continue;
        }
        let head = statement_head(&tx, id)?;
        values.push(statement_values(&tx, &head)?);
        statements.push(data::from_head(&tx, head)?);
    }
    let pdfs = Mutex::new(vec![Vec::new(); statements.len()]);
    render_each(
        &statements,
        logo.as_ref(),
        "Rendering statements",
        progress,
        |i, _, pdf| {
            pdfs.lock().unwrap_or_else(|p| p.into_inner())[i] = pdf;
            Ok(())
        },
    )?;
    let pdfs = pdfs.into_inner().unwrap_or_else(|p| p.into_inner());
    let total = statements.len() as u64;
    for (i, ((s, values), pdf)) in statements.iter().zip(&values).zip(&pdfs).enumerate() {
        progress.update("Queueing statements", i as u64, total);
        progress.check()?;
        queue(
            &tx,
            &statement_key(s.payout_id),
            Some(s.partner_id),
            &template,
            (&s.partner_email, &s.partner_name),
            values,
            Some((&file_name(s), pdf)),
        )?;
        report.queued += 1;
    }
    audit::record(
        &tx,
        Actor::User,
        "outbox",
        None,
        "queue_statements",
        None,
        Some(
            &serde_json::json!({ "run": run_id, "queued": report.queued, "already": report.already }),
        ),
    )?;
    tx.commit()?;
    progress.update("Queueing statements", total, total);
    Ok(report)
}

/// The outbox key of a payout's statement email: queued once.
fn statement_key(payout_id: i64) -> String {
    format!("statement:{payout_id}")
}

/// Renders `statements` (with the program's `logo`) on all cores and hands each PDF to `sink` with its
/// index and statement, reporting `step` as progress; cancelling stops
/// between statements.
fn render_each(
    statements: &[Statement],
    logo: Option<&Logo>,
    step: &str,
    progress: &dyn Progress,
    sink: impl Fn(usize, &Statement, Vec<u8>) -> Result<()> + Sync,
) -> Result<()> {
    let total = statements.len() as u64;
    progress.update("Loading fonts", 0, total);
    let fonts = Fonts::load()?;
    let done = AtomicU64::new(0);
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let chunk = statements.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| -> Result<()> {
        let workers: Vec<_> = statements
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                let (fonts, done, sink) = (&fonts, &done, &sink);
                scope.spawn(move || -> Result<()> {
                    for (k, s) in part.iter().enumerate() {
                        progress.check()?;
                        sink(c * chunk + k, s, render(s, fonts, logo))?;
                        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                        progress.update(step, n, total);
                    }
                    Ok(())
                })
            })
            .collect();
        for w in workers {
            w.join().map_err(|_| {
                DocumentError::invalid("statements", "a statement writer stopped")
            })??;
        }
        Ok(())
    })
}
