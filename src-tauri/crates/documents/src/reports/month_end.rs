//! A payout run's month-end as a checklist and a timeline, read back from
//! the book whenever the run is opened: approved (fingerprint, backup),
//! payment files written (name, time, hash) and what is still to write,
//! statements written, statement emails queued, sent and failed, payouts
//! marked paid or failed.

use crate::error::Result;
use partnerbook_book::Book;
use partnerbook_outbox::messages::run_statement_counts;
use partnerbook_outbox::OutboxStatus;
use partnerbook_payouts::files::coverage::coverage;
use partnerbook_payouts::{get_run, RunStatus};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MonthEndStep {
    /// approve, files, statements, emails, paid.
    pub key: String,
    pub done: bool,
    /// What was done, or what is left: "3 of 7 files written; Wise not yet".
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RunEvent {
    /// RFC 3339.
    pub at: String,
    pub what: String,
    /// A file's SHA-256, when the event wrote one.
    pub sha256: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MonthEnd {
    pub run_id: i64,
    pub steps: Vec<MonthEndStep>,
    /// Oldest first.
    pub events: Vec<RunEvent>,
}

pub fn month_end(book: &Book, run_id: i64) -> Result<MonthEnd> {
    let conn = book.conn();
    let run = get_run(book, run_id)?;
    let mut events = vec![RunEvent {
        at: run.created_at.clone(),
        what: format!("Draft made: approved commissions due by {}", run.through),
        sha256: None,
    }];
    let approved = run.status == RunStatus::Approved;
    if let Some(at) = &run.approved_at {
        events.push(RunEvent {
            at: at.clone(),
            what: format!(
                "Approved and locked: {} partners paid {}; book backed up to {}",
                run.paid_count,
                run.total,
                run.backup_path.as_deref().unwrap_or("—")
            ),
            sha256: run.fingerprint.clone(),
        });
    }
    let mut steps = vec![MonthEndStep {
        key: "approve".into(),
        done: approved,
        detail: match run.status {
            RunStatus::Approved => format!("{} partners, {}", run.paid_count, run.total),
            RunStatus::Draft => "still a draft".into(),
            RunStatus::Discarded => "discarded".into(),
        },
    }];
    if !approved {
        return Ok(MonthEnd {
            run_id,
            steps,
            events,
        });
    }
    // Files: each export, and which formats are still to write.
    let mut stmt = conn.prepare(
        "SELECT created_at, format, path, sha256, payouts FROM payout_exports WHERE run_id = ?1 ORDER BY id",
    )?;
    let exports = stmt.query_map([run_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })?;
    for export in exports {
        let (at, format, path, sha256, payouts) = export?;
        events.push(RunEvent {
            at,
            what: format!(
                "Wrote the {format} file {path} ({})",
                plural(payouts as u64, "payout")
            ),
            sha256: Some(sha256),
        });
    }
    let groups = coverage(book, run_id)?;
    let missing: Vec<&str> = groups
        .iter()
        .filter(|g| g.written_at.is_none())
        .map(|g| g.format.label())
        .collect();
    steps.push(MonthEndStep {
        key: "files".into(),
        done: missing.is_empty(),
        detail: if missing.is_empty() {
            format!("every payment file written ({} groups)", groups.len())
        } else {
            format!("not written yet: {}", missing.join(", "))
        },
    });
    // Statements and their emails, from the audit trail and the outbox.
    let mut stmt = conn.prepare(
        "SELECT at, action, after FROM audit_log
          WHERE (entity = 'payout_run' AND entity_id = ?1 AND action = 'statements_written')
             OR (entity = 'outbox' AND action = 'queue_statements' AND json_extract(after, '$.run') = ?1)
          ORDER BY id",
    )?;
    let rows = stmt.query_map(params![run_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    })?;
    let mut statements_written = None;
    for row in rows {
        let (at, action, after) = row?;
        let after: serde_json::Value = after
            .and_then(|a| serde_json::from_str(&a).ok())
            .unwrap_or_default();
        let n = |k: &str| {
            after
                .get(k)
                .and_then(serde_json::Value::as_u64)
                .unwrap_or(0)
        };
        let what = if action == "statements_written" {
            let dir = after
                .get("dir")
                .and_then(|d| d.as_str())
                .unwrap_or_default();
            statements_written = Some(format!("{} in {dir}", plural(n("files"), "statement")));
            format!("Wrote {} to {dir}", plural(n("files"), "statement"))
        } else {
            format!(
                "Queued {} ({} already queued)",
                plural(n("queued"), "statement email"),
                n("already")
            )
        };
        events.push(RunEvent {
            at,
            what,
            sha256: None,
        });
    }
    steps.push(MonthEndStep {
        key: "statements".into(),
        done: statements_written.is_some(),
        detail: statements_written.unwrap_or_else(|| "not written yet".into()),
    });
    let counts = run_statement_counts(conn, run_id)?;
    let count = |s: OutboxStatus| {
        counts
            .iter()
            .find(|(status, _)| *status == s)
            .map_or(0, |(_, n)| *n)
    };
    let (sent, failed) = (count(OutboxStatus::Sent), count(OutboxStatus::Failed));
    let waiting =
        count(OutboxStatus::Queued) + count(OutboxStatus::Sending) + count(OutboxStatus::Unknown);
    let queued: u32 = counts.iter().map(|(_, n)| n).sum();
    steps.push(MonthEndStep {
        key: "emails".into(),
        done: queued > 0 && sent + count(OutboxStatus::Cancelled) == queued,
        detail: if queued == 0 {
            "not queued yet".into()
        } else {
            format!("{sent} sent, {waiting} waiting, {failed} failed of {queued}")
        },
    });
    if sent > 0 {
        let last: Option<String> = conn.query_row(
            "SELECT max(sent_at) FROM outbox WHERE key IN (SELECT 'statement:' || id FROM payouts WHERE run_id = ?1)",
            [run_id],
            |r| r.get(0),
        )?;
        events.push(RunEvent {
            at: last.unwrap_or_default(),
            what: format!(
                "{} sent (the last at this time)",
                plural(u64::from(sent), "statement email")
            ),
            sha256: None,
        });
    }
    // Payouts settled.
    let (pending, last_settled): (u32, Option<String>) = conn.query_row(
        "SELECT count(*) FILTER (WHERE status = 'pending'), max(settled_at) FROM payouts WHERE run_id = ?1",
        [run_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if let Some(at) = last_settled {
        events.push(RunEvent {
            at,
            what: format!(
                "{} marked paid, {} failed (the last at this time)",
                plural(u64::from(run.settled_paid), "payout"),
                run.settled_failed
            ),
            sha256: None,
        });
    }
    steps.push(MonthEndStep {
        key: "paid".into(),
        done: pending == 0,
        detail: format!(
            "{} paid, {} failed, {pending} still to mark",
            run.settled_paid, run.settled_failed
        ),
    });
    events.sort_by(|a, b| a.at.cmp(&b.at));
    Ok(MonthEnd {
        run_id,
        steps,
        events,
    })
}

fn plural(n: u64, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
