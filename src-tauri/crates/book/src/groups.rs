//! Groups (tiers): every partner is in at most one; later issues attach a
//! commission plan to each.

use crate::audit::{self, Actor};
use crate::book::Book;
use crate::error::{BookError, ErrorExt, Result};
use crate::time::now;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Group {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub partner_count: i64,
}

pub fn list(conn: &Connection) -> Result<Vec<Group>> {
    let mut stmt = conn.prepare(
        "SELECT g.id, g.name, g.description, (SELECT count(*) FROM partners p WHERE p.group_id = g.id)
           FROM groups g ORDER BY g.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Group {
            id: r.get(0)?,
            name: r.get(1)?,
            description: r.get(2)?,
            partner_count: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn find_id(conn: &Connection, name: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM groups WHERE name = ?1")?
        .query_row([name.trim()], |r| r.get(0))
        .optional()?)
}

/// Creates a group; its name must be new (ignoring case).
pub fn create(conn: &Connection, name: &str, description: &str, actor: Actor) -> Result<i64> {
    let name = name.trim();
    if name.is_empty() {
        return Err(BookError::invalid("group", "a group needs a name"));
    }
    if find_id(conn, name)?.is_some() {
        return Err(BookError::conflict(
            "group",
            format!("a group named \"{name}\" already exists"),
        ));
    }
    conn.execute(
        "INSERT INTO groups (name, description, created_at) VALUES (?1, ?2, ?3)",
        params![name, description.trim(), now()],
    )?;
    let id = conn.last_insert_rowid();
    let after = serde_json::json!({ "name": name, "description": description.trim() });
    audit::record(conn, actor, "group", Some(id), "create", None, Some(&after))?;
    Ok(id)
}

/// Creates a group in its own transaction and returns its id.
pub fn add(book: &mut Book, name: &str, description: &str, actor: Actor) -> Result<i64> {
    let tx = book.transaction()?;
    let id = create(&tx, name, description, actor)?;
    tx.commit()?;
    Ok(id)
}

/// The id of the group with this name, created if it does not exist yet
/// (imports name groups rather than numbering them).
pub fn ensure(conn: &Connection, name: &str, actor: Actor) -> Result<i64> {
    match find_id(conn, name)? {
        Some(id) => Ok(id),
        None => create(conn, name, "", actor),
    }
}

/// Renames a group; the new name must be free (ignoring case).
pub fn rename(conn: &Connection, id: i64, name: &str, actor: Actor) -> Result<()> {
    let name = name.trim();
    if name.is_empty() {
        return Err(BookError::invalid("group", "a group needs a name"));
    }
    let before: String = conn
        .query_row("SELECT name FROM groups WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| BookError::not_found(format!("group {id}")))?;
    if before == name {
        return Ok(());
    }
    if find_id(conn, name)?.is_some_and(|other| other != id) {
        return Err(BookError::conflict(
            "group",
            format!("a group named \"{name}\" already exists"),
        ));
    }
    conn.execute(
        "UPDATE groups SET name = ?2 WHERE id = ?1",
        params![id, name],
    )?;
    audit::record(
        conn,
        actor,
        "group",
        Some(id),
        "update",
        Some(&serde_json::json!({ "name": before })),
        Some(&serde_json::json!({ "name": name })),
    )?;
    Ok(())
}
