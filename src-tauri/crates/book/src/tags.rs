//! Tags: free labels for segments ("newsletter", "youtube"). Created on
//! first use; names are unique regardless of case.

use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Tag {
    pub id: i64,
    pub name: String,
    pub partner_count: i64,
}

pub fn list(conn: &Connection) -> Result<Vec<Tag>> {
    let mut stmt = conn.prepare(
        "SELECT t.id, t.name, (SELECT count(*) FROM partner_tags pt WHERE pt.tag_id = t.id)
           FROM tags t ORDER BY t.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Tag {
            id: r.get(0)?,
            name: r.get(1)?,
            partner_count: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn find_id(conn: &Connection, name: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM tags WHERE name = ?1")?
        .query_row([name.trim()], |r| r.get(0))
        .optional()?)
}

pub fn ensure(conn: &Connection, name: &str) -> Result<i64> {
    if let Some(id) = find_id(conn, name)? {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO tags (name) VALUES (?1)")?
        .execute([name])?;
    Ok(conn.last_insert_rowid())
}

pub fn list_for_partner(conn: &Connection, partner_id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.name FROM partner_tags pt JOIN tags t ON t.id = pt.tag_id
          WHERE pt.partner_id = ?1 ORDER BY t.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([partner_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces the partner's tags with `names` (already validated).
pub fn set_for_partner(conn: &Connection, partner_id: i64, names: &[String]) -> Result<()> {
    let current = list_for_partner(conn, partner_id)?;
    let wanted: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    for name in &current {
        if !wanted.contains(&name.to_lowercase()) {
            conn.prepare_cached(
                "DELETE FROM partner_tags WHERE partner_id = ?1 AND tag_id = (SELECT id FROM tags WHERE name = ?2)",
            )?
            .execute(params![partner_id, name])?;
        }
    }
    let have: Vec<String> = current.iter().map(|n| n.to_lowercase()).collect();
    for name in names {
        if !have.contains(&name.to_lowercase()) {
            let tag_id = ensure(conn, name)?;
            conn.prepare_cached("INSERT INTO partner_tags (partner_id, tag_id) VALUES (?1, ?2)")?
                .execute(params![partner_id, tag_id])?;
        }
    }
    Ok(())
}
