//! The outbox: every message the program sends waits here, in the book,
//! until the server took it. It survives restarts and offline days, and a
//! message is never sent twice: one found "sending" after a crash is set
//! aside as "unknown" for the manager to decide.

use super::templates::{fill, get_in as template};
use crate::audit::{self, Actor};
use crate::book::Book;
use crate::error::{CoreError, Result};
use crate::pdf::Fonts;
use crate::progress::Progress;
use crate::statements::{self, Statement};
use crate::time::now;
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

pub fn list(book: &Book, status: Option<OutboxStatus>, limit: u32) -> Result<Vec<OutboxMessage>> {
    let mut stmt = book.conn().prepare(
        "SELECT id, key, partner_id, template, to_email, to_name, subject, attachment_name, status, attempts,
                last_reply, next_attempt_at, created_at, sent_at
           FROM outbox WHERE (?1 IS NULL OR status = ?1) ORDER BY id DESC LIMIT ?2",
    )?;
    let rows = stmt
        .query_map(params![status, limit.clamp(1, 10_000)], |r| {
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

/// Queues one email per paid payout of approved run `run_id`, each with its
/// PDF statement attached. Queueing the run again adds nothing.
pub fn queue_statements(
    book: &mut Book,
    run_id: i64,
    progress: &dyn Progress,
) -> Result<QueueReport> {
    let run = crate::payouts::get_run(book, run_id)?;
    if run.status != crate::payouts::RunStatus::Approved {
        return Err(CoreError::conflict(
            "run",
            format!("run #{run_id} is not approved: no statements to send yet"),
        ));
    }
    let fonts = Fonts::load()?;
    let logo = statements::logo(book.conn())?;
    let tx = book.transaction()?;
    let template = template(&tx, "statement")?;
    let ids = crate::payouts::paid_payout_ids(&tx, run_id)?;
    let mut report = QueueReport {
        queued: 0,
        already: 0,
    };
    for (i, id) in ids.iter().enumerate() {
        progress.update("Queueing statements", i as u64, ids.len() as u64);
        progress.check()?;
        let key = format!("statement:{id}");
        if exists(&tx, &key)? {
            report.already += 1;
            continue;
        }
        let s = statements::data::read(&tx, *id)?;
        let values = statement_values(&tx, &s)?;
        let pdf = statements::render(&s, &fonts, logo.as_ref());
        queue(
            &tx,
            &key,
            Some(s.partner_id),
            &template,
            (&s.partner_email, &s.partner_name),
            &values,
            Some((&statements::file_name(&s), &pdf)),
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
    progress.update("Queueing statements", ids.len() as u64, ids.len() as u64);
    Ok(report)
}

pub(crate) fn statement_values<'a>(
    conn: &Connection,
    s: &Statement,
) -> Result<BTreeMap<&'a str, String>> {
    let mut v = partner_values(conn, s.partner_id)?;
    v.insert(
        "period",
        match &s.period_from {
            Some(from) => format!("{from} to {}", s.period_to),
            None => format!("the period through {}", s.period_to),
        },
    );
    v.insert("total", s.paid.to_string());
    v.insert("statement.number", s.number.clone());
    v.insert("run.fingerprint", s.fingerprint.clone());
    Ok(v)
}

pub(crate) fn partner_values<'a>(
    conn: &Connection,
    partner_id: i64,
) -> Result<BTreeMap<&'a str, String>> {
    let (name, first, email, company): (String, String, String, String) = conn
        .query_row(
            "SELECT name, first_name, email, company FROM partners WHERE id = ?1",
            [partner_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?
        .ok_or_else(|| CoreError::not_found(format!("partner #{partner_id}")))?;
    person_values(conn, &name, &first, &email, &company)
}

/// The partner and program placeholders for someone who may not be a
/// partner yet (an applicant): greeted by `first`, else their name's first word.
pub(crate) fn person_values<'a>(
    conn: &Connection,
    name: &str,
    first: &str,
    email: &str,
    company: &str,
) -> Result<BTreeMap<&'a str, String>> {
    let (program, business): (String, String) = conn.query_row(
        "SELECT program_name, business_name FROM program WHERE id = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let first = if first.is_empty() {
        name.split_whitespace().next().unwrap_or("")
    } else {
        first
    };
    let business = if business.is_empty() {
        program.clone()
    } else {
        business
    };
    Ok(BTreeMap::from([
        ("partner.name", name.to_string()),
        ("partner.first_name", first.to_string()),
        ("partner.email", email.to_string()),
        ("partner.company", company.to_string()),
        ("program.name", program),
        ("program.business_name", business),
    ]))
}

pub(crate) fn exists(conn: &Connection, key: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM outbox WHERE key = ?1)",
        [key],
        |r| r.get(0),
    )?)
}

pub(crate) type Parts<'a> = (&'a str, &'a str, &'a str);

/// Queues `template` filled with `values` (HTML-escaped in the HTML part)
/// for one recipient.
pub(crate) fn queue(
    conn: &Connection,
    key: &str,
    partner_id: Option<i64>,
    template: &super::MailTemplate,
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

pub(crate) fn insert(
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
        .ok_or_else(|| CoreError::not_found(format!("message #{id}")))?;
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
        return Err(CoreError::conflict(
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
