//! The outbox: every message the program sends waits here, in the book,
//! until the server took it. It survives restarts and offline days, and a
//! message is never sent twice: one found "sending" after a crash is set
//! aside as "unknown" for the manager to decide.

use crate::error::{ErrorExt, OutboxError, Result};
use crate::placeholders::fill;
use crate::templates::MailTemplate;
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::text_enum;
use partnerbook_book::time::now;
use partnerbook_book::Book;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

text_enum!(
    /// queued → sending → sent | failed; unknown after a crash mid-send.
    OutboxStatus { Queued = "queued", Sending = "sending", Sent = "sent", Failed = "failed", Unknown = "unknown", Cancelled = "cancelled" }
);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OutboxMessage {
    pub id: i64,
    pub key: String,
    pub partner_id: Option<i64>,
    pub template: String,
    pub to_email: String,
    pub to_name: String,
    pub subject: String,
    pub attachment_name: Option<String>,
    pub status: OutboxStatus,
    pub attempts: u32,
    pub last_reply: Option<String>,
    pub next_attempt_at: String,
    pub created_at: String,
    pub sent_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QueueReport {
    pub queued: u32,
    /// Already in the outbox from an earlier queueing: not added again.
    pub already: u32,
}

/// The newest `limit` messages, of one status and one payout run's
/// statements when given.
pub fn list(
    book: &Book,
    status: Option<OutboxStatus>,
    run_id: Option<i64>,
    limit: u32,
) -> Result<Vec<OutboxMessage>> {
    let mut stmt = book.conn().prepare(
        "SELECT id, key, partner_id, template, to_email, to_name, subject, attachment_name, status, attempts,
                last_reply, next_attempt_at, created_at, sent_at
           FROM outbox
          WHERE (?1 IS NULL OR status = ?1)
            AND (?3 IS NULL OR key IN (SELECT 'statement:' || id FROM payouts WHERE run_id = ?3))
          ORDER BY id DESC LIMIT ?2",
    )?;
    let rows = stmt
        .query_map(params![status, limit.clamp(1, 10_000), run_id], |r| {
            Ok(OutboxMessage {
                id: r.get(0)?,
                key: r.get(1)?,
                partner_id: r.get(2)?,
                template: r.get(3)?,
                to_email: r.get(4)?,
                to_name: r.get(5)?,
                subject: r.get(6)?,
                attachment_name: r.get(7)?,
                status: r.get(8)?,
                attempts: r.get(9)?,
                last_reply: r.get(10)?,
                next_attempt_at: r.get(11)?,
                created_at: r.get(12)?,
                sent_at: r.get(13)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// How the statement emails of payout run `run_id` stand, by status.
pub fn run_statement_counts(conn: &Connection, run_id: i64) -> Result<Vec<(OutboxStatus, u32)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT status, count(*) FROM outbox
          WHERE key IN (SELECT 'statement:' || id FROM payouts WHERE run_id = ?1)
          GROUP BY status ORDER BY status",
    )?;
    let rows = stmt.query_map([run_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn exists(conn: &Connection, key: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM outbox WHERE key = ?1)",
        [key],
        |r| r.get(0),
    )?)
}

pub(crate) type Parts<'a> = (&'a str, &'a str, &'a str);

/// Queues `template` filled with `values` (HTML-escaped in the HTML part)
/// for one recipient.
pub fn queue(
    conn: &Connection,
    key: &str,
    partner_id: Option<i64>,
    template: &MailTemplate,
    to: (&str, &str),
    values: &BTreeMap<&str, String>,
    attachment: Option<(&str, &[u8])>,
) -> Result<()> {
    insert(
        conn,
        key,
        partner_id,
        &template.name,
        to,
        (
            &fill(&template.subject, values, false),
            &fill(&template.text_body, values, false),
            &fill(&template.html_body, values, true),
        ),
        attachment,
    )
}

pub fn insert(
    conn: &Connection,
    key: &str,
    partner_id: Option<i64>,
    template: &str,
    (to_email, to_name): (&str, &str),
    (subject, text, html): Parts,
    attachment: Option<(&str, &[u8])>,
) -> Result<()> {
    let stamp = now();
    conn.prepare_cached(
        "INSERT INTO outbox (key, partner_id, template, to_email, to_name, subject, text_body, html_body,
            attachment_name, attachment, status, next_attempt_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'queued', ?11, ?11)",
    )?
    .execute(params![
        key,
        partner_id,
        template,
        to_email,
        to_name,
        subject,
        text,
        html,
        attachment.map(|a| a.0),
        attachment.map(|a| a.1),
        stamp
    ])?;
    Ok(())
}

/// What the manager decides about a message: "it went" (mark sent), send
/// it again, or cancel it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Decision {
    MarkSent,
    Retry,
    Cancel,
}

pub fn decide(book: &mut Book, id: i64, decision: Decision, actor: Actor) -> Result<()> {
    let tx = book.transaction()?;
    let status: OutboxStatus = tx
        .query_row("SELECT status FROM outbox WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| OutboxError::not_found(format!("message #{id}")))?;
    let allowed = match decision {
        Decision::MarkSent => status == OutboxStatus::Unknown,
        Decision::Retry => matches!(
            status,
            OutboxStatus::Unknown | OutboxStatus::Failed | OutboxStatus::Cancelled
        ),
        Decision::Cancel => matches!(
            status,
            OutboxStatus::Queued | OutboxStatus::Failed | OutboxStatus::Unknown
        ),
    };
    if !allowed {
        return Err(OutboxError::conflict(
            "status",
            format!(
                "message #{id} is {}: {decision:?} does not apply",
                status.as_str()
            ),
        ));
    }
    let stamp = now();
    match decision {
        Decision::MarkSent => tx.execute(
            "UPDATE outbox SET status = 'sent', sent_at = ?2, last_reply = coalesce(last_reply, '') || ' (marked sent by the manager)' WHERE id = ?1",
            params![id, stamp],
        )?,
        Decision::Retry => tx.execute(
            "UPDATE outbox SET status = 'queued', next_attempt_at = ?2 WHERE id = ?1",
            params![id, stamp],
        )?,
        Decision::Cancel => tx.execute("UPDATE outbox SET status = 'cancelled' WHERE id = ?1", [id])?,
    };
    audit::record(
        &tx,
        actor,
        "outbox",
        Some(id),
        &format!("{decision:?}"),
        None,
        None,
    )?;
    tx.commit()?;
    Ok(())
}
