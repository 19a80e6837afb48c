//! Notes and the activity timeline of a partner: what happened, newest first.

use crate::error::{ErrorExt, PartnerError, Result};
use partnerbook_book::audit::Actor;
use partnerbook_book::time::now;
use partnerbook_book::Book;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActivityKind {
    Created,
    Updated,
    Status,
    Note,
    Email,
    Payout,
}

impl ActivityKind {
    fn as_str(self) -> &'static str {
        match self {
            ActivityKind::Created => "created",
            ActivityKind::Updated => "updated",
            ActivityKind::Status => "status",
            ActivityKind::Note => "note",
            ActivityKind::Email => "email",
            ActivityKind::Payout => "payout",
        }
    }
    fn parse(s: &str) -> ActivityKind {
        match s {
            "created" => ActivityKind::Created,
            "status" => ActivityKind::Status,
            "note" => ActivityKind::Note,
            "email" => ActivityKind::Email,
            "payout" => ActivityKind::Payout,
            _ => ActivityKind::Updated,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Activity {
    pub id: i64,
    pub partner_id: i64,
    pub at: String,
    pub kind: ActivityKind,
    pub actor: Actor,
    pub summary: String,
    pub body: String,
}

pub fn add(
    conn: &Connection,
    partner_id: i64,
    kind: ActivityKind,
    actor: Actor,
    summary: &str,
    body: &str,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO activities (partner_id, at, kind, actor, summary, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![partner_id, now(), kind.as_str(), actor.as_str(), summary, body])?;
    Ok(conn.last_insert_rowid())
}

/// Adds a note to the partner's timeline.
pub fn add_note(book: &mut Book, partner_id: i64, text: &str, actor: Actor) -> Result<Activity> {
    let tx = book.transaction()?;
    let id = add_note_in(&tx, partner_id, text, actor)?;
    let activity = get(&tx, id)?;
    tx.commit()?;
    Ok(activity)
}

pub fn add_note_in(conn: &Connection, partner_id: i64, text: &str, actor: Actor) -> Result<i64> {
    let text = text.trim();
    if text.is_empty() {
        return Err(PartnerError::invalid("note", "is empty"));
    }
    if text.chars().count() > 10_000 {
        return Err(PartnerError::invalid(
            "note",
            "is longer than 10,000 characters",
        ));
    }
    super::store::get(conn, partner_id)?;
    add(conn, partner_id, ActivityKind::Note, actor, "Note", text)
}

fn get(conn: &Connection, id: i64) -> Result<Activity> {
    Ok(conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)?)
}

const SELECT: &str = "SELECT id, partner_id, at, kind, actor, summary, body FROM activities";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Activity> {
    Ok(Activity {
        id: r.get(0)?,
        partner_id: r.get(1)?,
        at: r.get(2)?,
        kind: ActivityKind::parse(&r.get::<_, String>(3)?),
        actor: Actor::parse(&r.get::<_, String>(4)?),
        summary: r.get(5)?,
        body: r.get(6)?,
    })
}

/// The partner's timeline, newest first.
pub fn list(book: &Book, partner_id: i64) -> Result<Vec<Activity>> {
    let mut stmt = book.conn().prepare(&format!(
        "{SELECT} WHERE partner_id = ?1 ORDER BY at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([partner_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
