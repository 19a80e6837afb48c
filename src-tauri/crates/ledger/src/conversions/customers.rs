//! Customers a platform tells us about before (or without) their sales:
//! sync writes them with the partner the platform says they belong to, so
//! their later sales and refunds follow that partner.

use crate::error::Result;
use partnerbook_book::time::now;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Remembered {
    Added(i64),
    /// The email or the partner was filled in.
    Changed(i64),
    Unchanged(i64),
    /// The customer already belongs to another partner here (from a sale):
    /// kept as it is.
    OtherPartner {
        id: i64,
        ours: i64,
    },
}

/// Adds or completes customer (`source`, `external_id`). A partner is set
/// only where none is yet: a customer's partner comes from their first
/// attributed sale and is never moved by a later word.
pub fn remember(
    conn: &Connection,
    source: &str,
    external_id: &str,
    email: &str,
    partner_id: Option<i64>,
) -> Result<Remembered> {
    let (source, external_id, email) = (source.trim(), external_id.trim(), email.trim());
    let found: Option<(i64, String, Option<i64>)> = conn
        .prepare_cached(
            "SELECT id, email, partner_id FROM customers WHERE source = ?1 AND external_id = ?2",
        )?
        .query_row(params![source, external_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let Some((id, old_email, old_partner)) = found else {
        conn.prepare_cached(
            "INSERT INTO customers (source, external_id, email, partner_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![source, external_id, email, partner_id, now()])?;
        return Ok(Remembered::Added(conn.last_insert_rowid()));
    };
    let new_email = if old_email.is_empty() && !email.is_empty() {
        email
    } else {
        &old_email
    };
    let new_partner = old_partner.or(partner_id);
    if let (Some(ours), Some(theirs)) = (old_partner, partner_id) {
        if ours != theirs {
            return Ok(Remembered::OtherPartner { id, ours });
        }
    }
    if new_email == old_email && new_partner == old_partner {
        return Ok(Remembered::Unchanged(id));
    }
    conn.prepare_cached("UPDATE customers SET email = ?2, partner_id = ?3 WHERE id = ?1")?
        .execute(params![id, new_email, new_partner])?;
    Ok(Remembered::Changed(id))
}
