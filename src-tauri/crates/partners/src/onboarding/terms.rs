//! Program terms, versioned. Publishing a new version makes every partner
//! who accepted an older one accept again before their next payout.

use crate::error::{ErrorExt, PartnerError, Result};
use partnerbook_book::audit::{self, Actor};
use partnerbook_book::time::now;
use partnerbook_book::Book;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TermsVersion {
    pub version: String,
    pub body: String,
    pub published_at: String,
    /// Active partners who accepted exactly this version.
    pub accepted_by: u32,
}

/// The latest published version, if any was published.
pub fn current(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT version FROM terms_versions ORDER BY published_at DESC, rowid DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn publish(book: &mut Book, version: &str, body: &str, actor: Actor) -> Result<TermsVersion> {
    let version = version.trim();
    if version.is_empty() || version.len() > 40 {
        return Err(PartnerError::invalid(
            "version",
            "give the version a short name, like 2026-12",
        ));
    }
    if body.trim().is_empty() {
        return Err(PartnerError::invalid("body", "the terms' text is required"));
    }
    let tx = book.transaction()?;
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM terms_versions WHERE version = ?1)",
        [version],
        |r| r.get(0),
    )?;
    if taken {
        return Err(PartnerError::conflict(
            "version",
            format!("terms {version} were published already: name the new text anew"),
        ));
    }
    tx.execute(
        "INSERT INTO terms_versions (version, body, published_at) VALUES (?1, ?2, ?3)",
        params![version, body, now()],
    )?;
    audit::record(
        &tx,
        actor,
        "terms",
        None,
        "publish",
        None,
        Some(&serde_json::json!({ "version": version })),
    )?;
    tx.commit()?;
    Ok(list(book)?.into_iter().next().expect("just published"))
}

/// Newest first.
pub fn list(book: &Book) -> Result<Vec<TermsVersion>> {
    let mut stmt = book.conn().prepare(
        "SELECT t.version, t.body, t.published_at,
                (SELECT count(*) FROM partners p WHERE p.status = 'active' AND p.terms_version = t.version)
           FROM terms_versions t ORDER BY t.published_at DESC, t.rowid DESC",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(TermsVersion {
                version: r.get(0)?,
                body: r.get(1)?,
                published_at: r.get(2)?,
                accepted_by: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
