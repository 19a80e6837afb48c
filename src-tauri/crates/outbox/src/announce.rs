//! Announcements: one message, written once with partner placeholders, to
//! every active partner of a group, a tag or the whole program. Each copy
//! goes through the outbox like a statement, so it survives restarts, is
//! retried, and never goes out twice.

use crate::error::{ErrorExt, OutboxError, Result};
use crate::messages::queue;
use crate::placeholders::partner_values;
use crate::templates::{check, MailTemplate};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::time::now;
use partnerbook_book::Book;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who an announcement goes to: always active partners only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Audience {
    All,
    Group { id: i64 },
    Tag { name: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AnnouncementInput {
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub audience: Audience,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Announcement {
    pub id: i64,
    pub subject: String,
    pub audience_label: String,
    pub recipients: u32,
    /// Copies the server has taken so far.
    pub sent: u32,
    pub created_at: String,
}

/// A partner to write to: id, email, name.
type Recipient = (i64, String, String);

/// The active partners `audience` names, with a label for people
/// ("group Influencers", "tag newsletter", "all active partners").
fn recipients(conn: &Connection, audience: &Audience) -> Result<(String, Vec<Recipient>)> {
    let (label, sql, arg): (String, &str, Option<rusqlite::types::Value>) = match audience {
        Audience::All => (
            "all active partners".into(),
            "SELECT id, email, name FROM partners WHERE status = 'active' ORDER BY sort_key, id",
            None,
        ),
        Audience::Group { id } => {
            let name: String = conn
                .query_row("SELECT name FROM groups WHERE id = ?1", [id], |r| r.get(0))
                .map_err(|_| OutboxError::not_found(format!("group #{id}")))?;
            (
                format!("group {name}"),
                "SELECT id, email, name FROM partners WHERE status = 'active' AND group_id = ?1
                  ORDER BY sort_key, id",
                Some((*id).into()),
            )
        }
        Audience::Tag { name } => {
            let id = partnerbook_book::tags::find_id(conn, name)?
                .ok_or_else(|| OutboxError::not_found(format!("tag \"{}\"", name.trim())))?;
            (
                format!("tag {}", name.trim()),
                "SELECT p.id, p.email, p.name FROM partners p JOIN partner_tags t ON t.partner_id = p.id
                  WHERE p.status = 'active' AND t.tag_id = ?1 ORDER BY p.sort_key, p.id",
                Some(id.into()),
            )
        }
    };
    let mut stmt = conn.prepare(sql)?;
    let map = |r: &rusqlite::Row<'_>| Ok((r.get(0)?, r.get(1)?, r.get(2)?));
    let rows = match arg {
        Some(a) => stmt
            .query_map([a], map)?
            .collect::<rusqlite::Result<Vec<_>>>()?,
        None => stmt
            .query_map([], map)?
            .collect::<rusqlite::Result<Vec<_>>>()?,
    };
    Ok((label, rows))
}

/// How many active partners `audience` reaches, and its label, before sending.
pub fn audience_size(book: &Book, audience: &Audience) -> Result<(String, u32)> {
    let (label, rows) = recipients(book.conn(), audience)?;
    Ok((label, rows.len() as u32))
}

/// Queues one copy per active partner of the audience, in one transaction.
pub fn announce(book: &mut Book, input: &AnnouncementInput, actor: Actor) -> Result<Announcement> {
    if input.subject.trim().is_empty() {
        return Err(OutboxError::invalid("subject", "is required"));
    }
    if input.text_body.trim().is_empty() {
        return Err(OutboxError::invalid(
            "text_body",
            "is required: every message has a plain-text part",
        ));
    }
    check(
        "announcement",
        &input.subject,
        &input.text_body,
        &input.html_body,
    )?;
    let tx = book.transaction()?;
    let (label, partners) = recipients(&tx, &input.audience)?;
    if partners.is_empty() {
        return Err(OutboxError::invalid(
            "audience",
            format!("{label} has no active partners: nobody to write to"),
        ));
    }
    let audience = match &input.audience {
        Audience::All => "all".to_string(),
        Audience::Group { id } => format!("group:{id}"),
        Audience::Tag { name } => format!("tag:{}", name.trim()),
    };
    let created_at = now();
    tx.execute(
        "INSERT INTO announcements (subject, text_body, html_body, audience, audience_label, recipients, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            input.subject.trim(),
            input.text_body,
            input.html_body,
            audience,
            label,
            partners.len() as i64,
            created_at
        ],
    )?;
    let id = tx.last_insert_rowid();
    let message = MailTemplate {
        name: "announcement".into(),
        subject: input.subject.trim().to_string(),
        text_body: input.text_body.clone(),
        html_body: input.html_body.clone(),
        placeholders: Vec::new(),
    };
    for (partner, email, name) in &partners {
        let values = partner_values(&tx, *partner)?;
        queue(
            &tx,
            &format!("announcement:{id}:{partner}"),
            Some(*partner),
            &message,
            (email, name),
            &values,
            None,
        )?;
    }
    audit::record(
        &tx,
        actor,
        "announcement",
        Some(id),
        "queue",
        None,
        Some(
            &serde_json::json!({ "subject": input.subject.trim(), "audience": label, "recipients": partners.len() }),
        ),
    )?;
    let announcement = get_in(&tx, id)?;
    tx.commit()?;
    Ok(announcement)
}

pub fn list(book: &Book) -> Result<Vec<Announcement>> {
    let mut stmt = book
        .conn()
        .prepare("SELECT id FROM announcements ORDER BY id DESC")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    ids.into_iter().map(|id| get_in(book.conn(), id)).collect()
}

fn get_in(conn: &Connection, id: i64) -> Result<Announcement> {
    Ok(conn.query_row(
        "SELECT a.id, a.subject, a.audience_label, a.recipients, a.created_at,
                (SELECT count(*) FROM outbox o WHERE o.key LIKE 'announcement:' || a.id || ':%' AND o.status = 'sent')
           FROM announcements a WHERE a.id = ?1",
        [id],
        |r| {
            Ok(Announcement {
                id: r.get(0)?,
                subject: r.get(1)?,
                audience_label: r.get(2)?,
                recipients: r.get(3)?,
                created_at: r.get(4)?,
                sent: r.get(5)?,
            })
        },
    )?)
}
